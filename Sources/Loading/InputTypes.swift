import Spec

/// Observed state and seed networks given as separate files (`--nodes`, `--routes`,
/// `--seed`). They win over the documents embedded in the main file.
public struct FlagInputs: Sendable, Hashable {
    public var nodes: [ObservedNode]?
    public var router: ObservedRouter?
    public var seed: SeedNetworks?

    public init(nodes: [ObservedNode]? = nil, router: ObservedRouter? = nil, seed: SeedNetworks? = nil) {
        self.nodes = nodes
        self.router = router
        self.seed = seed
    }
}

/// The main input file as it was read: what the editor changes and the saver writes back.
public struct SourceText: Sendable, Hashable {
    public var file: String
    /// The file's text, without a byte order mark.
    public var text: String
    /// The file began with a UTF-8 byte order mark (pass it on to ``SafeFile/write(_:to:expectedFingerprint:byteOrderMark:)``).
    public var hasByteOrderMark: Bool
    /// The file was JSON (the editor only edits YAML).
    public var isJSON: Bool
    /// What the file looked like on disk when read; nil for text that did not come from disk.
    public var fingerprint: FileFingerprint?

    public init(file: String, text: String, hasByteOrderMark: Bool = false, isJSON: Bool = false, fingerprint: FileFingerprint? = nil) {
        self.file = file
        self.text = text
        self.hasByteOrderMark = hasByteOrderMark
        self.isJSON = isJSON
        self.fingerprint = fingerprint
    }
}

/// Everything loaded for one planning session.
public struct LoadedInput: Sendable, Hashable {
    /// The shoot, settings and observed state (flag files already applied).
    public var input: PlanInput
    /// The main file's text, for editing and saving.
    public var source: SourceText
    /// The flag files' contents, to re-apply when the edited text is parsed again.
    public var flags: FlagInputs

    public init(input: PlanInput, source: SourceText, flags: FlagInputs) {
        self.input = input
        self.source = source
        self.flags = flags
    }
}
