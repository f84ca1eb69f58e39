import Foundation

/// Runs a built executable with a deadline and tells how it ended: exit status or signal,
/// its output as bytes and text, and how long it took. A run past the deadline is killed
/// (SIGKILL) and reported as timed out, so a hang fails a test instead of stalling it.
struct Run {
    var status: Int32
    /// Set when the process died of a signal (a trap is SIGILL/SIGTRAP, a crash SIGSEGV).
    var signal: Int32?
    var stdout: [UInt8]
    var stderr: [UInt8]
    var seconds: Double
    var timedOut: Bool

    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
    /// Lines of stderr (a final newline does not start another line).
    var errLines: [String] { Self.lines(err) }
    var outLines: [String] { Self.lines(out) }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }

    static func shootnet(_ args: [String], timeout: Double = 20) throws -> Run {
        try run(PackagePaths.executable("shootnet"), args, timeout: timeout)
    }

    static func run(_ executable: String, _ args: [String], timeout: Double) throws -> Run {
        let dir = try Scratch()
        defer { dir.remove() }
        let outPath = dir.path("stdout"), errPath = dir.path("stderr")
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        defer { try? outHandle.close(); try? errHandle.close() }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > timeout {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        let signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
        return Run(status: process.terminationStatus, signal: signal,
                   stdout: FileManager.default.contents(atPath: outPath).map { [UInt8]($0) } ?? [],
                   stderr: FileManager.default.contents(atPath: errPath).map { [UInt8]($0) } ?? [],
                   seconds: seconds, timedOut: timedOut)
    }
}

/// A private temporary folder, removed by ``remove()``.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("shootnet-reliability-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var folder: String { url.path }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let p = path(name)
        guard FileManager.default.createFile(atPath: p, contents: Data(bytes)) else { throw CocoaError(.fileWriteUnknown) }
        return p
    }

    func read(_ name: String) -> [UInt8]? { FileManager.default.contents(atPath: path(name)).map { [UInt8]($0) } }

    func remove() {
        // A test may have left a mode-000 file or folder behind.
        _ = chmod(folder, 0o700)
        try? FileManager.default.removeItem(at: url)
    }
}
