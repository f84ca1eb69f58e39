import Addressing
import Spec

/// `kind: ShootnetSettings` → ``Settings``. Every field is optional; bad values are load
/// errors at their line:column.
struct SettingsDecoder {
    let fields: FieldDecoder

    static let prefixLengthRange = 0...128

    func decode(_ doc: DocNode) throws(LoadError) -> Settings {
        var s = Settings()
        s.location = fields.location(doc)
        if let node = doc["podPrefixTemplate"], let text = try fields.string(node, "podPrefixTemplate") {
            switch PodPrefixTemplate.parse(text) {
            case .success(let t): s.podPrefixTemplate = Located(t, at: fields.location(node))
            case .failure(let e): throw fields.error(node, "podPrefixTemplate: \(e.description)")
            }
        }
        s.nodeReservedLength = try fields.int(doc["nodeReservedLength"], "nodeReservedLength", in: Self.prefixLengthRange)

        if let services = try fields.mapping(doc["services"], "services") {
            s.serviceStrategy = try choice(services["strategy"], "services.strategy", ServiceStrategy.self)
            s.wellKnownServices = try fields.prefix(services["wellKnownPrefix"], "services.wellKnownPrefix")
            s.servicePreference = try choice(services["ipFamilyPolicy"], "services.ipFamilyPolicy", ServicePreference.self)
            if let node = services["family"], let text = try fields.string(node, "services.family") {
                guard let family = IPFamily(kubernetesName: text) else {
                    throw fields.error(node, "services.family: \(fields.quoted(text)) is not a family; use IPv4 or IPv6")
                }
                s.serviceFamily = Located(family, at: fields.location(node))
            }
        }

        if let sim = try fields.mapping(doc["simulation"], "simulation") {
            s.simulationPool = try fields.prefix(sim["pool"], "simulation.pool")
            s.vpcLength = try fields.int(sim["vpcLength"], "simulation.vpcLength", in: Self.prefixLengthRange)
            s.subnetLength = try fields.int(sim["subnetLength"], "simulation.subnetLength", in: Self.prefixLengthRange)
            s.nodePrefixLength = try fields.int(sim["nodePrefixLength"], "simulation.nodePrefixLength", in: Self.prefixLengthRange)
            s.serviceLength = try fields.int(sim["serviceLength"], "simulation.serviceLength", in: Self.prefixLengthRange)
        }

        if let openstack = try fields.mapping(doc["openstack"], "openstack") {
            s.allocationPool = try fields.prefix(openstack["allocationPool"], "openstack.allocationPool")
            s.routeQuota = try fields.int(openstack["routeQuota"], "openstack.routeQuota", in: ShootDecoder.countRange)
        }

        if let seed = try fields.mapping(doc["seed"], "seed") {
            s.seed = try SeedDecoder(fields: fields).networks(seed, path: "seed", name: nil)
        }
        return s
    }

    /// One of an enumeration's raw values; the message lists the allowed ones.
    private func choice<T: RawRepresentable & CaseIterable & Sendable & Hashable>(
        _ node: DocNode?, _ path: String, _ type: T.Type
    ) throws(LoadError) -> Located<T>? where T.RawValue == String {
        guard let node, let text = try fields.string(node, path) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw fields.error(node, "\(path): \(fields.quoted(text)) is not one of \(allowed)")
        }
        return Located(value, at: fields.location(node))
    }
}
