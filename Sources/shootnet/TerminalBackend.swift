import Canvas
import Terminal

/// The calls ``AppRuntime`` makes on a screen. ``TerminalScreen`` (ncurses) is the one used
/// in production; tests drive the runtime in process with scripted events.
protocol TerminalBackend: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// The glyph set the screen can show.
    var glyphs: Glyphs { get }
    func draw(_ canvas: Canvas, cursor: (x: Int, y: Int)?)
    /// The next key, mouse click, resize or signal; `.tick` when none came within the timeout.
    func nextEvent(timeoutMilliseconds: Int) -> InputEvent
    /// Gives the terminal back. Safe to call twice.
    func close()
    /// Puts `text` on the clipboard when the terminal takes it (OSC 52); whether it did.
    func copyToClipboard(_ text: String) -> Bool
}

extension TerminalScreen: TerminalBackend {
    var glyphs: Glyphs { capabilities.glyphs }
}
