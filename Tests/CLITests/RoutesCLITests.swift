import Foundation
import Testing
import TestSupport

/// `shootnet routes`: the routes a shoot needs against the router's, problems first.
@Suite struct RoutesCLITests {
    /// A row of `routes -o json`.
    struct Row: Hashable {
        var destination: String
        var nexthop: String
        var status: String
        var node: String?
        var actualNexthop: String?
    }

    private func json(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> (text: String, rows: [Row]) {
        let r = try ProcessRunner.shootnet(["routes"] + args + ["-o", "json"])
        #expect(r.exitCode == 0 && r.stderr.isEmpty, "exit \(r.exitCode): \(r.stderr)", sourceLocation: sourceLocation)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], sourceLocation: sourceLocation)
        #expect(Set(root.keys) == ["routes"], sourceLocation: sourceLocation)
        let routes = try #require(root["routes"] as? [[String: Any]], sourceLocation: sourceLocation)
        let rows = try routes.map { o in
            let keys = Set(o.keys)
            #expect(keys.isSuperset(of: ["router", "destination", "nexthop", "status"]), "\(keys.sorted())", sourceLocation: sourceLocation)
            #expect(keys.isSubset(of: ["router", "destination", "nexthop", "status", "node", "actualNexthop"]), "\(keys.sorted())",
                    sourceLocation: sourceLocation)
            let destination = try #require(o["destination"] as? String, sourceLocation: sourceLocation)
            let nexthop = try #require(o["nexthop"] as? String, sourceLocation: sourceLocation)
            #expect(CanonicalForm.isCanonicalPrefix(destination) && CanonicalForm.isCanonicalAddress(nexthop), sourceLocation: sourceLocation)
            if let actual = o["actualNexthop"] as? String { #expect(CanonicalForm.isCanonicalAddress(actual), sourceLocation: sourceLocation) }
            return Row(destination: destination, nexthop: nexthop, status: try #require(o["status"] as? String, sourceLocation: sourceLocation),
                       node: o["node"] as? String, actualNexthop: o["actualNexthop"] as? String)
        }
        return (r.stdout, rows)
    }

    /// The data rows of the table, split into columns, and its summary line.
    private func table(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> (text: String, rows: [[String]], summary: String) {
        let r = try ProcessRunner.shootnet(["routes"] + args)
        #expect(r.exitCode == 0 && r.stderr.isEmpty, "exit \(r.exitCode): \(r.stderr)", sourceLocation: sourceLocation)
        let lines = r.stdoutLines
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true).prefix(4) == ["ROUTER", "DESTINATION", "NEXTHOP", "STATUS"],
                "\(lines.first ?? "")", sourceLocation: sourceLocation)
        let rows = lines.dropFirst().dropLast().map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        return (r.stdout, rows, lines.last ?? "")
    }

    @Test func figureMissingRouteComesFirst() throws {
        let sample = SampleFiles.yaml("gep-openstack")
        let (_, rows, summary) = try table([sample])
        #expect(rows.map { $0[1] } == ["2001:db8::4000:0:1:0/112", "2001:db8:0:0:4000::/112"])
        #expect(rows.map { $0[2] } == ["2001:db8::b4", "2001:db8::a1"])
        #expect(rows.map { $0[3] } == ["missing", "ok"])
        #expect(rows.allSatisfy { $0[0] == "shoot--netlab--gep-dualstack-v6" })
        #expect(summary == "1 ok, 1 missing")

        let (_, json) = try json([sample])
        #expect(json == [
            Row(destination: "2001:db8::4000:0:1:0/112", nexthop: "2001:db8::b4", status: "missing", node: "node-b4"),
            Row(destination: "2001:db8:0:0:4000::/112", nexthop: "2001:db8::a1", status: "ok", node: "node-a1"),
        ])
    }

    /// The embedded node list and router, the flag files, and the Shoot alone with the flag
    /// files give the same comparison.
    @Test func figureEmbeddedStateAndFlagFilesAgree() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let shootOnly = try dir.write("gep-shoot-only.yaml", SampleFiles.leadingDocuments(of: "gep-openstack.yaml", count: 2))
        let flags = ["--nodes", SampleFiles.gepNodes, "--routes", SampleFiles.gepRouter]
        let embedded = [SampleFiles.yaml("gep-openstack")]
        let variants = [embedded + flags, [shootOnly] + flags]
        let reference = (table: try table(embedded).text, json: try json(embedded).text)
        for args in variants {
            #expect(try table(args).text == reference.table, "\(args)")
            #expect(try json(args).text == reference.json, "\(args)")
        }
    }

    @Test func driftedRouterShowsWrongNexthopStaleAndOk() throws {
        let sample = SampleFiles.yaml("broken-routes")
        let (_, rows) = try json([sample])
        #expect(rows.map(\.status) == ["wrong-nexthop", "stale", "ok", "ok"])
        #expect(rows.first == Row(destination: "2001:db8:20:0:4000:0:1:0/112", nexthop: "2001:db8:20::27", status: "wrong-nexthop",
                                  node: "shoot--netlab--route-drift-worker-a-z2-6c9f4-7wz8m", actualNexthop: "2001:db8:20::62"))
        #expect(rows.dropFirst().first == Row(destination: "2001:db8:20:0:4000:0:3:0/112", nexthop: "2001:db8:20::48", status: "stale"))
        #expect(Set(rows.dropFirst(2).map(\.destination)) == ["2001:db8:20:0:4000::/112", "2001:db8:20:0:4000:0:2:0/112"])

        let (_, tableRows, summary) = try table([sample])
        #expect(tableRows.map { $0[3] } == ["wrong-nexthop", "stale", "ok", "ok"])
        // The table shows what the router has next to what is expected.
        #expect(tableRows.first?.last == "2001:db8:20::62")
        #expect(summary == "2 ok, 1 stale, 1 wrong-nexthop")
    }

    @Test func correctRouterIsAllOk() throws {
        let (_, rows) = try json([SampleFiles.yaml("openstack-ipv6")])
        #expect(Set(rows.map { [$0.destination, $0.nexthop, $0.status] }) == [
            ["2001:db8:10:0:4000::/112", "2001:db8:10::1c", "ok"],
            ["2001:db8:10:0:4000:0:1:0/112", "2001:db8:10::3f", "ok"],
            ["2001:db8:10:0:4000:0:2:0/112", "2001:db8:10::5a", "ok"],
        ])
        #expect(rows.count == 3)
        let (_, _, summary) = try table([SampleFiles.yaml("openstack-ipv6")])
        #expect(summary == "3 ok")
    }

    /// `routes` agrees with the routes of `plan -o json` (same set, only ordered differently).
    @Test(arguments: ["gep-openstack", "broken-routes", "openstack-ipv6", "broken-vpn-range"])
    func routesAgreeWithPlan(_ sample: String) throws {
        let (_, plan) = try ProcessRunner.planJSON([SampleFiles.yaml(sample)])
        let (_, rows) = try json([SampleFiles.yaml(sample)])
        #expect(Set(rows.map { [$0.destination, $0.nexthop, $0.status] }) == Set(plan.routes.map { [$0.destination, $0.nexthop, $0.status] }))
        #expect(rows.count == plan.routes.count)
    }

    /// Providers without router routes print an empty list, not an error.
    @Test func providerWithoutRouterRoutes() throws {
        let (_, rows) = try json([SampleFiles.yaml("aws-dualstack")])
        #expect(rows.isEmpty)
        let r = try ProcessRunner.shootnet(["routes", SampleFiles.yaml("aws-dualstack")])
        #expect(r.exitCode == 0 && !r.stdout.isEmpty)
    }
}
