import Foundation

/// Runs tmux commands against a tmux server private to this test process.
///
/// Two things make this safe where a plain `Process` running `tmux` is not:
/// - The server the first `new-session` starts is a grandchild of ours. On Linux, Foundation's
///   `Process` notices a child's exit when a socket it passed to the child closes; a tmux
///   server that inherited that socket keeps it open for its whole life, and
///   `waitUntilExit()` then never returns (swift-corelibs-foundation issue 4795). That hung
///   CI on a machine without a running tmux server. So every tmux command starts from a
///   shell that closes all descriptors above stderr first.
/// - A private socket (`-L`) keeps the tests away from the user's own tmux sessions and
///   their environment (a global `NO_COLOR`, say); the server exits with its last session.
///
/// No command waits without a deadline.
public enum Tmux {
    /// The socket name, unique per test process.
    public static let socket = "shootnet-tests-\(getpid())"

    public enum Failure: Error, CustomStringConvertible {
        case failed([String], status: Int32)
        case hung([String], seconds: Double)

        public var description: String {
            switch self {
            case .failed(let args, let status): "tmux \(args.joined(separator: " ")) exited \(status)"
            case .hung(let args, let seconds): "tmux \(args.joined(separator: " ")) did not finish within \(seconds) s"
            }
        }
    }

    private static let closeInheritedDescriptors =
        #"for fd in /proc/$$/fd/*; do n=${fd##*/}; if [ "$n" -gt 2 ]; then eval "exec $n>&-"; fi; done; exec tmux "$@""#

    /// Runs `tmux -L socket args…` and returns what it printed on stdout.
    @discardableResult
    public static func run(_ args: [String], timeout: Double = 10) throws -> String {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("shootnet-tmux-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: scratch.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = try FileHandle(forWritingTo: scratch)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", closeInheritedDescriptors, "tmux", "-L", socket] + args
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                throw Failure.hung(args, seconds: timeout)
            }
            usleep(1_000)
        }
        guard process.terminationStatus == 0 else { throw Failure.failed(args, status: process.terminationStatus) }
        return String(decoding: FileManager.default.contents(atPath: scratch.path) ?? Data(), as: UTF8.self)
    }

    /// A string quoted for the shell tmux runs a pane's command with.
    public static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
