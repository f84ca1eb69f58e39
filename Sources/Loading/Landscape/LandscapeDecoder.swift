import Spec

/// The documents of one landscape file → Shoots and Seeds. A document is a Shoot, a Seed
/// (or ManagedSeed / Gardenlet), or a `List` of them as `kubectl get shoots -A -o yaml|json`
/// prints it; any other kind is skipped (the caller reports it as an info), never an error.
struct LandscapeDecoder {
    let fields: FieldDecoder

    func decode(_ read: ReadDocuments, into landscape: inout LandscapeInput) throws(LoadError) {
        try read.tape.withDocuments { (documents) throws(LoadError) in
            for doc in documents { try decode(doc, into: &landscape, inList: false) }
        }
    }

    /// One item of a List, read into a tape of its own.
    func decodeItem(_ tape: DocumentTape, into landscape: inout LandscapeInput) throws(LoadError) {
        try tape.withDocuments { (documents) throws(LoadError) in
            for doc in documents { try decode(doc, into: &landscape, inList: true) }
        }
    }

    private func decode(_ doc: DocNode, into landscape: inout LandscapeInput, inList: Bool) throws(LoadError) {
        if doc.isNull { return }
        guard doc.kind == .mapping else {
            throw fields.error(doc, "expected a mapping, found \(fields.found(doc)); expected kind Shoot, Seed or List")
        }
        let kind = try fields.string(doc["kind"], "kind") ?? ""
        let isList = ["List", "ShootList", "SeedList", "ManagedSeedList"].contains(kind)
        switch kind {
        case "Shoot":
            landscape.shoots.append(try ShootDecoder(fields: fields).decode(doc))
        case "Seed", "ManagedSeed", "Gardenlet":
            guard let metadata = try fields.mapping(doc["metadata"], "metadata"),
                  try fields.string(metadata["name"], "metadata.name") != nil else {
                throw fields.error(doc, "metadata.name is missing (a seed of a landscape needs its name)")
            }
            landscape.seeds.append(try SeedDecoder(fields: fields).decode(doc))
        case _ where isList && !inList:
            guard let items = try fields.sequence(doc["items"], "items") else { return }
            for item in items.children { try decode(item, into: &landscape, inList: true) }
        default:
            // Lists inside lists are not what kubectl prints: skipped like any other kind.
            landscape.skipped.append(SkippedDocument(kind: kind, location: fields.location(doc)))
        }
    }
}
