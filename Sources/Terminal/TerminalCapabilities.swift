import Canvas

/// What the opened terminal turned out to support.
public struct TerminalCapabilities: Sendable, Hashable {
    /// The locale's character set is UTF-8, so box drawing and non-ASCII text can be shown.
    public var unicode: Bool
    public var color: ColorCapability
    /// Mouse reporting was switched on.
    public var mouse: Bool

    public init(unicode: Bool, color: ColorCapability, mouse: Bool) {
        self.unicode = unicode
        self.color = color
        self.mouse = mouse
    }

    /// The glyph set to draw with: Unicode box drawing when usable, ASCII otherwise.
    public var glyphs: Glyphs { unicode ? .unicode : .ascii }
}
