import Addressing
import Spec
@testable import IPAM

/// Builds plan inputs from the few fields a test cares about, in the proposal's tuple notation.
struct ShootBuilder {
    var provider = "openstack"
    var name = "test"
    var families: [String]? = nil
    var nodes = ""
    var pods = ""
    var services = ""
    var workers: [Worker] = [Worker(name: "pool", minimum: 2, maximum: 4, zones: ["z1"])]
    var nodeMaskV4: Int? = nil
    var nodeMaskV6: Int? = nil
    var maxPods: Int? = nil
    var settings = Settings()
    var observedNodes: [ObservedNode]? = nil
    var router: ObservedRouter? = nil
    /// `spec.networking.providerConfig.overlay.enabled`; nil leaves the providerConfig out.
    var overlay: Bool? = false
    var networkingType: String? = "calico"
    var infrastructure: InfrastructureConfig? = nil

    var input: PlanInput {
        let networking = Networking(
            type: networkingType, ipFamilies: families.map { Located($0) },
            nodes: CIDRSlot.parseTuple(nodes), pods: CIDRSlot.parseTuple(pods), services: CIDRSlot.parseTuple(services),
            providerConfig: overlay.map { NetworkingProviderConfig(hasOverlay: true, overlayEnabled: Located($0)) })
        var shoot = Shoot(name: name, namespace: "garden-test", provider: Located(provider), region: "r1", workers: workers,
                          networking: networking, nodeMaskV4: nodeMaskV4.map { Located($0) },
                          nodeMaskV6: nodeMaskV6.map { Located($0) }, maxPods: maxPods.map { Located($0) })
        shoot.infrastructure = infrastructure
        return PlanInput(shoot: shoot, settings: settings, observed: ObservedState(nodes: observedNodes, router: router))
    }

    var plan: Plan { Planner.plan(input) }

    /// A dual-stack OpenStack shoot with IPv6 node mask /80 and the given ranges.
    static func openStackDualStack(nodes: String, pods: String, services: String) -> ShootBuilder {
        var b = ShootBuilder()
        b.provider = "openstack"
        b.families = ["IPv4", "IPv6"]
        b.nodes = nodes
        b.pods = pods
        b.services = services
        b.nodeMaskV6 = 80
        return b
    }

    /// The proposal's OpenStack figure: two nodes, node-b4's route missing from the router.
    static var gepFigure: ShootBuilder {
        var b = ShootBuilder()
        b.families = ["IPv4", "IPv6"]
        b.nodes = "100.0.0.0/24, 2001:db8::/66"
        b.pods = "10.0.0.0/16, 2001:db8:0:0:4000::/66"
        b.services = "10.1.0.0/16, 2001:db8:0:0:8000::/108"
        b.nodeMaskV4 = 24
        b.nodeMaskV6 = 112
        b.observedNodes = [
            ObservedNode(name: "node-a1", zone: "z1", addresses: [ip("100.0.0.10"), ip("2001:db8::a1")],
                         podCIDRs: [prefix("10.0.0.0/24"), prefix("2001:db8::4000:0:0:0/112")]),
            ObservedNode(name: "node-b4", zone: "z1", addresses: [ip("100.0.0.15"), ip("2001:db8::b4")],
                         podCIDRs: [prefix("10.0.1.0/24"), prefix("2001:db8::4000:0:1:0/112")]),
        ]
        b.router = ObservedRouter(name: "router-v6", routes: [
            ObservedRoute(destination: prefix("2001:db8::4000:0:0:0/112"), nexthop: ip("2001:db8::a1")),
        ])
        return b
    }
}

func ip(_ s: String) -> IPAddress {
    guard let a = IPAddress(s) else { preconditionFailure("test address \(s) does not parse") }
    return a
}

func prefix(_ s: String) -> IPPrefix {
    guard let p = IPPrefix(s) else { preconditionFailure("test prefix \(s) does not parse") }
    return p
}

extension Plan {
    var codes: [String] { diagnostics.map(\.code.rawValue) }
    func has(_ code: DiagnosticCode) -> Bool { diagnostics.contains { $0.code == code } }
}
