import Addressing
import Spec

extension PlanBuilder {
    /// Per-node checks: every family present, addresses in the nodes range, pod prefixes in
    /// the pod range and disjoint from each other (sort and sweep: O(n log n)). Each part is a
    /// function of its inputs alone, replayed from the memo when they are unchanged.
    mutating func checkNodes() {
        memoized(\.nodeIdentity, inputs: nodeIdentityCheckKey, step: NodeIdentityCheck.run, restore: { _, _ in })
        for family in plan.ipFamilies {
            memoized(PlanMemo.podCIDRPlacement(family), inputs: podCIDRPlacementKey(family), step: PodCIDRPlacementCheck.run,
                     restore: { _, _ in })
            memoized(PlanMemo.podCIDROverlaps(family), inputs: podCIDROverlapKey(family), step: PodCIDROverlapCheck.run,
                     restore: { _, _ in })
        }
    }
}

/// Unique names, every family's address present and inside the nodes range.
enum NodeIdentityCheck {
    static func run(_ inputs: NodeIdentityCheckKey, _ sink: inout DiagnosticSink) {
        // A few nodes (every simulated shoot of a landscape): comparing names is cheaper
        // than hashing them until there are many.
        var seenNames: Set<String>? = inputs.nodes.count > 16 ? Set(minimumCapacity: inputs.nodes.count) : nil
        var duplicateNames: [String] = []
        var missing: [IPFamily: [String]] = [:]
        var outside: [String] = []
        let nodeRanges = inputs.nodeRanges
        let families = inputs.families
        // Field reads, not node copies: a PlannedNode holds several references.
        inputs.nodes.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                let seen = seenNames != nil ? !seenNames!.insert(nodes[i].name).inserted
                                            : (0..<i).contains { nodes[$0].name == nodes[i].name }
                if seen { duplicateNames.append(nodes[i].name) }
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
            sink.report(.duplicateNodeName, path: "nodes", "node names appear twice: \(duplicateNames.prefix(5).joined(separator: ", "))",
                        objects: duplicateNames.prefix(20).map { .node($0) })
        }
        for (family, names) in missing.sorted(by: { $0.key < $1.key }) where families.count == 2 || !inputs.simulated {
            sink.report(.nodeMissingFamily, path: "nodes",
                        "\(names.count) node(s) have no \(family) InternalIP in a shoot with \(family): \(names.prefix(5).joined(separator: ", "))",
                        objects: names.prefix(20).map { .node($0) })
        }
        if !outside.isEmpty {
            sink.report(.nodeAddressOutsideRange, path: "nodes",
                        "\(outside.count) node address(es) outside the nodes range: \(outside.prefix(3).joined(separator: "; "))")
        }
    }
}
