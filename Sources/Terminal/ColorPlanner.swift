import Canvas

/// How one role is drawn: a curses colour pair (0 = the terminal's default colours) and
/// attributes. Plain values, so the mapping from a theme can be tested without a terminal.
public struct RoleAppearance: Sendable, Hashable {
    /// The pair number to pass to curses; 0 means no pair.
    public var pair: Int16
    /// Curses colour numbers of the pair; -1 is the terminal's default.
    public var foreground: Int16
    public var background: Int16
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(pair: Int16 = 0, foreground: Int16 = -1, background: Int16 = -1, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.pair = pair
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }
}

/// Maps a theme onto what the terminal can show.
public enum ColorPlanner {
    /// One appearance per role. Roles with colours get pair `rawValue + 1`; with
    /// ``ColorCapability/monochrome`` the attributes of ``Theme/monochrome`` are used instead.
    public static func appearances(theme: Theme, capability: ColorCapability) -> [Role: RoleAppearance] {
        var result: [Role: RoleAppearance] = [:]
        for role in Role.allCases {
            result[role] = appearance(role: role, theme: theme, capability: capability)
        }
        return result
    }

    public static func appearance(role: Role, theme: Theme, capability: ColorCapability) -> RoleAppearance {
        switch capability {
        case .monochrome:
            let style = Theme.monochrome.style(for: role)
            return RoleAppearance(bold: style.bold, reverse: style.reverse, underline: style.underline)
        case .colors(let count, let pairs, let defaultColors):
            let style = theme.style(for: role)
            var look = RoleAppearance(bold: style.bold, reverse: style.reverse, underline: style.underline)
            if style.foreground == .none && style.background == .none { return look }
            let pair = Int(role.rawValue) + 1
            // Not enough pairs for this role: keep its attributes, drop its colours.
            guard pair < pairs else { return look }
            let fg = cursesColor(style.foreground, colors: count, defaultColors: defaultColors, isForeground: true)
            let bg = cursesColor(style.background, colors: count, defaultColors: defaultColors, isForeground: false)
            look.pair = Int16(pair)
            look.foreground = fg.number
            look.background = bg.number
            look.bold = look.bold || fg.brightenWithBold
            return look
        }
    }

    /// A theme colour as a curses colour number on a terminal with `colors` palette entries.
    ///
    /// Bright ANSI colours (8…15) on an 8-colour terminal become the normal colour, made
    /// bright with bold when used as foreground. Palette indices are used as they are only
    /// when the terminal has 256 colours; otherwise the nearest of the 16 (or 8) ANSI colours.
    public static func cursesColor(_ color: Theme.Color, colors: Int, defaultColors: Bool, isForeground: Bool) -> (number: Int16, brightenWithBold: Bool) {
        let ansiIndex: Int
        switch color {
        case .none:
            if defaultColors { return (-1, false) }
            return (isForeground ? 7 : 0, false)
        case .ansi(let n):
            ansiIndex = min(max(n, 0), 15)
        case .indexed(let n):
            let index = min(max(n, 0), 255)
            if colors >= 256 { return (Int16(index), false) }
            ansiIndex = XtermPalette.nearestANSI(to: index, limit: colors >= 16 ? 16 : 8)
        }
        if ansiIndex < 8 || colors >= 16 { return (Int16(ansiIndex), false) }
        return (Int16(ansiIndex - 8), isForeground)
    }
}
