/// The bytes that put a terminal back after a crash, written by the crash signal handler.
///
/// Built once at start from the terminal's own capabilities, so the handler only has to
/// `write()` them. Mouse reporting is switched off with the xterm private modes that curses
/// or the driver may have enabled (1000 clicks, 1002/1003 motion, 1006 SGR coordinates).
public enum ResetSequence {
    public static let mouseOff = SGRMouse.modeOff + "\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l"

    /// - Parameters: terminfo strings (`nil` when the terminal lacks them).
    ///   `exitAttributes` is sgr0, `cursorNormal` cnorm, `keypadLocal` rmkx,
    ///   `exitAlternateScreen` rmcup.
    public static func bytes(mouseWasEnabled: Bool, exitAttributes: String?, cursorNormal: String?, keypadLocal: String?, exitAlternateScreen: String?) -> [UInt8] {
        var text = ""
        if mouseWasEnabled { text += mouseOff }
        text += exitAttributes ?? ""
        text += cursorNormal ?? ""
        text += keypadLocal ?? ""
        if let exitAlternateScreen {
            text += exitAlternateScreen
        } else {
            // No alternate screen to leave: at least start the shell on a fresh line.
            text += "\r\n"
        }
        return Array(text.utf8)
    }
}
