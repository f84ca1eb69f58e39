import Addressing
import Spec

extension PlanBuilder {
    /// The proposal's MUSTs for OpenStack: the IPv6 pod range inside the node subnet (so the
    /// router finds its way back), and an allocation pool that leaves pods and services alone.
    mutating func checkOpenStack() {
        guard profile.provider == .openstack, let subnet = plan.subnets.first(where: { $0.prefix.family == .v6 }) else { return }
        checkPodsInNodeSubnet(subnet)
        for s in plan.subnets {
            guard let pool = s.allocationPool else { continue }
            for kind in [NetworkKind.pods, .services] {
                guard let r = plan.range(kind, pool.family), r.prefix.overlaps(pool) else { continue }
                report(.poolOverlap, path: "settings.openstack.allocationPool",
                       "the allocation pool \(pool) of \(s.name) overlaps \(kind.rawValue) \(r.prefix); DHCP could hand a node an address the \(kind.rawValue) use",
                       objects: [.subnet(s.name), .network(kind, r.prefix)], at: settings.allocationPool?.location ?? r.location)
            }
        }
    }

    /// Two layouts are valid. The proposal's: one IPv6 subnet cut in quarters, the nodes an
    /// allocation pool inside it (a nodes range longer than the subnet, or an allocation pool
    /// set), pods and services from the same subnet — pods outside it cannot be routed back.
    /// The extension's: a node subnet plus separate pod and service subnets
    /// (gardener-extension-provider-openstack infraflow `ensureSubnetIPv6`), the nodes range
    /// being the node subnet itself; pods live outside it by design, reached through the
    /// router's routes.
    var isProposalSubnetLayout: Bool {
        if let v6 = shoot.infrastructure?.openStackIPv6, v6.subnetPoolID != nil || v6.podCIDR != nil { return false }
        guard let nodes = plan.range(.nodes, .v6) else { return false }
        return settings.allocationPool != nil || nodes.prefix.length > profile.subnetLength
    }

    private mutating func checkPodsInNodeSubnet(_ subnet: PlannedSubnet) {
        guard isProposalSubnetLayout else { return }
        if let pods = plan.range(.pods, .v6), !subnet.prefix.contains(pods.prefix) {
            report(.podsOutsideSubnet, path: path(of: pods),
                   "IPv6 pods \(pods.prefix) lie outside the node subnet \(subnet.prefix); the router only propagates what is part of its subnet, so pod traffic cannot come back; take pods from the subnet, e.g. \(subnet.prefix.subnet(1, length: min(subnet.prefix.length + 2, 128)).map { "\($0)" } ?? "a slice of it")",
                   objects: [.network(.pods, pods.prefix), .subnet(subnet.name)], at: pods.location)
        }
        if let services = plan.range(.services, .v6), !subnet.prefix.contains(services.prefix) {
            report(.servicesOutsideSubnet, path: path(of: services),
                   "IPv6 services \(services.prefix) are outside the subnet \(subnet.prefix), so service IPs are not routable upstream (allowed; the proposal makes it optional)",
                   objects: [.network(.services, services.prefix), .subnet(subnet.name)], at: services.location)
        }
    }
}
