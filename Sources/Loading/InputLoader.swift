import Spec

/// file → ``PlanInput``: the main file (a YAML stream of a Shoot, optional ShootnetSettings
/// and embedded observed state) plus the optional flag files.
public enum InputLoader {
    /// Loads the main file and the flag files (`nil` when a flag was not given).
    public static func load(file: String, nodes: String? = nil, routes: String? = nil, seed: String? = nil) throws(LoadError) -> LoadedInput {
        let bytes = try FileReader.read(path: file)
        let flags = try loadFlags(nodes: nodes, routes: routes, seed: seed)
        let read = try DocumentReader.read(bytes: bytes, file: file, keepText: true)
        let source = SourceText(file: file, text: read.text ?? "", hasByteOrderMark: read.hadByteOrderMark,
                                isJSON: read.format == .json, fingerprint: FileFingerprint(bytes: bytes))
        return LoadedInput(input: try MainFileDecoder.decode(read, file: file, flags: flags), source: source, flags: flags)
    }

    /// Parses main-file text held in memory (the UI re-parses edited text this way).
    /// `file` names the text in errors and locations.
    public static func parse(text: String, file: String, flags: FlagInputs = FlagInputs()) throws(LoadError) -> LoadedInput {
        let read = try DocumentReader.read(bytes: Array(text.utf8), file: file, keepText: true)
        let source = SourceText(file: file, text: read.text ?? text, hasByteOrderMark: read.hadByteOrderMark,
                                isJSON: read.format == .json)
        return LoadedInput(input: try MainFileDecoder.decode(read, file: file, flags: flags), source: source, flags: flags)
    }

    /// Reads the flag files that were given.
    public static func loadFlags(nodes: String? = nil, routes: String? = nil, seed: String? = nil) throws(LoadError) -> FlagInputs {
        var flags = FlagInputs()
        if let nodes { flags.nodes = try loadNodes(file: nodes) }
        if let routes { flags.router = try loadRouter(file: routes) }
        if let seed { flags.seed = try loadSeed(file: seed) }
        return flags
    }

    /// A node list file (`kubectl get nodes -o json|yaml`).
    public static func loadNodes(file: String) throws(LoadError) -> [ObservedNode] {
        try FlagFileDecoder.nodes(DocumentReader.read(bytes: FileReader.read(path: file), file: file), file: file)
    }

    /// A router file (`openstack router show -f json|yaml`) or a plain list of routes.
    public static func loadRouter(file: String) throws(LoadError) -> ObservedRouter {
        try FlagFileDecoder.router(DocumentReader.read(bytes: FileReader.read(path: file), file: file), file: file)
    }

    /// A Seed manifest (`kubectl get seed NAME -o yaml`).
    public static func loadSeed(file: String) throws(LoadError) -> SeedNetworks {
        try FlagFileDecoder.seed(DocumentReader.read(bytes: FileReader.read(path: file), file: file), file: file)
    }
}
