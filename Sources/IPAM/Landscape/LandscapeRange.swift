import Addressing
import Spec

/// One real range of a landscape object: a shoot's range from its spec, its status or its
/// seed's shoot defaults, or a seed's range from its spec or status. Simulated and assumed
/// ranges never become one: a made-up range must not collide with anything.
public struct LandscapeRange: Sendable, Hashable {
    /// Where the range was written.
    public enum Field: Sendable, Hashable {
        /// A shoot field, resolved by the engine (`spec`, `status` or `seed-default`).
        case shoot(RangeSource, specIndex: Int?)
        case seedSpec
        case seedStatus
    }

    /// Index of the owning object in ``LandscapeResult/objects``.
    public var owner: Int
    public var kind: NetworkKind
    public var prefix: IPPrefix
    public var field: Field
    public var location: SourceLocation?

    public init(owner: Int, kind: NetworkKind, prefix: IPPrefix, field: Field, location: SourceLocation?) {
        self.owner = owner
        self.kind = kind
        self.prefix = prefix
        self.field = field
        self.location = location
    }

    /// The field as a path: `status.networking.pods`, `spec.networks.nodes` …
    public var fieldPath: String {
        switch field {
        case .shoot(let source, let index):
            let path = PlannedRange(kind: kind, prefix: prefix, source: source, specIndex: index).fieldPath
            return source == .seedDefault ? path + " (the seed's shoot default)" : path
        case .seedSpec: return "spec.networks.\(kind.rawValue)"
        case .seedStatus: return "status.networks.\(kind.rawValue)"
        }
    }

    /// The sources of a shoot's resolved ranges that are real (what Gardener or the cloud
    /// holds), as opposed to `simulated` or `assumed` ones shootnet made up.
    public static func isReal(_ source: RangeSource) -> Bool {
        switch source {
        case .spec, .status, .seedDefault: true
        case .observed, .settings, .assumed, .simulated: false
        }
    }

    /// The real ranges of one shoot's plan, appended to `ranges` (a landscape's, shoot by
    /// shoot: no array of its own grown for each).
    static func appendShoot(_ plan: Plan, owner: Int, to ranges: inout [LandscapeRange]) {
        for r in plan.networks where isReal(r.source) {
            ranges.append(LandscapeRange(owner: owner, kind: r.kind, prefix: r.prefix, field: .shoot(r.source, specIndex: r.specIndex),
                                         location: r.location))
        }
    }

    /// A seed's ranges, spec and status.
    static func ofSeed(_ seed: SeedNetworks, owner: Int) -> [LandscapeRange] {
        var out: [LandscapeRange] = []
        for kind in NetworkKind.allCases {
            for p in seed[kind] {
                out.append(LandscapeRange(owner: owner, kind: kind, prefix: p.value,
                                          field: seed.fromStatus.contains(p.value) ? .seedStatus : .seedSpec, location: p.location))
            }
        }
        return out
    }
}
