import Addressing
import Testing
@testable import IPAM

@Suite("Routes, problems first")
struct ProblemsFirstTests {
    @Test("Same order as a stable sort by status rank and destination")
    func stableByRankAndDestination() {
        let statuses = RouteStatus.allCases
        var state: UInt64 = 42
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        // Few destinations and many routes, so equal keys occur; nodes tell equal keys apart.
        let routes = (0..<400).map { i in
            PlannedRoute(router: "r", destination: IPPrefix(masking: IPAddress(v6: UInt128(next() % 40) << 16), length: 112),
                         nexthop: IPAddress(v6: 1), status: statuses[next() % statuses.count], node: "node-\(i)")
        }
        let rank: [RouteStatus: Int] = [.missing: 0, .wrongNexthop: 1, .stale: 2, .ok: 3, .planned: 4]
        let reference = routes.enumerated().sorted { a, b in
            let (x, y) = (rank[a.element.status] ?? 9, rank[b.element.status] ?? 9)
            if x != y { return x < y }
            if a.element.destination != b.element.destination { return a.element.destination < b.element.destination }
            return a.offset < b.offset
        }.map(\.element)
        #expect(PlannedRoute.problemsFirst(routes) == reference)
        #expect(PlannedRoute.problemsFirst([]) == [])
    }
}
