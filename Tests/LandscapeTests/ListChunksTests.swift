import Bytes
import Spec
import TestSupport
import Testing
@testable import Loading

/// A JSON List whose first item is a Shoot is read in chunks while it is planned, each chunk
/// from a guessed item start. Whatever the list holds — decoys of item boundaries in strings,
/// nested arrays of objects that open with `"apiVersion"`, non-ASCII text, items larger than
/// the reader's first tape, seeds and other kinds among the shoots — the shoots, their places
/// (FILE:LINE:COL), the seeds and the skipped documents must be exactly those of scanning the
/// list first (``LandscapeLoader/load(paths:)``), and a malformed list must fail the same way.
@Suite("List read in chunks")
struct ListChunksTests {
    enum Shape: CaseIterable { case pretty, compact }

    /// A shoot item; `variant` adds what may mislead a chunk's guess or its reader.
    private static func shoot(_ i: Int, variant: Int, shape: Shape) -> String {
        let extra: String
        switch variant % 5 {
        case 0: extra = ""
        // A string that holds what looks like an item boundary.
        case 1: extra = #", "annotations": {"note": "}, {\"apiVersion\": \"v1\", \"kind\": \"Shoot\"} grüße 日本"}"#
        // A nested array of objects that open with apiVersion (ownerReferences do).
        case 2: extra = #", "ownerReferences": [{"apiVersion": "v1", "kind": "Shoot", "name": "x"}, {"apiVersion": "v1", "kind": "Shoot", "name": "y"}]"#
        // A large item: its tape outgrows the first one the reader allocates.
        case 3: extra = #", "labels": {"# + (0..<400).map { #""l\#($0)": "v""# }.joined(separator: ", ") + "}"
        default: extra = #", "annotations": {"ü": "日本語のテキスト"}"#
        }
        let item = #"{"apiVersion": "core.gardener.cloud/v1beta1", "kind": "Shoot", "metadata": {"name": "s\#(i)", "namespace": "garden-ü\#(i % 3)"\#(extra)}, "spec": {"seedName": "seed-a", "provider": {"type": "aws", "workers": [{"name": "w", "minimum": 1, "maximum": 3, "zones": ["eu-1a"]}]}, "networking": {"type": "calico", "ipFamilies": ["IPv4", "IPv6"], "nodes": "10.250.0.0/16", "pods": "100.96.0.0/11", "services": "100.64.0.0/13"}}, "status": {"networking": {"pods": ["100.96.0.0/11", "2001:db8:0:\#(String(i, radix: 16))00::/56"]}}}"#
        return shape == .pretty ? pretty(item) : item
    }

    /// kubectl's layout: a line per key, nested objects indented (six spaces for the item).
    private static func pretty(_ item: String) -> String {
        item.replacingOccurrences(of: #"{"apiVersion""#, with: "{\n        \"apiVersion\"")
            .replacingOccurrences(of: #", "spec""#, with: ",\n        \"spec\"")
            .replacingOccurrences(of: #", "status""#, with: ",\n        \"status\"")
            .replacingOccurrences(of: #"}}}"#, with: "}}\n    }")
    }

    private static func other(_ i: Int) -> String {
        i % 2 == 0 ? #"{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c\#(i)"}}"#
                   : #"{"apiVersion": "core.gardener.cloud/v1beta1", "kind": "Seed", "metadata": {"name": "seed-\#(i)"}, "spec": {"networks": {"nodes": "10.240.0.0/16", "pods": "10.241.0.0/16", "services": "10.242.0.0/16"}}}"#
    }

    private static func list(_ items: [String], shape: Shape) -> String {
        shape == .pretty
            ? "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n    " + items.joined(separator: ",\n    ") + "\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {\"resourceVersion\": \"\"}\n}\n"
            : #"{"apiVersion": "v1", "kind": "List", "items": ["# + items.joined(separator: ", ") + "]}"
    }

    /// What reading in chunks yields: every unit read (last first, as another thread might),
    /// and whether the list was read in chunks and they were taken as read; when not, the
    /// rescanned landscape's.
    private static func readInChunks(_ path: String, chunkBytes: Int) throws(LoadError) -> (input: LandscapeInput, accepted: Bool, byIndex: [Shoot]) {
        var (input, shoots) = try LandscapeLoader.open(paths: [path], chunkBytes: chunkBytes)
        var accepted = shoots.parts.contains { if case .chunked = $0 { true } else { false } }
        while true {
            var perUnit = [[Shoot]](repeating: [], count: shoots.unitCount)
            for u in (0..<shoots.unitCount).reversed() { shoots.read(unit: u) { perUnit[u].append($0) } }
            if try shoots.finishReading() {
                input.shoots = perUnit.flatMap { $0 }
                var byIndex: [Shoot] = []
                for i in 0..<shoots.count { byIndex.append(try shoots.shoot(i).get()) }
                return (input, accepted, byIndex)
            }
            accepted = false
            (input, shoots) = try LandscapeLoader.rescan(shoots)
        }
    }

    @Test("the same shoots, places, seeds and skipped documents as scanning the list", arguments: Shape.allCases)
    func sameAsScanning(shape: Shape) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var taken = 0
        for seed in 0..<40 {
            var rng = SplitMix64(seed: UInt64(seed))
            let count = Int.random(in: 1...40, using: &rng)
            // Every fourth list also holds seeds or other kinds, which only a scan can sort.
            let mixed = seed % 4 == 3
            let items = (0..<count).map { i in
                mixed && Int.random(in: 0..<5, using: &rng) == 0 ? Self.other(i)
                                                               : Self.shoot(i, variant: Int.random(in: 0..<5, using: &rng), shape: shape)
            }
            // Some files start with a byte order mark: places count from after it.
            let file = try scratch.write("l\(seed).json", (seed % 5 == 0 ? "\u{FEFF}" : "") + Self.list(items, shape: shape))
            let scanned = try LandscapeLoader.load(paths: [file])
            let chunkBytes = [64, 300, 1000, 1 << 20][seed % 4]
            let chunked = try Self.readInChunks(file, chunkBytes: chunkBytes)
            #expect(chunked.input == scanned, "seed \(seed)")
            #expect(chunked.byIndex == scanned.shoots, "seed \(seed)")
            let onlyShoots = scanned.seeds.isEmpty && scanned.skipped.isEmpty
            if !onlyShoots { #expect(!chunked.accepted, "seed \(seed): a list with other kinds is scanned") }
            // A list whose first item is not a Shoot is scanned at once.
            if !items[0].contains(#""kind": "Shoot""#) { #expect(!chunked.accepted) }
            // Pretty lists are guessed by their indentation, so a nested array never misleads.
            if onlyShoots && shape == .pretty { #expect(chunked.accepted, "seed \(seed)") }
            if chunked.accepted { taken += 1 }
        }
        #expect(taken >= 15)
    }

    /// A guess inside a nested array whose elements are whole Shoots: the chunk that starts
    /// there reads them as items, but the chunk before does not end there.
    @Test("a chunk started inside an item is dropped")
    func nestedShoots() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let inner = Self.shoot(90, variant: 0, shape: .compact)
        let nested = Self.shoot(0, variant: 0, shape: .compact)
            .replacingOccurrences(of: #""metadata": {"#, with: #""x": [\#(inner), \#(inner)], "metadata": {"#)
        let items = [nested] + (1..<6).map { Self.shoot($0, variant: 0, shape: .compact) }
        let file = try scratch.write("nested.json", Self.list(items, shape: .compact))
        let scanned = try LandscapeLoader.load(paths: [file])
        for chunkBytes in [16, 200, 400] {
            let chunked = try Self.readInChunks(file, chunkBytes: chunkBytes)
            #expect(chunked.input == scanned)
            #expect(chunked.byIndex == scanned.shoots)
        }
        #expect(scanned.shoots.count == 6)
    }

    @Test("a malformed list fails as when it is scanned", arguments: 0..<16)
    func malformed(seed: Int) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        var rng = SplitMix64(seed: UInt64(500 + seed))
        let shape: Shape = seed % 2 == 0 ? .pretty : .compact
        let items = (0..<20).map { Self.shoot($0, variant: Int.random(in: 0..<5, using: &rng), shape: shape) }
        var text = Array(Self.list(items, shape: shape).utf8)
        // Break something in the second half: a bracket, a quote, or a worker's minimum (a
        // decode error).
        switch seed % 3 {
        case 0:
            let brackets = text.indices.filter { $0 > text.count / 2 && (text[$0] == UInt8(ascii: "}") || text[$0] == UInt8(ascii: "]")) }
            text.remove(at: brackets[Int.random(in: 0..<brackets.count, using: &rng)])
        case 1:
            let quotes = text.indices.filter { $0 > text.count / 2 && text[$0] == UInt8(ascii: "\"") }
            text.remove(at: quotes[Int.random(in: 0..<quotes.count, using: &rng)])
        default:
            let minimums = text.indices.filter { $0 > text.count / 2 && text[$0...].starts(with: Array(#""minimum": 1"#.utf8)) }
            text[minimums[Int.random(in: 0..<minimums.count, using: &rng)] + 11] = UInt8(ascii: "x")
        }
        let file = try scratch.write("bad.json", bytes: text)
        var scannedError: LoadError?, chunkedError: LoadError?
        do { _ = try LandscapeLoader.load(paths: [file]) } catch { scannedError = error }
        do { _ = try Self.readInChunks(file, chunkBytes: 300) } catch { chunkedError = error }
        #expect(scannedError != nil)
        #expect(chunkedError == scannedError)
    }

    /// The places the chunks start at carry the lines and columns that scanning counts to
    /// them: the items' places are compared above; here the counting itself, on buffers with
    /// lines, non-ASCII text and lengths around the vector loop's bounds.
    @Test("counting lines and continuation bytes", arguments: [0, 1, 15, 16, 17, 4079, 4080, 4081, 9000])
    func counting(length: Int) {
        var rng = SplitMix64(seed: UInt64(length))
        let alphabet: [UInt8] = [0x0A, 0x20, 0x41, 0xC3, 0xBC, 0xE6, 0x97, 0xA5, 0x22]
        let bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
        ByteSpan.with(bytes) { span in
            #expect(span.count(of: 0x0A) == bytes.filter { $0 == 0x0A }.count)
            #expect(span.countContinuationBytes() == bytes.filter { $0 & 0xC0 == 0x80 }.count)
            for end in [0, length / 3, length / 2, length] {
                #expect(span.span(0..<end).lastIndex(of: 0x0A) == bytes[..<end].lastIndex(of: 0x0A))
            }
        }
    }
}
