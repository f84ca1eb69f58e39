import Foundation

/// The package's `samples/` directory, as the CLI tests see it.
enum SampleFiles {
    /// The package root: this file is Tests/CLITests/SampleFiles.swift.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let directory = packageRoot.appendingPathComponent("samples")

    /// `samples/seed.yaml` is a Seed, given with `--seed`, not a shoot of its own.
    static let seedName = "seed"

    /// Every shoot sample (`samples/*.yaml` except the seed), by name without `.yaml`, sorted.
    /// Read from the directory, so a new sample is picked up (and fails until it has goldens
    /// and a verdict).
    static let shootNames: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(".yaml".count)) }
            .filter { $0 != seedName }
            .sorted()
    }()

    /// The absolute path of `samples/<name>.yaml`.
    static func yaml(_ name: String) -> String { path("\(name).yaml") }

    /// The absolute path of a file in `samples/`.
    static func path(_ file: String) -> String { directory.appendingPathComponent(file).path }

    static var seed: String { yaml(seedName) }
    static var gepNodes: String { path("gep-openstack-nodes.json") }
    static var gepRouter: String { path("gep-openstack-router.json") }

    /// The text of a sample file.
    static func text(_ file: String) throws -> String {
        try String(contentsOfFile: path(file), encoding: .utf8)
    }

    /// The first `count` YAML documents of a sample (the documents are separated by `---` lines),
    /// e.g. the Shoot and its ShootnetSettings without the embedded node list and router.
    static func leadingDocuments(of file: String, count: Int) throws -> String {
        var out: [Substring] = []
        var seen = 0
        for line in try text(file).split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "---" {
                seen += 1
                if seen >= count { break }
            }
            out.append(line)
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// A fresh directory under the system's temporary directory, removed by `remove()`.
struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("shootnet-clitests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` in the directory and returns the file's path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
