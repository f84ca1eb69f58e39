import Addressing
@testable import Diagram
import Testing

@Suite("Text widths without formatting")
struct TextWidthTests {
    @Test("Address and prefix widths equal the formatted text's length")
    func matchesFormatter() {
        var seed: UInt64 = 42
        func random() -> UInt64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return seed
        }
        // Mostly sparse groups, so zero runs of every length and position occur.
        for _ in 0..<20_000 {
            var v: UInt128 = 0
            for g in 0..<8 {
                let r = random() >> 40
                let group: UInt128 = r % 3 == 0 ? UInt128(r % 0x10000) : (r % 7 == 0 ? UInt128(r % 16) : 0)
                v |= group << UInt128(16 * g)
            }
            let a6 = IPAddress(v6: v)
            #expect(TextWidth.of(a6) == "\(a6)".count, "\(a6)")
            let a4 = IPAddress(v4: UInt32(truncatingIfNeeded: random() >> (random() % 32)))
            #expect(TextWidth.of(a4) == "\(a4)".count, "\(a4)")
            let p = IPPrefix(masking: a6, length: Int(random() % 129))
            #expect(TextWidth.of(p) == "\(p)".count, "\(p)")
        }
        let fixed = ["::", "::1", "1::", "::ffff:10.0.0.1", "2001:db8::4000:0:1:0", "2001:db8:0:0:4000::", "1:0:1:0:1:0:1:0", "fe80::1:0:0:1"]
        for t in fixed {
            guard let a = IPAddress(t) else { Issue.record("bad \(t)"); continue }
            #expect(TextWidth.of(a) == "\(a)".count, "\(t)")
        }
    }

    @Test("Name widths count wide characters twice", arguments: [("node-a1", 7), ("節点", 4), ("ノード🚀-b4", 11), ("", 0)])
    func names(name: String, width: Int) {
        #expect(TextWidth.of(name) == width)
    }
}
