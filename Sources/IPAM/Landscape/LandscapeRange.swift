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

    // Stored packed, read through the properties below: a landscape holds a range per shoot
    // field (60,000 for 10,000 shoots), and at 88 bytes each they were a tenth of its page
    // faults; packed they are 48.
    public var prefix: IPPrefix
    private var storedOwner: Int32
    public var kind: NetworkKind
    /// ``Field``: a shoot range's source (its index in `RangeSource.allCases`), or a seed's.
    private var storedField: UInt8
    /// A shoot range's spec index; -1 for none.
    private var storedSpecIndex: Int32
    /// Where the range was written.
    public var location: SourceLocation?

    private static let seedSpecField: UInt8 = 0xFE, seedStatusField: UInt8 = 0xFF
    private static let sources = RangeSource.allCases

    /// Index of the owning object in ``LandscapeResult/objects``.
    public var owner: Int {
        get { Int(storedOwner) }
        set { storedOwner = Int32(clamping: newValue) }
    }

    public var field: Field {
        get {
            switch storedField {
            case Self.seedSpecField: return .seedSpec
            case Self.seedStatusField: return .seedStatus
            default:
                return .shoot(Self.sources[Int(storedField)], specIndex: storedSpecIndex < 0 ? nil : Int(storedSpecIndex))
            }
        }
        set {
            switch newValue {
            case .seedSpec: (storedField, storedSpecIndex) = (Self.seedSpecField, -1)
            case .seedStatus: (storedField, storedSpecIndex) = (Self.seedStatusField, -1)
            case .shoot(let source, let index):
                storedField = UInt8(Self.sources.firstIndex(of: source) ?? 0)
                storedSpecIndex = index.map { Int32(clamping: $0) } ?? -1
            }
        }
    }

    public init(owner: Int, kind: NetworkKind, prefix: IPPrefix, field: Field, location: SourceLocation?) {
        self.prefix = prefix
        storedOwner = Int32(clamping: owner)
        self.kind = kind
        storedField = 0
        storedSpecIndex = -1
        self.location = location
        self.field = field
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
