import Addressing
@testable import Diagram
import Testing

/// `AddressFormatter.length(of:)` (what the layout sizes addresses by) against the formatter.
@Suite("Text widths without formatting")
struct TextWidthTests {
    @Test("Address and prefix lengths equal the formatted text's length")
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
            #expect(AddressFormatter.length(of: a6) == AddressFormatter.format(a6).count, "\(a6)")
            let a4 = IPAddress(v4: UInt32(truncatingIfNeeded: random() >> (random() % 32)))
            #expect(AddressFormatter.length(of: a4) == AddressFormatter.format(a4).count, "\(a4)")
            let p = IPPrefix(masking: a6, length: Int(random() % 129))
            #expect(AddressFormatter.length(of: p) == "\(p)".count, "\(p)")
        }
        let fixed = ["::", "::1", "1::", "::ffff:10.0.0.1", "2001:db8::4000:0:1:0", "2001:db8:0:0:4000::", "1:0:1:0:1:0:1:0", "fe80::1:0:0:1",
                     "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:0:2:3:4:5:6:7", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                     "0.0.0.0", "255.255.255.255", "::ffff:255.255.255.255", "::fffe:0:1"]
        for t in fixed {
            guard let a = IPAddress(t) else { Issue.record("bad \(t)"); continue }
            #expect(AddressFormatter.length(of: a) == AddressFormatter.format(a).count, "\(t)")
            #expect(TextWidth.of(a) == AddressFormatter.length(of: a))
        }
    }

    @Test("Name widths count wide characters twice", arguments: [("node-a1", 7), ("節点", 4), ("ノード🚀-b4", 11), ("", 0)])
    func names(name: String, width: Int) {
        #expect(TextWidth.of(name) == width)
    }
}
