/// Byte-level mutations in the style of libFuzzer's: bit flips, odd bytes, insertions,
/// deletions, repeated chunks, dictionary tokens and splices with another input.
struct ByteMutator {
    /// Inputs never grow beyond this many bytes.
    let maxLength: Int

    static let dictionary: [[UInt8]] = [
        "::", ":", "/", "%", ",", ", ", ".", "AUTOv6", "<nodePrefix>", "::ffff:", "/0", "/32", "/128", "/129", "255", "256",
        "0x", "- ", ": ", "\n", "\r\n", "\t", "---\n", "...\n", "#", "&a ", "*a", "? ", "!!str ", "|\n", ">\n", "\"", "'",
        "\\", "\\u", "\\ud800", "\\u0000", "{", "}", "[", "]", "null", "true", "1e400", "99999999999999999999", "-1",
        "kind: ", "Shoot", "NodeList", "List", "Node", "Seed", "ShootnetSettings", "routes", "podCIDRs", "InternalIP",
        "\u{1B}[31m", "\u{202E}", "\u{FEFF}", "\u{85}", "\u{2028}", "é", "🙂",
    ].map { Array($0.utf8) }

    static let interestingBytes: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x20, 0x22, 0x23, 0x25, 0x27, 0x2C, 0x2D, 0x2E,
                                            0x2F, 0x30, 0x3A, 0x5B, 0x5C, 0x5D, 0x7B, 0x7D, 0x7F, 0x80, 0xBF, 0xC0, 0xC2,
                                            0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFE, 0xFF]

    func mutate(_ input: [UInt8], rounds: Int, using r: inout FuzzRandom, other: [UInt8]) -> [UInt8] {
        var b = input
        for _ in 0..<max(1, rounds) { step(&b, &r, other) }
        if b.count > maxLength { b.removeLast(b.count - maxLength) }
        return b
    }

    private func step(_ b: inout [UInt8], _ r: inout FuzzRandom, _ other: [UInt8]) {
        let n = b.count
        switch r.below(11) {
        case 0 where n > 0:
            b[r.below(n)] ^= UInt8(1) << UInt8(r.below(8))
        case 1 where n > 0:
            b[r.below(n)] = r.oneIn(2) ? UInt8(truncatingIfNeeded: r.next()) : r.pick(Self.interestingBytes, or: 0)
        case 2 where n > 0:
            let at = r.below(n), length = min(n - at, 1 + r.below(r.oneIn(8) ? 256 : 8))
            b.removeSubrange(at..<at + length)
        case 3:
            let count = 1 + r.below(8)
            b.insert(contentsOf: (0..<count).map { _ in UInt8(truncatingIfNeeded: r.next()) }, at: r.below(n + 1))
        case 4, 5:
            b.insert(contentsOf: r.pick(Self.dictionary, or: []), at: r.below(n + 1))
        case 6 where n > 0:
            // Repeat a chunk: deep nesting, long lines, many entries.
            let at = r.below(n), length = min(n - at, 1 + r.below(32))
            let chunk = Array(b[at..<at + length])
            let times = 1 + r.below(r.oneIn(10) ? 2000 : 8)
            var grown: [UInt8] = []
            grown.reserveCapacity(min(maxLength, chunk.count * times))
            for _ in 0..<times where grown.count < maxLength { grown += chunk }
            b.insert(contentsOf: grown, at: at)
        case 7 where !other.isEmpty:
            // Splice: a piece of another input in place of a piece of this one.
            let from = r.below(other.count), length = min(other.count - from, 1 + r.below(512))
            let at = r.below(n + 1), cut = min(n - at, r.below(64))
            b.replaceSubrange(at..<at + cut, with: other[from..<from + length])
        case 8 where n > 0:
            b.removeLast(r.below(n))
        case 9 where n > 1:
            let i = r.below(n), j = r.below(n)
            b.swapAt(i, j)
        default:
            // Replace a run of digits with an interesting number.
            guard n > 0 else { b += r.pick(Self.dictionary, or: []); return }
            var i = r.below(n)
            var tries = 0
            while tries < 64 && !(b[i] >= 0x30 && b[i] <= 0x39) { i = (i + 1) % n; tries += 1 }
            var end = i
            while end < n && b[end] >= 0x30 && b[end] <= 0x39 { end += 1 }
            b.replaceSubrange(i..<end, with: Array(r.pick(TextGenerators.interestingNumbers).utf8))
        }
    }
}
