import Addressing
import Spec

extension PlanBuilder {
    /// Gardener's IPv4 defaults for ranges the spec leaves out.
    static let defaultIPv4Pods = IPPrefix(masking: IPAddress(v4: 0x6460_0000), length: 11)      // 100.96.0.0/11
    static let defaultIPv4Services = IPPrefix(masking: IPAddress(v4: 0x6440_0000), length: 13)  // 100.64.0.0/13

    /// The service range of the `well-known` strategy when the settings name none: one fixed,
    /// not globally unique prefix shared by every shoot (a documentation prefix until one is
    /// standardised, as the proposal leaves open).
    static let defaultWellKnownServices = IPPrefix(masking: IPAddress(v6: UInt128(0x2001_0db8_ffff) << 80), length: 108)

    /// Resolves every `nodes`/`pods`/`services` range per family: from the spec, from the
    /// shoot status, or simulated from the provider pool for AUTOv6.
    mutating func resolveRanges() {
        var resolved: [PlannedRange] = []
        var autoKinds: [NetworkKind] = []
        for kind in NetworkKind.allCases {
            for family in plan.ipFamilies {
                let slots = shoot.networking[kind].enumerated().filter { $0.element.family == family }
                let path = "spec.networking.\(kind.rawValue)"
                if let (i, slot) = slots.first, let prefix = slot.prefix {
                    resolved.append(PlannedRange(kind: kind, prefix: prefix, source: .spec, location: slot.location, specIndex: i))
                    continue
                }
                if let status = shoot.status?[kind].first(where: { $0.value.family == family }) {
                    resolved.append(PlannedRange(kind: kind, prefix: status.value, source: .status, location: status.location))
                    continue
                }
                let written = slots.first
                if family == .v6 {
                    if written == nil {
                        report(.defaultsApplied, path: path,
                               "no IPv6 \(kind.rawValue) range given; treated as AUTOv6", at: shoot.networking.fieldLocations[kind])
                    }
                    if profile.hasIPv6Pool {
                        autoKinds.append(kind)
                    } else {
                        report(.autoUnsupported, path: written.map { "\(path)[\($0.offset)]" } ?? path,
                               "\(shoot.provider.value) has no provider IPv6 pool, so \(kind.rawValue) cannot be AUTOv6; bring your own prefix (a ULA such as fd00::/8 on Azure, whose egress is NATed)",
                               at: written?.element.location ?? shoot.networking.fieldLocations[kind])
                    }
                    continue
                }
                // An entry that did not parse was already reported; don't pile on.
                if shoot.networking[kind].contains(where: { $0.family == nil }) { continue }
                switch kind {
                case .nodes:
                    report(.missingRange, path: path, "no IPv4 nodes range given; the provider needs one (e.g. 10.250.0.0/16)",
                           at: shoot.networking.fieldLocations[kind])
                case .pods:
                    resolved.append(PlannedRange(kind: kind, prefix: Self.defaultIPv4Pods, source: .spec))
                    report(.defaultsApplied, path: path, "no IPv4 pods range given; Gardener defaults it to \(Self.defaultIPv4Pods)")
                case .services:
                    resolved.append(PlannedRange(kind: kind, prefix: Self.defaultIPv4Services, source: .spec))
                    report(.defaultsApplied, path: path, "no IPv4 services range given; Gardener defaults it to \(Self.defaultIPv4Services)")
                }
            }
        }
        let vpc = ipv6Base(given: resolved)
        if let vpc { plan.vpc.append(vpc) }
        for kind in autoKinds {
            if kind == .services, settings.serviceStrategy?.value == .wellKnown {
                let p = settings.wellKnownServices?.value ?? Self.defaultWellKnownServices
                resolved.append(PlannedRange(kind: kind, prefix: p, source: .spec, location: settings.wellKnownServices?.location))
                continue
            }
            guard let base = vpc?.prefix, let p = simulatedRange(kind, base: base) else { continue }
            resolved.append(PlannedRange(kind: kind, prefix: p, source: .simulated))
        }
        if let v4 = resolved.first(where: { $0.kind == .nodes && $0.family == .v4 }), plan.provider != .openstack {
            plan.vpc.insert(PlannedRange(kind: .nodes, prefix: v4.prefix, source: v4.source, location: v4.location), at: 0)
        }
        let order = plan.ipFamilies
        plan.networks = resolved.sorted { a, b in
            if a.kind != b.kind { return a.kind < b.kind }
            return (order.firstIndex(of: a.family) ?? 9) < (order.firstIndex(of: b.family) ?? 9)
        }
    }

    /// The IPv6 VPC (aws, gcp, azure) or subnet (openstack) every IPv6 range lives in: derived
    /// from a given nodes range, or picked deterministically from the simulation pool.
    func ipv6Base(given: [PlannedRange]) -> PlannedRange? {
        guard plan.ipFamilies.contains(.v6) else { return nil }
        if let nodes = given.first(where: { $0.kind == .nodes && $0.family == .v6 }) {
            // OpenStack: the /64 subnet holding the nodes' allocation pool. Hyperscalers: the
            // nodes range is the VPC (or, as on GCP, the one regional subnet) itself.
            let base = profile.provider == .openstack
                ? (nodes.prefix.supernet(length: min(nodes.prefix.length, profile.subnetLength)) ?? nodes.prefix)
                : nodes.prefix
            return PlannedRange(kind: .nodes, prefix: base, source: nodes.source, location: nodes.location)
        }
        guard profile.hasIPv6Pool else { return nil }
        let length = profile.provider == .openstack ? profile.subnetLength : profile.vpcLength
        let pool = profile.simulationPool
        guard length >= pool.length, length <= pool.bits else { return nil }
        let diff = length - pool.length
        let count: UInt128 = diff >= 64 ? UInt128(UInt64.max) : UInt128(1) << UInt128(diff)
        let index = UInt128(StableHash.of(simulationKey)) % count
        guard let picked = pool.subnet(index, length: length) else { return nil }
        return PlannedRange(kind: .nodes, prefix: picked, source: .simulated)
    }

    /// Where the provider would put an AUTOv6 range inside `base`.
    func simulatedRange(_ kind: NetworkKind, base: IPPrefix) -> IPPrefix? {
        switch profile.ipv6PodMode {
        case .nodePrefix:
            // Node and pod ranges coincide with the VPC: every node's prefix serves both.
            switch kind {
            case .nodes, .pods:
                return base
            case .services:
                if profile.provider == .gcp {
                    // GCP: taken from a dummy node's prefix — the last node prefix of the first zone.
                    guard let zone = base.subnet(0, length: profile.subnetLength),
                          let count = zone.subnetCount(length: profile.nodePrefixLength),
                          let dummy = zone.subnet(count - 1, length: profile.nodePrefixLength) else { return nil }
                    return dummy.subnet(0, length: profile.serviceLength)
                }
                // AWS: a reservation at the end of the VPC — its last subnet.
                guard let count = base.subnetCount(length: profile.subnetLength),
                      let last = base.subnet(count - 1, length: profile.subnetLength) else { return nil }
                return last.subnet(0, length: profile.serviceLength)
            }
        case .clusterRange:
            // OpenStack (the proposal's figure): the /64 subnet in quarters — nodes (the
            // allocation pool), pods, services.
            let quarter = min(base.length + 2, base.bits)
            switch kind {
            case .nodes:
                return settings.allocationPool?.value ?? base.subnet(0, length: quarter)
            case .pods:
                return base.subnet(1, length: quarter)
            case .services:
                return base.subnet(2, length: quarter)?.subnet(0, length: max(quarter, profile.serviceLength))
            }
        }
    }
}
