import Addressing
import Spec
import Testing
@testable import IPAM

/// ``RouteIndex`` answers as a linear scan for the first route to a destination would, in any
/// router order, with duplicates, whatever order it is asked in.
@Suite("Route index")
struct RouteIndexTests {
    /// A router of `count` routes over few destinations (so some repeat), sorted or shuffled.
    static func routes(count: Int, seed: UInt64, sorted: Bool) -> [ObservedRoute] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        var out = (0..<count).map { _ in
            let n = next() % UInt64(max(1, count * 3 / 4))
            let destination = IPPrefix(masking: IPAddress(v6: (UInt128(0x2001_0db8) << 96) | (UInt128(n) << 16)), length: 112)
            return ObservedRoute(destination: destination, nexthop: IPAddress(v6: UInt128(next())))
        }
        if sorted { out.sort { $0.destination < $1.destination } }
        return out
    }

    @Test("Positions and duplicates are those of a linear scan", arguments: [0, 1, 2, 7, 50, 300], [false, true])
    func matchesLinearScan(count: Int, sorted: Bool) {
        let routes = Self.routes(count: count, seed: UInt64(count) &+ (sorted ? 1 : 0), sorted: sorted)
        func firstPosition(_ d: IPPrefix) -> Int? { routes.firstIndex { $0.destination == d } }
        routes.withUnsafeBufferPointer { buffer in
            var index = RouteIndex(buffer)
            let expectedDuplicates = routes.indices.compactMap { i -> [Int]? in
                guard let first = firstPosition(routes[i].destination), first != i else { return nil }
                return [i, first]
            }
            #expect(index.duplicates.map { [$0.later, $0.first] } == expectedDuplicates)
            #expect(index.isFirst == routes.indices.map { firstPosition(routes[$0].destination) == $0 })
            // Asked in router order (the cursor's case), backwards, and for absent destinations.
            var asks = routes.map(\.destination) + routes.reversed().map(\.destination)
            asks.append(IPPrefix(masking: IPAddress(v6: 1), length: 112))
            asks.append(IPPrefix(masking: IPAddress(v6: UInt128.max), length: 128))
            for d in asks { #expect(index.position(of: d) == firstPosition(d)) }
        }
    }

    @Test("A shuffled router with a duplicate reports it and compares every route")
    func shuffledRouterWithDuplicate() throws {
        var b = ShootBuilder.gepFigure
        let plan0 = b.plan
        let expected = plan0.routes.map { ObservedRoute(destination: $0.destination, nexthop: $0.nexthop) }
        let router = try #require(plan0.routers.first { $0.family == .v6 })
        b.router = ObservedRouter(name: router.name, routes: expected.reversed() + [expected[expected.count - 1]])
        let plan = b.plan
        #expect(plan.routes.allSatisfy { $0.status == .ok })
        let duplicate = try #require(plan.diagnostics.first { $0.code.rawValue == "route.duplicate" })
        #expect(duplicate.path == "router.routes[\(expected.count)]")
        #expect(duplicate.message.contains("(routes[0] and routes[\(expected.count)])"))
    }
}
