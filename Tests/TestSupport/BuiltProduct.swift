import Foundation

/// Finds the executables `swift build` produced, for tests that run them as a user would.
public enum BuiltProduct {
    /// The package's root folder (this file is Tests/TestSupport/BuiltProduct.swift).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

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
        dirs.append(packageRoot.appendingPathComponent(".build/debug"))
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
