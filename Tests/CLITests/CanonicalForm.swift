import Addressing

/// Checks that addresses and prefixes in output are written canonically (RFC 5952: lower case,
/// the longest zero run compressed, a single zero group not compressed; IPv4 dotted decimal).
///
/// Uses the Addressing parser to read a token and its formatter as the reference; the
/// formatter's RFC 5952 rules are tested in AddressingTests.
enum CanonicalForm {
    /// True when `text` is a prefix (host bits zero) written canonically.
    static func isCanonicalPrefix(_ text: String) -> Bool {
        IPPrefix(text)?.description == text
    }

    /// True when `text` is an address written canonically.
    static func isCanonicalAddress(_ text: String) -> Bool {
        IPAddress(text)?.description == text
    }

    /// Every token in free text (a message, a diagram) that parses as an address or a prefix but
    /// is not written canonically, with its canonical form. Tokens that are not addresses are
    /// ignored. A prefix with host bits set is judged by its address part (messages quote such
    /// input on purpose: "10.250.0.1/16: host bits set").
    static func nonCanonicalTokens(in text: String) -> [String] {
        var bad: [String] = []
        for raw in tokens(text) {
            for candidate in trimmedVariants(raw) {
                let (address, length) = split(candidate)
                guard let parsed = IPAddress(address), lengthIsPlain(length) else { continue }
                if parsed.description != address { bad.append("\(candidate) (canonical: \(parsed)\(length.map { "/\($0)" } ?? ""))") }
                break
            }
        }
        return bad
    }

    private static let separators: Set<Character> = [" ", "\n", "\t", ",", ";", "=", "(", ")", "[", "]", "{", "}", "\"", "'", "~", "│", "|"]

    private static func tokens(_ text: String) -> [Substring] {
        text.split(whereSeparator: { separators.contains($0) })
    }

    /// The token itself, then without trailing sentence punctuation (`2001:db8::b4:` ends a clause).
    private static func trimmedVariants(_ token: Substring) -> [String] {
        var out = [String(token)]
        var t = token
        while let last = t.last, ".:?!".contains(last) {
            t = t.dropLast()
            out.append(String(t))
        }
        return out
    }

    private static func split(_ token: String) -> (String, String?) {
        guard let slash = token.firstIndex(of: "/") else { return (token, nil) }
        return (String(token[..<slash]), String(token[token.index(after: slash)...]))
    }

    private static func lengthIsPlain(_ length: String?) -> Bool {
        guard let length else { return true }
        return !length.isEmpty && length.allSatisfy(\.isASCII) && length.allSatisfy(\.isNumber)
    }
}
