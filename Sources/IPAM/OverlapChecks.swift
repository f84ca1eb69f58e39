import Addressing
import Spec

extension PlanBuilder {
    /// Shoot ranges must be mutually disjoint per family — except IPv6 nodes and pods in
    /// node-prefix mode, which coincide by design (every node prefix carries its pods).
    mutating func checkOverlaps() {
        // Pairs of the plan's ranges themselves, no list per family: every planned shoot of a
        // landscape comes here and nearly none has an overlap.
        let networks = plan.networks
        for family in plan.ipFamilies {
            for i in networks.indices where networks[i].family == family {
                let a = networks[i]
                for b in networks[(i + 1)...] where b.family == family && a.kind != b.kind && a.prefix.overlaps(b.prefix) {
                    // Node-prefix mode: nodes and pods are the VPC; services may be a reservation
                    // inside it. What must stay disjoint is checked against the zone subnets below.
                    if plan.podModes[family] == .nodePrefix && a.kind != .services { continue }
                    let pair = Set([a.kind, b.kind])
                    let code: DiagnosticCode = pair == [.nodes, .pods] ? .overlapNodesPods
                        : pair == [.nodes, .services] ? .overlapNodesServices : .overlapPodsServices
                    let moved = b.source == .spec ? b : a
                    let suggestion = freePrefix(like: moved.prefix, avoiding: networks.filter { $0.family == family }.map(\.prefix))
                        .map { "; e.g. move \(moved.kind.rawValue) to \($0)" } ?? "; choose disjoint ranges"
                    let checked = gardenerChecksDisjointness(a, b)
                    let why = checked ? "" : " (Gardener does not check this pair, but \(Self.overlapConsequence(pair)))"
                    report(code, path: path(of: moved),
                           "\(a.kind.rawValue) \(a.prefix) overlap\(a.kind == .pods || a.kind == .nodes ? "" : "s") \(b.kind.rawValue) \(b.prefix)\(why)\(suggestion)",
                           objects: [.network(a.kind, a.prefix), .network(b.kind, b.prefix)], at: moved.location,
                           origin: checked ? .gardener : .kubernetes)
                }
            }
        }
        checkNodePrefixServices()
        checkSeedOverlaps()
        checkReservedRanges()
    }

    /// Gardener checks the shoot's own ranges for overlaps only on the spec's single CIDR strings
    /// (after the seed's defaults), and only when the shoot has IPv4 (`validateShootNetworks`
    /// → `ValidateShootNetworkDisjointedness`, gardener plugin/pkg/shoot/validator/admission.go
    /// and pkg/utils/validation/cidr/disjoint.go). IPv6 ranges of a dual-stack shoot live in
    /// the status, and IPv6 single-stack is not checked at all.
    func gardenerChecksDisjointness(_ a: PlannedRange, _ b: PlannedRange) -> Bool {
        plan.ipFamilies.contains(.v4) && isGardenerSpecString(a) && isGardenerSpecString(b)
    }

    /// The range stands for the one CIDR string Gardener's spec field holds: the field's only
    /// entry, or in the tuple notation its IPv4 entry (Gardener keeps the IPv6 ones in the
    /// status), or the seed's default that fills the field.
    func isGardenerSpecString(_ r: PlannedRange) -> Bool {
        switch r.source {
        case .seedDefault, .assumed: true
        case .spec: r.family == .v4 || shoot.networking[r.kind].count == 1
        default: false
        }
    }

    /// Why an overlap Gardener lets through still breaks the cluster.
    static func overlapConsequence(_ pair: Set<NetworkKind>) -> String {
        if pair == [.pods, .services] { return "pod and service addresses become ambiguous: kube-proxy captures pod traffic" }
        if pair == [.nodes, .services] { return "service addresses shadow node addresses" }
        return "pod addresses collide with node addresses"
    }

    /// Node-prefix mode: services must miss every node's prefix and pod CIDR. On AWS the
    /// range is a CIDR reservation inside a worker subnet, which keeps ENIs away from it
    /// (infraflow `ensureSubnetCidrReservation`); GCP cannot reserve, so there services must
    /// miss the node subnet altogether.
    private mutating func checkNodePrefixServices() {
        guard plan.podModes[.v6] == .nodePrefix, let services = plan.range(.services, .v6) else { return }
        let clash = plan.nodes.withUnsafeBufferPointer { nodes in
            nodes.indices.first { i in
                (nodes[i].nodePrefix?.overlaps(services.prefix) ?? false) || nodes[i].podCIDRs.contains { $0.overlaps(services.prefix) }
            }.map { nodes[$0].name }
        }
        if let node = clash {
            report(.overlapNodesServices, path: path(of: services),
                   "services \(services.prefix) overlap the prefix or pod CIDR of node \(node); service and pod addresses would collide",
                   objects: [.network(.services, services.prefix), .node(node)], at: services.location, origin: .kubernetes)
        }
        guard profile.provider != .aws else { return }
        for s in plan.subnets where s.prefix.family == .v6 && s.purpose == .workers && s.prefix.overlaps(services.prefix) {
            report(.overlapNodesServices, path: path(of: services),
                   "services \(services.prefix) overlap the zone subnet \(s.prefix) (\(s.name)) that node prefixes are delegated from; reserve services outside the zone subnets",
                   objects: [.network(.services, services.prefix), .subnet(s.name)], at: services.location, origin: .kubernetes)
        }
    }

    /// `spec.networking.pods[1]` for a spec range, `status.networking.pods` or the field otherwise.
    func path(of r: PlannedRange) -> String { r.fieldPath }

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
                && c.specialRanges.allSatisfy { !$0.range.kind.isUnroutable }
                && !(settings.seed.map { s in NetworkKind.allCases.contains { k in s[k].contains { $0.value.overlaps(c) } } } ?? false)
        }
    }

    /// Shoot vs seed: IPv6 must be disjoint (routed end to end); IPv4 overlaps are tolerated
    /// by Gardener's VPN and reported as info. Gardener checks IPv6 shoot ranges against the
    /// seed's (`validateOverlapWithSeed`, gardener pkg/utils/validation/cidr/disjoint.go): the
    /// validator when the shoot has IPv4, the scheduler (`networksAreDisjointed`) for every
    /// shoot, which then finds no seed.
    mutating func checkSeedOverlaps() {
        guard let seed = settings.seed else { return }
        // By index, reading only the prefixes: a copy of each located range retained its
        // file's name, 36 times for every shoot of a landscape, to find nothing.
        let networks = plan.networks, kinds = NetworkKind.allCases
        for i in networks.indices {
            let prefix = networks[i].prefix
            for kind in kinds {
                let ranges = seed[kind]
                for j in ranges.indices where ranges[j].value.overlaps(prefix) {
                    let r = networks[i], s = ranges[j]
                    let v6 = r.family == .v6
                    report(.overlapSeed, path: path(of: r),
                           "shoot \(r.kind.rawValue) \(r.prefix) overlaps seed \(kind.rawValue) \(s.value)"
                               + (v6 ? "; IPv6 ranges must be unique across seed and shoot (no NAT between them)"
                                     : " (tolerated for IPv4: Gardener's VPN handles it)"),
                           objects: [.network(r.kind, r.prefix), .seedNetwork(kind, s.value)], at: r.location,
                           severity: v6 ? .error : .info)
                }
            }
        }
    }
}
