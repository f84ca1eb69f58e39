import Canvas
@preconcurrency import CNcursesw

/// Which button a curses mouse event (`MEVENT.bstate`) is about.
public enum MouseDecoder {
    /// The events `mousemask` asks for: presses of the three buttons and the wheel.
    public static var reportedEvents: mmask_t {
        shim_button1_pressed() | shim_button2_pressed() | shim_button3_pressed()
            | shim_button4_pressed() | shim_button5_pressed()
    }

    /// The button of a press (or click) event; nil for releases and anything else.
    public static func button(for state: mmask_t) -> MouseButton? {
        if state & (shim_button1_pressed() | shim_button1_clicked()) != 0 { return .left }
        if state & (shim_button3_pressed() | shim_button3_clicked()) != 0 { return .right }
        if state & (shim_button2_pressed() | shim_button2_clicked()) != 0 { return .middle }
        if state & shim_button4_pressed() != 0 { return .scrollUp }
        if state & shim_button5_pressed() != 0 { return .scrollDown }
        return nil
    }
}
