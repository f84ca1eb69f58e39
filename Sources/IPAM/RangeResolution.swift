import Addressing
import Spec

extension PlanBuilder {
    /// What Gardener's seeds usually carry as `shootDefaults` (and the local setup's seed):
    /// assumed for a shoot that leaves pods / services out when no seed is given.
    static let typicalIPv4Pods = IPPrefix(masking: IPAddress(v4: 0x6460_0000), length: 11)      // 100.96.0.0/11
    static let typicalIPv4Services = IPPrefix(masking: IPAddress(v4: 0x6440_0000), length: 13)  // 100.64.0.0/13

    /// The service range of the `well-known` strategy when the settings name none: one fixed,
    /// not globally unique prefix shared by every shoot (a documentation prefix until one is
    /// standardised, as the proposal leaves open).
    static let defaultWellKnownServices = IPPrefix(masking: IPAddress(v6: UInt128(0x2001_0db8_ffff) << 80), length: 108)

    /// Resolves every `nodes`/`pods`/`services` range per family: from the spec, from the
    /// shoot status, from the seed's shoot defaults, or simulated from the provider pool.
    mutating func resolveRanges() {
        // Room for a range per kind and family at once (and the VPC's two): every shoot of a
        // landscape comes here, and growing the arrays step by step copied them each time.
        var resolved: [PlannedRange] = []
        resolved.reserveCapacity(NetworkKind.allCases.count * plan.ipFamilies.count)
        plan.vpc.reserveCapacity(2)
        var autoKinds: [NetworkKind] = []
        for kind in NetworkKind.allCases {
            let defaulted = seedDefault(kind)
            for family in plan.ipFamilies {
                // The field's first entry of this family, and whether all of them are AUTOv6
                // (found without a filtered copy: every shoot of a landscape comes here).
                let entries = shoot.networking[kind]
                // Its index only: a copy of the entry retained its text, six times a shoot.
                let written = entries.firstIndex { $0.family == family }
                let allAuto = !entries.contains { $0.family == family && !$0.isAuto }
                if let i = written, let prefix = entries[i].prefix {
                    resolved.append(PlannedRange(kind: kind, prefix: prefix, source: .spec, location: entries[i].location, specIndex: i))
                    continue
                }
                if let status = shoot.status?[kind].first(where: { $0.value.family == family }) {
                    resolved.append(PlannedRange(kind: kind, prefix: status.value, source: .status, location: status.location))
                    continue
                }
                if family == .v6, allAuto, let configured = openStackConfiguredIPv6(kind) {
                    resolved.append(configured)
                    continue
                }
                if allAuto, let d = defaulted, d.prefix.family == family {
                    resolved.append(d)
                    continue
                }
                // Workerless shoots have no nodes and no pods (Gardener forbids both there).
                if shoot.isWorkerless && kind != .services { continue }
                let path = "spec.networking.\(kind.rawValue)"
                if family == .v6 {
                    if written == nil && !shoot.isWorkerless && profile.hasIPv6Pool {
                        report(.defaultsApplied, path: path,
                               "no IPv6 \(kind.rawValue) range given; the provider assigns it (treated as AUTOv6)",
                               at: shoot.networking.fieldLocations[kind])
                    }
                    if written == nil && !profile.hasIPv6Pool && kind != .nodes && !shoot.isWorkerless {
                        // Gardener's form leaves it to the seed's shootDefaults; none is known.
                        let assumed = assumedULA(kind)
                        resolved.append(PlannedRange(kind: kind, prefix: assumed, source: .assumed))
                        report(.defaultsApplied, path: path,
                               "no IPv6 \(kind.rawValue) range given and \(shoot.provider.value) assigns none; Gardener takes it from the seed's shootDefaults, and no seed with one was given (--seed), so the ULA \(assumed) is assumed",
                               at: shoot.networking.fieldLocations[kind])
                    } else if shoot.isWorkerless {
                        // Gardener's mutator gives a workerless IPv6 shoot a random ULA /112
                        // (plugin/pkg/shoot/mutator/admission.go, generateULAServicesCIDR).
                        resolved.append(PlannedRange(kind: kind, prefix: simulatedULAServices(), source: .simulated))
                        report(.defaultsApplied, path: path,
                               "no IPv6 services range given; Gardener picks a random ULA /112 for a workerless shoot (simulated here)",
                               at: shoot.networking.fieldLocations[kind])
                    } else if profile.hasIPv6Pool {
                        autoKinds.append(kind)
                    } else {
                        report(.autoUnsupported, path: written.map { "\(path)[\($0)]" } ?? path,
                               "\(shoot.provider.value) has no provider IPv6 pool, so \(kind.rawValue) cannot be AUTOv6; bring your own prefix (a ULA such as fd00::/8 on Azure, whose egress is NATed)",
                               at: written.flatMap { entries[$0].location } ?? shoot.networking.fieldLocations[kind])
                    }
                    continue
                }
                // An entry that did not parse was already reported; don't pile on.
                if shoot.networking[kind].contains(where: { $0.family == nil }) { continue }
                resolveMissingIPv4(kind, path: path, into: &resolved)
            }
        }
        reportMissingRequired(resolved)
        let vpc = ipv6Base(given: resolved)
        if let vpc { plan.vpc.append(vpc) }
        for kind in autoKinds {
            if kind == .services, settings.serviceStrategy?.value == .wellKnown {
                let p = settings.wellKnownServices?.value ?? Self.defaultWellKnownServices
                resolved.append(PlannedRange(kind: kind, prefix: p, source: .settings, location: settings.wellKnownServices?.location))
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
                guard let first = base.subnet(0, length: profile.subnetLength) else { return nil }
                if profile.provider == .gcp {
                    // GCP: the first /108 of a services subnet of its own (infraflow
                    // `ensureServicesSubnet`, `getFirstSubnet`); simulated as the next /64.
                    guard let next = first.network.adding(UInt128(1) << UInt128(128 - profile.subnetLength)) else { return nil }
                    return IPPrefix(masking: next, length: profile.serviceLength)
                }
                // AWS: the second /108 of the first zone's workers /64, reserved there
                // (infraflow `ensureSubnetCidrReservation`: cidrSubnet(workers/64, 108, 1)).
                return first.subnet(1, length: profile.serviceLength)
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

extension PlanBuilder {
    /// The range Gardener's mutating admission writes into a shoot that leaves `pods` /
    /// `services` out: the seed's `shootDefaults` entry, when its family is one of the shoot's
    /// (`defaultPodsNetwork` / `defaultServicesNetwork` / `cidrMatchesIPFamily` in gardener
    /// plugin/pkg/shoot/mutator/admission.go). Pods are never defaulted on workerless shoots.
    func seedDefault(_ kind: NetworkKind) -> PlannedRange? {
        guard kind != .nodes, !hasGardenerValue(kind), !(kind == .pods && shoot.isWorkerless),
              let seed = settings.seed, let d = seed.shootDefaults?[kind],
              plan.ipFamilies.contains(d.value.family) else { return nil }
        return PlannedRange(kind: kind, prefix: d.value, source: .seedDefault, location: d.location)
    }

    /// OpenStack's explicit IPv6 CIDRs (`networks.ipv6` of the infrastructure config), as the
    /// extension stores them in the status: node and pod subnet as they are, the service
    /// subnet's first address with a /112 (infraflow `ensureIPv6CIDRs`).
    func openStackConfiguredIPv6(_ kind: NetworkKind) -> PlannedRange? {
        guard profile.provider == .openstack, let v6 = shoot.infrastructure?.openStackIPv6 else { return nil }
        switch kind {
        case .nodes: return v6.nodeCIDR.map { PlannedRange(kind: kind, prefix: $0.value, source: .spec, location: $0.location) }
        case .pods: return v6.podCIDR.map { PlannedRange(kind: kind, prefix: $0.value, source: .spec, location: $0.location) }
        case .services:
            return v6.serviceCIDR.map { PlannedRange(kind: kind, prefix: IPPrefix(masking: $0.value.network, length: max($0.value.length, 112)),
                                                     source: .spec, location: $0.location) }
        }
    }

    /// Gardener's spec field would hold a value: an entry other than `AUTOv6` (whose range the
    /// provider stores in the status).
    func hasGardenerValue(_ kind: NetworkKind) -> Bool {
        shoot.networking[kind].contains { !$0.isAuto }
    }

    /// An IPv4 range the spec leaves out (no entry, nothing in the status, no seed default).
    mutating func resolveMissingIPv4(_ kind: NetworkKind, path: String, into resolved: inout [PlannedRange]) {
        let at = shoot.networking.fieldLocations[kind]
        switch kind {
        case .nodes:
            // gardenlet cannot compute the shoot's networks without it ("shoot's node cidr is
            // empty", pkg/gardenlet/operation/shoot/shoot.go ToNetworks), and the provider
            // extensions need it for the machines' subnets.
            // The AWS, Azure and OpenStack admission require it ("a nodes CIDR must be provided",
            // pkg/apis/<provider>/validation/shoot.go ValidateNetworking).
            let admission: Set<ProviderType> = [.aws, .azure, .openstack]
            report(.missingRange, path: path, "no IPv4 nodes range given; gardenlet and the provider need one (e.g. 10.250.0.0/16)", at: at,
                   origin: admission.contains(plan.provider) ? .provider : .gardenlet)
        case .pods, .services:
            // With a seed, Gardener's validator reports the field as required (below); without
            // one the value is unknown: plan with a typical one, labelled as assumed.
            guard settings.seed == nil else { return }
            let typical = kind == .pods ? Self.typicalIPv4Pods : Self.typicalIPv4Services
            resolved.append(PlannedRange(kind: kind, prefix: typical, source: .assumed))
            report(.defaultsApplied, path: path,
                   "no IPv4 \(kind.rawValue) range given; Gardener takes it from the seed's shootDefaults, and no seed was given (--seed), so \(typical) is assumed",
                   at: at)
        }
    }

    /// Gardener's validating admission: with a seed, `pods` is required for a shoot with
    /// workers and IPv4, `services` for IPv4 (or a workerless IPv6 shoot) — after the seed's
    /// defaults were applied (`validateShootNetworks` in gardener plugin/pkg/shoot/validator/admission.go).
    mutating func reportMissingRequired(_ resolved: [PlannedRange]) {
        guard let seed = settings.seed else { return }
        let hasV4 = plan.ipFamilies.contains(.v4)
        for kind in [NetworkKind.pods, .services] {
            // Gardener's field is one string: written (in any family), or defaulted, is enough.
            if hasGardenerValue(kind) || resolved.contains(where: { $0.kind == kind && $0.source == .seedDefault }) { continue }
            let required = kind == .pods ? (!shoot.isWorkerless && hasV4)
                                         : (hasV4 || (shoot.isWorkerless && plan.ipFamilies.contains(.v6)))
            guard required else { continue }
            let seedName = seed.name.map { "seed \($0)" } ?? "the seed"
            report(.networkingRequired, path: "spec.networking.\(kind.rawValue)",
                   "\(kind.rawValue) is required: \(seedName) has no shootDefaults.\(kind.rawValue) to fill it in; write a range (e.g. \(kind == .pods ? Self.typicalIPv4Pods : Self.typicalIPv4Services))",
                   at: shoot.networking.fieldLocations[kind])
        }
    }

    /// A stand-in for an IPv6 pods (/56) or services (/112) default no seed was given for: a
    /// ULA from the shoot's name, as the local setup's seed defaults look.
    func assumedULA(_ kind: NetworkKind) -> IPPrefix {
        let global = UInt128(StableHash.of(simulationKey) & 0xFF_FFFF_FFFF)
        let subnet: UInt128 = kind == .pods ? 3 : 4
        return IPPrefix(masking: IPAddress(v6: (UInt128(0xfd) << 120) | (global << 80) | (subnet << 72)), length: kind == .pods ? 56 : 112)
    }

    /// A deterministic stand-in for the random ULA /112 Gardener gives a workerless IPv6
    /// shoot's services: `fd` + 40 bits from the shoot's name, subnet 0.
    func simulatedULAServices() -> IPPrefix {
        let global = UInt128(StableHash.of(simulationKey) & 0xFF_FFFF_FFFF)
        return IPPrefix(masking: IPAddress(v6: (UInt128(0xfd) << 120) | (global << 80)), length: 112)
    }
}
