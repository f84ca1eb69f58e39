/// Which objects of a plan have problems: what the diagram colours, the node table's
/// problem column and every problems-first list read.
extension Plan {
    /// Every object a warning or an error names, with the worst severity naming it.
    public var problemObjects: [ObjectRef: Severity] {
        var out: [ObjectRef: Severity] = [:]
        for d in diagnostics where d.severity > .info {
            for o in d.objects where (out[o] ?? .info) < d.severity { out[o] = d.severity }
        }
        return out
    }

    /// Indices of `members` (nodes of this plan) with the nodes a finding names first, each
    /// group in its own order: a list cut to its first rows then shows the problems.
    public func problemNodesFirst(_ members: [Int], problems: [ObjectRef: Severity]) -> [Int] {
        guard !problems.isEmpty else { return members }
        var first: [Int] = [], rest: [Int] = []
        for i in members {
            if problems[.node(nodes[i].name)] != nil { first.append(i) } else { rest.append(i) }
        }
        return first + rest
    }
}

extension PlannedRoute {
    /// `members` (indices into `routes`) with the problem routes first, by
    /// ``RouteStatus/problemRank``, each status in its own order (stable).
    public static func problemsFirst(_ members: [Int], of routes: [PlannedRoute]) -> [Int] {
        routes.withUnsafeBufferPointer { r in
            members.enumerated().sorted { a, b in
                let x = r[a.element].status.problemRank, y = r[b.element].status.problemRank
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element)
        }
    }
}

extension RouteStatus {
    /// Where a route of this status goes in a problems-first list: missing, wrong next hop,
    /// stale, ok, planned.
    public var problemRank: Int {
        switch self {
        case .missing: 0
        case .wrongNexthop: 1
        case .stale: 2
        case .ok: 3
        case .planned: 4
        }
    }

    /// Missing or with a wrong next hop (errors), or stale (a warning).
    public var isProblem: Bool {
        switch self {
        case .missing, .wrongNexthop, .stale: true
        case .ok, .planned: false
        }
    }
}
