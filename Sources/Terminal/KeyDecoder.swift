import Canvas
@preconcurrency import CNcursesw

/// Turns what `wget_wch` returned into a key, without touching the terminal.
///
/// `wget_wch` reports either a character (`OK`) or a curses key code (`KEY_CODE_YES`);
/// ``RawInput`` keeps the two apart because their number ranges overlap.
public enum KeyDecoder {
    public enum RawInput: Sendable, Hashable {
        /// A character code (`wget_wch` returned `OK`).
        case character(UInt32)
        /// A curses key code such as `KEY_UP` (`wget_wch` returned `KEY_CODE_YES`).
        case keyCode(Int32)
    }

    public enum Decoded: Sendable, Hashable {
        case key(Key)
        /// `KEY_RESIZE`: the caller reads the new size.
        case resize
        /// `KEY_MOUSE`: the caller reads the event with `getmouse`.
        case mouse
        /// ``sgrMouseKeyCode``: curses matched ``SGRMouse/prefix``; the caller reads the rest
        /// of the report.
        case sgrMouse
        /// Something the app has no use for (an unmapped key, a lone control character).
        case ignored
    }

    /// The key code curses is told to return for ``SGRMouse/prefix`` (`define_key`). Far above
    /// `KEY_MAX` and the codes curses numbers a terminal's extended keys with, from `KEY_MAX` up.
    public static let sgrMouseKeyCode: Int32 = KEY_MAX + 0x1000

    public static func decode(_ raw: RawInput) -> Decoded {
        switch raw {
        case .character(let code): return decodeCharacter(code)
        case .keyCode(let code): return decodeKeyCode(code)
        }
    }

    static func decodeCharacter(_ code: UInt32) -> Decoded {
        switch code {
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26:
            // Ctrl-A is 1 … Ctrl-Z is 26 (8, 9, 10 and 13 are taken above).
            guard let letter = Unicode.Scalar(UInt32(0x60) + code) else { return .ignored }
            return .key(.ctrl(Character(letter)))
        case 0..<32, 0x80..<0xA0:
            return .ignored
        default:
            guard let scalar = Unicode.Scalar(code) else { return .ignored }
            return .key(.char(Character(scalar)))
        }
    }

    static func decodeKeyCode(_ code: Int32) -> Decoded {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        // Some terminals (VT220 keypads) send Find/Select for Home/End.
        case KEY_HOME, KEY_FIND, KEY_A1: return .key(.home)
        case KEY_END, KEY_SELECT, KEY_C1: return .key(.end)
        case KEY_PPAGE, KEY_A3: return .key(.pageUp)
        case KEY_NPAGE, KEY_C3: return .key(.pageDown)
        case KEY_BTAB: return .key(.backTab)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        case sgrMouseKeyCode: return .sgrMouse
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .key(.function(Int(code - KEY_F0)))
        default: return .ignored
        }
    }
}
