import Addressing
import Spec

/// A router's routes, found by destination without hashing: positions sorted by destination
/// (skipped when the router lists them sorted, as it usually does) searched by bisection,
/// and a cursor that answers in O(1) when asked in the router's own order (routes are added
/// node by node, so they usually are). Duplicated destinations are listed once, at their
/// first position.
struct RouteIndex {
    /// The destinations in the router's order.
    private let destinations: [IPPrefix]
    /// Positions ordered by destination, then by position.
    private let order: [Int]
    /// Whether the route at each position is the first for its destination.
    let isFirst: [Bool]
    /// Each later position of a duplicated destination with its first one, by later position.
    let duplicates: [(later: Int, first: Int)]
    /// Where the next lookup is expected.
    private var cursor = 0

    init(_ routes: UnsafeBufferPointer<ObservedRoute>) {
        let destinations = routes.map(\.destination)
        var order = Array(destinations.indices)
        let sorted = zip(destinations, destinations.dropFirst()).allSatisfy { $0 <= $1 }
        if !sorted {
            order.sort { destinations[$0] != destinations[$1] ? destinations[$0] < destinations[$1] : $0 < $1 }
        }
        var isFirst = [Bool](repeating: true, count: destinations.count)
        var duplicates: [(later: Int, first: Int)] = []
        var first = 0
        for k in order.indices {
            if k > 0 && destinations[order[k]] == destinations[order[k - 1]] {
                isFirst[order[k]] = false
                duplicates.append((order[k], order[first]))
            } else {
                first = k
            }
        }
        if !sorted { duplicates.sort { $0.later < $1.later } }
        self.destinations = destinations
        self.order = order
        self.isFirst = isFirst
        self.duplicates = duplicates
    }

    /// The first position of a route to `destination`, or nil when the router has none.
    mutating func position(of destination: IPPrefix) -> Int? {
        if cursor < destinations.count, isFirst[cursor], destinations[cursor] == destination {
            cursor += 1
            return cursor - 1
        }
        // The lowest k with destinations[order[k]] >= destination.
        var lo = 0, hi = order.count
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if destinations[order[mid]] < destination { lo = mid + 1 } else { hi = mid }
        }
        guard lo < order.count, destinations[order[lo]] == destination else { return nil }
        cursor = order[lo] + 1
        return order[lo]
    }
}
