import Spec

/// The documents of the main file → ``PlanInput``: exactly one Shoot, at most one
/// ShootnetSettings, Seed and router, any number of node documents.
enum MainFileDecoder {
    static func decode(_ read: ReadDocuments, file: String, flags: FlagInputs) throws(LoadError) -> PlanInput {
        try read.tape.withDocuments { (documents) throws(LoadError) -> PlanInput in
            try decode(documents, text: read.text, file: file, flags: flags)
        }
    }

    private static func decode(_ documents: [DocNode], text: String?, file: String, flags: FlagInputs) throws(LoadError) -> PlanInput {
        let fields = FieldDecoder(file: file)
        var shootDoc: DocNode?, settingsDoc: DocNode?, seedDoc: DocNode?, routerDoc: DocNode?
        var infrastructureDoc: DocNode?, networkDoc: DocNode?
        var nodes: [ObservedNode]?
        var sawDocument = false

        func unique(_ slot: inout DocNode?, _ doc: DocNode, _ what: String) throws(LoadError) {
            if let first = slot {
                throw fields.error(doc, "a second \(what) document (the first starts at line \(first.line)); a file holds at most one")
            }
            slot = doc
        }

        for doc in documents {
            guard let kind = try DocumentKind.of(doc, fields) else { continue }
            sawDocument = true
            switch kind {
            case .shoot:
                if let first = shootDoc {
                    throw fields.error(doc, "a second Shoot document (the first starts at line \(first.line)); a file holds exactly one Shoot")
                }
                shootDoc = doc
            case .settings: try unique(&settingsDoc, doc, "ShootnetSettings")
            case .seed: try unique(&seedDoc, doc, "Seed")
            case .router: try unique(&routerDoc, doc, "router")
            case .infrastructure: try unique(&infrastructureDoc, doc, "Infrastructure")
            case .network: try unique(&networkDoc, doc, "Network")
            case .nodeList: nodes = (nodes ?? []) + (try NodeListDecoder(fields: fields).decodeList(doc))
            case .node: nodes = (nodes ?? []) + [try NodeListDecoder(fields: fields).decodeNode(doc, "Node")]
            }
        }

        guard let shootDoc else {
            if !sawDocument && DocumentReader.isBlank(text ?? "") {
                throw LoadError(file: file, line: 1, column: 1, message: "file is empty; expected a Shoot manifest (kind: Shoot)")
            }
            throw LoadError(file: file, line: 1, column: 1, message: "no Shoot document (kind: Shoot) in this file")
        }
        var shoot = try ShootDecoder(fields: fields).decode(shootDoc)
        // The extension resources fill in what the shoot's status lacks.
        let extensions = ExtensionResourceDecoder(fields: fields)
        for doc in [infrastructureDoc, networkDoc].compactMap({ $0 }) {
            let (status, infrastructure) = try extensions.decode(doc)
            shoot.status = (shoot.status ?? NetworkingStatus()).filling(from: status)
            if shoot.infrastructure == nil { shoot.infrastructure = infrastructure }
        }
        var settings = Settings()
        if let settingsDoc { settings = try SettingsDecoder(fields: fields).decode(settingsDoc) }
        if let seed = flags.seed {
            settings.seed = seed
        } else if let seedDoc {
            settings.seed = try SeedDecoder(fields: fields).decode(seedDoc)
        }
        var observed = ObservedState(nodes: flags.nodes ?? nodes)
        if let router = flags.router {
            observed.router = router
        } else if let routerDoc {
            observed.router = try RouterDecoder(fields: fields).decodeRouter(routerDoc, fallbackName: "router")
        }
        return PlanInput(shoot: shoot, settings: settings, observed: observed)
    }
}
