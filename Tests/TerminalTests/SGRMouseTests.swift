import Canvas
import Terminal
import Testing
import TestSupport

/// SGR (mode 1006) mouse reports: the characters after `ESC [ <`.
struct SGRMouseTests {
    static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test(arguments: [
        // body → event (x and y from 0)
        ("0;1;1M", InputEvent?.some(.mouse(x: 0, y: 0, button: .left))),
        ("0;10;5M", .mouse(x: 9, y: 4, button: .left)),
        ("1;10;5M", .mouse(x: 9, y: 4, button: .middle)),
        ("2;10;5M", .mouse(x: 9, y: 4, button: .right)),
        // Past column 223, where the X10 encoding ends.
        ("0;224;5M", .mouse(x: 223, y: 4, button: .left)),
        ("0;230;5M", .mouse(x: 229, y: 4, button: .left)),
        ("0;1000;1000M", .mouse(x: 999, y: 999, button: .left)),
        ("0;1234567;7654321M", .mouse(x: 1_234_566, y: 7_654_320, button: .left)),
        // Modifier bits: shift 4, meta 8, control 16, all three 28.
        ("4;3;2M", .mouse(x: 2, y: 1, button: .left)),
        ("8;3;2M", .mouse(x: 2, y: 1, button: .left)),
        ("16;3;2M", .mouse(x: 2, y: 1, button: .left)),
        ("30;3;2M", .mouse(x: 2, y: 1, button: .right)),
        // The wheel: 64 up, 65 down, with modifiers too.
        ("64;300;40M", .mouse(x: 299, y: 39, button: .scrollUp)),
        ("65;300;40M", .mouse(x: 299, y: 39, button: .scrollDown)),
        ("80;300;40M", .mouse(x: 299, y: 39, button: .scrollUp)),
        ("0065;2;2M", .mouse(x: 1, y: 1, button: .scrollDown)),
        // Releases, motion (32) and buttons the app has no use for.
        ("0;10;5m", nil), ("64;10;5m", nil),
        ("32;10;5M", nil), ("35;10;5M", nil), ("33;10;5M", nil), ("96;10;5M", nil),
        ("3;10;5M", nil), ("66;10;5M", nil), ("67;10;5M", nil), ("128;10;5M", nil), ("129;10;5M", nil),
    ])
    func reports(body: String, expected: InputEvent?) {
        #expect(SGRMouse.event(Self.scalars(body)) == expected)
    }

    @Test(arguments: [
        "", "M", "m", ";;M", "0;1M", "0;1;1;1M", "0;1;1", "0;1;1X", "0;1;1~",
        ";1;1M", "0;;1M", "0;1;M", "0;0;1M", "0;1;0M", "-1;1;1M", "0;-1;1M", "0;1;+1M",
        "0;1 ;1M", "0;1;1MM", "0;1.5;1M", "0;١;1M", "0;12345678;1M", "99999999999999999999;1;1M",
        "0;99999999999999999999999999999;1M", "\u{1B}[<0;1;1M", "0;1;1\u{0}",
    ])
    func malformedIsRejected(body: String) {
        #expect(SGRMouse.parse(Self.scalars(body)) == nil)
        #expect(SGRMouse.event(Self.scalars(body)) == nil)
    }

    @Test func reportKeepsWhatWasSent() {
        #expect(SGRMouse.parse(Self.scalars("20;230;5m")) == SGRMouse.Report(code: 20, column: 230, row: 5, isPress: false))
        #expect(SGRMouse.parse(Self.scalars("64;1;2M")) == SGRMouse.Report(code: 64, column: 1, row: 2, isPress: true))
    }

    /// What the driver reads after the prefix stops at the final byte, or before anything that
    /// is not a digit or `;`, and never runs past ``SGRMouse/maximumLength``.
    @Test func bodyEnds() {
        #expect(Self.scalars("0123456789;").allSatisfy { SGRMouse.part(of: $0) == .body })
        #expect(Self.scalars("Mm").allSatisfy { SGRMouse.part(of: $0) == .final })
        #expect(Self.scalars("<[\u{1B}-+ x~\u{0}").allSatisfy { SGRMouse.part(of: $0) == .foreign })
        #expect(SGRMouse.part(of: 0x1F680) == .foreign)
        #expect(SGRMouse.part(of: UInt32.max) == .foreign)
        let longest = "\(String(repeating: "9", count: SGRMouse.maximumDigits));9999999;9999999M"
        #expect(longest.unicodeScalars.count == SGRMouse.maximumLength)
        #expect(SGRMouse.parse(Self.scalars(longest)) != nil)
        #expect(SGRMouse.parse(Self.scalars("0" + longest)) == nil)
    }

    /// Bytes that arrive garbled, one by one: whatever a body is, decoding it returns.
    @Test func arbitraryBodiesNeverTrap() {
        var generator = SplitMix64(seed: 1006)
        let alphabet = Self.scalars("0123456789;;;Mm<[\u{1B}-9") + [0, 0x7F, 0xFFFD, 0x10FFFF]
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...(SGRMouse.maximumLength + 4), using: &generator)
            let body = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            _ = SGRMouse.event(body)
        }
    }

    @Test func modeSequences() {
        #expect(SGRMouse.prefix == "\u{1B}[<")
        #expect(SGRMouse.modeOn == "\u{1B}[?1006h")
        #expect(SGRMouse.modeOff == "\u{1B}[?1006l")
        #expect(ResetSequence.mouseOff.hasPrefix(SGRMouse.modeOff))
        #expect(ResetSequence.mouseOff.hasSuffix("\u{1B}[?1000l"))
    }
}
