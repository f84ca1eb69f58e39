/// Why the full-screen UI could not start. The descriptions are meant for the user.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file, /dev/null).
    case notATerminal(stream: String)
    /// `TERM` is not set.
    case terminalTypeUnset
    /// curses has no description for `TERM`.
    case unknownTerminalType(String)
    /// The terminal cannot move the cursor (e.g. `TERM=dumb`), so a full-screen UI cannot work.
    case terminalTooLimited(String)
    /// Another ``TerminalScreen`` is still open.
    case alreadyOpen

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "the interactive UI needs a terminal, but standard \(stream) is not one (use the non-interactive commands for pipes and files)"
        case .terminalTypeUnset:
            return "TERM is not set; set it to your terminal type, e.g. TERM=xterm-256color"
        case .unknownTerminalType(let name):
            return "unknown terminal type \"\(name)\" (TERM); set TERM to a known type, e.g. TERM=xterm-256color"
        case .terminalTooLimited(let name):
            return "terminal type \"\(name)\" (TERM) cannot position the cursor; the interactive UI needs a full-screen terminal"
        case .alreadyOpen:
            return "the terminal screen is already open"
        }
    }
}
