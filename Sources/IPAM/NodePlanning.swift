import Addressing
import Spec

extension PlanBuilder {
    /// Simulated nodes are capped so a typo like `minimum: 100000000` cannot exhaust memory.
    static let simulatedNodeLimit = 100_000

    /// Builds the node list (observed, or simulated from the workers' minimum) and gives
    /// every node its pod prefixes: a function of ``nodePlanKey()`` alone, replayed from the
    /// memo when it is unchanged.
    mutating func planNodes() {
        memoized(\.nodes, inputs: nodePlanKey(), step: NodePlanStep.run,
                 restore: { $0.plan.nodes = $1.nodes; $0.plan.nodesSimulated = $1.simulated })
    }

    /// The machines' subnet of a zone (or the regional one).
    func subnet(zone: String, family: IPFamily) -> PlannedSubnet? {
        NodePlanStep.subnet(plan.subnets, zone: zone, family: family)
    }
}

/// The node step as a function of ``NodePlanKey``.
enum NodePlanStep {
    static func run(_ k: NodePlanKey, _ sink: inout DiagnosticSink) -> NodePlanOutput {
        var out = NodePlanOutput(nodes: [], simulated: false)
        switch k.source {
        case .observed(let observed, let shape):
            out.nodes = plannedNodes(observed, shape: shape)
        case .simulated(let inputs):
            out.simulated = true
            out.nodes = simulatedNodes(inputs, families: k.families, &sink)
        }
        assignPodCIDRs(&out, k, &sink)
        return out
    }

    /// The machines' subnet of a zone (or the regional one).
    static func subnet(_ subnets: [PlannedSubnet], zone: String, family: IPFamily) -> PlannedSubnet? {
        subnetIndex(subnets, zone: zone, family: family).map { subnets[$0] }
    }

    /// The position of ``subnet(_:zone:family:)``'s answer in `subnets`.
    static func subnetIndex(_ subnets: [PlannedSubnet], zone: String, family: IPFamily) -> Int? {
        // Field reads through a buffer: a closure over the elements copied each subnet.
        subnets.withUnsafeBufferPointer { s in
            var regional: Int?
            for i in s.indices where s[i].purpose == .workers && s[i].prefix.family == family {
                if s[i].zone == zone { return i }
                if regional == nil && s[i].zone == nil { regional = i }
            }
            return regional
        }
    }

    /// The observed nodes as planned nodes, with their node prefixes in node-prefix mode.
    private static func plannedNodes(_ observed: [ObservedNode], shape: NodePlanKey.NodePrefixShape?) -> [PlannedNode] {
        var out: [PlannedNode] = []
        out.reserveCapacity(observed.count)
        // Read fields through a buffer: copying whole nodes costs a retain and release per field.
        observed.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                let addresses = familyOrdered(nodes[i].addresses)
                var nodePrefix: IPPrefix?, reserved: IPPrefix?
                if let shape, let v6 = addresses.first(where: { $0.family == .v6 }) {
                    // AWS: the node's pod CIDR is its ENI's delegated prefix, apart from its
                    // address (aws-ipam-controller); elsewhere the address lies in the prefix.
                    let delegated = shape.podCIDRIsNodePrefix
                        ? nodes[i].podCIDRs.first { $0.family == .v6 && $0.length == shape.length } : nil
                    let prefix = delegated ?? IPPrefix(masking: v6, length: shape.length)
                    nodePrefix = prefix
                    reserved = shape.reservedLength.flatMap { prefix.subnet(0, length: max(prefix.length, min($0, 128))) }
                }
                // Built in place: a local node appended would be copied and destroyed.
                out.append(PlannedNode(name: nodes[i].name, zone: nodes[i].zone, addresses: addresses, nodePrefix: nodePrefix,
                                       reservedPrefix: reserved, podCIDRs: nodes[i].podCIDRs, source: .observed,
                                       location: nodes[i].location, index: i))
            }
        }
        return out
    }

    /// IPv4 before IPv6, keeping the listed order within a family (usually already so, and
    /// then the same array is returned).
    static func familyOrdered(_ addresses: [IPAddress]) -> [IPAddress] {
        var ordered = true
        for i in addresses.indices.dropFirst() where addresses[i - 1].family > addresses[i].family {
            ordered = false
            break
        }
        return ordered ? addresses : addresses.filter { $0.family == .v4 } + addresses.filter { $0.family == .v6 }
    }

    private static func simulatedNodes(_ s: NodePlanKey.SimulationInputs, families: [IPFamily], _ sink: inout DiagnosticSink) -> [PlannedNode] {
        var nodes: [PlannedNode] = []
        let allZones = s.zones
        // Counters by position, not by name or prefix: every shoot of a landscape simulates
        // its nodes, and hashing a zone name or a prefix per node and family (and growing the
        // dictionaries) was a third of it.
        var table = SimulationTable(subnets: s.subnets, zones: allZones)
        let limit = PlanBuilder.simulatedNodeLimit
        nodes.reserveCapacity(s.pools.reduce(0) { min($0 + max(0, min($1.minimum, limit)), limit) })
        var index = 0
        var capped = false
        var exhausted = s.exhaustedReported
        for worker in s.pools {
            let workerZones = worker.zones.isEmpty ? [allZones.first ?? "zone-1"] : worker.zones
            let slots = workerZones.map { table.slot(ofZone: $0) }
            for k in 0..<max(0, worker.minimum) {
                if index >= PlanBuilder.simulatedNodeLimit { capped = true; break }
                let zone = workerZones[k % workerZones.count]
                let slot = slots[k % workerZones.count]
                let zoneNumber = (allZones.firstIndex(of: zone) ?? 0) + 1
                let inZone = table.perZone[slot]
                table.perZone[slot] = inZone + 1
                // The node's parts first, the node built once from them: a node built and then
                // appended was copied into the array and destroyed.
                var addresses: [IPAddress] = [], podCIDRs: [IPPrefix] = []
                var nodePrefix: IPPrefix?, reservedPrefix: IPPrefix?
                // An address and a pod CIDR per family come: room for them at once.
                addresses.reserveCapacity(families.count)
                podCIDRs.reserveCapacity(families.count)
                for family in families {
                    let subnetIndex = table.workersSubnet(zoneSlot: slot, family: family)
                    if family == .v6 && s.podModeV6 == .nodePrefix {
                        guard let subnetIndex else { continue }
                        let subnet = s.subnets[subnetIndex].prefix
                        // Zones may share one subnet (GCP): count node prefixes per subnet.
                        let n = table.countAndIncrement(subnet: subnetIndex)
                        guard let prefix = subnet.subnet(n + 1, length: max(s.nodePrefix.length, subnet.length)) else { continue }
                        nodePrefix = prefix
                        reservedPrefix = s.nodePrefix.reservedLength.flatMap { prefix.subnet(0, length: max(prefix.length, min($0, 128))) }
                        if let a = nodePrefixAddress(s.provider, prefix: prefix, subnet: subnet, index: n) { addresses.append(a) }
                    } else {
                        // Zones may share one subnet (GCP, Azure): count addresses per subnet.
                        let n = subnetIndex.map { table.countAndIncrement(subnet: $0) } ?? inZone
                        let ordinal = s.provider == .openstack ? UInt128(nodes.count) : n
                        let base = subnetIndex.map { s.subnets[$0].prefix }
                        if let a = address(s, base: base, family: family, ordinal: ordinal, exhausted: &exhausted, &sink) {
                            addresses.append(a)
                        }
                    }
                }
                nodes.append(PlannedNode(simulatedIn: worker.name, zoneNumber: zoneNumber, ordinal: k / workerZones.count, zone: zone,
                                         addresses: addresses, nodePrefix: nodePrefix, reservedPrefix: reservedPrefix,
                                         podCIDRs: podCIDRs, index: index))
                index += 1
            }
        }
        if capped {
            sink.report(.nodeAddressesExhausted, path: "spec.provider.workers",
                        "simulated only the first \(PlanBuilder.simulatedNodeLimit) nodes of the workers' minimum; pass a node list (--nodes) to plan more",
                        severity: .warning)
        }
        return nodes
    }

    /// The simulation's bookkeeping by position: zones (the plan's, then any other a worker
    /// names) and the subnets of the input, with the machines' subnet of each zone and family
    /// looked up once (``subnet(_:zone:family:)``'s rule) and one counter per distinct prefix.
    private struct SimulationTable {
        let subnets: [PlannedSubnet]
        var zones: [String]
        var perZone: [UInt128]
        /// Per subnet, the first subnet of the same prefix: zones sharing one count together.
        let counterOf: [Int]
        var perSubnet: [UInt128]
        /// Per zone slot, the workers subnet of IPv4 then IPv6 (-1 not looked up yet, -2 none);
        /// plain integers: an array of tuples looked its type up at run time.
        var lookedUp: [Int]

        init(subnets: [PlannedSubnet], zones: [String]) {
            self.subnets = subnets
            self.zones = zones
            perZone = Array(repeating: 0, count: zones.count)
            counterOf = Self.firstOfEachPrefix(subnets)
            perSubnet = Array(repeating: 0, count: subnets.count)
            lookedUp = Array(repeating: -1, count: 2 * zones.count)
        }

        /// A shoot has a few dozen subnets at most, where comparing is cheaper than hashing;
        /// a dictionary keeps a pathological input linear.
        private static func firstOfEachPrefix(_ subnets: [PlannedSubnet]) -> [Int] {
            if subnets.count <= 64 {
                // Field reads through a buffer: comparing through the subnets copied each one.
                return subnets.withUnsafeBufferPointer { s in
                    s.indices.map { i in (0..<i).first { s[$0].prefix == s[i].prefix } ?? i }
                }
            }
            var first: [IPPrefix: Int] = [:]
            return subnets.indices.map { i in
                if let j = first[subnets[i].prefix] { return j }
                first[subnets[i].prefix] = i
                return i
            }
        }

        mutating func slot(ofZone zone: String) -> Int {
            if let i = zones.firstIndex(of: zone) { return i }
            zones.append(zone)
            perZone.append(0)
            lookedUp += [-1, -1]
            return zones.count - 1
        }

        mutating func workersSubnet(zoneSlot: Int, family: IPFamily) -> Int? {
            let k = 2 * zoneSlot + (family == .v4 ? 0 : 1)
            var known = lookedUp[k]
            if known == -1 {
                known = NodePlanStep.subnetIndex(subnets, zone: zones[zoneSlot], family: family) ?? -2
                lookedUp[k] = known
            }
            return known >= 0 ? known : nil
        }

        mutating func countAndIncrement(subnet i: Int) -> UInt128 {
            let n = perSubnet[counterOf[i]]
            perSubnet[counterOf[i]] = n + 1
            return n
        }
    }

    /// A simulated node's IPv6 address in node-prefix mode. AWS: the ENI's own address in the
    /// zone /64, apart from the delegated prefixes (which start at the subnet's second /80).
    /// GCP: the first address of the VM's /96. The proposal: the prefix's first usable address.
    private static func nodePrefixAddress(_ provider: ProviderType, prefix: IPPrefix, subnet: IPPrefix, index: UInt128) -> IPAddress? {
        switch provider {
        case .aws: subnet.network.adding(0x100 + index)
        case .gcp: prefix.network
        default: prefix.network.adding(1)
        }
    }

    /// A node address as DHCP would hand it out: from the zone subnet `base` (or the
    /// OpenStack allocation pool) after a few reserved addresses.
    private static func address(_ s: NodePlanKey.SimulationInputs, base zoneSubnet: IPPrefix?, family: IPFamily, ordinal: UInt128,
                                exhausted: inout Bool, _ sink: inout DiagnosticSink) -> IPAddress? {
        let nodesRange = s.nodeRanges.first { $0.family == family }?.prefix
        let base: IPPrefix?
        if s.provider == .openstack {
            base = s.subnets.first { $0.prefix.family == family }?.allocationPool ?? nodesRange
        } else {
            base = zoneSubnet ?? nodesRange
        }
        guard let base else { return nil }
        let offset: UInt128 = family == .v4 ? 10 : 0x100
        guard let a = base.network.adding(offset + ordinal), base.contains(a), a != base.last else {
            if !exhausted {
                exhausted = true
                sink.report(.nodeAddressesExhausted, path: "spec.networking.nodes",
                            "the \(family) nodes range \(base) has no address left for every simulated node; use a larger nodes range",
                            objects: [.network(.nodes, base)])
            }
            return nil
        }
        return a
    }

    /// Cluster-range families: kube-controller-manager's allocator over the pod range.
    /// Node-prefix families: the template applied to each node's own prefix.
    private static func assignPodCIDRs(_ out: inout NodePlanOutput, _ k: NodePlanKey, _ sink: inout DiagnosticSink) {
        for allocation in k.allocations {
            let family = allocation.family
            // One allocation (a filter grows its result as it goes).
            var missing: [Int] = []
            out.nodes.withUnsafeBufferPointer { nodes in
                missing.reserveCapacity(nodes.count)
                for i in nodes.indices where !nodes[i].podCIDRs.contains(where: { $0.family == family }) { missing.append(i) }
            }
            guard !missing.isEmpty else { continue }
            // The nodes given a pod CIDR here, named in a finding (not for simulated nodes).
            var planned: [String] = []
            switch allocation.mode {
            case .nodePrefix:
                guard let template = allocation.template else { continue }
                for i in missing {
                    guard let np = out.nodes[i].nodePrefix, let pod = template.apply(to: np) else { continue }
                    out.nodes[i].podCIDRs.append(pod)
                    if !out.simulated { planned.append(out.nodes[i].name) }
                }
            case .clusterRange:
                guard let pods = allocation.pods, let mask = allocation.mask,
                      var allocator = ClusterRangeAllocator(range: pods, mask: mask) else { continue }
                out.nodes.withUnsafeBufferPointer { nodes in
                    for i in nodes.indices { for p in nodes[i].podCIDRs where p.family == family { allocator.occupy(p) } }
                }
                if let services = allocation.services { allocator.occupy(services) }
                for i in missing {
                    guard let block = allocator.next() else {
                        sink.report(.capacityExceeded, path: "spec.networking.pods",
                                    "the \(family) pod range \(pods) has no free /\(mask) left for node \(out.nodes[i].name)",
                                    objects: [.network(.pods, pods), .node(out.nodes[i].name)])
                        break
                    }
                    out.nodes[i].podCIDRs.append(block)
                    if !out.simulated { planned.append(out.nodes[i].name) }
                }
            }
            if !out.simulated && !planned.isEmpty {
                let names = planned.prefix(3).joined(separator: ", ") + (planned.count > 3 ? " and \(planned.count - 3) more" : "")
                sink.report(.nodePodCIDRPlanned, path: "nodes",
                            "\(planned.count) node(s) have no \(family) pod CIDR yet (\(names)); planned the next free ones",
                            objects: planned.prefix(20).map { .node($0) })
            }
            // Keep the primary family first, as Kubernetes lists podCIDRs.
            let order = k.families
            for i in missing {
                out.nodes[i].podCIDRs.sort { (order.firstIndex(of: $0.family) ?? 9) < (order.firstIndex(of: $1.family) ?? 9) }
            }
        }
    }
}

extension PodPrefixTemplate {
    /// `<nodePrefix>::f000:0/100` applied to a node prefix; nil when the template does not fit.
    func apply(to nodePrefix: IPPrefix) -> IPPrefix? {
        guard length >= nodePrefix.length, length <= 128 else { return nil }
        let hostMask: UInt128 = nodePrefix.hostBits >= 128 ? .max : (UInt128(1) << UInt128(nodePrefix.hostBits)) - 1
        guard offset & ~hostMask == 0 else { return nil }
        return IPPrefix(masking: IPAddress(v6: nodePrefix.network.value | offset), length: length)
    }
}
