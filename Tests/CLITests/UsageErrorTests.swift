import Testing
import TestSupport

/// A command line swift-argument-parser must reject, and a word its message must contain.
struct UsageCase: Sendable, CustomTestStringConvertible {
    var args: [String]
    var says: String
    var testDescription: String { args.joined(separator: " ") }

    static var sample: String { SampleFiles.yaml("openstack-ipv6") }

    static let all: [UsageCase] = [
        UsageCase(args: ["plan", sample, "--bogus"], says: "--bogus"),
        UsageCase(args: ["check", sample, "--bogus"], says: "--bogus"),
        UsageCase(args: ["render", sample, "--bogus"], says: "--bogus"),
        UsageCase(args: ["routes", sample, "--bogus"], says: "--bogus"),
        UsageCase(args: ["plan"], says: "<file>"),
        UsageCase(args: ["check"], says: "<file>"),
        UsageCase(args: ["render"], says: "<file>"),
        UsageCase(args: ["routes"], says: "<file>"),
        UsageCase(args: ["plan", sample, "-o", "bogus"], says: "bogus"),
        UsageCase(args: ["check", sample, "-o", "bogus"], says: "bogus"),
        UsageCase(args: ["check", sample, "-o", "table"], says: "table"),
        UsageCase(args: ["routes", sample, "-o", "bogus"], says: "bogus"),
        UsageCase(args: ["routes", sample, "-o", "yaml"], says: "yaml"),
        UsageCase(args: ["plan", sample, "-o"], says: "-o"),
        UsageCase(args: ["plan", sample, "--nodes"], says: "--nodes"),
        UsageCase(args: ["render", sample, "--color", "sometimes"], says: "sometimes"),
        // Issue 13: a negative number is a negative number, not a missing value.
        UsageCase(args: ["render", sample, "--width", "-5"], says: "--width must be between"),
        UsageCase(args: ["render", sample, "--max-nodes", "-1"], says: "--max-nodes must not be negative"),
        UsageCase(args: ["render", sample, "--width", "abc"], says: "abc"),
        UsageCase(args: ["render", sample, "--width", "10"], says: "--width"),
        UsageCase(args: ["render", sample, "--max-nodes", "-1"], says: "max-nodes"),
        UsageCase(args: ["plan", sample, sample], says: "Unexpected argument"),
        UsageCase(args: ["frobnicate"], says: "frobnicate"),
    ]
}

/// Usage errors exit 2 ("unusable input", README "Commands"), print nothing on stdout and say what
/// was wrong on stderr.
@Suite struct UsageErrorTests {
    @Test(arguments: UsageCase.all)
    func usageErrorsExitTwo(_ c: UsageCase) throws {
        let r = try ProcessRunner.shootnet(c.args)
        #expect(r.exitCode == 2, "exit \(r.exitCode)")
        #expect(r.stdout.isEmpty, "stdout: \(r.stdout.prefix(200))")
        #expect(r.stderr.contains(c.says), "stderr: \(r.stderr)")
        #expect(!r.timedOut)
    }

    @Test(arguments: ["plan", "check", "render", "routes"])
    func helpExitsZero(_ command: String) throws {
        let r = try ProcessRunner.shootnet([command, "--help"])
        #expect(r.exitCode == 0)
        #expect(r.stdout.contains("--nodes") && r.stdout.contains("--routes") && r.stdout.contains("--seed"))
    }
}
