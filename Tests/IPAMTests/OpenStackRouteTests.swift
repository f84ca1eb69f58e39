import Addressing
import Foundation
import Spec
import Testing
@testable import IPAM

/// Router routes as kubernetes/cloud-provider-openstack's route controller keeps them
/// (`pkg/openstack/routes.go`: `CreateRoute` per node pod CIDR of either family via
/// `getAddrByNodeName`, the first internal address of that family; deletion left to
/// k8s.io/cloud-provider `controllers/route`, which is responsible for routes overlapping the
/// cluster CIDRs only).
@Suite struct OpenStackRouteTests {
    /// A dual-stack OpenStack shoot as the extension builds it: three nodes with an IPv4 and an
    /// IPv6 pod CIDR each, and one router carrying a route per pod CIDR of both families.
    static func healthy(dropNode: Int? = nil) -> ShootBuilder {
        var b = ShootBuilder.openStackDualStack(nodes: "10.250.0.0/16, 2001:db8:7::/64", pods: "100.96.0.0/11, 2001:db8:7:1::/64",
                                                services: "100.64.0.0/13, 2001:db8:7:2::/112")
        b.workers = [Worker(name: "w", minimum: 3, maximum: 5, zones: ["z1"])]
        var nodes: [ObservedNode] = []
        var routes: [ObservedRoute] = []
        for i in 0..<3 {
            let v4 = ip("10.250.0.\(10 + i)"), v6 = ip("2001:db8:7::\(10 + i)")
            let p4 = prefix("100.96.\(i).0/24"), p6 = prefix("2001:db8:7:1:\(i)::/80")
            nodes.append(ObservedNode(name: "node-\(i)", zone: "z1", addresses: [v4, v6], podCIDRs: [p4, p6]))
            routes += [ObservedRoute(destination: p4, nexthop: v4), ObservedRoute(destination: p6, nexthop: v6)]
        }
        if let d = dropNode { nodes.remove(at: d) }
        b.observedNodes = nodes
        b.router = ObservedRouter(name: "shoot--dev--os", routes: routes)
        return b
    }

    @Test func bothFamiliesRoutesAreAllOK() {
        let plan = Self.healthy().plan
        #expect(plan.routes.count == 6)
        #expect(plan.routes.allSatisfy { $0.status == .ok }, "\(plan.routes.map { "\($0.destination) \($0.status)" })")
        #expect(plan.diagnostics.filter { $0.severity != .info }.isEmpty, "\(plan.diagnostics.map(\.message))")
        #expect(Set(plan.routers.map(\.name)) == ["shoot--dev--os"])
    }

    @Test func aRemovedNodeLeavesExactlyItsRoutesStale() {
        let plan = Self.healthy(dropNode: 1).plan
        let stale = plan.routes.filter { $0.status == .stale }.map(\.destination)
        #expect(Set(stale) == [prefix("100.96.1.0/24"), prefix("2001:db8:7:1:1::/80")])
        #expect(plan.routes.filter { $0.status == .ok }.count == 4)
        #expect(plan.diagnostics.filter { $0.code == .routeStale }.count == 2)
        #expect(!plan.has(.routeMissing))
    }

    @Test func anIPv4RouteMissingIsReportedWithItsAddCommand() throws {
        var b = Self.healthy()
        b.router?.routes.removeAll { $0.destination == prefix("100.96.2.0/24") }
        let d = try #require(b.plan.diagnostics.first { $0.code == .routeMissing })
        #expect(d.message.contains("openstack router add route --route destination=100.96.2.0/24,gateway=10.250.0.12 shoot--dev--os"))
    }

    @Test func routesOutsideThePodRangesAreLeftAlone() throws {
        var b = Self.healthy()
        b.router?.routes.append(ObservedRoute(destination: prefix("192.168.50.0/24"), nexthop: ip("10.250.0.99")))
        let plan = b.plan
        #expect(!plan.has(.routeStale))
        let d = try #require(plan.diagnostics.first { $0.code == .routeUnmanaged })
        #expect(d.severity == .info)
        #expect(!d.message.contains("remove route"))
    }

    @Test func theQuotaCountsPlannedRoutesOfBothFamilies() throws {
        var b = Self.healthy()
        b.router = nil
        b.observedNodes = nil
        b.workers = [Worker(name: "w", minimum: 16, maximum: 16, zones: ["z1"])]
        let plan = b.plan
        #expect(plan.routes.count == 32)
        #expect(plan.routes.allSatisfy { $0.status == .planned })
        let d = try #require(plan.diagnostics.first { $0.code == .routeQuota })
        #expect(d.message.contains("32 routes"))
    }

    @Test func theProposalsIPv6RouterCarriesOnlyIPv6Routes() {
        let plan = ShootBuilder.gepFigure.plan
        #expect(plan.routes.allSatisfy { $0.destination.family == .v6 })
        #expect(plan.routers.map(\.name) == ["router-v4", "router-v6"])
    }

    /// Every printed command, run by a shell with a fake `openstack` that prints its
    /// arguments: the router name arrives as one argument, whatever it holds.
    @Test(arguments: ["shoot--dev--os", "r1 $(touch /tmp/shootnet-pwned) ; touch /tmp/shootnet-pwned", "it's", "a`b`c\"d"])
    func printedCommandsRunOnlyWhatTheySay(_ name: String) throws {
        let fix = RouterCommand(router: name).fix(adding: prefix("2001:db8::/112"), via: ip("2001:db8::1"))
        let line = try #require(fix.command)
        #expect(fix.clause == "; fix: " + line)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("shootnet-fake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fake = dir.appendingPathComponent("openstack")
        try "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n".write(to: fake, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", line]
        p.environment = ["PATH": dir.path + ":/usr/bin:/bin"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let args = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(args == ["router", "add", "route", "--route", "destination=2001:db8::/112,gateway=2001:db8::1", name])
        #expect(!FileManager.default.fileExists(atPath: "/tmp/shootnet-pwned"))
    }

    @Test func aNameWithControlCharactersGetsNoCommand() {
        let fix = RouterCommand(router: "r1\u{1b}[2J").fix(removing: prefix("2001:db8::/112"), via: ip("2001:db8::1"))
        #expect(fix.command == nil)
        #expect(!fix.clause.contains("openstack router"))
    }
}
