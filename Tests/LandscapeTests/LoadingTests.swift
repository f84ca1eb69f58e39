import Addressing
import Foundation
import IPAM
import Loading
import Spec
import Testing
import TestSupport

/// What `shootnet landscape` reads: Lists in YAML and JSON, streams, single objects, other
/// kinds skipped with an info, directories, seeds' status networks, and what it refuses.
@Suite struct LandscapeLoadingTests {
    static func shoot(_ name: String, namespace: String = "garden-a", seed: String? = "seed-a", v6: String? = nil,
                      auto: Bool = false) -> String {
        LandscapeFixtures.shootItem(name, namespace: namespace, seed: seed, v6: v6, auto: auto)
    }

    static let seedA = """
        apiVersion: core.gardener.cloud/v1beta1
        kind: Seed
        metadata: {name: seed-a}
        spec:
          networks:
            nodes: 10.240.0.0/16
            pods: 10.241.0.0/16
            services: 10.242.0.0/16
            shootDefaults: {pods: 100.96.0.0/11, services: 100.64.0.0/13}
        status:
          networks:
            nodes: [10.240.0.0/16, "2001:db9::/56"]
            pods: [10.241.0.0/16, "2001:db9:0:100::/56"]

        """

    static func list(_ items: String) -> String { LandscapeFixtures.list(items) }

    @Test func yamlListsAndAStream() throws {
        let shoots = Self.list(Self.shoot("a", v6: "2001:db8::/56") + Self.shoot("b", v6: "2001:db8:0:100::/56"))
        let input = try LandscapeLoader.parse([("shoots.yaml", shoots + "---\n" + Self.seedA)])
        #expect(input.shoots.map(\.name) == ["a", "b"])
        #expect(input.seeds.map(\.name) == ["seed-a"])
        #expect(input.skipped.isEmpty)
    }

    @Test func aSeedsStatusNetworksAreItsRangesToo() throws {
        let seed = try #require(try LandscapeLoader.parse([("seed.yaml", Self.seedA)]).seeds.first)
        #expect(seed.nodes.map(\.value.description) == ["10.240.0.0/16", "2001:db9::/56"])
        #expect(seed.pods.map(\.value.description) == ["10.241.0.0/16", "2001:db9:0:100::/56"])
        #expect(seed.fromStatus == [IPPrefix("2001:db9::/56")!, IPPrefix("2001:db9:0:100::/56")!])
        #expect(seed.shootDefaults?.pods?.value == IPPrefix("100.96.0.0/11"))
        // A shoot on a seed's status range collides with the seed.
        let shoot = Self.list(Self.shoot("a", v6: "2001:db9:0:100::/56"))
        let result = LandscapeCheck.check(try LandscapeLoader.parse([("s.yaml", shoot), ("seed.yaml", Self.seedA)]))
        let overlap = try #require(result.diagnostics.first { $0.code == DiagnosticCode.landscapeIPv6Overlap })
        #expect(overlap.objects.prefix(2).map(\.description) == ["shoot/garden-a/a", "seed/seed-a"])
        #expect(overlap.message.contains("status.networks.pods 2001:db9:0:100::/56"))
        #expect(overlap.message.contains("status.networking.nodes 2001:db9:0:100::/56"))
    }

    @Test func jsonListsLikeKubectl() throws {
        let g = GeneratedLandscape(shoots: 5, seeds: 2, plant: 0, seed: 9)
        let input = try LandscapeLoader.parse([("shoots.json", g.shootsText), ("seeds.json", g.seedsText)])
        #expect(input.shoots.count == 5)
        #expect(input.seeds.count == 2)
        #expect(input.shoots.allSatisfy { $0.seedName != nil && $0.status?.pods.count == 2 })
    }

    @Test func otherKindsAreSkippedWithAnInfo() throws {
        let bundle = Self.list(Self.shoot("a", v6: "2001:db8::/56")
            + "- {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n- {apiVersion: v1, kind: Secret, metadata: {name: s}}\n")
            + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n---\n" + Self.seedA
        let input = try LandscapeLoader.parse([("bundle.yaml", bundle)])
        #expect(input.skipped.map(\.kind) == ["ConfigMap", "Secret", "Deployment"])
        #expect(input.skipped.map(\.location.line) == [23, 24, 26])
        let result = LandscapeCheck.check(input)
        let skipped = result.diagnostics.filter { $0.code == DiagnosticCode.landscapeSkipped }
        #expect(skipped.count == 3)
        #expect(skipped.allSatisfy { $0.severity == .info })
        #expect(skipped.first?.message.contains("ConfigMap") == true)
        #expect(!result.diagnostics.contains { $0.severity == .error })
    }

    @Test func aSimulatedRangeNeverCollides() throws {
        // Shoot "auto" leaves IPv6 to the provider and has no status: its ranges are simulated.
        let auto = try LandscapeLoader.parse([("a.yaml", Self.list(Self.shoot("auto", seed: nil, auto: true)))])
        let simulated = Planner.plan(PlanInput(shoot: auto.shoots[0])).networks.filter { $0.family == .v6 }
        #expect(!simulated.isEmpty)
        #expect(simulated.allSatisfy { $0.source == .simulated })
        // A real shoot placed exactly on that simulated range.
        let real = Self.shoot("real", seed: nil, v6: simulated[0].prefix.description)
        let result = LandscapeCheck.check(try LandscapeLoader.parse([("a.yaml", Self.list(Self.shoot("auto", seed: nil, auto: true) + real))]))
        #expect(!result.diagnostics.contains { $0.code == DiagnosticCode.landscapeIPv6Overlap })
        #expect(!result.ranges.contains { $0.owner == 0 && $0.prefix.family == .v6 })
        #expect(result.ranges.contains { $0.owner == 1 && $0.prefix == simulated[0].prefix })
    }

    @Test func aDirectoryIsReadNotRecursively() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("landscape-dir-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let g = GeneratedLandscape(shoots: 4, seeds: 2, plant: 0, seed: 5)
        try g.shootsText.write(to: dir.appendingPathComponent("shoots.json"), atomically: true, encoding: .utf8)
        try g.seedsText.write(to: dir.appendingPathComponent("seeds.yml"), atomically: true, encoding: .utf8)
        try Self.list(Self.shoot("x", v6: "2001:db8:ffff::/56")).write(to: dir.appendingPathComponent("more.yaml"), atomically: true, encoding: .utf8)
        // Not read: another extension, a hidden file, a subdirectory.
        try "not yaml: [".write(to: dir.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try "not yaml: [".write(to: dir.appendingPathComponent(".hidden.yaml"), atomically: true, encoding: .utf8)
        try Self.list(Self.shoot("deep")).write(to: dir.appendingPathComponent("sub/deep.yaml"), atomically: true, encoding: .utf8)
        let input = try LandscapeLoader.load(paths: [dir.path])
        #expect(input.shoots.map(\.name).sorted() == ["s0", "s1", "s2", "s3", "x"])
        #expect(input.seeds.count == 2)
    }

    @Test func badInputIsOneErrorWithItsPlace() throws {
        let bad = Self.list(Self.shoot("a", v6: "2001:db8::/56") + Self.shoot("b", v6: "2001:db8::1/56"))
        #expect(throws: LoadError.self) { try LandscapeLoader.parse([("bad.yaml", bad)]) }
        do {
            _ = try LandscapeLoader.parse([("bad.yaml", bad)])
        } catch {
            #expect(error.file == "bad.yaml")
            #expect(error.line == 40)   // shoot b's status.networking.nodes
            #expect(error.message.contains("status.networking.nodes"))
        }
        do {
            _ = try LandscapeLoader.parse([("one.yaml", Self.list(Self.shoot("a"))), ("two.yaml", Self.list(Self.shoot("a")))])
            Issue.record("a shoot twice was accepted")
        } catch {
            #expect(error.file == "two.yaml")
            #expect(error.message.contains("shoot garden-a/a appears twice (first at one.yaml:4:3)"))
        }
    }

    /// Among thousands of shoots, exactly the pairs with the same namespace and name are
    /// refused (the second named, the first as where it was first): names that merely share
    /// parts, or the same name in another namespace, are not.
    @Test func onlyTheSameNamespaceAndNameIsADuplicate() throws {
        let names = (0..<3000).map { i in (namespace: "garden-\(i % 7)", name: "s\(i / 7)-\(i % 11)") }
        let distinct = Set(names.map { "\($0.namespace)/\($0.name)" }).count
        #expect(distinct == names.count)
        func location(_ i: Int) -> Spec.SourceLocation { Spec.SourceLocation(file: "l.json", line: i + 1, column: 1) }
        try LandscapeLoader.checkUniqueShoots(count: names.count) { (names[$0].namespace, names[$0].name, location($0)) }
        // "garden-1" + "2/x" and "garden-1/2" + "x" would be one string joined with "/".
        try LandscapeLoader.checkUniqueShoots(count: 2) { $0 == 0 ? ("garden-1", "2/x", nil) : ("garden-1/2", "x", nil) }
        var twice = names
        twice.append(names[1234])
        do throws(LoadError) {
            try LandscapeLoader.checkUniqueShoots(count: twice.count) { (twice[$0].namespace, twice[$0].name, location($0)) }
            Issue.record("a shoot twice was accepted")
        } catch {
            #expect(error.line == twice.count)
            #expect(error.message.contains("shoot \(names[1234].namespace)/\(names[1234].name) appears twice (first at l.json:1235:1)"))
        }
    }
}
