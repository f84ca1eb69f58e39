import Addressing
import IPAM
import Loading
import Spec
import Testing

/// Generated landscapes of several sizes and seeds: the landscape check finds every planted
/// IPv6 collision and nothing else, by one diagnostic per pair of objects.
@Suite struct CollisionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var shoots: Int, seeds: Int, plant: Int, seed: UInt64, yaml: Bool
        var testDescription: String { "\(shoots) shoots, \(seeds) seeds, \(plant) planted, seed \(seed)\(yaml ? ", YAML" : "")" }
    }

    static let cases: [Case] = [
        Case(shoots: 2, seeds: 1, plant: 0, seed: 1, yaml: false),
        Case(shoots: 12, seeds: 3, plant: 4, seed: 2, yaml: true),
        Case(shoots: 60, seeds: 5, plant: 9, seed: 3, yaml: false),
        Case(shoots: 150, seeds: 8, plant: 20, seed: 4, yaml: false),
        Case(shoots: 150, seeds: 8, plant: 20, seed: 5, yaml: true),
        Case(shoots: 400, seeds: 10, plant: 0, seed: 6, yaml: false),
    ]

    static func check(_ g: GeneratedLandscape) throws -> LandscapeResult {
        LandscapeCheck.check(try LandscapeLoader.parse([("shoots.json", g.shootsText), ("seeds.json", g.seedsText)]))
    }

    static func pairs(_ result: LandscapeResult) -> [Set<String>] {
        result.diagnostics.filter { $0.code == DiagnosticCode.landscapeIPv6Overlap }
            .map { Set($0.objects.prefix(2).map(\.description)) }
    }

    @Test(arguments: cases) func everyPlantedCollisionAndNothingElse(_ c: Case) throws {
        let g = GeneratedLandscape(shoots: c.shoots, seeds: c.seeds, plant: c.plant, seed: c.seed, yaml: c.yaml)
        let expected = g.bruteForcePairs
        #expect(g.planted.isSubset(of: expected), "the generator's planted pairs overlap")
        #expect(expected.count >= g.planted.count)
        let result = try Self.check(g)
        #expect(result.shootCount == c.shoots)
        #expect(result.seedCount == c.seeds)
        let found = Self.pairs(result)
        #expect(found.count == Set(found).count, "one diagnostic per pair of objects")
        #expect(Set(found) == expected)
        // Nothing else is wrong with these shoots: no error but the collisions.
        let otherErrors = result.diagnostics.filter { $0.severity == .error && $0.code != DiagnosticCode.landscapeIPv6Overlap
            && $0.code != DiagnosticCode.landscapeShootFindings }
        #expect(otherErrors.isEmpty, "\(otherErrors.map(\.message))")
    }

    @Test func aMessageNamesBothObjectsFieldsAndPrefixes() throws {
        let g = GeneratedLandscape(shoots: 30, seeds: 4, plant: 4, seed: 11)
        let result = try Self.check(g)
        let overlaps = result.diagnostics.filter { $0.code == DiagnosticCode.landscapeIPv6Overlap }
        #expect(overlaps.count == g.bruteForcePairs.count)
        for d in overlaps {
            #expect(d.severity == .error)
            #expect(d.objects.count == 4)
            let prefixes = d.objects.suffix(2).map { String($0.description.split(separator: "/", maxSplits: 2).last ?? "") }
            for (object, prefix) in zip(d.objects.prefix(2), prefixes) {
                let parts = object.description.split(separator: "/")
                #expect(d.message.contains(String(parts.last ?? "")), "\(d.message) lacks \(object)")
                #expect(d.message.contains(prefix), "\(d.message) lacks \(prefix)")
            }
            #expect(d.message.contains("networking.") || d.message.contains("networks."), "names the fields: \(d.message)")
        }
    }

    @Test func ipv4ReuseIsNeverAnError() throws {
        // Every generated shoot has the same IPv4 nodes, pods and services.
        let g = GeneratedLandscape(shoots: 80, seeds: 4, plant: 0, seed: 21)
        let result = try Self.check(g)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.message))")
        let reuse = result.diagnostics.filter { $0.code == DiagnosticCode.landscapeIPv4Reuse }
        #expect(reuse.count == 1)
        #expect(reuse.first?.severity == .info)
        #expect(reuse.first?.message.contains("10.250.0.0/16 alone is used by 80 shoots") == true)
    }

    @Test func threadsDoNotChangeTheResult() throws {
        let g = GeneratedLandscape(shoots: 300, seeds: 6, plant: 15, seed: 41)
        let input = try LandscapeLoader.parse([("s.json", g.shootsText), ("seeds.json", g.seedsText)])
        let one = LandscapeCheck.check(input, concurrency: 1)
        let four = LandscapeCheck.check(input, concurrency: 4)
        #expect(one.diagnostics == four.diagnostics)
        #expect(one.ranges == four.ranges)
        #expect(one.shootFindings == four.shootFindings)
    }

    @Test func cappedPairsAreCountedNotDropped() throws {
        let g = GeneratedLandscape(shoots: 40, seeds: 2, plant: 12, seed: 31)
        let input = try LandscapeLoader.parse([("s.json", g.shootsText), ("seeds.json", g.seedsText)])
        let all = LandscapeCheck.check(input)
        let capped = LandscapeCheck.check(input, maxPairs: 3)
        #expect(Self.pairs(capped).count == 3)
        #expect(Set(Self.pairs(capped)).isSubset(of: Set(Self.pairs(all))))
        #expect(capped.diagnostics.contains { $0.code == DiagnosticCode.landscapeTruncated })
        #expect(!all.diagnostics.contains { $0.code == DiagnosticCode.landscapeTruncated })
    }
}
