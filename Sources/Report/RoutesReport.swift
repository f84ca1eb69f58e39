import Addressing
import IPAM

/// `shootnet routes`: expected router routes next to what the router has.
public enum RoutesReport {
    /// Problems first (missing, wrong next hop, stale), then the rest, each by destination.
    public static func sorted(_ routes: [PlannedRoute]) -> [PlannedRoute] { PlannedRoute.problemsFirst(routes) }

    public static func table(_ routes: [PlannedRoute]) -> String {
        var t = TextTable(["ROUTER", "DESTINATION", "NEXTHOP", "STATUS", "NODE", "ON ROUTER"])
        for r in sorted(routes) {
            let actual: String
            switch r.status {
            case .ok, .stale: actual = "\(r.nexthop)"
            case .wrongNexthop: actual = r.actualNexthop.map { "\($0)" } ?? "-"
            case .missing, .planned: actual = "-"
            }
            t.add([r.router, r.destination.description, r.nexthop.description, r.status.rawValue, r.node ?? "-", actual])
        }
        let counts = RouteStatus.allCases.compactMap { s -> String? in
            let n = routes.filter { $0.status == s }.count
            return n == 0 ? nil : "\(n) \(s.rawValue)"
        }
        return t.render() + "\n" + (counts.isEmpty ? "no routes" : counts.joined(separator: ", "))
    }

    public static func json(_ routes: [PlannedRoute], pretty: Bool = true) -> [UInt8] {
        var w = JSONWriter(pretty: pretty, capacity: 64 + routes.count * 160)
        w.beginObject()
        w.key("routes")
        w.beginArray()
        for r in sorted(routes) {
            w.beginObject()
            w.field("router", r.router)
            w.field("destination", r.destination.description)
            w.field("nexthop", r.nexthop.description)
            w.field("status", r.status.rawValue)
            if let n = r.node { w.field("node", n) }
            if let a = r.actualNexthop { w.field("actualNexthop", a.description) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes + [0x0A]
    }
}
