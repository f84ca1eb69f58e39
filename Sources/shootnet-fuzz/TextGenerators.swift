import Addressing

/// Structure-aware inputs built from scratch: addresses and prefixes at every edge, the
/// proposal's tuples, pod prefix templates and odd strings for names and edits.
enum TextGenerators {
    static let oddStrings = [
        "", " ", "  lead", "trail  ", "a: b", "a #b", "#c", "- x", "? x", "*alias", "&anchor x", "!tag x", "|", ">",
        "'", "\"", "\\", "{a: 1}", "[1, 2]", "a,b", "true", "false", "null", "~", "yes", "no", "on", "off", "123", "-7",
        "0x1F", "0o17", "1e3", ".inf", "-.nan", "12:30", "2001:db8::/64", "AUTOv6", "<nodePrefix>::f000:0/100",
        "\t", "a\tb", "a\nb", "a\r\nb", "\u{1B}[31mred\u{1B}[0m", "\u{1B}]0;title\u{07}", "\u{9B}2J", "\u{85}",
        "\u{2028}", "\u{2029}", "\u{202E}evil", "\u{2066}iso\u{2069}", "\u{FEFF}", "\u{FFFE}", "\u{0}", "\u{7F}",
        "e\u{301}", "日本語", "🙂", "%", "@x", "`x`", "a\"b'c", String(repeating: "x", count: 300),
    ]

    static let interestingNumbers = [
        "0", "1", "-1", "7", "16", "24", "28", "32", "33", "64", "96", "100", "108", "112", "124", "127", "128", "129",
        "255", "256", "999", "65535", "65536", "2147483647", "2147483648", "4294967295", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999999999999",
        "1e400", "-0", "00", "01", "0x10", "1.5", "1_000",
    ]

    // MARK: Addresses

    static func address(_ r: inout FuzzRandom) -> String {
        switch r.below(10) {
        case 0..<4: return v4(&r)
        case 4..<9: return v6(&r)
        default: return r.pick(["", ":", "::", ":::", "1::2::3", "::ffff:1.2.3.4", "1.2.3.4%eth0", "fe80::1%eth0",
                                "0.0.0.0", "255.255.255.255", "::ffff:255.255.255.255", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                                "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4",
                                "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.04", "0x1.2.3.4", "1..2.3", "::1.2.3.4:5",
                                "12345::", "g::", "::G", " ::1", "::1 ", "１.2.3.4"])
        }
    }

    static func v4(_ r: inout FuzzRandom) -> String {
        var octets: [String] = []
        let count = r.oneIn(12) ? r.pick([3, 5, 1, 0], or: 4) : 4
        for _ in 0..<count {
            switch r.below(12) {
            case 0: octets.append(r.pick(["0", "255", "256", "999", "00", "01", "010", "", "-1", "0x1", "1a", "2555"]))
            case 1: octets.append(String(r.below(1000)))
            default: octets.append(String(r.below(256)))
            }
        }
        return octets.joined(separator: r.oneIn(40) ? ".." : ".")
    }

    static func v6(_ r: inout FuzzRandom) -> String {
        var groups = (0..<8).map { _ -> UInt16 in r.oneIn(2) ? 0 : UInt16(truncatingIfNeeded: r.next() >> UInt64(r.below(60))) }
        if r.oneIn(6) { groups = [0, 0, 0, 0, 0, 0xFFFF, UInt16(r.below(65536)), UInt16(r.below(65536))] }
        let value = groups.reduce(UInt128(0)) { $0 << 16 | UInt128($1) }
        let address = IPAddress(v6: value)
        switch r.below(8) {
        case 0..<3:
            return address.description
        case 3:
            // Full form, leading zeros kept, random case.
            return groups.map { g in
                let hex = String(g, radix: 16, uppercase: r.oneIn(2))
                return String(repeating: "0", count: 4 - hex.count) + hex
            }.joined(separator: ":")
        case 4:
            // Embedded IPv4 in the last 32 bits (or somewhere it is not allowed).
            var parts = groups.prefix(6).map { String($0, radix: 16) }
            let v4text = v4(&r)
            if r.oneIn(4) { parts.insert(v4text, at: r.below(parts.count)) } else { parts.append(v4text) }
            return parts.joined(separator: ":")
        case 5:
            // A `::` at a random place, maybe standing for nothing or twice.
            var parts = groups.map { String($0, radix: 16) }
            let start = r.below(8), length = r.below(8 - start + 1)
            parts.replaceSubrange(start..<start + length, with: [""])
            var text = parts.joined(separator: ":")
            if start == 0 { text = ":" + text }
            if start + length == 8 { text += ":" }
            if r.oneIn(10) { text += "::" }
            return text
        case 6:
            // Groups that are too long, too many or too few.
            var parts = groups.map { String($0, radix: 16) }
            switch r.below(3) {
            case 0: parts[r.below(8)] = "1" + String(repeating: "0", count: 4)
            case 1: parts.append("1")
            default: parts.removeLast()
            }
            return parts.joined(separator: ":")
        default:
            return address.description + r.pick(["%eth0", "%", "%25", "%1", "/", ":", "::", ".", " ", "\u{0}", "\u{1B}"])
        }
    }

    // MARK: Prefixes and tuples

    static func prefix(_ r: inout FuzzRandom) -> String {
        if r.oneIn(2) {
            // A valid prefix, often right at an edge (/0, /32, /128, the last subnet).
            let family: IPFamily = r.oneIn(3) ? .v4 : .v6
            let length = r.oneIn(3) ? r.pick([0, 1, family.bits - 1, family.bits, 64, 96, 112, 24, 16], or: 0) : r.below(family.bits + 1)
            var value = UInt128(truncatingIfNeeded: r.next()) << 64 | UInt128(truncatingIfNeeded: r.next())
            if r.oneIn(4) { value = family == .v4 ? 0xFFFF_FFFF : UInt128.max }
            let p = IPPrefix(masking: IPAddress(family: family, value: value), length: min(length, family.bits))
            if r.oneIn(5) { return p.network.description + "/" + String(p.length + r.below(3) + 1) }
            if r.oneIn(5) { return p.last.description + "/" + String(p.length) }
            return p.description
        }
        let length: String
        switch r.below(6) {
        case 0: length = r.pick(interestingNumbers)
        case 1: length = r.pick(["", "/", "64/64", " 64", "64 ", "+8", "٣", "0064", "1\u{0}"])
        default: length = String(r.below(140))
        }
        if r.oneIn(20) { return address(&r) }
        return address(&r) + "/" + length
    }

    static func tuple(_ r: inout FuzzRandom) -> String {
        let count = r.below(5)
        var parts: [String] = []
        for _ in 0..<count {
            var entry: String
            switch r.below(8) {
            case 0: entry = r.pick(["AUTOv6", "autov6", "AUTOv4", "AUTO", "AUTOv6 x"])
            case 1: entry = r.pick(oddStrings)
            default: entry = prefix(&r)
            }
            let pad = [" ", "", "\t", "  "]
            entry = r.pick(pad, or: "") + entry + r.pick(pad, or: "")
            parts.append(entry)
        }
        var text = parts.joined(separator: r.oneIn(10) ? ",," : ",")
        if r.oneIn(3) { text += "," }
        return text
    }

    static func template(_ r: inout FuzzRandom) -> String {
        let head = r.oneIn(10) ? r.pick(["", "<nodeprefix>", "nodePrefix", "<nodePrefix", " <nodePrefix>"]) : "<nodePrefix>"
        let offset = r.pick(["::f000:0", "::", ":f000:0", "f000:0", "::ffff:ffff", "::1.2.3.4", "1::", "::1:2:3:4:5:6:7",
                             "", ":::", "::g", v6(&r), v4(&r)])
        let length = r.oneIn(3) ? r.pick(interestingNumbers) : String(r.below(130))
        return head + offset + (r.oneIn(15) ? "" : "/") + length
    }

    /// A YAML value for a structure-aware replacement: scalars, lists, aliases, tuples.
    static func yamlValue(_ r: inout FuzzRandom) -> String {
        switch r.below(12) {
        case 0: return r.pick(interestingNumbers)
        case 1: return r.pick(oddStrings)
        case 2: return "[" + (0..<r.below(4)).map { _ in prefix(&r) }.joined(separator: ", ") + "]"
        case 3: return "\"" + tuple(&r) + "\""
        case 4: return r.pick(["{}", "[]", "~", "null", "*a", "&a 1", "!!str 5", "!!int x", "!!binary AAAA", "|\n  x", ">-\n  y",
                               "{a: [b, {c: d}]}", "[[[[[]]]]]", "'single ''quoted'''", "\"\\u001b[31m\"", "\"\\x85\"", "\"\\N\""])
        case 5: return address(&r)
        default: return r.oneIn(2) ? tuple(&r) : prefix(&r)
        }
    }

    /// A JSON string literal holding generated text (properly escaped, or now and then not).
    static func jsonString(_ r: inout FuzzRandom) -> String {
        let text: String
        switch r.below(4) {
        case 0: text = r.pick(oddStrings)
        case 1: text = address(&r)
        default: text = r.oneIn(2) ? prefix(&r) : tuple(&r)
        }
        if r.oneIn(8) { return "\"" + text + "\"" }
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if s.value < 0x20 { out += "\\u00" + (s.value < 0x10 ? "0" : "") + String(s.value, radix: 16) } else { out.unicodeScalars.append(s) }
            }
        }
        return out + "\""
    }
}

extension TextGenerators {
    /// Documents built to exhaust a reader: alias bombs, deep nesting, wide mappings.
    /// Anchors, aliases and merge keys in every place YAML allows them — values, block and flow
    /// keys, flow sequences used as keys, `<<` with one or several mappings, anchored keys —
    /// over a small alias bomb, inside a shoot: what must load or fail fast, never hang.
    static func aliasStructure(_ r: inout FuzzRandom) -> String {
        let levels = 2 + r.below(10), width = 2 + r.below(8)
        var lines = ["b0: &b0 {type: gcp, x: [1, 2]}", "s0: &s0 plain"]
        for l in 1..<levels {
            lines.append("b\(l): &b\(l) [" + Array(repeating: "*b\(l - 1)", count: width).joined(separator: ", ") + "]")
        }
        let top = "*b\(r.below(levels))"
        let shapes = [
            "k1: \(top)", "\(top): 1", "k2: {\(top) : 1}", "[\(top)]: 2", "&k [x, \(top)]: 3", "k3: {a: 1, \(top): 2}",
            "m1:\n  <<: *b0\n  type: aws", "m2: {<<: [*b0, {y: 1}], z: 2}", "m3:\n  <<: \(top)", "m4:\n  <<: *s0",
            "k4: [*s0, *s0, {*s0 : 1}]", "? \(top)\n: 5", "k5: &a6 {<<: *b0}\nk6: {<<: *a6}",
        ]
        for _ in 0..<(1 + r.below(4)) { lines.append(r.pick(shapes, or: "k: 1")) }
        return "kind: Shoot\nmetadata: {name: x}\nspec:\n  provider: {type: aws}\n" + lines.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n  ") }.joined(separator: "\n") + "\n"
    }

    static func bomb(_ r: inout FuzzRandom, json: Bool) -> String {
        let depth = 1 + r.below(r.oneIn(4) ? 20_000 : 1200)
        switch r.below(json ? 2 : 4) {
        case 0:
            return String(repeating: "[", count: depth) + String(repeating: "]", count: r.oneIn(2) ? depth : r.below(depth))
        case 1:
            let body = (0..<(1 + r.below(3000))).map { "\"k\($0 % (1 + r.below(50)))\": \($0)" }.joined(separator: ",")
            return json ? "{\(body)}" : "kind: Shoot\nx: {\(body.replacingOccurrences(of: "\"", with: ""))}"
        case 2:
            // Billion laughs: each level refers to the previous one `width` times.
            let width = 2 + r.below(9), levels = 2 + r.below(12)
            var lines = ["a0: &a0 [\"lol\"]"]
            for l in 1..<levels {
                lines.append("a\(l): &a\(l) [" + Array(repeating: "*a\(l - 1)", count: width).joined(separator: ", ") + "]")
            }
            return "kind: Shoot\nmetadata: {name: x}\nspec: {provider: {type: aws}}\n" + lines.joined(separator: "\n")
        default:
            return String(repeating: "- ", count: min(depth, 3000)) + "x"
        }
    }
}
