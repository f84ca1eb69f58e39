/// Choices made when the screen is opened.
public struct TerminalOptions: Sendable, Hashable {
    /// Report mouse button presses and the wheel as ``Canvas/InputEvent/mouse(x:y:button:)``.
    public var mouse: Bool
    /// Ctrl-C, Ctrl-\ and Ctrl-Z keep their terminal meaning: Ctrl-C arrives as
    /// `.signal(SIGINT)` and Ctrl-Z suspends. When false (raw mode) they arrive as keys
    /// (`.ctrl("c")`, `.ctrl("z")`), and so do Ctrl-S and Ctrl-Q.
    public var interruptKeysSignal: Bool
    /// Use colours (subject to `NO_COLOR` and the terminal). False forces monochrome.
    public var colors: Bool
    /// Force ASCII glyphs even on a UTF-8 terminal.
    public var asciiOnly: Bool
    /// How long a lone Esc waits for the rest of an escape sequence.
    public var escapeDelayMilliseconds: Int
    /// Hand curses only the cells that changed since the last frame (``FrameDiff``). False
    /// hands it every cell and leaves finding the changes to curses alone; it exists so
    /// `shootnet-bench --terminal` can measure what the own diff saves.
    public var writesChangedCellsOnly: Bool

    public init(mouse: Bool = true, interruptKeysSignal: Bool = true, colors: Bool = true, asciiOnly: Bool = false, escapeDelayMilliseconds: Int = 25,
                writesChangedCellsOnly: Bool = true) {
        self.mouse = mouse
        self.interruptKeysSignal = interruptKeysSignal
        self.colors = colors
        self.asciiOnly = asciiOnly
        self.escapeDelayMilliseconds = escapeDelayMilliseconds
        self.writesChangedCellsOnly = writesChangedCellsOnly
    }
}
