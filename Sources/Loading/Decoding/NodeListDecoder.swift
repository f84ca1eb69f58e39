import Addressing
import Spec

/// `kubectl get nodes -o json|yaml` (`kind: NodeList`, or `kind: List` of `kind: Node`) →
/// ``ObservedNode``s. Machine-written, so malformed addresses are load errors.
struct NodeListDecoder {
    let fields: FieldDecoder

    static let zoneLabel: StaticString = "topology.kubernetes.io/zone"
    static let legacyZoneLabel: StaticString = "failure-domain.beta.kubernetes.io/zone"

    /// A NodeList or List document.
    func decodeList(_ doc: DocNode) throws(LoadError) -> [ObservedNode] {
        guard let items = try fields.sequence(doc["items"], "items") else { return [] }
        var nodes: [ObservedNode] = []
        nodes.reserveCapacity(items.count)
        var i = 0
        for item in items.children {
            guard item.kind == .mapping else { throw fields.error(item, "items[\(i)]: expected a Node, found \(fields.found(item))") }
            if let kind = item["kind"], !kind.textEquals("Node") {
                throw fields.error(kind, "items[\(i)]: expected kind Node, found \(fields.found(kind))")
            }
            nodes.append(try decodeNode(item, "items[\(i)]"))
            i += 1
        }
        return nodes
    }

    /// One `kind: Node` mapping.
    func decodeNode(_ node: DocNode, _ path: @autoclosure () -> String) throws(LoadError) -> ObservedNode {
        guard let metadata = try fields.mapping(node["metadata"], path() + ".metadata") else {
            throw fields.error(node, "\(path()).metadata.name is missing")
        }
        let name = try fields.requiredString(metadata, "name", path() + ".metadata.name")
        var zone: String?
        if let labels = try fields.mapping(metadata["labels"], path() + ".metadata.labels") {
            zone = try fields.string(labels[Self.zoneLabel], path() + ".metadata.labels")
            if zone == nil { zone = try fields.string(labels[Self.legacyZoneLabel], path() + ".metadata.labels") }
        }

        var podCIDRs: [IPPrefix] = []
        if let spec = try fields.mapping(node["spec"], path() + ".spec") {
            let list = spec["podCIDRs"].flatMap { $0.isNull ? nil : $0 }
            podCIDRs = try fields.plainPrefixes(list ?? spec["podCIDR"], path() + (list == nil ? ".spec.podCIDR" : ".spec.podCIDRs"))
        }

        var addresses: [IPAddress] = []
        if let status = try fields.mapping(node["status"], path() + ".status"),
           let list = try fields.sequence(status["addresses"], path() + ".status.addresses") {
            addresses.reserveCapacity(list.count)
            var k = 0
            for entry in list.children {
                defer { k += 1 }
                guard let entry = try fields.mapping(entry, "\(path()).status.addresses[\(k)]"),
                      let type = entry["type"], type.kind == .string, type.textEquals("InternalIP") else { continue }
                if let address = try fields.address(entry["address"], "\(path()).status.addresses[\(k)].address") {
                    addresses.append(address)
                }
            }
        }
        return ObservedNode(name: name.value, zone: zone, addresses: addresses, podCIDRs: podCIDRs, location: fields.location(node))
    }
}
