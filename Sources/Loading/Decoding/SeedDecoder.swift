import Addressing
import Spec

/// `kind: Seed` (its `spec.networks`), the seed a `ManagedSeed` or `Gardenlet` configures
/// (`spec.gardenlet.config.seedConfig` / `spec.config.seedConfig`, as Gardener's dev setup
/// and managed seeds write it), and the `seed:` section of the settings → ``SeedNetworks``.
/// A Seed's `status.networks` (where gardenlet records the ranges it found, IPv6 included)
/// adds the ranges its spec does not list.
struct SeedDecoder {
    let fields: FieldDecoder

    func decode(_ doc: DocNode) throws(LoadError) -> SeedNetworks {
        var name: String?
        if let metadata = try fields.mapping(doc["metadata"], "metadata") {
            name = try fields.string(metadata["name"], "metadata.name")
        }
        var path = "spec"
        guard var spec = try fields.mapping(doc["spec"], "spec") else { throw fields.error(doc, "spec is missing") }
        let kind = doc["kind"]?.text
        if kind == "ManagedSeed" || kind == "Gardenlet" {
            var config = spec
            if kind == "ManagedSeed" {
                guard let gardenlet = try fields.mapping(spec["gardenlet"], "spec.gardenlet") else {
                    throw fields.error(spec, "spec.gardenlet is missing")
                }
                config = gardenlet
                path += ".gardenlet"
            }
            guard let c = try fields.mapping(config["config"], path + ".config"),
                  let seedConfig = try fields.mapping(c["seedConfig"], path + ".config.seedConfig"),
                  let seedSpec = try fields.mapping(seedConfig["spec"], path + ".config.seedConfig.spec") else {
                throw fields.error(config, "\(path).config.seedConfig.spec is missing")
            }
            spec = seedSpec
            path += ".config.seedConfig.spec"
        }
        guard let networks = try fields.mapping(spec["networks"], path + ".networks") else {
            let hint = kind == "ManagedSeed" ? " (Gardener fills a managed seed's networks from its shoot: give the Seed, kubectl get seed NAME -o yaml)" : ""
            throw fields.error(doc, "\(path).networks is missing" + hint)
        }
        var seed = try self.networks(networks, path: path + ".networks", name: name)
        seed.location = fields.location(doc)
        if kind == "Seed", let status = try fields.mapping(doc["status"], "status"),
           let statusNetworks = try fields.mapping(status["networks"], "status.networks") {
            for kind in NetworkKind.allCases {
                for p in try fields.prefixes(statusNetworks[kind.key], "status.networks.\(kind.rawValue)")
                where !seed[kind].contains(where: { $0.value == p.value }) {
                    seed.append(p, to: kind)
                    seed.fromStatus.insert(p.value)
                }
            }
        }
        return seed
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

private extension NetworkKind {
    var key: StaticString {
        switch self {
        case .nodes: "nodes"
        case .pods: "pods"
        case .services: "services"
        }
    }
}

private extension SeedNetworks {
    mutating func append(_ p: Located<IPPrefix>, to kind: NetworkKind) {
        switch kind {
        case .nodes: nodes.append(p)
        case .pods: pods.append(p)
        case .services: services.append(p)
        }
    }
}
