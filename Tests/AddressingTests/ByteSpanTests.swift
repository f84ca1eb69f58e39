import Bytes
import Testing

/// The byte tricks the readers rely on, each against the plain-Swift answer.
@Suite("ByteSpan")
struct ByteSpanTests {
    @Test("A sub-span is indexed from 0 and holds exactly its range")
    func subSpan() {
        ByteSpan.with(Array("apiVersion: v1".utf8), 3..<10) { span in
            #expect(span.count == 7)
            #expect(span[0] == UInt8(ascii: "V"))
            #expect(span.string == "Version")
            #expect(span.span(1..<4).string == "ers")
        }
    }

    @Test("word(at:) reads eight bytes little-endian from any offset")
    func word() {
        let bytes: [UInt8] = [0xFF, 1, 2, 3, 4, 5, 6, 7, 8, 0xEE]
        ByteSpan.with(bytes) { span in
            #expect(span.word(at: 1) == 0x0807_0605_0403_0201)
            #expect(span.word(at: 2) == 0xEE08_0706_0504_0302)
        }
    }

    @Test("firstIndex and lastIndex agree with the standard library", arguments: ["", "/", "a/b/c", "2001:db8::/64", "no slash"])
    func indices(text: String) {
        let bytes = Array(text.utf8)
        ByteSpan.with(bytes) { span in
            #expect(span.firstIndex(of: UInt8(ascii: "/")) == bytes.firstIndex(of: UInt8(ascii: "/")))
            #expect(span.lastIndex(of: UInt8(ascii: "/")) == bytes.lastIndex(of: UInt8(ascii: "/")))
        }
    }

    @Test("Equality with spans, literals and strings, and literal prefixes")
    func equality() {
        ByteSpan.with(Array("kind: Shoot".utf8)) { span in
            #expect(span.span(6..<11).equals("Shoot" as StaticString))
            #expect(!span.span(6..<10).equals("Shoot" as StaticString))
            #expect(span.span(0..<4).equals("kind"))
            #expect(!span.span(0..<4).equals("kinD"))
            #expect(span.hasPrefix("Shoot", at: 6))
            #expect(!span.hasPrefix("Shoots", at: 6))
            #expect(!span.hasPrefix("k", at: -1))
            #expect(ByteSpan.empty.equals(span.span(3..<3)))
        }
    }

    @Test("Substrings are lent in place or copied, with the same bytes")
    func substrings() {
        let text = "10.0.0.0/16, fd00::/64"
        let part = text.split(separator: ",")[1]
        #expect(ByteSpan.with(utf8: part) { $0.string } == " fd00::/64")
        var out: [UInt8] = [0x41]
        ByteSpan.with(Array("bc".utf8)) { $0.append(to: &out) }
        #expect(out == Array("Abc".utf8))
    }
}
