import Foundation

/// One tmux session with one pane running `command`, on ``Tmux``'s private server: tests type
/// keys and read the screen as a user would. Session names are unique; tests end the session
/// with ``close()`` in a `defer` (releasing the pane closes it too). Nothing sleeps a fixed
/// time: the waits poll the screen until a condition holds or a deadline passes, and a wait
/// after an action (``after(_:waitFor:timeout:)``) first makes sure that what it waits for is
/// not on the screen already.
public final class TmuxPane {
    public let name: String
    /// Whether ``screen()`` joins lines the terminal wrapped (`capture-pane -J`).
    public let joinsWrappedLines: Bool
    private static let counter = Counter()

    public init(command: String, width: Int, height: Int, joinsWrappedLines: Bool = false) throws {
        name = "shootnet-\(getpid())-\(Self.counter.next())"
        self.joinsWrappedLines = joinsWrappedLines
        // The private server exits with its last session; a new session that reaches it in that
        // moment fails ("server exited unexpectedly"). The next attempt starts a fresh server.
        var attempt = 1
        while true {
            do {
                try Tmux.run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command])
                return
            } catch Tmux.Failure.failed where attempt < 5 {
                attempt += 1
                usleep(100_000)
            }
        }
    }

    deinit { close() }

    /// Kills the session (and what runs in it); closing twice does nothing more.
    public func close() { _ = try? Tmux.run(["kill-session", "-t", name]) }

    /// Keys by tmux name (`Tab`, `Enter`, `Escape`, `C-u`, `Down`, single letters).
    public func keys(_ keys: String...) throws { try send(keys) }

    /// Sends `keys`, then waits for `text`, which must not be on the screen before.
    @discardableResult
    public func keys(_ keys: String..., thenWaitFor text: String, timeout: Double = 15) throws -> String {
        try after({ try send(keys) }, waitFor: text, timeout: timeout)
    }

    private func send(_ keys: [String]) throws { try Tmux.run(["send-keys", "-t", name] + keys) }

    /// Text typed literally.
    public func type(_ text: String) throws { try Tmux.run(["send-keys", "-t", name, "-l", text]) }

    /// Text typed literally, then Enter.
    public func run(_ commandLine: String) throws {
        try type(commandLine)
        try keys("Enter")
    }

    /// The visible screen.
    public func screen() throws -> String {
        try Tmux.run(["capture-pane", "-t", name, "-p"] + (joinsWrappedLines ? ["-J"] : []))
    }

    /// The visible screen with its SGR escape sequences (colours, reverse video); see
    /// ``TerminalLine``.
    public func styledScreen() throws -> String {
        try Tmux.run(["capture-pane", "-t", name, "-p", "-e"] + (joinsWrappedLines ? ["-J"] : []))
    }

    public func resize(width: Int, height: Int) throws {
        try Tmux.run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format evaluated for the pane, e.g. `#{alternate_on}`.
    public func format(_ format: String) throws -> String {
        try Tmux.run(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The process the pane's shell runs (its only child), if any.
    public func programPID() throws -> Int32? {
        let pane = try format("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Polls the screen (``styledScreen()`` when `styled`) until `done` holds (at most
    /// `timeout` seconds); returns that screen. A capture can land while a frame is still being
    /// written (the top of the new frame over the rest of the old one), so a screen counts only
    /// when a second capture a moment later is the same.
    @discardableResult
    public func waitUntil(timeout: Double = 15, styled: Bool = false, _ done: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        let capture = { try styled ? self.styledScreen() : self.screen() }
        var last = ""
        while Date() < deadline {
            last = try capture()
            if done(last) {
                usleep(40_000)
                let again = try capture()
                if again == last { return last }
                last = again
                continue
            }
            usleep(50_000)
        }
        throw Timeout(waitingFor: nil, screen: last)
    }

    /// Polls the screen until `text` shows; returns the screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 15) throws -> String {
        do {
            return try waitUntil(timeout: timeout) { $0.contains(text) }
        } catch let timeout as Timeout {
            throw Timeout(waitingFor: text, screen: timeout.screen)
        }
    }

    /// Does `action`, then waits for `text`. Fails at once (``AlreadyShown``) when `text` is
    /// on the screen before the action: such a wait would pass whatever the action did.
    @discardableResult
    public func after(_ action: () throws -> Void, waitFor text: String, timeout: Double = 15) throws -> String {
        do {
            return try after(action, waitUntil: "\"\(text)\"", timeout: timeout) { $0.contains(text) }
        } catch let timeout as Timeout {
            throw Timeout(waitingFor: text, screen: timeout.screen)
        }
    }

    /// Does `action`, then polls until `done` holds (on a screen that stays the same for 300 ms
    /// when `stable`). Fails at once (``AlreadyShown``) when `done` holds before the action.
    @discardableResult
    public func after(_ action: () throws -> Void, waitUntil description: String, stable: Bool = false, timeout: Double = 15,
                      _ done: (String) -> Bool) throws -> String {
        let before = try screen()
        guard !done(before) else { throw AlreadyShown(condition: description, screen: before) }
        try action()
        return stable ? try waitForStableScreen(timeout: timeout, done) : try waitUntil(timeout: timeout, done)
    }

    /// Polls until two captures 300 ms apart are equal and `done` holds.
    public func waitForStableScreen(timeout: Double = 15, _ done: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var previous = ""
        while Date() < deadline {
            let now = try screen()
            if now == previous && done(now) { return now }
            previous = now
            usleep(300_000)
        }
        throw Timeout(waitingFor: nil, screen: previous)
    }

    /// Waits for the `EXIT=n` line a pane command prints when the program ends (see
    /// ``exitStatus(in:)``); returns n and the screen.
    public func waitForExit(timeout: Double = 15) throws -> (status: Int32?, screen: String) {
        let screen = try waitUntil(timeout: timeout) { Self.exitStatus(in: $0) != nil }
        return (Self.exitStatus(in: screen), screen)
    }

    /// n of the first line `EXIT=n` on the screen.
    public static func exitStatus(in screen: String) -> Int32? {
        for line in screen.split(separator: "\n") where line.hasPrefix("EXIT=") {
            if let n = Int32(line.dropFirst(5)) { return n }
        }
        return nil
    }

    public struct Timeout: Error, CustomStringConvertible {
        public var waitingFor: String?
        public var screen: String
        public var description: String {
            "timed out\(waitingFor.map { " waiting for \"\($0)\"" } ?? ""); the screen was:\n\(screen)"
        }
    }

    /// A wait after an action found its condition met before the action.
    public struct AlreadyShown: Error, CustomStringConvertible {
        public var condition: String
        public var screen: String
        public var description: String {
            "\(condition) holds before the action, so waiting for it proves nothing; the screen was:\n\(screen)"
        }
    }

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }
}
