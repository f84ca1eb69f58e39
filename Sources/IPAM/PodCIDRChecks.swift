import Addressing
import Spec

/// Every pod prefix of a family inside the pod range (in node-prefix mode: inside its node's
/// prefix) and clear of its node's reserved range. At most 50 outside ones are reported.
enum PodCIDRPlacementCheck {
    static func run(_ inputs: PodCIDRPlacementKey, _ sink: inout DiagnosticSink) {
        let pods = inputs.pods, family = inputs.family, nodePrefixMode = inputs.nodePrefixMode
        var findings: [(node: Int, prefix: IPPrefix, outside: Bool, reserved: IPPrefix?)] = []
        var outsideCount = 0
        inputs.nodes.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                let nodePrefix = nodes[i].nodePrefix, reserved = nodes[i].reservedPrefix
                for p in nodes[i].podCIDRs where p.family == family {
                    let inside: Bool
                    if nodePrefixMode, let np = nodePrefix {
                        inside = np.contains(p)
                    } else {
                        inside = pods.map { $0.contains(p) } ?? true
                    }
                    let outside = !inside && outsideCount < 50
                    if outside { outsideCount += 1 }
                    let touched = reserved.flatMap { $0.overlaps(p) ? $0 : nil }
                    if outside || touched != nil { findings.append((i, p, outside, touched)) }
                }
            }
        }
        for f in findings {
            let node = inputs.nodes[f.node]
            if f.outside {
                let container = nodePrefixMode ? "its node prefix \(node.nodePrefix.map { "\($0)" } ?? "")"
                                               : "the pod range \(pods.map { "\($0)" } ?? "")"
                sink.report(.podCIDROutsideRange, path: "nodes[\(node.name)].podCIDRs",
                            "node \(node.name) pod CIDR \(f.prefix) lies outside \(container)",
                            objects: [.node(node.name), .podCIDR(node: node.name, f.prefix)], at: node.location)
            }
            if let reservedRange = f.reserved {
                sink.report(.templateOverlapsReserved, path: "nodes[\(node.name)].podCIDRs",
                            "node \(node.name) pod CIDR \(f.prefix) touches the node-reserved range \(reservedRange)",
                            objects: [.node(node.name), .podCIDR(node: node.name, f.prefix)], at: node.location)
            }
        }
    }
}

/// Pod prefixes of a family disjoint from each other: sorted by start, one sweep keeping the
/// farthest end so far (O(n log n)). At most 20 overlaps are named.
enum PodCIDROverlapCheck {
    static func run(_ inputs: PodCIDROverlapKey, _ sink: inout DiagnosticSink) {
        // A struct, not a tuple: an array of tuples looks its type up at run time (for
        // every planned shoot of a landscape).
        struct Owned { var first: UInt128, last: UInt128, prefix: IPPrefix, node: Int }
        var owned: [Owned] = []
        owned.reserveCapacity(inputs.nodes.count)
        inputs.nodes.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                for p in nodes[i].podCIDRs where p.family == inputs.family {
                    owned.append(Owned(first: p.network.value, last: p.last.value, prefix: p, node: i))
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
                    let a = inputs.nodes[r.index], b = inputs.nodes[item.node]
                    sink.report(.overlapPodCIDRs, path: "nodes[\(b.name)].podCIDRs",
                                "pod CIDR \(item.prefix) of node \(b.name) overlaps a pod CIDR of node \(a.name)",
                                objects: [.node(a.name), .node(b.name), .podCIDR(node: b.name, item.prefix)], at: b.location)
                }
            }
            if let r = reach, item.last <= r.last { continue }
            reach = (item.last, item.node)
        }
        if overlaps > 20 {
            sink.report(.overlapPodCIDRs, path: "nodes", "\(overlaps - 20) more overlapping \(inputs.family) pod CIDRs not listed")
        }
    }
}
