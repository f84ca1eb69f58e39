import Addressing
import Bytes
import Spec

/// `kind: Shoot` → ``Shoot``. Only the fields shootnet plans from are read; everything else
/// (managedFields, annotations, status conditions, …) is ignored.
struct ShootDecoder {
    let fields: FieldDecoder

    /// Kubernetes counts (`int32`).
    static let countRange = 0...Int(Int32.max)

    func decode(_ doc: DocNode) throws(LoadError) -> Shoot {
        let metadata = try fields.mapping(doc["metadata"], "metadata")
        guard let metadata else { throw fields.error(doc, "metadata.name is missing") }
        let name = try fields.requiredString(metadata, "name", "metadata.name")
        let namespace = try fields.string(metadata["namespace"], "metadata.namespace")

        guard let spec = try fields.mapping(doc["spec"], "spec") else { throw fields.error(doc, "spec is missing") }
        guard let provider = try fields.mapping(spec["provider"], "spec.provider") else {
            throw fields.error(spec, "spec.provider is missing")
        }
        let providerType = try fields.requiredString(provider, "type", "spec.provider.type")
        let region = try fields.string(spec["region"], "spec.region")
        let workers = try decodeWorkers(provider["workers"])
        let infrastructure = try InfrastructureConfigDecoder(fields: fields).decode(provider["infrastructureConfig"])

        var nodeMaskV4: Located<Int>?, nodeMaskV6: Located<Int>?, maxPods: Located<Int>?
        var kcmLocation: SourceLocation?
        if let kubernetes = try fields.mapping(spec["kubernetes"], "spec.kubernetes") {
            if let kcm = try fields.mapping(kubernetes["kubeControllerManager"], "spec.kubernetes.kubeControllerManager") {
                kcmLocation = fields.location(kcm)
                let path = "spec.kubernetes.kubeControllerManager."
                // Wider than Gardener's ranges on purpose: the engine explains out-of-range masks.
                nodeMaskV4 = try fields.int(kcm["nodeCIDRMaskSize"], path + "nodeCIDRMaskSize", in: 0...128)
                nodeMaskV6 = try fields.int(kcm["nodeCIDRMaskSizeIPv6"], path + "nodeCIDRMaskSizeIPv6", in: 0...128)
            }
            maxPods = try decodeMaxPods(kubernetes, "spec.kubernetes")
        }

        let networking = try decodeNetworking(spec["networking"])
        let status = try decodeStatus(doc["status"])
        var seedName = try fields.string(spec["seedName"], "spec.seedName")
        if seedName == nil, let statusNode = try fields.mapping(doc["status"], "status") {
            seedName = try fields.string(statusNode["seedName"], "status.seedName")
        }

        var shoot = Shoot(name: name.value, namespace: namespace, provider: providerType, region: region, workers: workers,
                          networking: networking, nodeMaskV4: nodeMaskV4, nodeMaskV6: nodeMaskV6, maxPods: maxPods,
                          status: status, seedName: seedName, location: fields.location(doc))
        shoot.kubeControllerManagerLocation = kcmLocation
        shoot.infrastructure = infrastructure
        return shoot
    }

    private func decodeMaxPods(_ kubernetes: DocNode, _ path: @autoclosure () -> String) throws(LoadError) -> Located<Int>? {
        guard let kubelet = try fields.mapping(kubernetes["kubelet"], path() + ".kubelet") else { return nil }
        return try fields.int(kubelet["maxPods"], path() + ".kubelet.maxPods", in: Self.countRange)
    }

    private func decodeWorkers(_ node: DocNode?) throws(LoadError) -> [Worker] {
        guard let list = try fields.sequence(node, "spec.provider.workers") else { return [] }
        var workers: [Worker] = []
        workers.reserveCapacity(list.count)
        var i = 0
        for item in list.children {
            // Made only for a message (most pools need none).
            let index = i
            func path() -> String { "spec.provider.workers[\(index)]" }
            guard let w = try fields.mapping(item, path()) else { throw fields.error(item, "\(path()): expected a mapping, found nothing (null)") }
            let name = try fields.requiredString(w, "name", path() + ".name")
            let minimum = try fields.int(w["minimum"], path() + ".minimum", in: Self.countRange)
            guard let maximum = try fields.int(w["maximum"], path() + ".maximum", in: Self.countRange) else {
                throw fields.error(w, "\(path()).maximum is missing")
            }
            let zones = try fields.stringList(w["zones"], path() + ".zones") ?? []
            var maxPods: Located<Int>?
            if let kubernetes = try fields.mapping(w["kubernetes"], path() + ".kubernetes") {
                maxPods = try decodeMaxPods(kubernetes, path() + ".kubernetes")
            }
            workers.append(Worker(name: name.value, minimum: minimum?.value ?? 0, maximum: maximum.value, zones: zones,
                                  maxPods: maxPods?.value, location: fields.location(w)))
            i += 1
        }
        return workers
    }

    private func decodeNetworking(_ node: DocNode?) throws(LoadError) -> Networking {
        guard let net = try fields.mapping(node, "spec.networking") else { return Networking(isWritten: false) }
        var networking = Networking()
        networking.type = try fields.string(net["type"], "spec.networking.type")
        if let families = net["ipFamilies"], let list = try fields.stringList(families, "spec.networking.ipFamilies") {
            networking.ipFamilies = Located(list, at: fields.location(families))
        }
        for kind in NetworkKind.allCases {
            guard let pair = net.pair(forKey: kind.rawValue) else { continue }
            let slots = try fields.cidrSlots(pair.value, "spec.networking.\(kind.rawValue)")
            networking[kind] = slots
            networking.fieldLocations[kind] = fields.location(pair.key)
            // Gardener's form is one CIDR string per field; anything else is the proposal's.
            let value = pair.value
            if value.kind == .sequence || (value.kind == .string && value.bytes.firstIndex(of: UInt8(ascii: ",")) != nil) {
                networking.writtenAsTuple = true
            }
        }
        if let config = try fields.mapping(net["providerConfig"], "spec.networking.providerConfig") {
            var pc = NetworkingProviderConfig(location: fields.location(config))
            if let overlay = try fields.mapping(config["overlay"], "spec.networking.providerConfig.overlay") {
                pc.hasOverlay = true
                if let enabled = overlay["enabled"], let value = try fields.bool(enabled, "spec.networking.providerConfig.overlay.enabled") {
                    pc.overlayEnabled = Located(value, at: fields.location(enabled))
                }
            }
            networking.providerConfig = pc
        }
        return networking
    }

    /// `status.networking`: written by Gardener, so malformed CIDRs are load errors.
    private func decodeStatus(_ node: DocNode?) throws(LoadError) -> NetworkingStatus? {
        guard let status = try fields.mapping(node, "status"),
              let net = try fields.mapping(status["networking"], "status.networking") else { return nil }
        return NetworkingStatus(nodes: try fields.prefixes(net["nodes"], "status.networking.nodes"),
                                pods: try fields.prefixes(net["pods"], "status.networking.pods"),
                                services: try fields.prefixes(net["services"], "status.networking.services"))
    }
}
