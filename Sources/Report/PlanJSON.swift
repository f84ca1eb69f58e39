import Addressing
import IPAM
import Spec

/// `plan -o json` and `check -o json`: exactly the fields the README's command table fixes.
public enum PlanJSON {
    public static func write(_ plan: Plan, pretty: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + plan.nodes.count * 200 + plan.routes.count * 120)
        write(plan, pretty: pretty) { out.append(contentsOf: $0) }
        return out
    }

    /// Streams the document to `sink` in chunks (a 50,000-node plan never sits in memory whole).
    public static func write(_ plan: Plan, pretty: Bool = true, to sink: ([UInt8]) -> Void) {
        var w = JSONWriter(pretty: pretty, capacity: 1 << 17)
        w.beginObject()
        w.field("ipFamilies", strings: plan.ipFamilies.map(\.description))
        w.key("networks")
        w.beginObject()
        for kind in NetworkKind.allCases {
            w.key(named: kind.rawValue)
            w.beginArray()
            for r in plan.ranges(kind) {
                w.beginObject()
                w.field("cidr", r.prefix)
                w.field("family", r.family.description)
                w.field("source", r.source.rawValue)
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        w.key("maxNodes")
        if let n = plan.maxNodes { w.rawNumber(String(n)) } else { w.null() }
        w.field("maxNodesReason", plan.maxNodesReason)
        w.key("nodes")
        w.beginArray()
        // Borrowed through a buffer: iterating the array would copy (retain) every node.
        plan.nodes.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                w.beginObject()
                w.field("name", nodes[i].name)
                w.key("zone")
                if let z = nodes[i].zone { w.string(z) } else { w.null() }
                w.field("addresses", addresses: nodes[i].addresses)
                if let np = nodes[i].nodePrefix { w.field("nodePrefix", np) }
                w.field("podCIDRs", prefixes: nodes[i].podCIDRs)
                w.endObject()
                w.drain(into: sink)
            }
        }
        w.endArray()
        w.key("routes")
        w.beginArray()
        plan.routes.withUnsafeBufferPointer { routes in
            for i in routes.indices {
                w.beginObject()
                w.field("router", routes[i].router)
                w.field("destination", routes[i].destination)
                w.field("nexthop", routes[i].nexthop)
                w.field("status", routes[i].status.rawValue)
                w.endObject()
                w.drain(into: sink)
            }
        }
        w.endArray()
        w.key("diagnostics")
        writeDiagnostics(plan.diagnostics, into: &w)
        w.endObject()
        sink(w.bytes + [0x0A])
    }

    /// `{"diagnostics": [...]}` for `check -o json`.
    public static func writeCheck(_ plan: Plan, pretty: Bool = true) -> [UInt8] {
        var w = JSONWriter(pretty: pretty)
        w.beginObject()
        w.key("diagnostics")
        writeDiagnostics(plan.diagnostics, into: &w)
        w.endObject()
        return w.bytes + [0x0A]
    }

    static func writeDiagnostics(_ diagnostics: [Diagnostic], into w: inout JSONWriter) {
        w.beginArray()
        for d in diagnostics {
            w.beginObject()
            w.field("code", d.code.rawValue)
            w.field("severity", d.severity.rawValue)
            w.field("origin", d.origin.rawValue)
            w.field("path", d.path)
            w.field("message", d.message)
            w.field("objects", strings: d.objects.map(\.description))
            w.endObject()
        }
        w.endArray()
    }
}
