import Foundation
import TestSupport

/// A tmux pane running a plain bash, so a test can start shootnet as a user would and,
/// after it ends, ask the same terminal how it was left (`stty`, tmux's mode flags).
typealias ShellPane = TmuxPane

extension TmuxPane {
    /// A pane with a clean bash (no rc files, a minimal environment) at its `$` prompt.
    convenience init(width: Int = 120, height: Int = 40) throws {
        let shell = "env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root TERM=tmux-256color LANG=C.UTF-8 PS1='$ ' bash --norc --noprofile"
        try self.init(command: shell, width: width, height: height, joinsWrappedLines: true)
        try waitUntil { $0.contains("$") }
    }

    /// Clears the screen, then starts shootnet with `args` (and `environment` added); its exit
    /// status is printed as `EXIT=n` when it ends. After the clear, an `EXIT=` line on the
    /// screen is this run's, so ``waitForExit(timeout:)`` cannot pass on an earlier one.
    func startShootnet(_ args: [String], environment: [String: String] = [:]) throws {
        let binary = try BuiltProduct.path("shootnet")
        let env = ["SWIFT_BACKTRACE=enable=no"] + environment.map { "\($0.key)=\($0.value)" }.sorted().map(Tmux.quote)
        // The shell runs the two in order, so shootnet starts on the cleared screen.
        try run("clear")
        try run("ulimit -c 0; env \(env.joined(separator: " ")) \(([binary] + args).map(Tmux.quote).joined(separator: " ")); echo EXIT=$?")
    }
}
