import Addressing
import Loading
import Spec
import Testing

/// What shootnet-fuzz found, kept as regression tests (each failed before its fix).
@Suite struct FuzzFindingTests {
    static let anchored = """
        kind: Shoot
        metadata: {name: anchors}
        spec:
          provider: &p {type: gcp}
          networking:
            nodes: 10.250.0.0/16

        """

    /// An anchored flow mapping (`&p {type: gcp}`) was taken for a block mapping, so a value
    /// with a comma was written unquoted into it and read back cut at the comma.
    @Test func editInsideAnAnchoredFlowMappingIsQuoted() throws {
        let edited = try SpecEditor.apply(.providerType("a,b"), to: Self.anchored)
        let shoot = try InputLoader.parse(text: edited, file: "f.yaml").input.shoot
        #expect(shoot.provider.value == "a,b")
    }

    /// NEL, U+2028 and U+2029 are line breaks to libyaml, C1 is not printable: written raw,
    /// values were folded to spaces, cut, or made the file unreadable.
    @Test(arguments: ["a\u{2029}b", "\u{2028}", "x\u{85}y", "c1\u{9B}", "del\u{7F}", "nc\u{FFFE}"])
    func valuesWithLineSeparatorsAndC1ReadBackExactly(_ value: String) throws {
        for edit in [SpecEdit.providerType(value), .ipFamilies(["IPv4", value]), .workerZones(0, [value])] {
            let text = Self.anchored.replacingOccurrences(of: "spec:\n", with: "spec:\n  region: r\n")
                + "---\nkind: ShootnetSettings\n"
            let base = text.replacingOccurrences(of: "provider: &p {type: gcp}", with: "provider:\n    type: gcp\n    workers:\n    - {name: a, maximum: 2}")
            let edited = try SpecEditor.apply(edit, to: base)
            let shoot = try InputLoader.parse(text: edited, file: "f.yaml").input.shoot
            switch edit.pathText {
            case "spec.provider.type": #expect(shoot.provider.value == value)
            case "spec.networking.ipFamilies": #expect(shoot.networking.ipFamilies?.value == ["IPv4", value])
            default: #expect(shoot.workers.first?.zones == [value])
            }
        }
    }

    /// Tuple entries point at their first character, counting Unicode scalars, after any
    /// spaces, tabs and line breaks (a CR before an entry, or a combining mark, shifted it).
    @Test(arguments: [("\rNode", 1), ("é\u{301}, 10.0.0.0/8", 4), (" \r\n\t2001:db8::/64", 4), ("a\r\n,b", 4)])
    func tupleLocationsPointAtTheirEntry(_ text: String, _ lastOffset: Int) {
        let slots = CIDRSlot.parseTuple(text, location: SourceLocation(file: "f", line: 1, column: 10))
        let scalars = Array(text.unicodeScalars)
        for slot in slots {
            let offset = (slot.location?.column ?? 0) - 10
            let entry = Array(slot.text.unicodeScalars)
            #expect(offset >= 0 && offset + entry.count <= scalars.count && Array(scalars[offset..<offset + entry.count]) == entry,
                    "\(slot.text) at offset \(offset)")
        }
        #expect(slots.last.map { ($0.location?.column ?? 0) - 10 } == lastOffset)
    }

    /// Messages quote input text; control characters, separators and bidi marks in it are
    /// escaped, so stderr carries one plain line.
    @Test(arguments: ["10.0.0.0/1\u{1B}[2J", "1.2.3.4\u{202E}/8", "\u{2028}::/0", "10.0.0.0/\u{9B}1", "1.2.\u{85}.4/8"])
    func addressErrorsAreOneSafeLine(_ text: String) throws {
        guard case .failure(let e) = AddressParser.parsePrefix(Substring(text)) else {
            Issue.record("\(text) parsed")
            return
        }
        #expect(!e.message.unicodeScalars.contains { TerminalText.isControl($0) }, "\(e.message)")
    }

    @Test func loadErrorsEscapeWhatTheyQuote() throws {
        let text = "kind: \"Sh\\e[2Joot\\u202E\\tx\"\n"
        do {
            _ = try InputLoader.parse(text: text, file: "f.yaml")
            Issue.record("loaded")
        } catch {
            #expect(error.description == "f.yaml:1:7: error: unknown kind \"Sh\\u{1b}[2Joot\\u{202e}\\tx\"; "
                    + "expected kind Shoot, ShootnetSettings, NodeList, List, Node, Seed, ManagedSeed, Gardenlet, Infrastructure or Network, or an OpenStack router with routes")
        }
        let long = "kind: \"" + String(repeating: "K", count: 10_000) + "\"\n"
        do {
            _ = try InputLoader.parse(text: long, file: "f.yaml")
        } catch {
            #expect(error.message.unicodeScalars.count <= LoadError.maxMessageLength + 1)
            #expect(error.message.hasSuffix("…"))
        }
    }

    /// libyaml breaks lines at U+2028, U+2029, NEL and a lone CR as well; positions are
    /// mapped back to the lines an editor counts (at LF only), for syntax errors …
    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}", "\r"])
    func yamlPositionsCountOnlyNewlines(_ lineBreak: String) {
        // Line 3 opens a list that is never closed: the error is at the end, line 4 column 1.
        let text = "kind: Shoot\nmetadata: {name: \"a" + lineBreak + "b\"}\nc: [\n"
        do throws(LoadError) {
            _ = try InputLoader.parse(text: text, file: "f.yaml")
            Issue.record("loaded")
        } catch {
            #expect(error.line == 4 && error.column == 1, "\(error)")
        }
    }

    /// … and for values found wrong after reading, on a line after the break and in a column
    /// after one on the same line.
    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}", "\r", "\r\n"])
    func yamlValuePositionsCountOnlyNewlines(_ lineBreak: String) {
        let text = "kind: Shoot\nmetadata: {name: \"a" + lineBreak + "b\", namespace: garden-x}\nspec:\n  provider: {type: openstack}\n"
            + "  kubernetes:\n    kubelet: {note: \"a" + lineBreak + "b\", maxPods: many}\n"
        let crlf = lineBreak == "\r\n"
        do throws(LoadError) {
            _ = try InputLoader.parse(text: text, file: "f.yaml")
            Issue.record("loaded")
        } catch {
            #expect(error.line == (crlf ? 8 : 6) && error.column == (crlf ? 14 : 37), "\(error)")
        }
    }
}
