import Addressing
import IPAM

/// What the nodes table shows of a node beyond its own fields: the state of its routes and
/// the worst finding that names it.
public struct NodeProblem: Equatable, Sendable {
    public var severity: Severity
    /// The first code naming the node at that severity (the plan's order).
    public var code: DiagnosticCode
    /// How many findings name it.
    public var count: Int
}

/// The nodes table: columns, per-node route status and problems, filtering and sorting.
enum NodeTable {
    /// The worst status of each node's routes (missing, wrong next hop, stale, ok, planned).
    static func routeStatus(_ routes: [PlannedRoute]) -> [String: RouteStatus] {
        var out: [String: RouteStatus] = [:]
        out.reserveCapacity(routes.count)
        routes.withUnsafeBufferPointer { r in
            for i in r.indices {
                guard let node = r[i].node else { continue }
                if let seen = out[node], seen.problemRank <= r[i].status.problemRank { continue }
                out[node] = r[i].status
            }
        }
        return out
    }

    /// The worst warning or error naming each node.
    static func problems(_ diagnostics: [Diagnostic]) -> [String: NodeProblem] {
        var out: [String: NodeProblem] = [:]
        for d in diagnostics where d.severity > .info {
            for case .node(let name) in d.objects {
                if var p = out[name] {
                    p.count += 1
                    if d.severity > p.severity { p.severity = d.severity; p.code = d.code }
                    out[name] = p
                } else {
                    out[name] = NodeProblem(severity: d.severity, code: d.code, count: 1)
                }
            }
        }
        return out
    }

    /// The ROUTE column.
    static func routeText(_ status: RouteStatus?) -> String { status?.rawValue ?? "-" }

    /// The PROBLEM column: the worst code, and how many more findings name the node.
    static func problemText(_ p: NodeProblem?) -> String {
        guard let p else { return "-" }
        return p.code.rawValue + (p.count > 1 ? " +\(p.count - 1)" : "")
    }

    /// Whether any shown column of `node` holds `needle` (lowercased).
    static func matches(_ node: PlannedNode, route: RouteStatus?, problem: NodeProblem?, _ needle: String) -> Bool {
        node.name.lowercased().contains(needle) || (node.zone?.lowercased().contains(needle) ?? false)
            || routeText(route).contains(needle) || problemText(problem).contains(needle)
            || node.addresses.contains { $0.description.contains(needle) }
            || node.podCIDRs.contains { $0.description.contains(needle) }
    }

    /// Indices of the nodes that match `filter`, in table order.
    static func rows(_ nodes: [PlannedNode], filter: String, sort: NodeSort, descending: Bool,
                     routes: [String: RouteStatus], problems: [String: NodeProblem]) -> [Int] {
        let needle = filter.lowercased()
        var indices = nodes.indices.filter { i in
            needle.isEmpty || matches(nodes[i], route: routes[nodes[i].name], problem: problems[nodes[i].name], needle)
        }
        // The route and problem columns are looked up once per node, not once per comparison
        // (a sort of 50,000 nodes compares about 800,000 times).
        // A constant, not a variable the comparisons capture (each read of one was checked
        // for exclusive access at run time).
        let key: [Int] = switch sort {
        case .route: nodes.map { routes[$0.name]?.problemRank ?? Int.max }
        // Worst first when ascending: errors, then warnings, then none.
        case .problem: nodes.map { node in problems[node.name].map { -rank($0.severity) } ?? Int.max }
        default: []
        }
        /// Orders two nodes by the sort column; nil when equal there (the name decides).
        func compare(_ a: Int, _ b: Int) -> Bool? {
            switch sort {
            case .name: return nil
            case .zone: return order(nodes[a].zone, nodes[b].zone)
            case .route, .problem: return key[a] == key[b] ? nil : key[a] < key[b]
            case .address: return order(nodes[a].addresses.first, nodes[b].addresses.first)
            case .podCIDR: return order(nodes[a].podCIDRs.first, nodes[b].podCIDRs.first)
            }
        }
        indices.sort { a, b in
            if let c = compare(a, b) { return c != descending }
            let byName = nodes[a].name < nodes[b].name
            return nodes[a].name == nodes[b].name ? a < b : (sort == .name && descending ? !byName : byName)
        }
        return indices
    }

    private static func rank(_ s: Severity) -> Int { s == .error ? 2 : s == .warning ? 1 : 0 }

    /// Ascending order with absent values last; nil when equal.
    private static func order<T: Comparable>(_ x: T?, _ y: T?) -> Bool? {
        if x == y { return nil }
        guard let x else { return false }
        guard let y else { return true }
        return x < y
    }
}
