/// What the terminal reports: keys, mouse clicks and size changes.
///
/// The terminal driver produces these; the app turns them into messages. Keeping them
/// here (and not in the driver) lets headless tests feed the app exactly what a user types.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(x: Int, y: Int, button: MouseButton)
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM or SIGHUP arrived; the app should save what it must and quit.
    case signal(Int32)
    /// Nothing happened within the poll interval (lets the app notice files changing on disk).
    case tick
}

public enum MouseButton: Sendable, Hashable {
    case left, right, middle, scrollUp, scrollDown
}

public enum Key: Sendable, Hashable {
    case char(Character)
    /// Ctrl plus a letter, lower case (`ctrl("r")` is Ctrl-R).
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
}
