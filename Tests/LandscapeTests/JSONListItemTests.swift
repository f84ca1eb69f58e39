import Foundation
import Loading
import Spec
import Testing

/// A JSON List is read one item at a time; everything it yields — every value and every
/// FILE:LINE:COL — must be what reading the whole document at once yields. The whole-document
/// reader is forced by a top-level key the item scan does not take (an escaped one), put
/// after the items so no position moves.
@Suite struct JSONListItemTests {
    static let forceWhole = #", "k\u0069nd2": 1"#

    /// kubectl's pretty form (multi-line, two-space indentation) with non-ASCII text before
    /// values on their lines, so columns must count Unicode scalars.
    static func pretty(_ items: [String]) -> String {
        "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n" + items.joined(separator: ",\n") + "\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {\"resourceVersion\": \"\"}}"
    }

    static func shoot(_ i: Int, v6: String) -> String {
        """
                {
                    "apiVersion": "core.gardener.cloud/v1beta1", "kind": "Shoot",
                    "metadata": {"name": "s\(i)", "namespace": "garden-ü\(i % 3)", "annotations": {"note": "grüße, 日本"}},
                    "spec": {"seedName": "seed-a", "provider": {"type": "aws", "workers": [{"name": "w", "minimum": 1, "maximum": 3, "zones": ["eu-1a"]}]},
                             "networking": {"type": "calico", "ipFamilies": ["IPv4", "IPv6"], "nodes": "10.250.0.0/16", "pods": "100.96.0.0/11", "services": "100.64.0.0/13", "providerConfig": {"overlay": {"enabled": false}}}},
                    "status": {"networking": {"nodes": ["10.250.0.0/16", "\(v6)"], "pods": ["日本", "100.96.0.0/11", "\(v6)"]}}
                }
        """
    }

    static func whole(_ text: String) -> String {
        var t = text
        t.removeLast()   // the final "}"
        return t + forceWhole + "}"
    }

    @Test func itemsReadAloneEqualTheWholeDocument() throws {
        let items = (0..<5).map { Self.shoot($0, v6: "2001:db8:0:\($0)00::/56") } + [#"{"kind": "ConfigMap", "metadata": {"name": "c"}}"#]
        let text = Self.pretty(items).replacingOccurrences(of: "\"日本\", ", with: "")
        let alone = try LandscapeLoader.parse([("l.json", text)])
        let together = try LandscapeLoader.parse([("l.json", Self.whole(text))])
        #expect(alone.shoots.count == 5)
        #expect(alone == together)
        // Compact too, as a JSON stream writer would print it.
        let compact = "{\"apiVersion\":\"v1\",\"items\":[" + items.joined(separator: ",").replacingOccurrences(of: "\n", with: "")
            .replacingOccurrences(of: "\"日本\", ", with: "") + "],\"kind\":\"List\"}"
        #expect(try LandscapeLoader.parse([("c.json", compact)]) == LandscapeLoader.parse([("c.json", Self.whole(compact))]))
    }

    @Test func anErrorInAnItemIsPlacedAsInTheWholeDocument() throws {
        // "日本" is not a CIDR: a load error in status.networking.pods, after non-ASCII text.
        let text = Self.pretty([Self.shoot(0, v6: "2001:db8::/56"), Self.shoot(1, v6: "2001:db8:0:100::/56")])
        var alone: LoadError?, together: LoadError?
        do { _ = try LandscapeLoader.parse([("l.json", text)]) } catch { alone = error }
        do { _ = try LandscapeLoader.parse([("l.json", Self.whole(text))]) } catch { together = error }
        #expect(alone != nil)
        #expect(alone == together)
        #expect(alone?.line == 9)   // the first shoot's status
        // A syntax error inside an item.
        let broken = text.replacingOccurrences(of: "\"minimum\": 1,", with: "\"minimum\": 1,,")
        var a: LoadError?, b: LoadError?
        do { _ = try LandscapeLoader.parse([("l.json", broken)]) } catch { a = error }
        do { _ = try LandscapeLoader.parse([("l.json", Self.whole(broken))]) } catch { b = error }
        #expect(a != nil)
        #expect(a == b)
    }

    /// Files are mapped and read item by item (pages let go of behind): the same values and
    /// the same error places as the whole document read from memory.
    @Test func aMappedFileReadsAsTheWholeDocument() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("landscape-map-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let items = (0..<7).map { Self.shoot($0, v6: "2001:db8:0:\($0)00::/56") }
        let good = Self.pretty(items).replacingOccurrences(of: "\"日本\", ", with: "")
        let file = dir.appendingPathComponent("good.json").path
        try "\u{FEFF}\(good)".write(toFile: file, atomically: true, encoding: .utf8)
        let mapped = try LandscapeLoader.load(paths: [file])
        let whole = try LandscapeLoader.parse([(file, "\u{FEFF}" + Self.whole(good))])
        #expect(mapped.shoots.count == 7)
        #expect(mapped == whole)
        let bad = dir.appendingPathComponent("bad.json").path
        try Self.pretty(items).write(toFile: bad, atomically: true, encoding: .utf8)
        var a: LoadError?, b: LoadError?
        do { _ = try LandscapeLoader.load(paths: [bad]) } catch { a = error }
        do { _ = try LandscapeLoader.parse([(bad, Self.whole(Self.pretty(items)))]) } catch { b = error }
        #expect(a != nil)
        #expect(a == b)
    }

    /// A mapped list's shoots are picked by the `kind` the item scan reads; an item whose kind
    /// the scan cannot read (an escaped key, no kind, two kinds) is read whole to tell, so it
    /// is sorted (or refused) exactly as the whole-document reader would.
    @Test func itemKindsTheScanCannotReadAreReadWhole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("landscape-kind-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func clean(_ item: String) -> String { item.replacingOccurrences(of: "\"日本\", ", with: "") }
        let plain = clean(Self.shoot(0, v6: "2001:db8::/56"))
        let escapedKind = clean(Self.shoot(1, v6: "2001:db8:0:100::/56"))
            .replacingOccurrences(of: #""kind": "Shoot""#, with: #""k\u0069nd": "Shoot""#)
        let items = [plain, escapedKind, #"{"kind": "ConfigMap", "metadata": {"name": "c"}}"#, #"{"metadata": {"name": "x"}}"#]
        let file = dir.appendingPathComponent("kinds.json").path
        try Self.pretty(items).write(toFile: file, atomically: true, encoding: .utf8)
        let mapped = try LandscapeLoader.load(paths: [file])
        #expect(mapped.shoots.map(\.name) == ["s0", "s1"])
        #expect(mapped.skipped.map(\.kind) == ["ConfigMap", ""])
        #expect(mapped == (try LandscapeLoader.parse([(file, Self.whole(Self.pretty(items)))])))

        let twice = plain.replacingOccurrences(of: #""kind": "Shoot""#, with: #""kind": "Shoot", "kind": "Shoot""#)
        let bad = dir.appendingPathComponent("twice.json").path
        try Self.pretty([twice]).write(toFile: bad, atomically: true, encoding: .utf8)
        var a: LoadError?, b: LoadError?
        do { _ = try LandscapeLoader.load(paths: [bad]) } catch { a = error }
        do { _ = try LandscapeLoader.parse([(bad, Self.whole(Self.pretty([twice])))]) } catch { b = error }
        #expect(a != nil)
        #expect(a == b)
    }
}
