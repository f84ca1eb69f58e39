import Addressing
import Spec

extension PlanBuilder {
    /// Every pod prefix of `family` inside the pod range (in node-prefix mode: inside its
    /// node's prefix) and clear of its node's reserved range. At most 50 outside ones are
    /// reported.
    mutating func checkPodCIDRPlacement(_ family: IPFamily) {
        let pods = plan.range(.pods, family)
        let nodePrefixMode = plan.podModes[family] == .nodePrefix
        // Found first, reported after: reporting appends to the plan the nodes are read from.
        var findings: [(node: Int, prefix: IPPrefix, outside: Bool, reserved: IPPrefix?)] = []
        var outsideCount = 0
        plan.nodes.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                let nodePrefix = nodes[i].nodePrefix, reserved = nodes[i].reservedPrefix
                for p in nodes[i].podCIDRs where p.family == family {
                    let inside: Bool
                    if nodePrefixMode, let np = nodePrefix {
                        inside = np.contains(p)
                    } else {
                        inside = pods.map { $0.prefix.contains(p) } ?? true
                    }
                    let outside = !inside && outsideCount < 50
                    if outside { outsideCount += 1 }
                    let touched = reserved.flatMap { $0.overlaps(p) ? $0 : nil }
                    if outside || touched != nil { findings.append((i, p, outside, touched)) }
                }
            }
        }
        for f in findings {
            let node = plan.nodes[f.node]
            if f.outside {
                let container = nodePrefixMode ? "its node prefix \(node.nodePrefix.map { "\($0)" } ?? "")"
                                               : "the pod range \(pods.map { "\($0.prefix)" } ?? "")"
                report(.podCIDROutsideRange, path: "nodes[\(node.name)].podCIDRs",
                       "node \(node.name) pod CIDR \(f.prefix) lies outside \(container)",
                       objects: [.node(node.name), .podCIDR(node: node.name, f.prefix)], at: node.location)
            }
            if let reservedRange = f.reserved {
                report(.templateOverlapsReserved, path: "nodes[\(node.name)].podCIDRs",
                       "node \(node.name) pod CIDR \(f.prefix) touches the node-reserved range \(reservedRange)",
                       objects: [.node(node.name), .podCIDR(node: node.name, f.prefix)], at: node.location)
            }
        }
    }

    /// Pod prefixes of `family` disjoint from each other: sorted by start, one sweep keeping
    /// the farthest end so far (O(n log n)). At most 20 overlaps are named.
    mutating func checkPodCIDROverlaps(_ family: IPFamily) {
        var owned: [(first: UInt128, last: UInt128, prefix: IPPrefix, node: Int)] = []
        owned.reserveCapacity(plan.nodes.count)
        plan.nodes.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                for p in nodes[i].podCIDRs where p.family == family {
                    owned.append((p.network.value, p.last.value, p, i))
                }
            }
        }
        // Stable: prefixes starting together keep node order.
        owned.sort { $0.first < $1.first }
        var overlaps = 0
        var reach: (last: UInt128, index: Int)? = nil
        for item in owned {
            if let r = reach, item.first <= r.last {
                overlaps += 1
                if overlaps <= 20 {
                    let a = plan.nodes[r.index], b = plan.nodes[item.node]
                    report(.overlapPodCIDRs, path: "nodes[\(b.name)].podCIDRs",
                           "pod CIDR \(item.prefix) of node \(b.name) overlaps a pod CIDR of node \(a.name)",
                           objects: [.node(a.name), .node(b.name), .podCIDR(node: b.name, item.prefix)], at: b.location)
                }
            }
            if let r = reach, item.last <= r.last { continue }
            reach = (item.last, item.node)
        }
        if overlaps > 20 {
            report(.overlapPodCIDRs, path: "nodes", "\(overlaps - 20) more overlapping \(family) pod CIDRs not listed")
        }
    }
}
