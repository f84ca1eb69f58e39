import Foundation

/// A private folder under the system's temporary directory, removed by ``remove()`` (call it
/// in a `defer` right after creating one).
public struct Scratch: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("shootnet-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var folder: String { url.path }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to `name` in the folder and returns the file's path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to `name` in the folder and returns the file's path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let p = path(name)
        guard FileManager.default.createFile(atPath: p, contents: Data(bytes)) else { throw CocoaError(.fileWriteUnknown) }
        return p
    }

    /// Copies `source` to `name` in the folder and returns the copy's path.
    @discardableResult
    public func copy(_ source: String, as name: String) throws -> String {
        let p = path(name)
        try FileManager.default.copyItem(atPath: source, toPath: p)
        return p
    }

    public func read(_ name: String) -> [UInt8]? { FileManager.default.contents(atPath: path(name)).map { [UInt8]($0) } }

    public func remove() {
        // A test may have left a mode-000 file or folder behind.
        _ = chmod(folder, 0o700)
        try? FileManager.default.removeItem(at: url)
    }
}
