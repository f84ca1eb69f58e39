import Addressing
import Spec

extension PlanBuilder {
    /// Simulated nodes are capped so a typo like `minimum: 100000000` cannot exhaust memory.
    static let simulatedNodeLimit = 100_000

    /// Builds the node list (observed, or simulated from the workers' minimum) and gives
    /// every node its pod prefixes. Replayed from the memo when ``nodePlanKey()`` is unchanged.
    mutating func planNodes() {
        memoized(\.nodes, key: nodePlanKey(),
                 save: { NodePlanOutput(nodes: $0.plan.nodes, simulated: $0.plan.nodesSimulated) },
                 restore: { $0.plan.nodes = $1.nodes; $0.plan.nodesSimulated = $1.simulated }) { b in
            if let observed = b.input.observed.nodes {
                b.plan.nodes = b.plannedNodes(observed)
            } else {
                b.plan.nodesSimulated = true
                b.simulateNodes()
            }
            b.assignPodCIDRs()
        }
    }

    /// The observed nodes as planned nodes, with their node prefixes in node-prefix mode.
    private func plannedNodes(_ observed: [ObservedNode]) -> [PlannedNode] {
        let nodePrefixMode = plan.podModes[.v6] == .nodePrefix
        var out: [PlannedNode] = []
        out.reserveCapacity(observed.count)
        // Read fields through a buffer: copying whole nodes costs a retain and release per field.
        observed.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                let addresses = Self.familyOrdered(nodes[i].addresses)
                var nodePrefix: IPPrefix?, reserved: IPPrefix?
                if nodePrefixMode, let v6 = addresses.first(where: { $0.family == .v6 }) {
                    // AWS: the node's pod CIDR is its ENI's delegated prefix, apart from its
                    // address (aws-ipam-controller); elsewhere the address lies in the prefix.
                    let delegated = profile.provider == .aws
                        ? nodes[i].podCIDRs.first { $0.family == .v6 && $0.length == profile.nodePrefixLength } : nil
                    let prefix = delegated ?? IPPrefix(masking: v6, length: profile.nodePrefixLength)
                    nodePrefix = prefix
                    reserved = reservedLength.flatMap { prefix.subnet(0, length: max(prefix.length, min($0, 128))) }
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

    private mutating func simulateNodes() {
        let allZones = zones
        var perZone: [String: UInt128] = [:]
        var perSubnet: [IPPrefix: UInt128] = [:]
        var index = 0
        var capped = false
        for worker in shoot.workers {
            let workerZones = worker.zones.isEmpty ? [allZones[0]] : worker.zones
            for k in 0..<max(0, worker.minimum) {
                if index >= Self.simulatedNodeLimit { capped = true; break }
                let zone = workerZones[k % workerZones.count]
                let zoneNumber = (allZones.firstIndex(of: zone) ?? 0) + 1
                let inZone = perZone[zone, default: 0]
                perZone[zone] = inZone + 1
                var node = PlannedNode(name: "\(worker.name)-z\(zoneNumber)-\(k / workerZones.count)", zone: zone,
                                       source: .simulated, index: index)
                for family in plan.ipFamilies {
                    if family == .v6 && plan.podModes[.v6] == .nodePrefix {
                        guard let subnet = subnet(zone: zone, family: .v6) else { continue }
                        // Zones may share one subnet (GCP): count node prefixes per subnet.
                        let k = perSubnet[subnet.prefix, default: 0]
                        perSubnet[subnet.prefix] = k + 1
                        guard let prefix = subnet.prefix.subnet(k + 1, length: max(profile.nodePrefixLength, subnet.prefix.length))
                        else { continue }
                        node.nodePrefix = prefix
                        node.reservedPrefix = reservedLength.flatMap { prefix.subnet(0, length: max(prefix.length, min($0, 128))) }
                        if let a = simulatedNodePrefixAddress(prefix: prefix, subnet: subnet.prefix, index: k) { node.addresses.append(a) }
                    } else {
                        // Zones may share one subnet (GCP, Azure): count addresses per subnet.
                        let key = subnet(zone: zone, family: family)?.prefix
                        let n = key.map { perSubnet[$0, default: 0] } ?? inZone
                        if let key { perSubnet[key] = n + 1 }
                        if let a = simulatedAddress(zone: zone, family: family, inZone: n) { node.addresses.append(a) }
                    }
                }
                plan.nodes.append(node)
                index += 1
            }
        }
        if capped {
            report(.nodeAddressesExhausted, path: "spec.provider.workers",
                   "simulated only the first \(Self.simulatedNodeLimit) nodes of the workers' minimum; pass a node list (--nodes) to plan more",
                   severity: .warning)
        }
    }

    /// A simulated node's IPv6 address in node-prefix mode. AWS: the ENI's own address in the
    /// zone /64, apart from the delegated prefixes (which start at the subnet's second /80).
    /// GCP: the first address of the VM's /96. The proposal: the prefix's first usable address.
    private func simulatedNodePrefixAddress(prefix: IPPrefix, subnet: IPPrefix, index: UInt128) -> IPAddress? {
        switch profile.provider {
        case .aws: subnet.network.adding(0x100 + index)
        case .gcp: prefix.network
        default: prefix.network.adding(1)
        }
    }

    /// A node address as DHCP would hand it out: from the zone subnet (or the OpenStack
    /// allocation pool) after a few reserved addresses.
    private mutating func simulatedAddress(zone: String, family: IPFamily, inZone: UInt128) -> IPAddress? {
        let base: IPPrefix?
        if profile.provider == .openstack {
            base = plan.subnets.first { $0.prefix.family == family }?.allocationPool ?? plan.range(.nodes, family)?.prefix
        } else {
            base = subnet(zone: zone, family: family)?.prefix ?? plan.range(.nodes, family)?.prefix
        }
        guard let base else { return nil }
        let offset: UInt128 = family == .v4 ? 10 : 0x100
        let index = profile.provider == .openstack ? UInt128(plan.nodes.count) : inZone
        guard let a = base.network.adding(offset + index), base.contains(a), a != base.last else {
            if !plan.diagnostics.contains(where: { $0.code == DiagnosticCode.nodeAddressesExhausted.rawValue }) {
                report(.nodeAddressesExhausted, path: "spec.networking.nodes",
                       "the \(family) nodes range \(base) has no address left for every simulated node; use a larger nodes range",
                       objects: [.network(.nodes, base)])
            }
            return nil
        }
        return a
    }

    /// The machines' subnet of a zone (or the regional one).
    func subnet(zone: String, family: IPFamily) -> PlannedSubnet? {
        plan.subnets.first { $0.zone == zone && $0.prefix.family == family && $0.purpose == .workers }
            ?? plan.subnets.first { $0.zone == nil && $0.prefix.family == family && $0.purpose == .workers }
    }

    /// Cluster-range families: kube-controller-manager's allocator over the pod range.
    /// Node-prefix families: the template applied to each node's own prefix.
    private mutating func assignPodCIDRs() {
        for family in plan.ipFamilies {
            let missing = plan.nodes.withUnsafeBufferPointer { nodes in
                nodes.indices.filter { i in !nodes[i].podCIDRs.contains { $0.family == family } }
            }
            guard !missing.isEmpty else { continue }
            var planned: [String] = []
            switch plan.podModes[family] ?? .clusterRange {
            case .nodePrefix:
                for i in missing {
                    guard let np = plan.nodes[i].nodePrefix, let pod = applyTemplate(to: np) else { continue }
                    plan.nodes[i].podCIDRs.append(pod)
                    planned.append(plan.nodes[i].name)
                }
            case .clusterRange:
                guard let pods = plan.range(.pods, family), let mask = plan.nodeMasks[family],
                      var allocator = ClusterRangeAllocator(range: pods.prefix, mask: mask) else { continue }
                plan.nodes.withUnsafeBufferPointer { nodes in
                    for i in nodes.indices { for p in nodes[i].podCIDRs where p.family == family { allocator.occupy(p) } }
                }
                if let services = plan.range(.services, family) { allocator.occupy(services.prefix) }
                for i in missing {
                    guard let block = allocator.next() else {
                        report(.capacityExceeded, path: "spec.networking.pods",
                               "the \(family) pod range \(pods.prefix) has no free /\(mask) left for node \(plan.nodes[i].name)",
                               objects: [.network(.pods, pods.prefix), .node(plan.nodes[i].name)])
                        break
                    }
                    plan.nodes[i].podCIDRs.append(block)
                    planned.append(plan.nodes[i].name)
                }
            }
            if !plan.nodesSimulated && !planned.isEmpty {
                let names = planned.prefix(3).joined(separator: ", ") + (planned.count > 3 ? " and \(planned.count - 3) more" : "")
                report(.nodePodCIDRPlanned, path: "nodes",
                       "\(planned.count) node(s) have no \(family) pod CIDR yet (\(names)); planned the next free ones",
                       objects: planned.prefix(20).map { .node($0) })
            }
            // Keep the primary family first, as Kubernetes lists podCIDRs.
            let order = plan.ipFamilies
            for i in missing {
                plan.nodes[i].podCIDRs.sort { (order.firstIndex(of: $0.family) ?? 9) < (order.firstIndex(of: $1.family) ?? 9) }
            }
        }
    }

    func applyTemplate(to nodePrefix: IPPrefix) -> IPPrefix? { template.apply(to: nodePrefix) }
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
