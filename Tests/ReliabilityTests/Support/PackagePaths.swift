import Foundation
import TestSupport

/// Paths inside the package and its build: the built executables (found the way CLITests'
/// BinaryRunner finds them), `samples/` and this target's corpus.
enum PackagePaths {
    /// This file is Tests/ReliabilityTests/Support/Package.swift.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sample(_ name: String) -> String { root.appendingPathComponent("samples/\(name)").path }

    static let corpus = root.appendingPathComponent("Tests/ReliabilityTests/Corpus").path

    /// A built executable (see ``BuiltProduct/path(_:)``).
    static func executable(_ name: String) throws -> String { try BuiltProduct.path(name) }
}
