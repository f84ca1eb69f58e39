import Foundation

/// A tmux pane running a plain bash, so a test can start shootnet as a user would and,
/// after it ends, ask the same terminal how it was left (`stty`, tmux's mode flags).
/// Unique session names; the session is killed on deinit. Nothing sleeps a fixed time:
/// ``waitUntil(_:timeout:)`` polls the screen.
final class ShellPane {
    let name: String
    private static let counter = Counter()

    init(width: Int = 120, height: Int = 40) throws {
        name = "shootnet-rel-\(getpid())-\(Self.counter.next())"
        let shell = "env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root TERM=tmux-256color LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile"
        try Self.tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", shell], capture: false)
        try waitUntil { $0.contains("$") }
    }

    deinit { _ = try? Self.tmux(["kill-session", "-t", name], capture: false) }

    /// Types a command line and Enter.
    func run(_ command: String) throws {
        try Self.tmux(["send-keys", "-t", name, "-l", command])
        try Self.tmux(["send-keys", "-t", name, "Enter"])
    }

    /// Starts shootnet with `args`; its exit status is printed as `EXIT=n` when it ends.
    func startShootnet(_ args: [String]) throws {
        let binary = try PackagePaths.executable("shootnet")
        try run("ulimit -c 0; env SWIFT_BACKTRACE=enable=no \(([binary] + args).map(Self.quote).joined(separator: " ")); echo EXIT=$?")
    }

    func keys(_ keys: String...) throws { try Self.tmux(["send-keys", "-t", name] + keys) }

    func type(_ text: String) throws { try Self.tmux(["send-keys", "-t", name, "-l", text]) }

    /// The visible screen; lines the terminal wrapped are joined (`-J`).
    func screen() throws -> String { try Self.tmux(["capture-pane", "-t", name, "-p", "-J"]) }

    func resize(width: Int, height: Int) throws {
        try Self.tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format for the pane, e.g. `#{alternate_on}`.
    func format(_ f: String) throws -> String {
        try Self.tmux(["display-message", "-p", "-t", name, f]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The program bash is running (its only child), if any.
    func programPID() throws -> Int32? {
        let pane = try format("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Polls the screen until `done` holds (at most `timeout` seconds); returns that screen.
    @discardableResult
    func waitUntil(timeout: Double = 15, _ done: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if done(last) { return last }
            usleep(50_000)
        }
        throw Timeout(screen: last)
    }

    @discardableResult
    func waitFor(_ text: String, timeout: Double = 15) throws -> String {
        try waitUntil(timeout: timeout) { $0.contains(text) }
    }

    /// Waits for the `EXIT=n` line ``startShootnet(_:)`` prints; returns n and the screen.
    func waitForExit(timeout: Double = 15) throws -> (status: Int32?, screen: String) {
        let screen = try waitUntil(timeout: timeout) { Self.exitStatus(in: $0) != nil }
        return (Self.exitStatus(in: screen), screen)
    }

    static func exitStatus(in screen: String) -> Int32? {
        for line in screen.split(separator: "\n") where line.hasPrefix("EXIT=") {
            if let n = Int32(line.dropFirst(5)) { return n }
        }
        return nil
    }

    /// Polls until two captures 300 ms apart are equal and `done` holds (after a resize storm).
    func waitForStableScreen(timeout: Double = 15, _ done: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var previous = ""
        while Date() < deadline {
            let now = try screen()
            if now == previous && done(now) { return now }
            previous = now
            usleep(300_000)
        }
        throw Timeout(screen: previous)
    }

    struct Timeout: Error, CustomStringConvertible {
        var screen: String
        var description: String { "timed out; the screen was:\n\(screen)" }
    }

    struct Failed: Error, CustomStringConvertible {
        var args: [String]
        var description: String { "tmux \(args.joined(separator: " ")) failed" }
    }

    @discardableResult
    static func tmux(_ args: [String], capture: Bool = true) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux"] + args
        let out = Pipe()
        // new-session may start the tmux server, which would inherit a pipe and keep it open.
        p.standardOutput = capture ? out : FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = capture ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw Failed(args: args) }
        return String(decoding: data, as: UTF8.self)
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }
}
