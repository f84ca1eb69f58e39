import Foundation
import Testing
import TestSupport

/// `shootnet landscape` through the real binary: inputs (files, `-`, directories), the JSON
/// shape, exit codes, `--free`, and one line for unusable input.
@Suite struct LandscapeCLITests {
    static func shoot(_ name: String, v6: String, seed: String = "seed-a") -> String {
        LandscapeFixtures.shootItem(name, namespace: "garden-x", seed: seed, v6: v6)
    }

    static func shoots(_ items: String...) -> String { LandscapeFixtures.list(items.joined()) }

    static let seeds = #"{"apiVersion": "v1", "kind": "List", "items": [{"kind": "Seed", "metadata": {"name": "seed-a"}, "spec": {"networks": {"nodes": "10.240.0.0/16", "pods": "10.241.0.0/16", "services": "10.242.0.0/16", "shootDefaults": {"pods": "100.96.0.0/11", "services": "100.64.0.0/13"}}}, "status": {"networks": {"pods": ["10.241.0.0/16", "2001:db8:ff::/56"]}}}]}"#

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func cleanLandscapeExitsZeroWithTheDocumentedShape() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let s = try dir.write("shoots.yaml", Self.shoots(Self.shoot("a", v6: "2001:db8::/56"), Self.shoot("b", v6: "2001:db8:0:100::/56")))
        let seeds = try dir.write("seeds.json", Self.seeds)
        let r = try ProcessRunner.shootnet(["landscape", s, seeds, "-o", "json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        let doc = try Self.json(r.stdout)
        #expect(Set(doc.keys) == ["shoots", "seeds", "diagnostics", "free"])
        #expect(doc["shoots"] as? Int == 2)
        #expect(doc["seeds"] as? Int == 1)
        let diagnostics = try #require(doc["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.allSatisfy { Set($0.keys) == ["code", "severity", "origin", "path", "message", "objects"] })
        #expect(diagnostics.map { $0["code"] as? String } == ["landscape.ipv4-reuse"])
        #expect(doc["free"] as? [String] == [])
    }

    @Test func aCollisionExitsOneAndNamesBothObjects() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        // b's /56 is seed-a's pod range, c's /60 lies in a's /56.
        let s = try dir.write("shoots.yaml", Self.shoots(Self.shoot("a", v6: "2001:db8::/56"), Self.shoot("b", v6: "2001:db8:ff::/56"),
                                                         Self.shoot("c", v6: "2001:db8:0:50::/60")))
        let seeds = try dir.write("seeds.json", Self.seeds)
        let r = try ProcessRunner.shootnet(["landscape", s, seeds, "-o", "json"])
        #expect(r.exitCode == 1)
        let diagnostics = try #require(try Self.json(r.stdout)["diagnostics"] as? [[String: Any]])
        let overlaps = diagnostics.filter { $0["code"] as? String == "landscape.ipv6-overlap" }
        let pairs = Set(overlaps.map { Set(($0["objects"] as? [String] ?? []).prefix(2)) })
        #expect(pairs == [["shoot/garden-x/a", "shoot/garden-x/c"], ["shoot/garden-x/b", "seed/seed-a"]])
        let table = try ProcessRunner.shootnet(["landscape", s, seeds])
        #expect(table.exitCode == 1)
        #expect(table.stdoutLines.contains { $0.hasPrefix("\(s):") && $0.contains("error: IPv6 overlap") && $0.hasSuffix("[landscape.ipv6-overlap]") })
        #expect(table.stdoutLines.contains("3 shoots, 1 seed: 3 errors, 0 warnings, 1 info"))
    }

    static func jsonShoot(_ name: String, v6: String) -> String {
        #"{"apiVersion": "core.gardener.cloud/v1beta1", "kind": "Shoot", "metadata": {"name": "\#(name)", "namespace": "garden-x"}, "spec": {"seedName": "seed-a", "provider": {"type": "aws", "workers": [{"name": "w", "minimum": 1, "maximum": 3, "zones": ["eu-1a"]}]}, "networking": {"type": "calico", "ipFamilies": ["IPv4", "IPv6"], "nodes": "10.250.0.0/16"}}, "status": {"networking": {"pods": ["100.96.0.0/11", "\#(v6)"]}}}"#
    }

    /// `kubectl get shoots,seeds -A -o json` prints one List, the shoots first: the shoots
    /// must be checked with the seed that comes after them (its shoot defaults and ranges),
    /// exactly as when the two lists are given apart; standard input is read once.
    @Test func shootsAndSeedsInOneJSONList() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let shoots = (0..<40).map { Self.jsonShoot("s\($0)", v6: $0 == 7 ? "2001:db8:ff::/56" : "2001:db8:\($0 + 1)::/56") }
        let seedItem = String(Self.seeds.dropFirst(#"{"apiVersion": "v1", "kind": "List", "items": ["#.count).dropLast(2))
        let together = try dir.write("together.json", #"{"apiVersion": "v1", "items": ["# + (shoots + [seedItem]).joined(separator: ",\n") + #"], "kind": "List"}"#)
        let apart = try dir.write("shoots.json", #"{"apiVersion": "v1", "items": ["# + shoots.joined(separator: ",\n") + #"], "kind": "List"}"#)
        let seeds = try dir.write("seeds.json", Self.seeds)
        let stdin = Self.shoots(Self.shoot("from-stdin", v6: "2001:db8:0:100::/56"))
        let one = try ProcessRunner.shootnet(["landscape", together, "-", "-o", "json"], stdin: stdin)
        let two = try ProcessRunner.shootnet(["landscape", apart, seeds, "-", "-o", "json"], stdin: stdin)
        #expect(one.exitCode == 1, "\(one.stderr)")
        let doc = try Self.json(one.stdout)
        #expect(doc["shoots"] as? Int == 41)
        #expect(doc["seeds"] as? Int == 1)
        let diagnostics = try #require(doc["diagnostics"] as? [[String: Any]])
        #expect(!diagnostics.contains { $0["code"] as? String == "landscape.unknown-seed" })
        let overlaps = diagnostics.filter { $0["code"] as? String == "landscape.ipv6-overlap" }
        #expect(overlaps.map { Set(($0["objects"] as? [String] ?? []).prefix(2)) } == [["shoot/garden-x/s7", "seed/seed-a"]])
        #expect(NSDictionary(dictionary: doc).isEqual(to: try Self.json(two.stdout)))
    }

    @Test func standardInputAndDirectories() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        try dir.write("shoots.yaml", Self.shoots(Self.shoot("a", v6: "2001:db8::/56")))
        try dir.write("seeds.json", Self.seeds)
        try dir.write("notes.txt", "not a manifest")
        let r = try ProcessRunner.shootnet(["landscape", dir.url.path, "-", "-o", "json"],
                                     stdin: Self.shoots(Self.shoot("b", v6: "2001:db8::/56")))
        #expect(r.exitCode == 1)
        let doc = try Self.json(r.stdout)
        #expect(doc["shoots"] as? Int == 2)
        #expect(doc["seeds"] as? Int == 1)
        let overlap = try #require((doc["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == "landscape.ipv6-overlap" })
        #expect(Set((overlap["objects"] as? [String] ?? []).prefix(2)) == ["shoot/garden-x/a", "shoot/garden-x/b"])
        let bad = try ProcessRunner.shootnet(["landscape", "-"], stdin: "kind: List\nitems: [1\n")
        #expect(bad.exitCode == 2)
        #expect(bad.stderrLines.count == 1)
        #expect(bad.stderrLines.first?.hasPrefix("<stdin>:") == true)
    }

    @Test func freePrefixesInTableAndJSON() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let s = try dir.write("shoots.yaml", Self.shoots(Self.shoot("a", v6: "2001:db8::/56"), Self.shoot("b", v6: "2001:db8:0:200::/56")))
        let seeds = try dir.write("seeds.json", Self.seeds)
        let r = try ProcessRunner.shootnet(["landscape", s, seeds, "--free", "/56", "--in", "2001:db8::/48", "--count", "3", "-o", "json"])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(try Self.json(r.stdout)["free"] as? [String] == ["2001:db8:0:100::/56", "2001:db8:0:300::/56", "2001:db8:0:400::/56"])
        let t = try ProcessRunner.shootnet(["landscape", s, seeds, "--free", "56", "--in", "2001:db8::/48", "--count", "2"])
        #expect(t.stdoutLines.suffix(3) == ["free /56 in 2001:db8::/48 (the first 2):", "  2001:db8:0:100::/56", "  2001:db8:0:300::/56"])
    }

    /// Shoots of a JSON List are decoded while they are planned, on several threads: an
    /// unusable one is still one line with its place, the first in input order.
    @Test func aBadShootInAJSONListIsOneLineWithItsPlace() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let good = #"{"kind": "Shoot", "metadata": {"name": "NAME", "namespace": "n"}, "spec": {"provider": {"type": "aws"}}}"#
        let bad = #"{"kind": "Shoot", "metadata": {"name": "NAME", "namespace": "n"}, "spec": {"region": "x"}}"#
        // 300 shoots, so several threads plan them; items 150 and 250 lack spec.provider.
        let items = (0..<300).map { i in (i == 150 || i == 250 ? bad : good).replacingOccurrences(of: "NAME", with: "s\(i)") }
        let file = try dir.write("shoots.json", "{\"apiVersion\": \"v1\", \"items\": [\n" + items.joined(separator: ",\n") + "\n], \"kind\": \"List\"}\n")
        let r = try ProcessRunner.shootnet(["landscape", file])
        #expect(r.exitCode == 2)
        #expect(r.stderrLines == ["\(file):152:75: error: spec.provider is missing"])
        // The same shoot twice (two dumps of one landscape).
        let twice = try dir.write("twice.json", "{\"items\": [" + good.replacingOccurrences(of: "NAME", with: "a") + "], \"kind\": \"List\"}")
        let d = try ProcessRunner.shootnet(["landscape", twice, twice])
        #expect(d.exitCode == 2)
        #expect(d.stderrLines == ["\(twice):1:12: error: shoot n/a appears twice (first at \(twice):1:12); give each object once"])
    }

    /// `kubectl get shoots -A -o json | shootnet landscape - seeds.json`: standard input is
    /// read in chunks as a file is — the same result, and a bad shoot's place in `<stdin>`
    /// where the file's would be.
    @Test func aJSONListOnStandardInputReadsAsTheFile() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let shoots = (0..<300).map { Self.jsonShoot("s\($0)", v6: $0 == 7 ? "2001:db8:ff::/56" : "2001:db8:\($0 + 1)::/56") }
        let list = "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n" + shoots.joined(separator: ",\n") + "\n    ],\n    \"kind\": \"List\"\n}\n"
        let file = try dir.write("shoots.json", list)
        let seeds = try dir.write("seeds.json", Self.seeds)
        let fromFile = try ProcessRunner.shootnet(["landscape", file, seeds, "-o", "json"])
        let fromStdin = try ProcessRunner.shootnet(["landscape", "-", seeds, "-o", "json"], stdin: list)
        #expect(fromStdin.exitCode == 1, "\(fromStdin.stderr)")
        #expect(fromStdin.stdout == fromFile.stdout)
        #expect(try Self.json(fromStdin.stdout)["shoots"] as? Int == 300)
        // Shoot 250 without its provider: one line, at its place in standard input.
        let bad = list.replacingOccurrences(of: #""name": "s250", "namespace": "garden-x"}, "spec": {"seedName": "seed-a", "provider": {"type": "aws", "workers": [{"name": "w", "minimum": 1, "maximum": 3, "zones": ["eu-1a"]}]}, "#,
                                            with: #""name": "s250", "namespace": "garden-x"}, "spec": {"seedName": "seed-a", "#)
        #expect(bad != list)
        let badFile = try dir.write("bad.json", bad)
        let fileError = try ProcessRunner.shootnet(["landscape", badFile, seeds])
        let stdinError = try ProcessRunner.shootnet(["landscape", "-", seeds], stdin: bad)
        #expect(stdinError.exitCode == 2)
        #expect(fileError.stderrLines.count == 1)
        #expect(stdinError.stderrLines == fileError.stderrLines.map { $0.replacingOccurrences(of: badFile, with: "<stdin>") })
    }

    /// A JSON List cut short while it is read (kubectl writing the file again truncates it
    /// first): the kernel's SIGBUS for the mapped pages becomes the one-line error and exit 2.
    /// The process is stopped as soon as the file shows in its mappings, the file is cut to
    /// nothing, and the process goes on: its next read of the mapping faults.
    @Test func aFileCutShortWhileItIsReadIsOneLineAndExitTwo() throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let file = try dir.write("shoots.json", LandscapeFixtures.jsonList(count: 10_000))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BuiltProduct.path("shootnet"))
        process.arguments = ["landscape", file, "-o", "json"]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let deadline = Date().addingTimeInterval(15)
        var mapped = false
        while !mapped && process.isRunning && Date() < deadline {
            mapped = (try? String(contentsOfFile: "/proc/\(pid)/maps", encoding: .utf8))?.contains(file) == true
        }
        kill(pid, SIGSTOP)
        #expect(truncate(file, 0) == 0)
        kill(pid, SIGCONT)
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(mapped, "the file never showed in the process's mappings")
        #expect(process.terminationReason == .exit && process.terminationStatus == 2)
        #expect(message == "\(file): error: the file was cut short while it was read (written again meanwhile?); read it again once it is complete\n")
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var label: String
        var text: String?
        var args: [String]
        var says: String
        var testDescription: String { label }
    }

    static let bad: [Bad] = [
        Bad(label: "a CIDR with host bits in a shoot's status", text: shoots(shoot("a", v6: "2001:db8::1/56")), args: [],
            says: "input.yaml:21:31: error: status.networking.nodes"),
        Bad(label: "a seed without a name", text: "kind: Seed\nspec: {networks: {nodes: 10.0.0.0/16}}\n", args: [], says: ":1:1: error: metadata.name is missing"),
        Bad(label: "a missing file", text: nil, args: ["/nonexistent/shoots.yaml"], says: "no such file"),
        Bad(label: "--free without --in", text: shoots(shoot("a", v6: "2001:db8::/56")), args: ["--free", "/56"], says: "--free needs --in"),
        Bad(label: "--free longer than the family", text: shoots(shoot("a", v6: "2001:db8::/56")), args: ["--free", "/130", "--in", "2001:db8::/40"],
            says: "--free /130"),
        Bad(label: "--free shorter than the pool", text: shoots(shoot("a", v6: "2001:db8::/56")), args: ["--free", "/32", "--in", "2001:db8::/40"],
            says: "does not fit"),
        Bad(label: "--in not a CIDR", text: shoots(shoot("a", v6: "2001:db8::/56")), args: ["--free", "/56", "--in", "2001:db8::/400"],
            says: "--in 2001:db8::/400 is not a valid CIDR"),
        Bad(label: "--count zero", text: shoots(shoot("a", v6: "2001:db8::/56")), args: ["--free", "/56", "--in", "2001:db8::/40", "--count", "0"],
            says: "--count 0"),
    ]

    @Test(arguments: bad) func unusableInputIsOneLineAndExitTwo(_ c: Bad) throws {
        let dir = try Scratch()
        defer { dir.remove() }
        var args = ["landscape"]
        if let text = c.text { args.append(try dir.write("input.yaml", text)) }
        let r = try ProcessRunner.shootnet(args + c.args)
        #expect(r.exitCode == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(c.says), "\(r.stderr)")
    }
}
