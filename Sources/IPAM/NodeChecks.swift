import Addressing
import Spec

extension PlanBuilder {
    /// Per-node checks: every family present, addresses in the nodes range, pod prefixes in
    /// the pod range and disjoint from each other (sort and sweep: O(n log n)). Each part is
    /// replayed from the memo when what it reads is unchanged.
    mutating func checkNodes() {
        memoized(\.nodeIdentity, key: nodeIdentityCheckKey) { $0.checkNodeIdentities() }
        for family in plan.ipFamilies {
            memoized(PlanMemo.podCIDRCheck(family), key: podCIDRCheckKey(family)) { $0.checkPodCIDRs(family) }
        }
    }

    /// Unique names, every family's address present and inside the nodes range.
    private mutating func checkNodeIdentities() {
        var seenNames: Set<String> = []
        var duplicateNames: [String] = []
        var missing: [IPFamily: [String]] = [:]
        var outside: [String] = []
        seenNames.reserveCapacity(plan.nodes.count)
        let nodeRanges = plan.ipFamilies.map { plan.range(.nodes, $0)?.prefix }
        // Field reads, not node copies: a PlannedNode holds several references.
        let families = plan.ipFamilies
        plan.nodes.withUnsafeBufferPointer { nodes in
        for i in nodes.indices {
            if !seenNames.insert(nodes[i].name).inserted { duplicateNames.append(nodes[i].name) }
            // The address array, not the node: a method call on nodes[i] would copy the node.
            let addresses = nodes[i].addresses
            for (f, family) in families.enumerated() {
                guard let a = addresses.first(where: { $0.family == family }) else {
                    if nodeRanges[f] != nil { missing[family, default: []].append(nodes[i].name) }
                    continue
                }
                if nodes[i].source == .observed, let range = nodeRanges[f], !range.contains(a) {
                    outside.append("\(nodes[i].name) (\(a) not in \(range))")
                }
            }
        }
        }
        if !duplicateNames.isEmpty {
            report(.duplicateNodeName, path: "nodes", "node names appear twice: \(duplicateNames.prefix(5).joined(separator: ", "))",
                   objects: duplicateNames.prefix(20).map { .node($0) })
        }
        for (family, names) in missing.sorted(by: { $0.key < $1.key }) where plan.ipFamilies.count == 2 || !plan.nodesSimulated {
            report(.nodeMissingFamily, path: "nodes",
                   "\(names.count) node(s) have no \(family) InternalIP in a shoot with \(family): \(names.prefix(5).joined(separator: ", "))",
                   objects: names.prefix(20).map { .node($0) })
        }
        if !outside.isEmpty {
            report(.nodeAddressOutsideRange, path: "nodes",
                   "\(outside.count) node address(es) outside the nodes range: \(outside.prefix(3).joined(separator: "; "))")
        }
    }

    private mutating func checkPodCIDRs(_ family: IPFamily) {
        var owned: [(prefix: IPPrefix, node: Int, nodePrefix: IPPrefix?, reserved: IPPrefix?)] = []
        let nodes = plan.nodes
        owned.reserveCapacity(nodes.count)
        nodes.withUnsafeBufferPointer { buf in
            for i in buf.indices {
                for p in buf[i].podCIDRs where p.family == family {
                    owned.append((p, i, buf[i].nodePrefix, buf[i].reservedPrefix))
                }
            }
        }
        let pods = plan.range(.pods, family)
        let nodePrefixMode = plan.podModes[family] == .nodePrefix
        var reported = 0
        for (p, i, nodePrefix, reserved) in owned {
            let inside: Bool
            if nodePrefixMode, let np = nodePrefix {
                inside = np.contains(p)
            } else {
                inside = pods.map { $0.prefix.contains(p) } ?? true
            }
            if !inside && reported < 50 {
                let node = nodes[i]
                reported += 1
                let container = plan.podModes[family] == .nodePrefix ? "its node prefix \(node.nodePrefix.map { "\($0)" } ?? "")"
                                                                     : "the pod range \(pods.map { "\($0.prefix)" } ?? "")"
                report(.podCIDROutsideRange, path: "nodes[\(node.name)].podCIDRs",
                       "node \(node.name) pod CIDR \(p) lies outside \(container)",
                       objects: [.node(node.name), .podCIDR(node: node.name, p)], at: node.location)
            }
            if let reservedRange = reserved, reservedRange.overlaps(p) {
                let node = nodes[i]
                report(.templateOverlapsReserved, path: "nodes[\(node.name)].podCIDRs",
                       "node \(node.name) pod CIDR \(p) touches the node-reserved range \(reservedRange)",
                       objects: [.node(node.name), .podCIDR(node: node.name, p)], at: node.location)
            }
        }
        owned.sort { $0.prefix.network.value < $1.prefix.network.value }
        var overlaps = 0
        var reach: (last: UInt128, index: Int)? = nil
        for item in owned {
            if let r = reach, item.prefix.network.value <= r.last {
                overlaps += 1
                if overlaps <= 20 {
                    let a = plan.nodes[r.index], b = plan.nodes[item.node]
                    report(.overlapPodCIDRs, path: "nodes[\(b.name)].podCIDRs",
                           "pod CIDR \(item.prefix) of node \(b.name) overlaps a pod CIDR of node \(a.name)",
                           objects: [.node(a.name), .node(b.name), .podCIDR(node: b.name, item.prefix)], at: b.location)
                }
            }
            if let r = reach, item.prefix.last.value <= r.last { continue }
            reach = (item.prefix.last.value, item.node)
        }
        if overlaps > 20 {
            report(.overlapPodCIDRs, path: "nodes", "\(overlaps - 20) more overlapping \(family) pod CIDRs not listed")
        }
    }
}
