import Foundation
import TestSupport

/// The package's `samples/` as the CLI tests use them (see ``PackagePaths``).
enum SampleFiles {
    static let seedName = PackagePaths.seedSampleName

    /// Every shoot sample, by name without `.yaml`, sorted.
    static var shootNames: [String] { PackagePaths.shootSampleNames }

    /// The absolute path of `samples/<name>.yaml`.
    static func yaml(_ name: String) -> String { PackagePaths.sample("\(name).yaml") }

    /// The absolute path of a file in `samples/`.
    static func path(_ file: String) -> String { PackagePaths.sample(file) }

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
