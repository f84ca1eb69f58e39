import Addressing
import Spec

/// What ``LandscapeCheck/check(_:maxPairs:)`` finds: the landscape's diagnostics (errors
/// first), each shoot's own findings counted, and every real range, for ``FreePrefixes``.
public struct LandscapeResult: Sendable {
    /// Every shoot (`shoot/NAMESPACE/NAME`), then every seed (`seed/NAME`), in input order.
    public var objects: [ObjectRef]
    public var shootCount: Int
    public var seedCount: Int
    public var diagnostics: [Diagnostic]
    /// Each shoot's own findings, from ``Planner/plan(_:)``, in input order.
    public var shootFindings: [ShootFindings]
    /// Every real range of every shoot and seed (simulated and assumed ones left out).
    public var ranges: [LandscapeRange]
}

/// How many findings of each severity a shoot's own check has.
public struct ShootFindings: Sendable, Hashable {
    public var shoot: ObjectRef
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    /// The first (most severe) finding when it is an error or a warning, for the summary message.
    public var first: Diagnostic? {
        get { firstStorage.first }
        set { firstStorage = newValue.map { [$0] } ?? [] }
    }
    /// Out of line, as in ``ShootPlanning``: one word when there is none.
    private var firstStorage: [Diagnostic] = []
    /// Where the shoot's manifest starts.
    public var location: SourceLocation?
    /// The seed it runs on (`spec.seedName`, else `status.seedName`).
    public var seedName: String?
    /// False when it names a seed the landscape does not hold (its check ran without it).
    public var seedKnown: Bool

    public init(shoot: ObjectRef, errors: Int, warnings: Int, infos: Int, first: Diagnostic?, location: SourceLocation? = nil,
                seedName: String? = nil, seedKnown: Bool = true) {
        self.location = location
        self.seedName = seedName
        self.seedKnown = seedKnown
        self.shoot = shoot
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
        self.firstStorage = first.map { [$0] } ?? []
    }
}
