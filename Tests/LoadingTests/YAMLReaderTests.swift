import Testing
@testable import Loading

@Suite struct YAMLReaderTests {
    private func failure(_ text: String) -> LoadError? {
        failure(bytes: Array(text.utf8))
    }

    private func failure(bytes: [UInt8]) -> LoadError? {
        do {
            _ = try DocumentReader.read(bytes: bytes, file: "t.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func readsDocumentsWithPositions() throws {
        let text = """
            # comment
            kind: Shoot
            spec:
              list:
              - a
              - "b"
            ---
            second: {x: [1, 2]}
            """
        try withDocuments(text) { docs in
            #expect(docs.count == 2)
            let kind = try #require(docs[0].pair(forKey: "kind"))
            #expect((kind.key.line, kind.key.column, kind.value.line, kind.value.column) == (2, 1, 2, 7))
            let list = try #require(docs[0]["spec"]?["list"])
            #expect(list.kind == .sequence && list.style == .block)
            #expect(list.children.map(\.text) == ["a", "b"])
            #expect(list.children.map(\.style) == [.plain, .doubleQuoted])
            #expect((list.line, list.column) == (5, 3))
            #expect(list.element(1).map { ($0.line, $0.column) } ?? (0, 0) == (6, 5))
            let x = try #require(docs[1]["second"]?["x"])
            #expect(x.style == .flow && x.children.map(\.text) == ["1", "2"])
            #expect((x.line, x.column) == (8, 13))
        }
    }

    @Test(arguments: [
        ("110", NodeKind.number), ("\"110\"", .string), ("'7'", .string), ("-3", .number), ("0x1F", .number),
        ("0o17", .number), ("1.5", .number), ("1e3", .number), (".inf", .number), ("true", .bool), ("False", .bool),
        ("~", .null), ("null", .null), ("", .null), ("no", .string), ("on", .string), ("10.0.0.0/8", .string),
        ("AUTOv6, 10.0.0.0/8,", .string), ("!!str 5", .string), ("!!int \"5\"", .number), ("1.2.3", .string),
        ("|\n  block", .string),
    ])
    func resolvesScalarKinds(scalar: String, kind: NodeKind) throws {
        try withDocuments("v: \(scalar)\n") { docs in
            #expect(docs[0]["v"]?.kind == kind)
        }
    }

    @Test func expandsSmallAliases() throws {
        try withDocuments("base: &b {x: 1}\nother: *b\n") { docs in
            #expect(docs[0]["other"]?["x"]?.text == "1")
        }
    }

    @Test func refusesAliasBombs() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ")
            text += "a\(i): &a\(i) [\(refs)]\n"
        }
        let error = failure(text)
        #expect(error?.message == "aliases expand this document far beyond the file's size (an alias bomb?); refusing to load it")
        #expect(error?.line != nil)
    }

    @Test func refusesAliasesAsKeys() {
        let error = failure("a: &x [1, 2]\n*x : 3\n")
        #expect(position(error) == "2:1")
        #expect(error?.message == "an alias cannot be used as a mapping key or inside one")
    }

    /// The issue-13 shapes: an alias bomb used inside a key anywhere on a line. Each is refused
    /// before Yams hashes the key (which would run for days), at the alias.
    @Test(arguments: [
        ("y: {*a3 : 1}\n", "5:5"),
        ("[*a3]: 1\n", "5:2"),
        ("&k [*a3]: 1\n", "5:5"),
        ("m: {x: 1, *a3: 2}\n", "5:11"),
        ("- [1, [2, *a3]]: 3\n", "5:11"),
        ("m: {? *a3 : 1}\n", "5:5"),
    ])
    func refusesAliasBombsInsideKeys(_ line: String, _ at: String) {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...3 { text += "a\(i): &a\(i) [\(Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", "))]\n" }
        let error = failure(text + line)
        #expect(position(error) == at, "\(line): \(String(describing: error))")
        #expect(error?.message.contains("key") == true)
    }

    /// Aliases as values, in quotes, comments and block scalars are fine.
    @Test func aliasesElsewhereAreRead() throws {
        let text = """
            base: &b {x: 1}
            one: *b
            list: [*b, *b]
            quoted: "*b: not a key"
            note: |
              *b: text of a block scalar
            # *b: a comment
            flow: {k: *b}

            """
        let docs = try DocumentReader.read(bytes: Array(text.utf8), file: "t.yaml").tape
        docs.withDocuments { d in
            #expect(d[0]["one"]?["x"]?.text == "1")
            #expect(d[0]["flow"]?["k"]?["x"]?.text == "1")
        }
    }

    @Test func reportsTheSecondOfDuplicateKeys() {
        let block = failure("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n")
        #expect(block?.description == "t.yaml:5:3: error: duplicate key \"c\" (first defined at line 3, column 3)")
        let flow = failure("m: {a: 1, b: 2, a: 3}\n")
        #expect(position(flow) == "1:17")
        let quoted = failure("\"k\": 1\n'k': 2\n")
        #expect(position(quoted) == "2:1")
    }

    @Test func skipsByteOrderMark() throws {
        let read = try DocumentReader.read(bytes: UTF8Text.byteOrderMark + Array("kind: Shoot\n".utf8), file: "t.yaml")
        #expect(read.hadByteOrderMark && read.text == "kind: Shoot\n")
        read.tape.withDocuments { docs in
            #expect(docs[0].pair(forKey: "kind").map { ($0.key.column, $0.value.column) } ?? (0, 0) == (1, 7))
        }
    }

    @Test func rejectsInvalidUTF8WithLineAndColumn() {
        let error = failure(bytes: Array("a: b\nc: dé".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        #expect(error?.description == "t.yaml:2:6: error: invalid UTF-8 byte 0xC3 (the file must be UTF-8)")
        let overlong = failure(bytes: Array("x: ".utf8) + [0xC0, 0xAF])
        #expect(position(overlong) == "1:4")
    }

    @Test func reportsTabIndentation() {
        let error = failure("spec:\n\tregion: eu\n")
        #expect(error?.description == "t.yaml:2:1: error: tab character used for indentation; YAML allows only spaces")
        let nested = failure("spec:\n  provider:\n  \ttype: aws\n")
        #expect(position(nested) == "3:3")
    }

    @Test func reportsSyntaxErrorsAtTheirPosition() {
        let error = failure("a: [1, 2\nb: 3\n")
        #expect(error?.line != nil && error?.column != nil)
        #expect(error?.message.hasPrefix("YAML syntax error: ") == true)
        let colon = failure("a: b: c\n")
        #expect(position(colon) == "1:5")
        #expect(colon?.message == "YAML syntax error: mapping values are not allowed in this context")
    }

    @Test func capsNesting() {
        let error = failure("v: " + String(repeating: "[", count: 1200))
        #expect(error?.message == "nesting is deeper than 1000 levels")
    }

    @Test func complexKeysAreErrors() {
        let error = failure("? [a, b]\n: c\n")
        #expect(error?.message == "mapping keys must be plain strings, found a list")
        #expect(position(error) == "1:3")
    }
}
