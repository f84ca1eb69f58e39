import Addressing
import Spec

/// `kind: Seed` (its `spec.networks`) and the `seed:` section of the settings → ``SeedNetworks``.
struct SeedDecoder {
    let fields: FieldDecoder

    func decode(_ doc: DocNode) throws(LoadError) -> SeedNetworks {
        var name: String?
        if let metadata = try fields.mapping(doc["metadata"], "metadata") {
            name = try fields.string(metadata["name"], "metadata.name")
        }
        guard let spec = try fields.mapping(doc["spec"], "spec"),
              let networks = try fields.mapping(spec["networks"], "spec.networks") else {
            throw fields.error(doc, "spec.networks is missing")
        }
        return try self.networks(networks, path: "spec.networks", name: name)
    }

    /// `nodes`, `pods`, `services` in any of the CIDR field forms; each must be a valid CIDR.
    func networks(_ node: DocNode, path: String, name: String?) throws(LoadError) -> SeedNetworks {
        var seed = SeedNetworks(name: name,
                                nodes: try fields.prefixes(node["nodes"], path + ".nodes"),
                                pods: try fields.prefixes(node["pods"], path + ".pods"),
                                services: try fields.prefixes(node["services"], path + ".services"))
        if let defaults = try fields.mapping(node["shootDefaults"], path + ".shootDefaults") {
            seed.shootDefaults = ShootDefaults(pods: try fields.prefix(defaults["pods"], path + ".shootDefaults.pods"),
                                               services: try fields.prefix(defaults["services"], path + ".shootDefaults.services"))
        }
        return seed
    }
}
