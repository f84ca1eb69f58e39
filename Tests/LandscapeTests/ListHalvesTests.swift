import Bytes
import TestSupport
import Testing
@testable import Loading

/// A large list is scanned in two halves at once, the second from a guessed item start. The
/// items — places, lines, columns, kinds — must be exactly those of one scan from the start,
/// whether the guess is right, wrong (the guessed bytes inside a string or a nested array) or
/// missing, and a malformed list must fail the same way.
@Suite("List scanned in two halves")
struct ListHalvesTests {
    /// Items a generator can mix: plain shoots, items whose strings hold what looks like an
    /// item boundary, nested arrays of objects, non-ASCII text, other kinds.
    private static func item(_ i: Int, _ rng: inout some RandomNumberGenerator) -> String {
        let decoys = [#"}, {\"apiVersion\": \"x\"}"#, "ü}, {日本", #"}, {"#, "plain"]
        let decoy = decoys[Int.random(in: 0..<decoys.count, using: &rng)]
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            return #"{"apiVersion": "core.gardener.cloud/v1beta1", "kind": "Shoot", "metadata": {"name": "s\#(i)", "note": "\#(decoy)"}}"#
        case 1:
            return #"{"apiVersion": "v1", "kind": "Shoot", "status": {"conditions": [{"apiVersion": "a"}, {"apiVersion": "b"}, {"type": "c"}]}}"#
        case 2:
            return "{\n      \"apiVersion\": \"v1\",\n      \"kind\": \"ConfigMap\",\n      \"data\": {\"k\": \"grüße \(decoy)\"}\n    }"
        default:
            return #"{"kind": "Seed", "apiVersion": "core.gardener.cloud/v1beta1", "spec": [1, 2, {"x": []}]}"#
        }
    }

    private static func list(_ items: [String], pretty: Bool) -> [UInt8] {
        let text = pretty
            ? "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n    " + items.joined(separator: ",\n    ") + "\n    ],\n    \"kind\": \"List\"\n}\n"
            : #"{"apiVersion": "v1", "items": ["# + items.joined(separator: ", ") + #"], "kind": "List"}"#
        return Array(text.utf8)
    }

    private static func split(_ bytes: [UInt8], halvesAbove: Int) -> [JSONListItems.Item]? {
        ByteSpan.with(bytes) { JSONListItems.split($0, from: 0, halvesAbove: halvesAbove) }
    }

    @Test("the same items as one scan, for lists of every shape")
    func sameItems() {
        var guessedRight = 0
        for seed in 0..<60 {
            var rng = SplitMix64(seed: UInt64(seed))
            let count = Int.random(in: 1...60, using: &rng)
            let items = (0..<count).map { Self.item($0, &rng) }
            let bytes = Self.list(items, pretty: pretty(seed))
            let whole = Self.split(bytes, halvesAbove: .max)
            #expect(whole?.count == count)
            #expect(Self.split(bytes, halvesAbove: 0) == whole, "seed \(seed)")
            // How often the second half was taken (its guess an item's start), so that both
            // ways are tested.
            let first = whole?.first?.start ?? 0
            let indent = pretty(seed) ? 4 : nil
            let guess = ByteSpan.with(bytes) { JSONListItems.guessItemStart($0, from: first + (bytes.count - first) / 2, indent: indent) }
            if let guess, whole?.contains(where: { $0.start == guess }) == true { guessedRight += 1 }
        }
        #expect(guessedRight >= 10)
    }

    private func pretty(_ seed: Int) -> Bool { seed % 2 == 0 }

    /// A list whose middle lies in a string that looks like two items: the guess is wrong,
    /// and the first scan goes on alone.
    @Test("a wrong guess is dropped")
    func wrongGuess() {
        let decoy = String(repeating: #"}, {\"apiVersion\": 1} "#, count: 40)
        let items = [#"{"apiVersion": "v1", "kind": "Shoot", "note": "\#(decoy)"}"#, #"{"apiVersion": "v1", "kind": "Seed"}"#]
        let bytes = Self.list(items, pretty: false)
        let whole = Self.split(bytes, halvesAbove: .max)
        #expect(whole?.count == 2)
        #expect(Self.split(bytes, halvesAbove: 0) == whole)
    }

    @Test("a malformed list fails either way", arguments: 0..<12)
    func malformed(seed: Int) {
        var rng = SplitMix64(seed: UInt64(1000 + seed))
        let items = (0..<30).map { Self.item($0, &rng) }
        var bytes = Self.list(items, pretty: seed % 2 == 0)
        // Cut a bracket or a quote in the second half: one scan fails, so must two.
        let at = bytes.count / 2 + Int.random(in: 0..<(bytes.count / 3), using: &rng)
        guard let k = bytes[at...].firstIndex(where: { [UInt8(ascii: "}"), UInt8(ascii: "\"")].contains($0) }) else { return }
        bytes.remove(at: k)
        #expect(Self.split(bytes, halvesAbove: 0) == Self.split(bytes, halvesAbove: .max))
    }
}
