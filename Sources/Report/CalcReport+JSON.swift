import Addressing

extension CalcReport {
    /// One JSON object: the contract fields `cidr, family, prefixLength, network, first, last,
    /// addresses` (a decimal string), then extras; `subnets` with a split, `contains` with a
    /// containment test.
    public func writeJSON(to out: inout some TextOutputStream) {
        let p = prefix
        var fields: [(String, String)] = [
            ("cidr", Self.string("\(p)")),
            ("family", Self.string("\(p.family)")),
            ("prefixLength", "\(p.length)"),
            ("network", Self.string("\(p.network)")),
            ("first", Self.string("\(p.first)")),
            ("last", Self.string("\(p.last)")),
            ("addresses", Self.string(p.addressCountText)),
            ("netmask", Self.string("\(p.netmask)")),
            ("firstUsable", Self.string("\(p.firstUsable)")),
            ("lastUsable", Self.string("\(p.lastUsable)")),
            ("usableAddresses", Self.string("\(p.usableAddressCount)")),
            ("nibbleAligned", "\(p.isNibbleAligned)"),
            ("specialRanges", specialRangesJSON),
        ]
        if let c = containment { fields.append(("contains", "\(c.result)")) }
        if let s = split {
            fields.append(("subnetLength", "\(s.length)"))
            fields.append(("subnetsTotal", Self.string(s.total(of: p))))
            fields.append(("subnetsListed", "\(s.listed(of: p))"))
            fields.append(("subnetsTruncated", "\(String(s.listed(of: p)) != s.total(of: p))"))
        }
        out.write("{\n")
        for (i, (key, value)) in fields.enumerated() {
            out.write("  \(Self.string(key)): \(value)\(i == fields.count - 1 && split == nil ? "" : ",")\n")
        }
        if let s = split {
            var first = true
            out.write("  \"subnets\": [")
            forEachListedSubnet(s) { subnet in
                out.write((first ? "\n    " : ",\n    ") + Self.string("\(subnet)"))
                first = false
            }
            out.write(first ? "]\n" : "\n  ]\n")
        }
        out.write("}\n")
    }

    private var specialRangesJSON: String {
        let items = prefix.specialRanges.map { m in
            "{\"name\": \(Self.string(m.range.name)), \"prefix\": \(Self.string("\(m.range.prefix)")), "
                + "\"rfc\": \(Self.string(m.range.rfc)), \"relation\": \(Self.string(m.relation.rawValue))}"
        }
        return items.isEmpty ? "[]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]"
    }

    /// A JSON string literal.
    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20:
                let hex = String(u.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
