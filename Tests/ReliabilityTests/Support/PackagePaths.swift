import Foundation

/// Paths inside the package and its build: the built executables (found the way CLITests'
/// BinaryRunner finds them), `samples/` and this target's corpus.
enum PackagePaths {
    /// This file is Tests/ReliabilityTests/Support/Package.swift.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sample(_ name: String) -> String { root.appendingPathComponent("samples/\(name)").path }

    static let corpus = root.appendingPathComponent("Tests/ReliabilityTests/Corpus").path

    /// `SHOOTNET_BINARY`'s folder, the test bundle's folder (SwiftPM puts products next to
    /// it), or `.build/debug`.
    static func executable(_ name: String) throws -> String {
        var dirs: [URL] = []
        if let override = ProcessInfo.processInfo.environment["SHOOTNET_BINARY"], !override.isEmpty {
            dirs.append(URL(fileURLWithPath: override).deletingLastPathComponent())
        }
        dirs.append(URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent())
        for bundle in [Bundle.main] + Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            dirs.append(bundle.bundleURL.deletingLastPathComponent())
        }
        dirs.append(root.appendingPathComponent(".build/debug"))
        for dir in dirs {
            let path = dir.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw MissingExecutable(name: name, tried: dirs.map(\.path))
    }

    struct MissingExecutable: Error, CustomStringConvertible {
        var name: String
        var tried: [String]
        var description: String { "\(name) not built; run `swift build` first (looked in \(tried.joined(separator: ", ")))" }
    }
}
