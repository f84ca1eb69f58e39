import IPAM

extension Plan {
    /// The nodes a diagram draws, as indices: all of them in plan order, or, when `limit`
    /// cuts the list, the nodes a finding names first (the rest are counted, not drawn).
    func shownNodes(limit: Int?) -> [Int] {
        guard let limit, limit < nodes.count else { return Array(nodes.indices) }
        return Array(problemNodesFirst(Array(nodes.indices), problems: problemObjects).prefix(max(0, limit)))
    }
}
