import Foundation

/// How a run of an executable ended: exit status or signal, its output as bytes and text, and
/// how long it took.
public struct ProcessResult: Sendable {
    public var exitCode: Int32
    /// Set when the process died of a signal (a trap is SIGILL/SIGTRAP, a crash SIGSEGV).
    public var signal: Int32?
    public var stdoutBytes: [UInt8]
    public var stderrBytes: [UInt8]
    public var seconds: Double
    /// True when the run was killed after the deadline.
    public var timedOut: Bool

    public var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    public var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }
    /// The lines of stdout (a final newline does not start another line).
    public var stdoutLines: [String] { Self.lines(stdout) }
    /// The lines of stderr.
    public var stderrLines: [String] { Self.lines(stderr) }

    public static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }
}

/// Runs built executables the way a user would, with a deadline: a run past it is killed
/// (SIGKILL) and reported as timed out, so a hang fails a test instead of stalling the run.
/// Output goes through files, so a large output cannot fill a pipe and block.
public enum ProcessRunner {
    /// Runs the built `shootnet` (see ``BuiltProduct``) with `args`.
    public static func shootnet(_ args: [String], stdin: String? = nil, environment: [String: String] = [:],
                                timeout: Double = 60) throws -> ProcessResult {
        try run(BuiltProduct.path("shootnet"), args, stdin: stdin, environment: environment, timeout: timeout)
    }

    /// Runs `executable args…` with this process's environment plus `environment` (and no
    /// crash backtraces); standard input is `stdin`, or empty.
    public static func run(_ executable: String, _ args: [String], stdin: String? = nil, environment: [String: String] = [:],
                           timeout: Double = 60) throws -> ProcessResult {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let outPath = try scratch.write("stdout", "")
        let errPath = try scratch.write("stderr", "")
        let inPath = try scratch.write("stdin", stdin ?? "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        process.environment = ProcessInfo.processInfo.environment
            .merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
            .merging(environment) { $1 }
        let outHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let errHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        let inHandle = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        defer { try? outHandle.close(); try? errHandle.close(); try? inHandle.close() }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = inHandle
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
        return ProcessResult(exitCode: process.terminationStatus, signal: signal,
                             stdoutBytes: scratch.read("stdout") ?? [], stderrBytes: scratch.read("stderr") ?? [],
                             seconds: seconds, timedOut: timedOut)
    }
}
