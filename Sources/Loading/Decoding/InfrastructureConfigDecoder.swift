import Addressing
import Spec

/// `spec.provider.infrastructureConfig` → ``InfrastructureConfig``: the address fields of the
/// AWS, Azure, GCP and OpenStack extensions' configs (one decoder: their keys do not clash).
/// Their CIDRs must be valid and canonical — the extensions' admission requires it — so a
/// bad one is a load error at its line and column.
struct InfrastructureConfigDecoder {
    let fields: FieldDecoder
    static let path = "spec.provider.infrastructureConfig"

    func decode(_ node: DocNode?) throws(LoadError) -> InfrastructureConfig? {
        guard let config = try fields.mapping(node, Self.path) else { return nil }
        var out = InfrastructureConfig(location: fields.location(config))
        guard let networks = try fields.mapping(config["networks"], Self.path + ".networks") else { return out }
        let n = Self.path + ".networks"
        if let vpc = try fields.mapping(networks["vpc"], n + ".vpc") {
            out.vpcCIDR = try fields.prefix(vpc["cidr"], n + ".vpc.cidr")
        }
        if let vnet = try fields.mapping(networks["vnet"], n + ".vnet") {
            out.vpcCIDR = try fields.prefix(vnet["cidr"], n + ".vnet.cidr")
        }
        let workers = try fields.prefix(networks["workers"], n + ".workers")
        let worker = try fields.prefix(networks["worker"], n + ".worker")
        out.workers = workers ?? worker
        out.internalCIDR = try fields.prefix(networks["internal"], n + ".internal")
        if let zones = try fields.sequence(networks["zones"], n + ".zones") {
            var i = 0
            for item in zones.children {
                let p = "\(n).zones[\(i)]"
                guard let z = try fields.mapping(item, p) else { throw fields.error(item, "\(p): expected a mapping") }
                // AWS names zones by string, Azure by number.
                let name = z["name"].map { $0.text } ?? "\(i + 1)"
                let workers = try fields.prefix(z["workers"], p + ".workers")
                let cidr = try fields.prefix(z["cidr"], p + ".cidr")
                out.zones.append(InfrastructureConfig.Zone(
                    name: name,
                    workers: workers ?? cidr,
                    publicCIDR: try fields.prefix(z["public"], p + ".public"),
                    internalCIDR: try fields.prefix(z["internal"], p + ".internal")))
                i += 1
            }
        }
        if let ipv6 = try fields.mapping(networks["ipv6"], n + ".ipv6") {
            out.openStackIPv6 = InfrastructureConfig.OpenStackIPv6(
                subnetPoolID: try fields.string(ipv6["subnetPoolID"], n + ".ipv6.subnetPoolID"),
                nodeCIDR: try fields.prefix(ipv6["nodeCIDR"], n + ".ipv6.nodeCIDR"),
                podCIDR: try fields.prefix(ipv6["podCIDR"], n + ".ipv6.podCIDR"),
                serviceCIDR: try fields.prefix(ipv6["serviceCIDR"], n + ".ipv6.serviceCIDR"),
                location: fields.location(ipv6))
        }
        if let router = try fields.mapping(networks["router"], n + ".router") {
            out.routerID = try fields.string(router["id"], n + ".router.id")
        }
        return out
    }
}
