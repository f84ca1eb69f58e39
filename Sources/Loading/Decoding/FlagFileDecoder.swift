import Spec

/// The files given with `--nodes`, `--routes` and `--seed`, in JSON or YAML.
enum FlagFileDecoder {
    static func nodes(_ read: ReadDocuments, file: String) throws(LoadError) -> [ObservedNode] {
        try read.tape.withDocuments { (documents) throws(LoadError) -> [ObservedNode] in try nodes(documents, file: file) }
    }

    static func router(_ read: ReadDocuments, file: String) throws(LoadError) -> ObservedRouter {
        try read.tape.withDocuments { (documents) throws(LoadError) -> ObservedRouter in try router(documents, file: file) }
    }

    static func seed(_ read: ReadDocuments, file: String) throws(LoadError) -> SeedNetworks {
        try read.tape.withDocuments { (documents) throws(LoadError) -> SeedNetworks in try seed(documents, file: file) }
    }

    private static func nodes(_ documents: [DocNode], file: String) throws(LoadError) -> [ObservedNode] {
        let fields = FieldDecoder(file: file)
        let decoder = NodeListDecoder(fields: fields)
        var nodes: [ObservedNode] = []
        var found = false
        for doc in documents {
            switch try DocumentKind.of(doc, fields) {
            case nil: continue
            case .nodeList?: nodes += try decoder.decodeList(doc)
            case .node?: nodes.append(try decoder.decodeNode(doc, "Node"))
            case .some: throw fields.error(doc, "expected a node list (kind: NodeList or List, as kubectl get nodes prints it)")
            }
            found = true
        }
        guard found else { throw LoadError(file: file, line: 1, column: 1, message: "file is empty; expected a node list (kind: NodeList)") }
        return nodes
    }

    private static func router(_ documents: [DocNode], file: String) throws(LoadError) -> ObservedRouter {
        let fields = FieldDecoder(file: file)
        let decoder = RouterDecoder(fields: fields)
        let name = stem(of: file)
        for doc in documents where !doc.isNull {
            if doc.kind == .sequence { return try decoder.decodeRouteList(doc, name: name) }
            guard doc.kind == .mapping, doc["routes"] != nil else {
                throw fields.error(doc, "expected an OpenStack router (openstack router show -f json) or a list of routes")
            }
            return try decoder.decodeRouter(doc, fallbackName: name)
        }
        throw LoadError(file: file, line: 1, column: 1, message: "file is empty; expected an OpenStack router or a list of routes")
    }

    private static func seed(_ documents: [DocNode], file: String) throws(LoadError) -> SeedNetworks {
        let fields = FieldDecoder(file: file)
        for doc in documents where !doc.isNull {
            guard try DocumentKind.of(doc, fields) == .seed else {
                throw fields.error(doc, "expected a Seed manifest (kind: Seed, ManagedSeed or Gardenlet)")
            }
            return try SeedDecoder(fields: fields).decode(doc)
        }
        throw LoadError(file: file, line: 1, column: 1, message: "file is empty; expected a Seed manifest (kind: Seed)")
    }

    /// `routers/eu-1.json` → `eu-1`: the name of a router given as a bare list of routes.
    static func stem(of path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }
}
