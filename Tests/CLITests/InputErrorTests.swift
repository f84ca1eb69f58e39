import Foundation
import Testing
import TestSupport

/// An unusable input file and the one line shootnet must print for it.
struct BadInput: Sendable, CustomTestStringConvertible {
    var label: String
    /// Files written into a scratch directory: name → bytes.
    var files: [String: [UInt8]]
    /// Arguments after the command; `@name` is replaced by the path of a scratch file,
    /// `@sample` by the OpenStack figure sample.
    var args: [String]
    /// Which file the error names, and where: `name:LINE:COL`, or `name` alone for errors
    /// about the file as a whole (missing, a directory).
    var file: String
    var position: String?
    /// A fragment the message must contain.
    var says: String

    var testDescription: String { label }

    static let shootHead = "apiVersion: core.gardener.cloud/v1beta1\nkind: Shoot\nmetadata:\n  name: x\nspec:\n"

    static func text(_ s: String) -> [UInt8] { Array(s.utf8) }

    static let all: [BadInput] = [
        BadInput(label: "YAML: bad indentation",
                 files: ["indent.yaml": text(shootHead + "  networking:\n    nodes: 10.250.0.0/16\n   pods: 100.96.0.0/11\n")],
                 args: ["@indent.yaml"], file: "indent.yaml", position: "8:4", says: "YAML syntax error"),
        BadInput(label: "YAML: unclosed flow sequence",
                 files: ["flow.yaml": text(shootHead + "  networking:\n    nodes: [10.0.0.0/16\n")],
                 args: ["@flow.yaml"], file: "flow.yaml", position: "8:1", says: "YAML syntax error"),
        BadInput(label: "workers is a string, not a list",
                 files: ["workers.yaml": text(shootHead + "  provider:\n    type: aws\n    workers: notalist\n  networking:\n    nodes: 10.250.0.0/16\n")],
                 args: ["@workers.yaml"], file: "workers.yaml", position: "8:14", says: "spec.provider.workers"),
        BadInput(label: "workers[0].minimum is not an integer",
                 files: ["minimum.yaml": text(shootHead + "  provider:\n    type: aws\n    workers:\n    - name: a\n      minimum: three\n      maximum: 4\n  networking:\n    nodes: 10.250.0.0/16\n")],
                 args: ["@minimum.yaml"], file: "minimum.yaml", position: "10:16", says: "spec.provider.workers[0].minimum"),
        BadInput(label: "maxPods is a list",
                 files: ["maxpods.yaml": text(shootHead + "  provider:\n    type: aws\n  kubernetes:\n    kubelet:\n      maxPods: [1]\n  networking:\n    nodes: 10.250.0.0/16\n")],
                 args: ["@maxpods.yaml"], file: "maxpods.yaml", position: "10:16", says: "spec.kubernetes.kubelet.maxPods"),
        BadInput(label: "not UTF-8",
                 files: ["latin1.yaml": text("apiVersion: core.gardener.cloud/v1beta1\nkind: Shoot\nmetadata:\n  name: ") + [0xFF, 0xFE]
                     + text("\nspec:\n  provider:\n    type: aws\n")],
                 args: ["@latin1.yaml"], file: "latin1.yaml", position: "4:9", says: "UTF-8"),
        BadInput(label: "empty file", files: ["empty.yaml": []],
                 args: ["@empty.yaml"], file: "empty.yaml", position: "1:1", says: "empty"),
        BadInput(label: "a Seed given as FILE", files: [:],
                 args: ["@seed"], file: "@seed", position: "1:1", says: "no Shoot document"),
        BadInput(label: "missing file", files: [:],
                 args: ["@missing.yaml"], file: "missing.yaml", position: nil, says: "no such file"),
        BadInput(label: "a directory as FILE", files: [:],
                 args: ["@"], file: "", position: nil, says: "directory"),
        BadInput(label: "--nodes: malformed JSON (trailing comma)",
                 files: ["nodes.json": text("{\n  \"kind\": \"List\",\n  \"items\": [\n    {\"metadata\": {\"name\": \"a\"},}\n  ]\n}\n")],
                 args: ["@sample", "--nodes", "@nodes.json"], file: "nodes.json", position: "4:31", says: "trailing comma"),
        BadInput(label: "--nodes: JSON object never closed",
                 files: ["nodes.json": text("{\n  \"kind\": \"List\",\n  \"items\": [\n    {\"metadata\": {\"name\": \"a\"}}\n  ]\n")],
                 args: ["@sample", "--nodes", "@nodes.json"], file: "nodes.json", position: "6:1", says: "not closed"),
        BadInput(label: "--routes: nexthop is a number",
                 files: ["routes.json": text("{\"routes\": [{\"destination\": \"2001:db8::/112\", \"nexthop\": 5}]}\n")],
                 args: ["@sample", "--routes", "@routes.json"], file: "routes.json", position: "1:58", says: "routes[0].nexthop"),
        BadInput(label: "--routes: destination is not a CIDR",
                 files: ["routes.json": text("[{\"destination\": \"2001:db8::zz/112\", \"nexthop\": \"2001:db8::1\"}]\n")],
                 args: ["@sample", "--routes", "@routes.json"], file: "routes.json", position: "1:19", says: "routes[0].destination"),
        BadInput(label: "--seed: missing file", files: [:],
                 args: ["@sample", "--seed", "@no-seed.yaml"], file: "no-seed.yaml", position: nil, says: "no such file"),
    ]

    /// The arguments with `@…` resolved in `dir`.
    func resolvedArgs(in dir: Scratch) -> [String] {
        args.map { resolve($0, in: dir) }
    }

    /// The path the error line must start with.
    func resolvedFile(in dir: Scratch) -> String {
        resolve(file.hasPrefix("@") ? file : "@" + file, in: dir)
    }

    private func resolve(_ arg: String, in dir: Scratch) -> String {
        guard arg.hasPrefix("@") else { return arg }
        switch arg {
        case "@sample": return SampleFiles.yaml("gep-openstack")
        case "@seed": return SampleFiles.seed
        case "@": return dir.url.path
        default: return dir.path(String(arg.dropFirst()))
        }
    }
}

/// Unusable input: `FILE:LINE:COL: error: …` as one line on stderr, nothing on stdout, exit 2 —
/// the same for every command that reads a shoot.
@Suite struct InputErrorTests {
    static let commands: [[String]] = [["plan"], ["plan", "-o", "json"], ["check"], ["check", "-o", "json"], ["render", "--width", "80"], ["routes"]]

    @Test(arguments: BadInput.all)
    func unusableInputNamesFileLineAndColumn(_ bad: BadInput) throws {
        let dir = try Scratch()
        defer { dir.remove() }
        for (name, bytes) in bad.files { try dir.write(name, bytes: bytes) }
        let file = bad.resolvedFile(in: dir)
        let prefix = bad.position.map { "\(file):\($0): error: " } ?? "\(file): error: "
        for command in Self.commands {
            var args = bad.resolvedArgs(in: dir)
            args.insert(contentsOf: [command[0]], at: 0)
            args += command.dropFirst()
            let r = try ProcessRunner.shootnet(args)
            #expect(r.exitCode == 2, "\(command): exit \(r.exitCode)")
            #expect(r.stdout.isEmpty, "\(command): stdout: \(r.stdout.prefix(200))")
            #expect(r.stderrLines.count == 1, "\(command): stderr: \(r.stderr)")
            let line = r.stderrLines.first ?? ""
            #expect(line.hasPrefix(prefix), "\(command): expected \(prefix)…, got \(line)")
            #expect(line.contains(bad.says), "\(command): \(line)")
        }
    }

    /// A real `kubectl get shoot -o yaml` document (with managed fields, status and unknown
    /// fields) loads unchanged: every sample plans without a load error.
    @Test(arguments: SampleFiles.shootNames)
    func realManifestsLoad(_ sample: String) throws {
        let r = try ProcessRunner.shootnet(["plan", SampleFiles.yaml(sample)])
        #expect(r.exitCode == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(!r.stdout.isEmpty)
    }
}
