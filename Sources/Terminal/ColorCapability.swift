/// How many colours the terminal can show, as far as the driver will use them.
public enum ColorCapability: Sendable, Hashable {
    /// No colours: `NO_COLOR` is set or the terminal has none. Attributes only.
    case monochrome
    /// `colors` palette entries and `pairs` colour pairs; `defaultColors` when the terminal's
    /// own foreground/background can be used (curses colour -1).
    case colors(count: Int, pairs: Int, defaultColors: Bool)

    /// Whether `NO_COLOR` asks for no colour: set to anything but the empty string (no-color.org).
    public static func noColorRequested(environmentValue: String?) -> Bool {
        guard let value = environmentValue else { return false }
        return !value.isEmpty
    }
}
