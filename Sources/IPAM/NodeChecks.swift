import Addressing
import Spec

extension PlanBuilder {
    /// Per-node checks: every family present, addresses in the nodes range, pod prefixes in
    /// the pod range and disjoint from each other (sort and sweep: O(n log n)). Each part is
    /// replayed from the memo when what it reads is unchanged.
    mutating func checkNodes() {
        memoized(\.nodeIdentity, key: nodeIdentityCheckKey) { $0.checkNodeIdentities() }
        for family in plan.ipFamilies {
            memoized(PlanMemo.podCIDRPlacement(family), key: podCIDRPlacementKey(family)) { $0.checkPodCIDRPlacement(family) }
            memoized(PlanMemo.podCIDROverlaps(family), key: podCIDROverlapKey(family)) { $0.checkPodCIDROverlaps(family) }
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
}
