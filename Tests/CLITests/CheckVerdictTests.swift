import Foundation
import Testing
import TestSupport

/// The `shootnet check` verdict samples/README.md states for a sample: the exit code and the
/// error and warning codes, each as often as it is reported (info codes are not part of it).
struct Verdict: Sendable, CustomTestStringConvertible {
    var sample: String
    var errors: [String] = []
    var warnings: [String] = []

    var exitCode: Int32 { errors.isEmpty ? 0 : 1 }
    var strictExitCode: Int32 { errors.isEmpty && warnings.isEmpty ? 0 : 1 }
    var testDescription: String { sample }

    /// samples/README.md, row by row.
    static let readme: [Verdict] = [
        Verdict(sample: "gep-openstack", errors: ["overlap.pods-services", "provider.openstack-ipv6-config", "route.missing"],
                warnings: ["size.mask-difference", "size.service-range"]),
        Verdict(sample: "aws-dualstack"),
        Verdict(sample: "aws-dualstack-observed"),
        Verdict(sample: "openstack-dualstack"),
        Verdict(sample: "aws-ipv6"),
        Verdict(sample: "gcp-dualstack"),
        Verdict(sample: "azure-ula", errors: ["provider.dual-stack"]),
        Verdict(sample: "ipv4-default"),
        Verdict(sample: "openstack-ipv6", errors: ["provider.ipv6-single-stack"]),
        Verdict(sample: "broken-overlap", errors: ["overlap.pods-services", "provider.dual-stack"]),
        Verdict(sample: "broken-hostbits", errors: ["parse.family-mismatch", "parse.host-bits"]),
        Verdict(sample: "broken-azure-auto", errors: Array(repeating: "provider.auto-unsupported", count: 3) + ["provider.dual-stack"]),
        Verdict(sample: "broken-vpn-range", errors: ["reserved.vpn"]),
        Verdict(sample: "broken-routes", errors: ["route.wrong-nexthop"], warnings: ["route.stale"]),
        Verdict(sample: "broken-capacity", errors: ["capacity.exceeded", "capacity.exceeded"]),
        Verdict(sample: "broken-openstack-pods-outside", errors: ["openstack.pods-outside-subnet", "provider.openstack-ipv6-config"]),
    ]
}

/// `shootnet check` on every sample gives the verdict samples/README.md states.
@Suite struct CheckVerdictTests {
    @Test func everySampleHasAVerdict() {
        #expect(Set(Verdict.readme.map(\.sample)) == Set(SampleFiles.shootNames))
        #expect(Verdict.readme.count == SampleFiles.shootNames.count)
    }

    @Test(arguments: Verdict.readme)
    func checkGivesTheReadmeVerdict(_ v: Verdict) throws {
        let file = SampleFiles.yaml(v.sample)
        let (json, diagnostics) = try ProcessRunner.checkJSON([file])
        #expect(json.exitCode == v.exitCode, "check -o json exit \(json.exitCode)")
        #expect(json.stderr.isEmpty, "\(json.stderr)")
        #expect(codes(diagnostics, "error") == v.errors.sorted())
        #expect(codes(diagnostics, "warning") == v.warnings.sorted())

        let text = try ProcessRunner.shootnet(["check", file])
        #expect(text.exitCode == v.exitCode, "check exit \(text.exitCode)")
        #expect(text.stderr.isEmpty, "\(text.stderr)")

        let strict = try ProcessRunner.shootnet(["check", file, "--strict"])
        #expect(strict.exitCode == v.strictExitCode, "check --strict exit \(strict.exitCode)")
        #expect(strict.stdout == text.stdout, "--strict changes only the exit code")
    }

    /// README: "No range written in the samples collides with" the seed, so `--seed` keeps every
    /// verdict (an IPv4 overlap would only be info).
    @Test(arguments: Verdict.readme)
    func theSampleSeedChangesNoVerdict(_ v: Verdict) throws {
        let (r, diagnostics) = try ProcessRunner.checkJSON([SampleFiles.yaml(v.sample), "--seed", SampleFiles.seed])
        #expect(r.exitCode == v.exitCode)
        #expect(codes(diagnostics, "error") == v.errors.sorted())
        #expect(codes(diagnostics, "warning") == v.warnings.sorted())
    }

    /// Text output is compiler-shaped, one line per finding in the JSON's order, then a summary.
    @Test(arguments: SampleFiles.shootNames)
    func textLinesAreCompilerShaped(_ sample: String) throws {
        let file = SampleFiles.yaml(sample)
        let text = try ProcessRunner.shootnet(["check", file])
        let (_, diagnostics) = try ProcessRunner.checkJSON([file])
        let lines = text.stdoutLines
        #expect(lines.count == diagnostics.count + 1, "\(text.stdout)")
        let shape = try Regex<(Substring, Substring, Substring, Substring, Substring, Substring, Substring)>(
            #"^(.+):([1-9][0-9]*):([1-9][0-9]*): (error|warning|info): (.+) \[([a-z0-9.-]+)\]$"#)
        for (line, d) in zip(lines, diagnostics) {
            guard let m = try shape.wholeMatch(in: line) else {
                Issue.record("not FILE:LINE:COL: severity: message [code]: \(line)")
                continue
            }
            #expect(String(m.output.1) == file, "\(line)")
            #expect(String(m.output.4) == d.severity && String(m.output.6) == d.code, "\(line) vs \(d.severity) \(d.code)")
            #expect(String(m.output.5) == d.message, "\(line)")
        }
        let count = { (s: String) in diagnostics.filter { $0.severity == s }.count }
        let e = count("error"), w = count("warning"), i = count("info")
        #expect(lines.last == "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s"), \(i) info")
    }

    /// `check -o json` holds the same diagnostic objects as `plan -o json`.
    @Test(arguments: SampleFiles.shootNames)
    func checkJSONHasThePlanDiagnostics(_ sample: String) throws {
        let (_, plan) = try ProcessRunner.planJSON([SampleFiles.yaml(sample)])
        let (_, diagnostics) = try ProcessRunner.checkJSON([SampleFiles.yaml(sample)])
        #expect(diagnostics == plan.diagnostics)
    }

    /// With flag files the figure gives the same verdict as with its embedded state.
    @Test func figureVerdictWithFlagFiles() throws {
        let (r, diagnostics) = try ProcessRunner.checkJSON([SampleFiles.yaml("gep-openstack"),
                                                          "--nodes", SampleFiles.gepNodes, "--routes", SampleFiles.gepRouter])
        let v = try #require(Verdict.readme.first { $0.sample == "gep-openstack" })
        #expect(r.exitCode == 1)
        #expect(codes(diagnostics, "error") == v.errors.sorted())
        #expect(codes(diagnostics, "warning") == v.warnings.sorted())
    }

    /// Warnings alone pass, and fail with --strict: broken-routes with the wrong next hop fixed
    /// keeps only its stale route.
    @Test func strictTurnsWarningsIntoFailure() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let original = try SampleFiles.text("broken-routes.yaml")
        let wrong = "- destination: 2001:db8:20:0:4000:0:1:0/112\n  nexthop: 2001:db8:20::62\n"
        #expect(original.contains(wrong))
        let file = try dir.write("stale-only.yaml", original.replacingOccurrences(
            of: wrong, with: "- destination: 2001:db8:20:0:4000:0:1:0/112\n  nexthop: 2001:db8:20::27\n"))

        let (plain, diagnostics) = try ProcessRunner.checkJSON([file])
        #expect(plain.exitCode == 0)
        #expect(codes(diagnostics, "error").isEmpty)
        #expect(codes(diagnostics, "warning") == ["route.stale"])
        #expect(try ProcessRunner.shootnet(["check", file]).exitCode == 0)
        #expect(try ProcessRunner.shootnet(["check", file, "--strict"]).exitCode == 1)
        #expect(try ProcessRunner.shootnet(["check", file, "--strict", "-o", "json"]).exitCode == 1)
    }

    /// --seed is read: an IPv6 shoot range equal to a seed range is an error, an IPv4 one info.
    @Test func seedOverlapIsAnErrorForIPv6AndInfoForIPv4() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let seed = try SampleFiles.text("seed.yaml")
        #expect(seed.contains("2001:db8:5eed::/66") && seed.contains("10.240.0.0/16"))
        let v6Clash = try dir.write("seed-v6.yaml", seed.replacingOccurrences(of: "2001:db8:5eed::/66", with: "2001:db8:10::/66"))
        let v4Clash = try dir.write("seed-v4.yaml", seed.replacingOccurrences(of: "10.240.0.0/16", with: "10.250.0.0/16"))

        let (r6, d6) = try ProcessRunner.checkJSON([SampleFiles.yaml("openstack-ipv6"), "--seed", v6Clash])
        #expect(r6.exitCode == 1)
        #expect(d6.filter { $0.code == "overlap.seed" }.map(\.severity) == ["error"])

        let (r4, d4) = try ProcessRunner.checkJSON([SampleFiles.yaml("ipv4-default"), "--seed", v4Clash])
        #expect(r4.exitCode == 0)
        #expect(d4.filter { $0.code == "overlap.seed" }.map(\.severity) == ["info"])
    }

    private func codes(_ diagnostics: [PlanDocument.Finding], _ severity: String) -> [String] {
        diagnostics.filter { $0.severity == severity }.map(\.code).sorted()
    }
}
