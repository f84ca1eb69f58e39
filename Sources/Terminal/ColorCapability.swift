/// How many colours the terminal can show, as far as the driver will use them.
public enum ColorCapability: Sendable, Hashable {
    /// No colours (``ColorDecision`` said no): attributes only.
    case monochrome
    /// `colors` palette entries and `pairs` colour pairs; `defaultColors` when the terminal's
    /// own foreground/background can be used (curses colour -1).
    case colors(count: Int, pairs: Int, defaultColors: Bool)
}
