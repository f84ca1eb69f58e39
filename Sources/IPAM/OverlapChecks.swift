import Addressing
import Spec

extension PlanBuilder {
    /// Shoot ranges must be mutually disjoint per family — except IPv6 nodes and pods in
    /// node-prefix mode, which coincide by design (every node prefix carries its pods).
    mutating func checkOverlaps() {
        for family in plan.ipFamilies {
            let ranges = plan.networks.filter { $0.family == family }
            for (i, a) in ranges.enumerated() {
                for b in ranges[(i + 1)...] where a.kind != b.kind && a.prefix.overlaps(b.prefix) {
                    let pair = Set([a.kind, b.kind])
                    // Node-prefix mode: nodes and pods are the VPC; services may be a reservation
                    // inside it. What must stay disjoint is checked against the zone subnets below.
                    if plan.podModes[family] == .nodePrefix && a.kind != .services { continue }
                    let code: DiagnosticCode = pair == [.nodes, .pods] ? .overlapNodesPods
                        : pair == [.nodes, .services] ? .overlapNodesServices : .overlapPodsServices
                    let moved = b.source == .spec ? b : a
                    let suggestion = freePrefix(like: moved.prefix, avoiding: ranges.map(\.prefix))
                        .map { "; e.g. move \(moved.kind.rawValue) to \($0)" } ?? "; choose disjoint ranges"
                    report(code, path: path(of: moved),
                           "\(a.kind.rawValue) \(a.prefix) overlap\(a.kind == .pods || a.kind == .nodes ? "" : "s") \(b.kind.rawValue) \(b.prefix)\(suggestion)",
                           objects: [.network(a.kind, a.prefix), .network(b.kind, b.prefix)], at: moved.location)
                }
            }
        }
        checkNodePrefixServices()
        checkSeedOverlaps()
        checkReservedRanges()
    }

    /// Node-prefix mode: services must miss every zone subnet node prefixes are delegated
    /// from (and so every node and pod prefix).
    private mutating func checkNodePrefixServices() {
        guard plan.podModes[.v6] == .nodePrefix, let services = plan.range(.services, .v6) else { return }
        for s in plan.subnets where s.prefix.family == .v6 && s.prefix.overlaps(services.prefix) {
            report(.overlapNodesServices, path: path(of: services),
                   "services \(services.prefix) overlap the zone subnet \(s.prefix) (\(s.name)) that node prefixes are delegated from; reserve services outside the zone subnets",
                   objects: [.network(.services, services.prefix), .subnet(s.name)], at: services.location)
        }
    }

    /// `spec.networking.pods[1]` for a spec range, `status.networking.pods` or the field otherwise.
    func path(of r: PlannedRange) -> String {
        switch r.source {
        case .spec: "spec.networking.\(r.kind.rawValue)" + (r.specIndex.map { "[\($0)]" } ?? "")
        case .status: "status.networking.\(r.kind.rawValue)"
        case .observed, .simulated: "spec.networking.\(r.kind.rawValue)"
        }
    }

    /// The first prefix of the same length after `p` (then before it) that overlaps none of
    /// `others` — a concrete fix to suggest.
    func freePrefix(like p: IPPrefix, avoiding others: [IPPrefix]) -> IPPrefix? {
        guard p.hostBits < 128 else { return nil }
        let step = UInt128(1) << UInt128(p.hostBits)
        var candidates: [IPPrefix] = []
        // Just past (and just before) every range in the way, then the neighbours of p.
        for o in others where o.overlaps(p) {
            if let after = o.last.adding(1) { candidates.append(IPPrefix(masking: after, length: p.length)) }
            if o.network.value >= step, let before = o.network.subtracting(step) { candidates.append(IPPrefix(masking: before, length: p.length)) }
        }
        var up = p.network, down = p.network
        for _ in 0..<64 {
            if let next = up.adding(step) { up = next; candidates.append(IPPrefix(masking: next, length: p.length)) }
            if let prev = down.subtracting(step) { down = prev; candidates.append(IPPrefix(masking: prev, length: p.length)) }
        }
        let reserved = Self.gardenerReserved
        return candidates.first { c in
            !others.contains { $0.overlaps(c) } && !reserved.contains { $0.prefix.overlaps(c) }
                && c.specialRanges.allSatisfy { !Self.unroutableKinds.contains($0.range.kind) }
                && !(settings.seed.map { s in NetworkKind.allCases.contains { k in s[k].contains { $0.value.overlaps(c) } } } ?? false)
        }
    }

    /// Shoot vs seed: IPv6 must be disjoint (routed end to end); IPv4 overlaps are tolerated
    /// by Gardener's VPN and reported as info.
    mutating func checkSeedOverlaps() {
        guard let seed = settings.seed else { return }
        for r in plan.networks {
            for kind in NetworkKind.allCases {
                for s in seed[kind] where s.value.overlaps(r.prefix) {
                    let v6 = r.family == .v6
                    report(.overlapSeed, path: path(of: r),
                           "shoot \(r.kind.rawValue) \(r.prefix) overlaps seed \(kind.rawValue) \(s.value)"
                               + (v6 ? "; IPv6 ranges must be unique across seed and shoot" : " (tolerated for IPv4: Gardener's VPN handles it)"),
                           objects: [.network(r.kind, r.prefix), .seedNetwork(kind, s.value)], at: r.location,
                           severity: v6 ? .error : .info)
                }
            }
        }
    }
}
