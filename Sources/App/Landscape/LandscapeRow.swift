import Addressing
import IPAM

/// One line of the landscape view: a seed or a shoot, its IPv6 ranges, its own findings and
/// the IPv6 collisions it is part of.
public struct LandscapeRow: Equatable, Sendable {
    public enum Kind: String, Sendable { case seed, shoot }

    public var kind: Kind
    public var ref: ObjectRef
    /// `NAMESPACE/NAME` for a shoot, the name for a seed.
    public var name: String
    /// The seed a shoot runs on; a seed's own name.
    public var seed: String?
    /// The IPv6 ranges, as `pods 2001:db8::/64`.
    public var ipv6: [String]
    /// The shoot's own findings (0 for seeds).
    public var errors: Int
    public var warnings: Int
    /// Landscape findings naming it (IPv6 collisions).
    public var collisions: Int
    /// Index of the shoot in the landscape's input (what Enter opens); nil for seeds.
    public var shootIndex: Int?

    /// The text `/` matches: every column shown.
    var searchText: String {
        ([kind.rawValue, name, seed ?? ""] + ipv6 + (collisions > 0 ? ["collision"] : []) + (errors > 0 ? ["error"] : [])
            + (warnings > 0 ? ["warning"] : [])).joined(separator: " ").lowercased()
    }

    /// The rows of a landscape: objects in a collision first (most collisions first), then
    /// each seed followed by its shoots (most errors first), then shoots of unknown seeds.
    static func rows(of result: LandscapeResult) -> [LandscapeRow] {
        var collisions: [ObjectRef: Int] = [:]
        for d in result.diagnostics where d.code == .landscapeIPv6Overlap {
            for o in d.objects where isLandscapeObject(o) { collisions[o, default: 0] += 1 }
        }
        var ipv6: [Int: [String]] = [:]
        for r in result.ranges where r.prefix.family == .v6 { ipv6[r.owner, default: []].append("\(r.kind.rawValue) \(r.prefix)") }
        var rows: [LandscapeRow] = []
        for (i, f) in result.shootFindings.enumerated() {
            guard case .shoot(let namespace, let name) = f.shoot else { continue }
            rows.append(LandscapeRow(kind: .shoot, ref: f.shoot, name: "\(namespace)/\(name)", seed: f.seedName, ipv6: ipv6[i] ?? [],
                                     errors: f.errors, warnings: f.warnings, collisions: collisions[f.shoot] ?? 0, shootIndex: i))
        }
        for (i, ref) in result.objects.enumerated() {
            guard case .seed(let name) = ref else { continue }
            rows.append(LandscapeRow(kind: .seed, ref: ref, name: name, seed: name, ipv6: ipv6[i] ?? [], errors: 0, warnings: 0,
                                     collisions: collisions[ref] ?? 0, shootIndex: nil))
        }
        let seedOrder = Dictionary(rows.filter { $0.kind == .seed }.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        return rows.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if (x.collisions > 0) != (y.collisions > 0) { return x.collisions > 0 }
            if x.collisions != y.collisions { return x.collisions > y.collisions }
            let sx = x.seed.flatMap { seedOrder[$0] } ?? Int.max, sy = y.seed.flatMap { seedOrder[$0] } ?? Int.max
            if sx != sy { return sx < sy }
            if x.kind != y.kind { return x.kind == .seed }
            if x.errors != y.errors { return x.errors > y.errors }
            if x.warnings != y.warnings { return x.warnings > y.warnings }
            return a.offset < b.offset
        }.map(\.element)
    }

    private static func isLandscapeObject(_ ref: ObjectRef) -> Bool {
        switch ref {
        case .shoot, .seed: true
        default: false
        }
    }
}
