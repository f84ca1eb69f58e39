import Addressing

/// One entry of a `nodes`, `pods` or `services` tuple as the user wrote it.
///
/// Entries are kept even when they are wrong, so the engine can report them as diagnostics
/// (with the place they were typed) and the UI can show and fix them.
public struct CIDRSlot: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        /// A valid, canonical prefix.
        case prefix(IPPrefix)
        /// `AUTOv6`: the provider assigns the IPv6 range at runtime.
        case auto
        /// Text that is not a canonical prefix, and why.
        case invalid(AddressParseError)
    }

    /// The keyword for a provider-assigned IPv6 range.
    public static let autoKeyword = "AUTOv6"

    public var value: Value
    /// The text as typed (trimmed).
    public var text: String
    public var location: SourceLocation?

    public init(value: Value, text: String, location: SourceLocation? = nil) {
        self.value = value
        self.text = text
        self.location = location
    }

    /// Parses one entry: `AUTOv6` or a strict canonical CIDR.
    public init(parsing text: String, location: SourceLocation? = nil) {
        let t = text.trimmingSpaces
        self.text = t
        self.location = location
        if t == Self.autoKeyword {
            value = .auto
        } else {
            switch AddressParser.parsePrefix(Substring(t)) {
            case .success(let p): value = .prefix(p)
            case .failure(let e): value = .invalid(e)
            }
        }
    }

    // Inlinable, as are isAuto and family: the planner asks them of every entry of every
    // planned shoot, and a call from another module copied the entry (and its text) first.
    @inlinable public var prefix: IPPrefix? {
        if case .prefix(let p) = value { return p }
        return nil
    }

    @inlinable public var isAuto: Bool { if case .auto = value { true } else { false } }

    /// The family this entry speaks for; AUTOv6 counts as IPv6, invalid entries as none.
    @inlinable public var family: IPFamily? {
        switch value {
        case .prefix(let p): p.family
        case .auto: .v6
        case .invalid: nil
        }
    }

    /// Splits the proposal's tuple notation (`AUTOv6, 100.128.0.0/11,`) into entries.
    /// Empty items (a trailing comma) are dropped.
    public static func parseTuple(_ text: String, location: SourceLocation? = nil) -> [CIDRSlot] {
        // Most fields hold one CIDR with nothing around it: one entry, where the split below
        // would make it once more.
        if !text.isEmpty, !text.utf8.contains(UInt8(ascii: ",")), !text.hasSpaceAtAnEnd {
            return [CIDRSlot(parsing: text, location: location)]
        }
        var out: [CIDRSlot] = []
        var column = location?.column ?? 0
        // Columns count Unicode scalars (as locations do everywhere), and the lead skipped
        // is exactly what `trimmingSpaces` removes, so each location points at its entry.
        for part in text.unicodeScalars.split(separator: ",", omittingEmptySubsequences: false) {
            let lead = part.prefix(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).count
            let item = String(Substring(part)).trimmingSpaces
            if !item.isEmpty {
                var loc = location
                loc?.column = column + lead
                out.append(CIDRSlot(parsing: item, location: loc))
            }
            column += part.count + 1
        }
        return out
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        if !hasSpaceAtAnEnd { return self }
        // By scalar: "\r\n" is one Character, and a space may carry a combining mark.
        var s = Substring(self).unicodeScalars
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(Substring(s))
    }

    /// Whether the first or last byte is a space, tab or line break (what
    /// ``trimmingSpaces`` removes).
    var hasSpaceAtAnEnd: Bool {
        func isSpace(_ b: UInt8?) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        return isSpace(utf8.first) || isSpace(utf8.last)
    }
}
