import Foundation
import Testing
import TestSupport

/// A short seeded run of shootnet-fuzz inside the suite (the long runs are
/// `swift build -c release --product shootnet-fuzz` and scripts/fuzz.sh; see
/// docs/reliability.md). A trap would kill the fuzzer, a broken invariant makes it exit 1.
@Suite struct FuzzRunTests {
    struct Summary: Equatable {
        var inputs: Int
        var findings: Int
        var planned: Int
    }

    /// `shootnet-fuzz: N inputs, seed S, F findings, T s (R/s), P documents planned, slowest …`
    static func summary(_ line: String) -> Summary? {
        let words = line.split(separator: " ")
        func number(before word: String) -> Int? {
            guard let i = words.firstIndex(where: { $0.hasPrefix(word) }), i > 0 else { return nil }
            return Int(words[i - 1])
        }
        guard line.hasPrefix("shootnet-fuzz: "), let inputs = number(before: "inputs"), let findings = number(before: "findings"),
              let planned = number(before: "documents") else { return nil }
        return Summary(inputs: inputs, findings: findings, planned: planned)
    }

    static func fuzz(_ args: [String], timeout: Double = 90) throws -> (ProcessResult, Summary?) {
        let run = try ProcessRunner.run(BuiltProduct.path("shootnet-fuzz"),
                              args + ["--samples", PackagePaths.sample(""), "--themes", PackagePaths.path("themes")],
                              timeout: timeout)
        return (run, summary(run.stdoutLines.last ?? ""))
    }

    static let cheap = "address,prefix,prefix-or-address,tuple,template,main-json,routes,theme"
    static let documents = "main-yaml,nodes,seed,editor"

    @Test(arguments: [(cheap, 20_000), (documents, 400)])
    func seededRunFindsNothing(_ targets: String, _ iterations: Int) throws {
        let (run, summary) = try Self.fuzz(["--iterations", "\(iterations)", "--seed", "20260101", "--target", targets])
        #expect(run.signal == nil && !run.timedOut, "the fuzzer died (signal \(run.signal ?? 0)) or hung")
        #expect(run.exitCode == 0, "findings:\n\(run.stderr.prefix(4000))")
        #expect(summary?.inputs == iterations)
        #expect(summary?.findings == 0)
    }

    @Test func sameSeedSameRun() throws {
        let args = ["--iterations", "1500", "--seed", "7", "--target", "main-json,prefix,routes"]
        let (_, first) = try Self.fuzz(args)
        let (_, second) = try Self.fuzz(args)
        #expect(first != nil && first == second)
        #expect((first?.planned ?? 0) > 0, "no mutated document got through the loader and planner")
    }
}
