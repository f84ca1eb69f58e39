import Foundation
import Testing

/// The real binary in a real terminal: tmux runs it, tests type keys and read the screen.
/// Every session has a unique name and is killed at the end; nothing sleeps a fixed time —
/// ``waitFor(_:)`` polls the screen until the text appears.
final class TmuxSession {
    let name: String
    private static let counter = Counter()

    init(_ args: [String], width: Int = 150, height: Int = 45, environment: [String: String] = [:], directory: String? = nil) throws {
        name = "shootnet-test-\(getpid())-\(Self.counter.next())"
        let binary = try BinaryRunner.binaryURL().path
        let env = (["TERM": "tmux-256color", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no"].merging(environment) { $1 })
            .map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        let cd = directory.map { "cd \(Self.quote($0)) && " } ?? ""
        let command = "\(cd)env \(env) \(Self.quote(binary)) \(args.map(Self.quote).joined(separator: " ")); echo EXIT=$?; sleep 30"
        // new-session may start the tmux server, which would inherit a pipe and keep it open.
        try Self.tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command], capture: false)
    }

    deinit { _ = try? Self.tmux(["kill-session", "-t", name], capture: false) }

    /// Keys by tmux name (`Tab`, `Enter`, `Escape`, `C-u`, `Down`, single letters).
    func keys(_ keys: String...) throws { try Self.tmux(["send-keys", "-t", name] + keys) }

    /// Text typed literally.
    func type(_ text: String) throws { try Self.tmux(["send-keys", "-t", name, "-l", text]) }

    func screen() throws -> String { try Self.tmux(["capture-pane", "-t", name, "-p"]) }

    func resize(width: Int, height: Int) throws {
        try Self.tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `text` shows (10 s at most); returns the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            usleep(50_000)
        }
        throw TmuxError.timeout(waitingFor: text, screen: last)
    }

    /// The process id of the program in the pane (the shell's child).
    func programPID() throws -> Int32? {
        let pane = try Self.tmux(["list-panes", "-t", name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8)
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    enum TmuxError: Error, CustomStringConvertible {
        case failed(String)
        case timeout(waitingFor: String, screen: String)

        var description: String {
            switch self {
            case .failed(let s): "tmux failed: \(s)"
            case .timeout(let t, let screen): "timed out waiting for \"\(t)\"; the screen was:\n\(screen)"
            }
        }
    }

    @discardableResult
    static func tmux(_ args: [String], capture: Bool = true) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux"] + args
        let out = Pipe()
        p.standardOutput = capture ? out : FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = capture ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw TmuxError.failed("tmux \(args.joined(separator: " ")) exited \(p.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }
}
