/// Colours for roles. Loaded from `themes/*.yaml` by the loader; applied by the terminal
/// driver and by the ANSI exporter of `shootnet render --color always`.
public struct Theme: Sendable, Equatable {
    public enum Color: Sendable, Hashable {
        case none
        /// One of the 8 basic ANSI colours (0 black … 7 white), or 8…15 bright variants.
        case ansi(Int)
        /// An xterm-256 palette index.
        case indexed(Int)
    }

    public struct Style: Sendable, Hashable {
        public var foreground: Color
        public var background: Color
        public var bold: Bool
        public var reverse: Bool
        public var underline: Bool

        public init(foreground: Color = .none, background: Color = .none, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
            self.foreground = foreground
            self.background = background
            self.bold = bold
            self.reverse = reverse
            self.underline = underline
        }
    }

    public var name: String
    public var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(for role: Role) -> Style { styles[role] ?? Style() }

    /// Built-in dark theme; used when no theme file is given.
    public static let dark = Theme(name: "dark", styles: [
        .frame: Style(foreground: .ansi(6)),
        .title: Style(foreground: .ansi(7), bold: true),
        .label: Style(foreground: .ansi(4)),
        // Healthy values in a calm colour of their own, apart from `ok` markers.
        .address: Style(foreground: .ansi(12)),
        .simulated: Style(foreground: .ansi(5)),
        .ok: Style(foreground: .ansi(2)),
        .warning: Style(foreground: .ansi(3), bold: true),
        .error: Style(foreground: .ansi(1), bold: true),
        .info: Style(foreground: .ansi(6)),
        .dim: Style(foreground: .ansi(8)),
        .selected: Style(reverse: true),
        .highlight: Style(foreground: .ansi(0), background: .ansi(3)),
        .hint: Style(foreground: .ansi(0), background: .ansi(6)),
        .statusBar: Style(foreground: .ansi(7), background: .ansi(4)),
        .input: Style(foreground: .ansi(7), underline: true),
    ])

    /// No colours at all: `NO_COLOR`, monochrome terminals. Problems are bold, the selection
    /// reverse video and highlights underlined, so the three stay apart.
    public static let monochrome = Theme(name: "mono", styles: [
        .title: Style(bold: true),
        .error: Style(bold: true),
        .warning: Style(bold: true),
        .selected: Style(reverse: true),
        .highlight: Style(underline: true),
        .hint: Style(reverse: true),
        .statusBar: Style(reverse: true),
        .input: Style(underline: true),
    ])
}
