import IPAM
import Loading
import Spec
import Testing

/// A trigger and a near miss for every landscape-level code (the shoot-level catalogue in
/// IPAMTests cannot trigger them: they need more than one object).
@Suite struct LandscapeCatalogueTests {
    typealias S = LandscapeLoadingTests

    struct Case: Sendable, CustomTestStringConvertible {
        var code: DiagnosticCode
        var trigger: @Sendable () throws -> LandscapeResult
        var nearMiss: @Sendable () throws -> LandscapeResult
        var testDescription: String { code.rawValue }
    }

    static func run(_ text: String, maxPairs: Int = LandscapeCheck.defaultMaxPairs) throws -> LandscapeResult {
        LandscapeCheck.check(try LandscapeLoader.parse([("l.yaml", text)]), maxPairs: maxPairs)
    }

    static let cases: [Case] = [
        Case(code: .landscapeIPv6Overlap,
             trigger: { try run(S.list(S.shoot("a", seed: nil, v6: "2001:db8::/56") + S.shoot("b", seed: nil, v6: "2001:db8::/60"))) },
             nearMiss: { try run(S.list(S.shoot("a", seed: nil, v6: "2001:db8::/56") + S.shoot("b", seed: nil, v6: "2001:db8:0:100::/56"))) }),
        Case(code: .landscapeIPv4Reuse,
             trigger: { try run(S.list(S.shoot("a", seed: nil, v6: "2001:db8::/56") + S.shoot("b", seed: nil, v6: "2001:db8:0:100::/56"))) },
             nearMiss: { try run(S.list(S.shoot("a", seed: nil, v6: "2001:db8::/56"))) }),
        Case(code: .landscapeShootFindings,
             // The shoot's own check: its IPv6 nodes range overlaps its seed's (overlap.seed).
             trigger: { try run(S.list(S.shoot("a", v6: "2001:db9::/56")) + "---\n" + S.seedA) },
             nearMiss: { try run(S.list(S.shoot("a", v6: "2001:db8::/56")) + "---\n" + S.seedA) }),
        Case(code: .landscapeUnknownSeed,
             trigger: { try run(S.list(S.shoot("a", seed: "seed-b", v6: "2001:db8::/56")) + "---\n" + S.seedA) },
             nearMiss: { try run(S.list(S.shoot("a", seed: "seed-a", v6: "2001:db8::/56")) + "---\n" + S.seedA) }),
        Case(code: .landscapeSkipped,
             trigger: { try run(S.list(S.shoot("a", seed: nil, v6: "2001:db8::/56")) + "---\nkind: ConfigMap\nmetadata: {name: c}\n") },
             nearMiss: { try run(S.list(S.shoot("a", seed: nil, v6: "2001:db8::/56"))) }),
        Case(code: .landscapeTruncated,
             trigger: { try run(S.list(S.shoot("a", seed: nil, v6: "2001:db8::/56") + S.shoot("b", seed: nil, v6: "2001:db8::/56")
                                      + S.shoot("c", seed: nil, v6: "2001:db8::/56")), maxPairs: 2) },
             nearMiss: { try run(S.list(S.shoot("a", seed: nil, v6: "2001:db8::/56") + S.shoot("b", seed: nil, v6: "2001:db8::/56")),
                                 maxPairs: 1) }),
    ]

    @Test(arguments: cases) func triggersAndNearMiss(_ c: Case) throws {
        let hit = try c.trigger()
        let d = try #require(hit.diagnostics.first { $0.code == c.code }, "expected \(c.code.rawValue), got \(hit.diagnostics.map(\.code))")
        #expect(d.severity == c.code.severity || c.code == .landscapeShootFindings)
        #expect(!d.message.isEmpty)
        let miss = try c.nearMiss()
        #expect(!miss.diagnostics.contains { $0.code == c.code }, "near miss: \(miss.diagnostics.map(\.message))")
    }

    @Test func everyLandscapeCodeHasACase() {
        let covered = Set(Self.cases.map(\.code))
        #expect(DiagnosticCode.allCases.filter { $0.isLandscapeLevel && !covered.contains($0) }.isEmpty)
    }
}
