import Foundation
import TestSupport

/// Runs the built `shootnet` binary the way a user would, for tests through the real CLI.
///
/// The binary is found via `SHOOTNET_BINARY`, next to the test bundle (SwiftPM puts products
/// and the test bundle in one directory), or in `.build/debug` of the package.
/// Output goes through temporary files, so large outputs cannot fill a pipe and block.
enum BinaryRunner {
    struct Result: Sendable {
        var exitCode: Int32
        var stdout: String
        var stderr: String
        /// True when the run was killed after the timeout.
        var timedOut: Bool

        /// The lines of stderr (a final newline does not start another line).
        var stderrLines: [String] { Self.lines(stderr) }
        /// The lines of stdout.
        var stdoutLines: [String] { Self.lines(stdout) }

        private static func lines(_ text: String) -> [String] {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if text.hasSuffix("\n") { lines.removeLast() }
            return lines
        }
    }

    /// Runs `shootnet args…` with optional standard input; kills it after `timeout` seconds.
    static func run(_ args: [String], stdin: String? = nil, environment: [String: String]? = nil,
                    timeout: TimeInterval = 60) throws -> Result {
        let binary = try binaryURL()
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("shootnet-run-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("stdout")
        let errURL = dir.appendingPathComponent("stderr")
        let inURL = dir.appendingPathComponent("stdin")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        try Data((stdin ?? "").utf8).write(to: inURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = args
        if let environment { process.environment = environment }
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let inHandle = try FileHandle(forReadingFrom: inURL)
        defer { try? outHandle.close(); try? errHandle.close(); try? inHandle.close() }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
        try process.run()

        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                break
            }
            usleep(5_000)
        }
        process.waitUntilExit()
        let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return Result(exitCode: process.terminationStatus, stdout: out, stderr: err, timedOut: timedOut)
    }

    /// Where the `shootnet` executable is.
    static func binaryURL() throws -> URL { URL(fileURLWithPath: try BuiltProduct.path("shootnet")) }
}
