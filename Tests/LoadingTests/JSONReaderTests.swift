import Testing
@testable import Loading

@Suite struct JSONReaderTests {
    private func tape(_ json: String) throws -> DocumentTape {
        try JSONReader.read(Array(json.utf8)).get()
    }

    private func failure(_ json: String) -> (position: String, message: String) {
        do {
            _ = try DocumentReader.read(bytes: Array(json.utf8), file: "n.json")
            return ("no error", "")
        } catch {
            return (position(error), error.message)
        }
    }

    @Test func readsNestedValuesWithPositions() throws {
        let json = """
            {"a": [1, -2.5e3, true, false, null],
              "b": {"c": "x"}, "ünï": "ç"}
            """
        try tape(json).withDocuments { docs in
            let root = docs[0]
            #expect(root.kind == .mapping && root.count == 3)
            let a = try #require(root["a"])
            #expect(a.kind == .sequence && a.count == 5)
            #expect(a.children.map(\.kind) == [.number, .number, .bool, .bool, .null])
            #expect(a.children.map(\.text) == ["1", "-2.5e3", "true", "false", "null"])
            #expect(a.element(2)?.boolValue == true && a.element(3)?.boolValue == false)
            let c = try #require(root["b"]?["c"])
            #expect(c.text == "x" && c.line == 2 && c.column == 14)
            // Columns count Unicode scalars, not bytes.
            let u = try #require(root.pair(forKey: "ünï"))
            #expect(u.key.column == 20 && u.value.column == 27 && u.value.text == "ç")
        }
    }

    @Test(arguments: [
        (#""plain""#, "plain"),
        (#""a\"b\\c\/d""#, "a\"b\\c/d"),
        (#""\b\f\n\r\t""#, "\u{8}\u{C}\n\r\t"),
        (#""\u00e9\u4e2d""#, "é中"),
        (#""\ud83d\ude00 ok""#, "😀 ok"),
        (#""long string without escapes, longer than eight bytes""#, "long string without escapes, longer than eight bytes"),
        (#""mixed ünïcödé and \"escapes\" after""#, "mixed ünïcödé and \"escapes\" after"),
    ])
    func decodesStrings(json: String, expected: String) throws {
        try tape(json).withDocuments { docs in
            #expect(docs[0].kind == .string)
            #expect(docs[0].text == expected)
        }
    }

    @Test(arguments: ["0", "-0", "12", "-3.25", "1e9", "1E+2", "2.5e-3"])
    func acceptsNumbers(json: String) throws {
        try tape(json).withDocuments { docs in #expect(docs[0].kind == .number && docs[0].text == json) }
    }

    @Test(arguments: [
        // Truncated input names the container that is not closed.
        ("{\"a\": [1, 2", "1:12", "unexpected end of input; the array opened at line 1, column 7 is not closed"),
        ("{\"a\": 1", "1:8", "unexpected end of input; the object opened at line 1, column 1 is not closed"),
        ("{\"a\": \"open", "1:7", "unterminated string"),
        ("[1, 2,]", "1:6", "trailing comma before ']'"),
        ("{\"a\": 1,\n }", "1:8", "trailing comma before '}'"),
        ("[\"a\\x\"]", "1:4", "invalid escape sequence \\x in string"),
        ("[\"\\u12G4\"]", "1:3", "invalid \\u escape: expected 4 hex digits"),
        ("[\"\\ud800 lonely\"]", "1:3", "invalid \\u escape: high surrogate without a following low surrogate"),
        ("[\"\\udc00\"]", "1:3", "invalid \\u escape: unpaired low surrogate"),
        ("[\"\\ud800\\u0041\"]", "1:9", "invalid \\u escape: expected a low surrogate (\\uDC00–\\uDFFF)"),
        ("[\"tab\there\"]", "1:6", "control character 0x09 in string; it must be escaped (e.g. \\n, \\t, \\u0001)"),
        ("[01]", "1:2", "invalid number: leading zeros are not allowed"),
        ("[1.]", "1:4", "invalid number: expected a digit after '.'"),
        ("[-]", "1:3", "invalid number: expected a digit"),
        ("[1e]", "1:4", "invalid number: expected a digit in the exponent"),
        ("[tru]", "1:2", "invalid literal; expected true, false, null, a number, a string, an object or an array"),
        ("{\"a\" 1}", "1:6", "unexpected '1'; expected ':' after the key"),
        ("{1: 2}", "1:2", "unexpected '1'; expected a string key"),
        ("[1 2]", "1:4", "unexpected '2'; expected ',' or ']'"),
        ("{\"a\": 1} x", "1:10", "unexpected content after the JSON value"),
        ("{\"k\": 1,\n \"k\": 2}", "2:2", "duplicate key \"k\" (first defined at line 1, column 2)"),
        ("[\"\u{e9}\", \"ok\", @]", "1:13", "unexpected '@'; expected a value"),
    ])
    func reportsErrorsWithLineAndColumn(json: String, expectedPosition: String, expectedMessage: String) {
        let (pos, message) = failure(json)
        #expect(pos == expectedPosition)
        #expect(message == expectedMessage)
    }

    @Test func rejectsInvalidUTF8InsideStrings() {
        var bytes = Array("{\n  \"name\": \"ab".utf8)
        bytes += [0xFF, 0x22, 0x7D]
        do {
            _ = try DocumentReader.read(bytes: bytes, file: "n.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "n.json:2:14: error: invalid UTF-8 byte 0xFF (the file must be UTF-8)")
        }
    }

    @Test func capsNestingDepth() {
        let ok = String(repeating: "[", count: JSONReader.maxDepth) + String(repeating: "]", count: JSONReader.maxDepth)
        #expect(failure(ok).position == "no error")
        let deep = String(repeating: "[", count: 100_000)
        let (pos, message) = failure(deep)
        #expect(pos == "1:\(JSONReader.maxDepth + 1)")
        #expect(message == "JSON nesting is deeper than 512 levels")
    }

    /// Tape entries keep 25 bits of line number; a file with more lines (only blank lines
    /// can make one under the size cap) is refused with a clear error, never misnumbered.
    @Test func refusesMoreLinesThanATapeCanName() throws {
        let last = TapeEntry.maxLine
        var ok = [UInt8](repeating: 0x0A, count: last - 1)
        ok.insert(UInt8(ascii: "["), at: 0)
        ok += Array("1]".utf8)
        let read = try DocumentReader.read(bytes: ok, file: "n.json")
        let line = read.tape.withDocuments { docs -> Int? in
            guard let doc = docs.first else { return nil }
            for child in doc.children { return child.line }
            return nil
        }
        #expect(line == last)
        var tooMany = ok
        tooMany.insert(0x0A, at: 1)
        do {
            _ = try DocumentReader.read(bytes: tooMany, file: "n.json")
            Issue.record("read a file of more than \(last) lines")
        } catch {
            #expect(error.line == last + 1 && error.message.hasPrefix("more than \(last) lines"), "\(error)")
        }
    }

    @Test func detectsDuplicateKeysInLargeObjects() {
        let keys = (0..<40).map { "\"k\($0)\": \($0)" } + ["\"k7\": 0"]
        let (pos, message) = failure("{" + keys.joined(separator: ", ") + "}")
        #expect(message == "duplicate key \"k7\" (first defined at line 1, column 65)")
        #expect(pos.hasPrefix("1:"))
    }

    @Test func skipsByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8)
        let read = try DocumentReader.read(bytes: bytes, file: "n.json")
        #expect(read.format == .json && read.hadByteOrderMark)
        read.tape.withDocuments { docs in #expect(docs[0]["a"]?.column == 7) }
    }
}
