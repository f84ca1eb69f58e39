/// What a terminal's terminfo entry says about colour: the facts ``ColorDecision`` rests on.
public struct TerminalColorFacts: Sendable, Hashable {
    /// terminfo `colors`; 0 when the entry has none.
    public var colors: Int
    /// terminfo `pairs`; 0 when the entry has none.
    public var pairs: Int
    /// The entry has a way to set colours: `setaf` and `setab`, `setf` and `setb`, or `scp`.
    public var canSetColors: Bool

    public init(colors: Int, pairs: Int, canSetColors: Bool) {
        self.colors = colors
        self.pairs = pairs
        self.canSetColors = canSetColors
    }

    /// A terminal without colour (`vt100`, `xterm-mono`, an unknown one).
    public static let none = TerminalColorFacts(colors: 0, pairs: 0, canSetColors: false)
}

/// Whether output gets colour: the one decision that everything which writes colour SGR codes
/// obeys (the curses screen through ``ColorCapability``, plain output through
/// ``usesColor(onFileDescriptor:terminalType:noColorValue:requested:)``).
///
/// Colour needs all of: the caller asked for it; `NO_COLOR` unset or empty (no-color.org); and
/// a terminal whose entry can set at least ``minimumColors`` colours in pairs, which is what
/// curses' `has_colors` checks plus the eight that every theme is made of. Anything else gets
/// attributes only (bold, reverse, underline).
public enum ColorDecision {
    /// The ANSI colours a theme needs at the least (``ColorPlanner`` folds the rest onto them).
    public static let minimumColors = 8

    public static func usesColor(requested: Bool, noColorValue: String?, terminal: TerminalColorFacts) -> Bool {
        requested && !noColorRequested(environmentValue: noColorValue)
            && terminal.colors >= minimumColors && terminal.pairs > 0 && terminal.canSetColors
    }

    /// Whether `NO_COLOR` asks for no colour: set to anything but the empty string (no-color.org).
    public static func noColorRequested(environmentValue: String?) -> Bool {
        guard let value = environmentValue else { return false }
        return !value.isEmpty
    }
}
