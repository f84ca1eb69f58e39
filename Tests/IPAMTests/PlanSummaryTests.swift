import Loading
import Spec
import Testing
import TestSupport
@testable import IPAM

/// `Planner.summary` (what the landscape plans each shoot with) is `Planner.plan` with the
/// text of infos left out, and nothing else: the same ranges, nodes, routes and findings in
/// the same order, with the same codes, severities, paths and objects.
@Suite("Plan summary")
struct PlanSummaryTests {
    static var inputs: [(String, PlanInput)] {
        var out: [(String, PlanInput)] = []
        for name in PackagePaths.shootSampleNames {
            guard let loaded = try? InputLoader.load(file: PackagePaths.sample("\(name).yaml")) else { continue }
            out.append((name, loaded.input))
            var seeded = loaded.input
            seeded.settings.seed = try? InputLoader.loadSeed(file: PackagePaths.sample("seed.yaml"))
            out.append(("\(name) + seed", seeded))
        }
        return out
    }

    @Test("A summary is the plan with the infos' text left out", arguments: inputs)
    func summaryIsThePlanWithoutInfoText(_ name: String, _ input: PlanInput) {
        let full = Planner.plan(input)
        let summary = Planner.summary(input)
        var expected = full
        for i in expected.diagnostics.indices where expected.diagnostics[i].severity == .info {
            expected.diagnostics[i].message = ""
        }
        #expect(summary == expected, "\(name)")
        // Errors and warnings keep their text (the landscape quotes the first one).
        for d in summary.diagnostics where d.severity > .info { #expect(!d.message.isEmpty, "\(name): \(d.code)") }
    }

    @Test("The samples have infos with text, so the comparison above leaves something out")
    func samplesHaveInfos() {
        let infos = Self.inputs.flatMap { Planner.plan($0.1).diagnostics }.filter { $0.severity == .info }
        #expect(infos.count >= 5)
        #expect(infos.allSatisfy { !$0.message.isEmpty })
    }
}
