import Addressing
import Testing
@testable import IPAM

/// `PlannedRoute.problemsFirst`: missing, wrong next hop, stale, ok, planned; each group by
/// destination; equal keys in input order. Every expected order below is written out by hand
/// from that rule (routes are named by their node so the order reads at a glance).
@Suite("Routes, problems first")
struct ProblemsFirstTests {
    static func route(_ node: String, _ status: RouteStatus, _ destination: String) throws -> PlannedRoute {
        let prefix = try #require(IPPrefix(destination), "not a prefix: \(destination)")
        return PlannedRoute(router: "r", destination: prefix, nexthop: try #require(IPAddress("2001:db8::1")),
                            status: status, node: node)
    }

    static func order(_ routes: [PlannedRoute]) -> [String] { PlannedRoute.problemsFirst(routes).map { $0.node ?? "-" } }

    @Test("Statuses in rank order, whatever order they come in")
    func byStatus() throws {
        let d = "2001:db8::4000:0:1:0/112"
        let routes = try [Self.route("planned", .planned, d), Self.route("ok", .ok, d), Self.route("stale", .stale, d),
                          Self.route("wrong", .wrongNexthop, d), Self.route("missing", .missing, d)]
        #expect(Self.order(routes) == ["missing", "wrong", "stale", "ok", "planned"])
    }

    @Test("One status: by destination")
    func byDestination() throws {
        let routes = try [Self.route("c", .ok, "2001:db8::4000:0:3:0/112"), Self.route("a", .ok, "2001:db8::4000:0:1:0/112"),
                          Self.route("b", .ok, "2001:db8::4000:0:2:0/112")]
        #expect(Self.order(routes) == ["a", "b", "c"])
    }

    @Test("Status before destination: a planned route to the lowest destination comes last")
    func statusBeforeDestination() throws {
        let routes = try [Self.route("planned-low", .planned, "2001:db8::4000:0:1:0/112"),
                          Self.route("ok-high", .ok, "2001:db8::4000:0:9:0/112"),
                          Self.route("missing-high", .missing, "2001:db8::4000:0:9:0/112"),
                          Self.route("missing-low", .missing, "2001:db8::4000:0:1:0/112"),
                          Self.route("ok-low", .ok, "2001:db8::4000:0:2:0/112")]
        #expect(Self.order(routes) == ["missing-low", "missing-high", "ok-low", "ok-high", "planned-low"])
    }

    @Test("Equal status and destination keep their input order")
    func stableForEqualKeys() throws {
        let d = "2001:db8::4000:0:5:0/112"
        let routes = try [Self.route("second-stale", .stale, d), Self.route("first", .missing, d), Self.route("third", .stale, d),
                          Self.route("second", .missing, d), Self.route("first-stale", .stale, "2001:db8::4000:0:4:0/112")]
        #expect(Self.order(routes) == ["first", "second", "first-stale", "second-stale", "third"])
    }

    @Test func noRoutes() {
        #expect(PlannedRoute.problemsFirst([]) == [])
    }
}
