/// What a document of an input file is, told apart by `kind` (routers have none).
enum DocumentKind: Equatable {
    case shoot, settings, nodeList, node, seed, router
    /// Gardener's extension resources: `Infrastructure` (its status.networking) and `Network`.
    case infrastructure, network

    static let expectation = "expected kind Shoot, ShootnetSettings, NodeList, List, Node, Seed, ManagedSeed, Gardenlet, Infrastructure or Network, or an OpenStack router with routes"

    /// The kind of a root; nil for an empty document (a stray `---`).
    static func of(_ doc: DocNode, _ fields: FieldDecoder) throws(LoadError) -> DocumentKind? {
        if doc.isNull { return nil }
        guard doc.kind == .mapping else {
            throw fields.error(doc, "expected a mapping document, found \(fields.found(doc)); \(expectation)")
        }
        guard let kindNode = doc["kind"] else {
            if doc["routes"] != nil { return .router }
            throw fields.error(doc, "document has no kind; \(expectation)")
        }
        guard kindNode.kind == .string else { throw fields.error(kindNode, "kind: expected a string, found \(fields.found(kindNode))") }
        switch kindNode.text {
        case "Shoot": return .shoot
        case "ShootnetSettings": return .settings
        case "NodeList", "List": return .nodeList
        case "Node": return .node
        case "Seed", "ManagedSeed", "Gardenlet": return .seed
        case "Infrastructure": return .infrastructure
        case "Network": return .network
        case let other: throw fields.error(kindNode, "unknown kind \(fields.quoted(other)); \(expectation)")
        }
    }
}
