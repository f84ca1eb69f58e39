import Foundation

/// Paths inside the package: its root, `samples/`, the shared golden files. Found from this
/// source file's path (Tests/TestSupport/PackagePaths.swift), so tests run from any folder.
public enum PackagePaths {
    /// The package's root folder.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A path relative to the package root, e.g. `docs/diagnostics.md`.
    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// `samples/`.
    public static let samples = root.appendingPathComponent("samples")

    /// A file in `samples/`, e.g. `sample("gep-openstack.yaml")`.
    public static func sample(_ file: String) -> String { samples.appendingPathComponent(file).path }

    /// `samples/seed.yaml` is a Seed, given with `--seed`, not a shoot of its own.
    public static let seedSampleName = "seed"

    /// Every shoot sample (`samples/*.yaml` except the seed), by name without `.yaml`, sorted.
    /// Read from the folder, so a new sample is picked up (and fails until it has goldens).
    public static let shootSampleNames: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }
            .map { String($0.dropLast(".yaml".count)) }
            .filter { $0 != seedSampleName }
            .sorted()
    }()

    /// `Tests/Golden/`, the one folder of golden files (see ``Golden``).
    public static let golden = root.appendingPathComponent("Tests/Golden")
}
