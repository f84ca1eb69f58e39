import Foundation

/// Finds the executables `swift build` produced, for tests that run them as a user would.
public enum BuiltProduct {
    /// The path of executable `name`: next to `SHOOTNET_BINARY`, next to the test bundle
    /// (SwiftPM puts products and the bundle in one folder), or in `.build/debug`.
    public static func path(_ name: String) throws -> String {
        var dirs: [URL] = []
        if let override = ProcessInfo.processInfo.environment["SHOOTNET_BINARY"], !override.isEmpty {
            dirs.append(URL(fileURLWithPath: override).deletingLastPathComponent())
        }
        dirs.append(URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent())
        for bundle in [Bundle.main] + Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            dirs.append(bundle.bundleURL.deletingLastPathComponent())
        }
        dirs.append(PackagePaths.root.appendingPathComponent(".build/debug"))
        for dir in dirs {
            let path = dir.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw Missing(name: name, tried: dirs.map(\.path))
    }

    public struct Missing: Error, CustomStringConvertible {
        public var name: String
        public var tried: [String]
        public var description: String {
            "\(name) not built; run `swift build` first (looked in \(tried.joined(separator: ", ")))"
        }
    }
}
