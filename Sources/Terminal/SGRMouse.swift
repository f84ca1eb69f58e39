import Canvas

/// xterm's SGR mouse reports (private mode 1006): `CSI < b ; x ; y M` for a press, `m` for
/// a release, with decimal coordinates that have no upper limit. The older X10 encoding curses
/// decodes by default sends each coordinate as one byte, so it cannot report a click right of
/// column 223 (tmux drops such clicks altogether).
///
/// Pure: the driver hands over what followed ``prefix`` and gets an event or nil. Malformed
/// input is nil, never a trap.
public enum SGRMouse {
    /// What every report starts with (the driver has curses match it like a key).
    public static let prefix = "\u{1B}[<"
    /// Asks the terminal for SGR-encoded reports; button reporting itself is mode 1000.
    public static let modeOn = "\u{1B}[?1006h"
    public static let modeOff = "\u{1B}[?1006l"
    /// The most characters a report has after ``prefix``: three numbers of up to
    /// ``maximumDigits`` digits, two separators and the final byte.
    public static let maximumLength = 3 * maximumDigits + 3
    /// Digits a number may have; more is malformed (and keeps `Int` from overflowing).
    public static let maximumDigits = 7

    /// One report as the terminal sent it.
    public struct Report: Sendable, Hashable {
        /// The button code `b`: button number in bits 0–1 and 6–7, shift 4, meta 8,
        /// control 16, motion 32.
        public var code: Int
        /// 1-based, as sent.
        public var column: Int
        public var row: Int
        /// `M`: pressed (or wheel turned); `m`: released.
        public var isPress: Bool

        public init(code: Int, column: Int, row: Int, isPress: Bool) {
            self.code = code
            self.column = column
            self.row = row
            self.isPress = isPress
        }

        static let modifierBits = 4 | 8 | 16
        static let motionBit = 32

        /// The app's event: presses of the three buttons and wheel up/down, at 0-based
        /// (x, y); nil for releases, motion and other buttons (wheel left/right, 8–11), which
        /// the app does not use. Modifier keys are not reported.
        public var event: InputEvent? {
            guard isPress, code & Self.motionBit == 0 else { return nil }
            let button: MouseButton
            switch code & ~Self.modifierBits {
            case 0: button = .left
            case 1: button = .middle
            case 2: button = .right
            case 64: button = .scrollUp
            case 65: button = .scrollDown
            default: return nil
            }
            return .mouse(x: column - 1, y: row - 1, button: button)
        }
    }

    /// What a character (a scalar value) read after ``prefix`` is to a report.
    public enum Part: Sendable, Hashable {
        /// A digit or `;`: the report goes on.
        case body
        /// `M` or `m`: the report ends with it.
        case final
        /// Anything else: not part of a report (the driver leaves it for the next read).
        case foreign
    }

    public static func part(of character: UInt32) -> Part {
        switch character {
        case 0x30...0x39, 0x3B: .body
        case 0x4D, 0x6D: .final
        default: .foreign
        }
    }

    /// The report whose characters after ``prefix`` are `body` (`0;230;5M`), or nil when it
    /// is not exactly three decimal numbers (button code, then column and row from 1) and a
    /// final `M` or `m`.
    public static func parse(_ body: some BidirectionalCollection<UInt32>) -> Report? {
        guard let final = body.last, part(of: final) == .final, body.count <= maximumLength else { return nil }
        var numbers: [Int] = []
        var value = 0
        var digits = 0
        for character in body.dropLast() {
            if character == 0x3B {
                guard digits > 0 else { return nil }
                numbers.append(value)
                value = 0
                digits = 0
            } else if (0x30...0x39).contains(character), digits < maximumDigits {
                value = value * 10 + Int(character - 0x30)
                digits += 1
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        numbers.append(value)
        guard numbers.count == 3, numbers[1] >= 1, numbers[2] >= 1 else { return nil }
        return Report(code: numbers[0], column: numbers[1], row: numbers[2], isPress: final == 0x4D)
    }

    /// ``parse(_:)``, then ``Report/event``.
    public static func event(_ body: some BidirectionalCollection<UInt32>) -> InputEvent? {
        parse(body)?.event
    }
}
