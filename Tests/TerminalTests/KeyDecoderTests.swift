import Canvas
import CNcursesw
import Terminal
import Testing

struct KeyDecoderTests {
    @Test(arguments: [
        (UInt32(9), KeyDecoder.Decoded.key(.tab)),
        (10, .key(.enter)), (13, .key(.enter)),
        (27, .key(.escape)),
        (127, .key(.backspace)), (8, .key(.backspace)),
        (1, .key(.ctrl("a"))), (18, .key(.ctrl("r"))), (26, .key(.ctrl("z"))),
        (0, .ignored), (28, .ignored), (31, .ignored), (0x85, .ignored),
        (0x61, .key(.char("a"))), (0x20, .key(.char(" "))),
        (0xE4, .key(.char("ä"))), (0x65E5, .key(.char("日"))), (0x1F680, .key(.char("🚀"))),
        (0xD800, .ignored), (0x110000, .ignored),
    ])
    func characters(code: UInt32, expected: KeyDecoder.Decoded) {
        #expect(KeyDecoder.decode(.character(code)) == expected)
    }

    @Test(arguments: [
        (KEY_UP, KeyDecoder.Decoded.key(.up)), (KEY_DOWN, .key(.down)), (KEY_LEFT, .key(.left)), (KEY_RIGHT, .key(.right)),
        (KEY_HOME, .key(.home)), (KEY_END, .key(.end)), (KEY_FIND, .key(.home)), (KEY_SELECT, .key(.end)),
        (KEY_PPAGE, .key(.pageUp)), (KEY_NPAGE, .key(.pageDown)),
        (KEY_BTAB, .key(.backTab)), (KEY_ENTER, .key(.enter)), (KEY_BACKSPACE, .key(.backspace)), (KEY_DC, .key(.delete)),
        (KEY_F0 + 1, .key(.function(1))), (KEY_F0 + 12, .key(.function(12))), (KEY_F0 + 63, .key(.function(63))),
        (KEY_F0, .ignored), (KEY_F0 + 64, .ignored),
        (KEY_RESIZE, .resize), (KEY_MOUSE, .mouse), (KEY_IC, .ignored),
        (KeyDecoder.sgrMouseKeyCode, .sgrMouse), (KeyDecoder.sgrMouseKeyCode - 1, .ignored),
    ])
    func keyCodes(code: Int32, expected: KeyDecoder.Decoded) {
        #expect(KeyDecoder.decode(.keyCode(code)) == expected)
    }

    @Test func characterAndKeyCodeRangesAreKeptApart() {
        // 0403 is KEY_UP as a key code but the character U+0103 as a character.
        #expect(KeyDecoder.decode(.character(UInt32(KEY_UP))) == .key(.char("ă")))
    }
}

struct MouseDecoderTests {
    @Test func buttons() {
        #expect(MouseDecoder.button(for: shim_button1_pressed()) == .left)
        #expect(MouseDecoder.button(for: shim_button1_clicked()) == .left)
        #expect(MouseDecoder.button(for: shim_button2_pressed()) == .middle)
        #expect(MouseDecoder.button(for: shim_button3_pressed()) == .right)
        #expect(MouseDecoder.button(for: shim_button4_pressed()) == .scrollUp)
        #expect(MouseDecoder.button(for: shim_button5_pressed()) == .scrollDown)
        #expect(MouseDecoder.button(for: 0) == nil)
        #expect(MouseDecoder.reportedEvents & shim_button1_pressed() != 0)
        #expect(MouseDecoder.reportedEvents & shim_button5_pressed() != 0)
    }
}
