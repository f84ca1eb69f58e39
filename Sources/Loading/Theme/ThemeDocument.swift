import Spec

/// A theme file (`themes/*.yaml`) as plain values: role name → colours and attributes.
/// The app maps it onto `Canvas.Theme` (Loading does not depend on Canvas).
///
/// ```yaml
/// name: dark
/// roles:
///   error: {fg: red, bold: true}
///   address: {fg: 2}
///   selected: {reverse: true}
///   title: bright-white        # shorthand for {fg: bright-white}
/// ```
public struct ThemeDocument: Sendable, Hashable {
    public enum Color: Sendable, Hashable {
        /// `default` / `none`: the terminal's own colour.
        case terminalDefault
        /// A named colour: 0 black … 7 white, 8 … 15 their `bright-` variants.
        case ansi(Int)
        /// A number 0…255: an xterm-256 palette index.
        case indexed(Int)
    }

    /// How one role looks; nil fields were not given in the file.
    public struct Style: Sendable, Hashable {
        public var foreground: Color?
        public var background: Color?
        public var bold: Bool?
        public var reverse: Bool?
        public var underline: Bool?
        /// Where the role's entry is (for messages such as "unknown role").
        public var location: SourceLocation?

        public init(foreground: Color? = nil, background: Color? = nil, bold: Bool? = nil, reverse: Bool? = nil,
                    underline: Bool? = nil, location: SourceLocation? = nil) {
            self.foreground = foreground
            self.background = background
            self.bold = bold
            self.reverse = reverse
            self.underline = underline
            self.location = location
        }
    }

    public var name: String
    /// Role name (as `Role.name` spells it) → style.
    public var styles: [String: Style]

    public init(name: String, styles: [String: Style]) {
        self.name = name
        self.styles = styles
    }
}
