/// Every Shoot and Seed of a Gardener landscape, as `kubectl get shoots -A` and
/// `kubectl get seeds` list them, read from any number of files.
public struct LandscapeInput: Sendable, Hashable {
    public var shoots: [Shoot]
    public var seeds: [SeedNetworks]
    /// Documents of other kinds found among them, skipped (each becomes an info).
    public var skipped: [SkippedDocument]

    public init(shoots: [Shoot] = [], seeds: [SeedNetworks] = [], skipped: [SkippedDocument] = []) {
        self.shoots = shoots
        self.seeds = seeds
        self.skipped = skipped
    }
}

/// A document of a kind the landscape does not read (a ConfigMap in a bundle, a Secret …).
public struct SkippedDocument: Sendable, Hashable {
    /// Its `kind`, as written (empty when it has none).
    public var kind: String
    public var location: SourceLocation

    public init(kind: String, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}
