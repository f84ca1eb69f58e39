import Foundation
import TestSupport

/// The real binary in a real terminal: tmux runs it, tests type keys and read the screen.
typealias TmuxSession = TmuxPane

extension TmuxPane {
    /// Runs `shootnet args…` in a new pane; when it ends the pane shows `EXIT=n` and stays
    /// open 30 s for the test to read.
    convenience init(_ args: [String], width: Int = 150, height: Int = 45, environment: [String: String] = [:], directory: String? = nil) throws {
        let binary = try BuiltProduct.path("shootnet")
        let env = (["TERM": "tmux-256color", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "enable=no"].merging(environment) { $1 })
            .map { "\($0.key)=\(Tmux.quote($0.value))" }.sorted().joined(separator: " ")
        let cd = directory.map { "cd \(Tmux.quote($0)) && " } ?? ""
        let command = "\(cd)env \(env) \(Tmux.quote(binary)) \(args.map(Tmux.quote).joined(separator: " ")); echo EXIT=$?; sleep 30"
        try self.init(command: command, width: width, height: height)
    }
}
