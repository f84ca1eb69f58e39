@preconcurrency import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension TerminalColorFacts {
    /// The facts of the terminal curses has loaded (after `newterm` or `setupterm`).
    static func ofLoadedTerminal() -> TerminalColorFacts {
        func has(_ name: String) -> Bool { shim_tigetstr(name) != nil }
        // tigetnum: -1 when the entry lacks the number, -2 when it is not a number.
        return TerminalColorFacts(
            colors: max(0, Int(tigetnum("colors"))),
            pairs: max(0, Int(tigetnum("pairs"))),
            canSetColors: (has("setaf") && has("setab")) || (has("setf") && has("setb")) || has("scp"))
    }

    /// The facts of terminal type `name` from the terminfo database, without starting curses;
    /// ``none`` when the type is unknown. For output that bypasses curses.
    ///
    /// Loads the entry with `setupterm`, then frees it and puts back the terminal curses had
    /// loaded before, if any. While a ``TerminalScreen`` is open it answers ``none`` without
    /// looking: `setupterm` would store the size of `fileDescriptor` in the open screen.
    static func ofTerminalType(_ name: String, fileDescriptor: Int32) -> TerminalColorFacts {
        guard !SignalGuard.isActive else { return .none }
        let previous = set_curterm(nil)
        defer { _ = set_curterm(previous) }
        var status: Int32 = 0
        // With a status pointer setupterm reports a missing entry instead of exiting.
        guard setupterm(name, fileDescriptor, &status) == OK, status == 1 else { return .none }
        let facts = ofLoadedTerminal()
        if let loaded = set_curterm(nil) { _ = del_curterm(loaded) }
        return facts
    }
}

extension ColorDecision {
    /// Whether text written to `fileDescriptor` without curses (`shootnet render --color auto`)
    /// gets colour: only a terminal, and then as for the screen (see ``ColorDecision``). Meant
    /// for when no ``TerminalScreen`` is open; while one is, the answer is no.
    ///
    /// - Parameters: `terminalType` is `TERM` and `noColorValue` is `NO_COLOR`; nil reads the
    ///   environment.
    public static func usesColor(onFileDescriptor fileDescriptor: Int32, terminalType: String? = nil, noColorValue: String? = nil,
                                 requested: Bool = true) -> Bool {
        guard isatty(fileDescriptor) != 0 else { return false }
        let type = terminalType ?? environment("TERM") ?? ""
        let facts = type.isEmpty ? TerminalColorFacts.none : .ofTerminalType(type, fileDescriptor: fileDescriptor)
        return usesColor(requested: requested, noColorValue: noColorValue ?? environment("NO_COLOR"), terminal: facts)
    }

    /// The value of environment variable `name`, nil when unset.
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
