import Addressing
import Dispatch
import Spec

/// The checks across a landscape: IPv6 must be unique among every shoot and seed (routed
/// without NAT), IPv4 may be reused (Gardener's VPN NATs it), and each shoot's own findings
/// come from the engine (``Planner/plan(_:)``, with its seed as `settings.seed`).
public enum LandscapeCheck {
    /// At most this many colliding pairs are listed; the rest are counted.
    public static let defaultMaxPairs = 10_000

    /// `concurrency`: how many threads plan the shoots (the result does not depend on it).
    public static func check(_ input: LandscapeInput, maxPairs: Int = defaultMaxPairs, concurrency: Int = 1) -> LandscapeResult {
        let shoots = input.shoots, perUnit = 64
        return check(units: (shoots.count + perUnit - 1) / perUnit, read: { u, shoot in
            for i in (u * perUnit)..<min(shoots.count, (u + 1) * perUnit) { shoot(shoots[i]) }
        }, seeds: input.seeds, skipped: input.skipped, maxPairs: maxPairs, concurrency: concurrency)
    }

    /// The same for shoots read in `units` units of input, which `read(u, shoot)` hands over
    /// in input order (once per unit, from any thread), so they need not all be in memory; a
    /// shoot it cannot read is left out (the caller reports why).
    public static func check(units: Int, read: @escaping @Sendable (Int, (Shoot) -> Void) -> Void, seeds: [SeedNetworks],
                             skipped: [SkippedDocument], maxPairs: Int = defaultMaxPairs, concurrency: Int = 1) -> LandscapeResult {
        let seedsByName = Self.seedsByName(seeds)
        var diagnostics: [Diagnostic] = []

        // Each shoot's own plan: the costly part, run on `concurrency` threads (a pure
        // function of the shoot and its seed; the results are gathered in input order).
        var (findings, ranges) = ShootPlanning.run(units: units, read: read, seeds: seedsByName, concurrency: concurrency,
                                                     spareRanges: seeds.reduce(0) { $0 + LandscapeRange.ofSeed($1, owner: 0).count })
        let shootCount = findings.count
        var objects: [ObjectRef] = []
        objects.reserveCapacity(shootCount + seeds.count)
        for f in findings {
            objects.append(f.shoot)
            if !f.seedKnown, let seedName = f.seedName {
                diagnostics.append(report(.landscapeUnknownSeed, path: "spec.seedName",
                    "shoot \(name(f.shoot)) runs on seed \(seedName), which is not in the input: its ranges are not checked against that seed's, and its own check runs without the seed's shoot defaults; add `kubectl get seeds -o yaml` to the input",
                    objects: [f.shoot], at: f.location))
            }
            if let d = shootFindingsDiagnostic(f, at: f.location) { diagnostics.append(d) }
        }
        for seed in seeds {
            let owner = objects.count
            objects.append(.seed(seed.name ?? ""))
            ranges.append(contentsOf: LandscapeRange.ofSeed(seed, owner: owner))
        }
        for s in skipped {
            diagnostics.append(report(.landscapeSkipped, path: "kind",
                s.kind.isEmpty ? "a document without kind is skipped (the landscape reads Shoots, Seeds and Lists of them)"
                               : "kind \(s.kind) is skipped (the landscape reads Shoots, Seeds and Lists of them)",
                at: s.location))
        }
        // The two families' sweeps side by side (they share the ranges, each sorts its own
        // keys): after planning this is the only work left, on one thread otherwise.
        nonisolated(unsafe) var overlaps: [Diagnostic] = []
        nonisolated(unsafe) var reuse: Diagnostic?
        let all = ranges, owners = objects
        let sweep: @Sendable (Int) -> Void = { family in
            if family == 0 { overlaps = ipv6Overlaps(all, objects: owners, maxPairs: maxPairs) } else { reuse = ipv4Reuse(all, objects: owners) }
        }
        if concurrency > 1 { DispatchQueue.concurrentPerform(iterations: 2, execute: sweep) } else { sweep(0); sweep(1) }
        diagnostics += overlaps
        if let reuse { diagnostics.append(reuse) }
        // Errors first, then warnings, then infos; otherwise in the order found.
        let ordered = diagnostics.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
        return LandscapeResult(objects: objects, shootCount: shootCount, seedCount: seeds.count,
                               diagnostics: ordered, shootFindings: findings, ranges: ranges)
    }

    /// The seeds by name, as a shoot's `seedName` finds its seed (the last of a name wins).
    public static func seedsByName(_ seeds: [SeedNetworks]) -> [String: SeedNetworks] {
        var out: [String: SeedNetworks] = [:]
        for s in seeds { if let name = s.name { out[name] = s } }
        return out
    }

    /// `garden-dev/s1` for a shoot, `seed-1` for a seed: how messages name an object.
    static func name(_ ref: ObjectRef) -> String {
        switch ref {
        case .shoot(let namespace, let name): "\(namespace)/\(name)"
        case .seed(let name): name
        default: ref.description
        }
    }

    static func kindName(_ ref: ObjectRef) -> String {
        if case .seed = ref { return "seed" }
        return "shoot"
    }

    static func report(_ code: DiagnosticCode, path: String, _ message: String, objects: [ObjectRef] = [],
                       at location: SourceLocation?, severity: Severity? = nil) -> Diagnostic {
        Diagnostic(code: code, severity: severity, path: path, message: message, objects: objects, location: location)
    }

    /// One diagnostic per shoot whose own check has errors or warnings; nil for a clean one.
    private static func shootFindingsDiagnostic(_ f: ShootFindings, at location: SourceLocation?) -> Diagnostic? {
        guard f.errors + f.warnings > 0, let first = f.first else { return nil }
        let counts = "\(f.errors) error\(f.errors == 1 ? "" : "s"), \(f.warnings) warning\(f.warnings == 1 ? "" : "s")"
        return report(.landscapeShootFindings, path: first.path,
                      "shoot \(name(f.shoot)): its own check has \(counts); the first: \(first.message) [\(first.code)]; run `shootnet check` on the shoot for all of them",
                      objects: [f.shoot], at: first.location ?? location, severity: f.errors > 0 ? .error : .warning)
    }
}
