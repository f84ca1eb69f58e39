import Addressing
import Spec
import Testing
@testable import IPAM

/// Subnet layouts as the provider extensions build them, each case naming the function it
/// follows, and broken variants that must fail with the right code.
@Suite struct ProviderLayoutTests {
    /// gardener-extension-provider-aws infraflow `ensureManagedZones`: zone i's /64s are the
    /// VPC's 3i (workers), 3i+1 (internal), 3i+2 (public); `ensureSubnetCidrReservation`:
    /// services are cidrSubnet(first workers /64, 108, 1).
    @Test func awsZoneSubnetsAndTheServiceReservation() throws {
        var b = aws()
        b.nodes = "10.250.0.0/16"
        b.pods = "100.96.0.0/11"
        b.services = "100.64.0.0/13"
        b.families = ["IPv4", "IPv6"]
        b.infrastructure = InfrastructureConfig(vpcCIDR: Located(prefix("10.250.0.0/16")), zones: [
            .init(name: "eu-1a", workers: Located(prefix("10.250.0.0/19")), publicCIDR: Located(prefix("10.250.96.0/22")),
                  internalCIDR: Located(prefix("10.250.112.0/22"))),
            .init(name: "eu-1b", workers: Located(prefix("10.250.32.0/19"))),
        ])
        let plan = b.plan
        let vpc = try #require(plan.vpc.first { $0.family == .v6 }).prefix
        func subnet(_ name: String) -> PlannedSubnet? { plan.subnets.first { $0.name == name } }
        #expect(subnet("eu-1a-v6")?.prefix == vpc.subnet(0, length: 64))
        #expect(subnet("eu-1a-internal-v6")?.prefix == vpc.subnet(1, length: 64))
        #expect(subnet("eu-1a-public-v6")?.prefix == vpc.subnet(2, length: 64))
        #expect(subnet("eu-1b-v6")?.prefix == vpc.subnet(3, length: 64))
        #expect(subnet("eu-1a-v4")?.prefix == prefix("10.250.0.0/19"))
        #expect(subnet("eu-1a-v4")?.source == .spec)
        #expect(subnet("eu-1a-public-v4")?.prefix == prefix("10.250.96.0/22"))
        #expect(plan.range(.services, .v6)?.prefix == vpc.subnet(0, length: 64)?.subnet(1, length: 108))
        #expect(plan.diagnostics.filter { $0.severity != .info }.isEmpty, "\(plan.diagnostics.map(\.message))")
    }

    /// Zones the infrastructure config does not name get an invented slice, marked simulated.
    @Test func inventedZoneSubnetsAreSimulated() {
        let plan = aws().plan
        let v4 = plan.subnets.filter { $0.prefix.family == .v4 }
        #expect(!v4.isEmpty && v4.allSatisfy { $0.source == .simulated })
    }

    /// aws-ipam-controller: a node's IPv6 pod CIDR is its ENI's /80, its address the ENI's in the
    /// zone /64, outside the /80. Clean, and the /80 is the node prefix.
    @Test func awsNodesAsTheIPAMControllerPatchesThem() throws {
        var b = aws()
        b.observedNodes = [
            ObservedNode(name: "n1", zone: "eu-1a", addresses: [ip("10.250.0.10"), ip("2001:db8:0:1:8a2c::1f")],
                         podCIDRs: [prefix("100.96.0.0/24"), prefix("2001:db8:0:1:d7c2::/80")]),
        ]
        b.nodes = "10.250.0.0/16"
        b.pods = "100.96.0.0/11"
        b.services = "100.64.0.0/13"
        b.families = ["IPv4", "IPv6"]
        b.settings.simulationPool = Located(prefix("2001:db8::/56"))  // the VPC: 2001:db8::/56
        let plan = b.plan
        let node = try #require(plan.nodes.first)
        #expect(node.nodePrefix == prefix("2001:db8:0:1:d7c2::/80"))
        #expect(!plan.has(.podCIDRNotFromTemplate))
        #expect(!plan.has(.podCIDROutsideRange))
        #expect(plan.diagnostics.filter { $0.severity == .error }.isEmpty, "\(plan.diagnostics.map(\.message))")
    }

    /// Broken: a service range that overlaps a node's delegated prefix.
    @Test func awsServicesOverANodePrefixFail() throws {
        var b = aws()
        b.services = "100.64.0.0/13, 2001:db8:0:1:d7c2::/108"
        b.observedNodes = [
            ObservedNode(name: "n1", zone: "eu-1a", addresses: [ip("10.250.0.10"), ip("2001:db8:0:1:8a2c::1f")],
                         podCIDRs: [prefix("100.96.0.0/24"), prefix("2001:db8:0:1:d7c2::/80")]),
        ]
        let d = try #require(b.plan.diagnostics.first { $0.code == .overlapNodesServices })
        #expect(d.severity == .error)
        #expect(d.message.contains("n1"))
    }

    /// GCP as the extension writes it (infraflow `PatchProviderStatusAndState`): nodes and pods
    /// the node subnet's /64, services the first /108 of the separate services subnet. No false
    /// overlap.
    @Test func gcpDualStackHasNoFalseOverlap() {
        let plan = Self.gcp(services: "2001:db8:4a1b:2c01::/108").plan
        #expect(plan.diagnostics.filter { $0.severity != .info }.isEmpty, "\(plan.diagnostics.map(\.message))")
        #expect(plan.subnets.contains { $0.purpose == .services && $0.prefix == prefix("2001:db8:4a1b:2c01::/64") })
        // A /96 per VM and a /112 of it for its pods.
        #expect(plan.nodes.allSatisfy { $0.nodePrefix?.length == 96 && $0.podCIDR(.v6)?.length == 112 })
    }

    /// A GCP dual-stack shoot with the node subnet /64 as nodes and pods and `services` for IPv6.
    static func gcp(services: String) -> ShootBuilder {
        var b = aws()
        b.provider = "gcp"
        b.nodes = "10.250.0.0/16, 2001:db8:4a1b:2c00::/64"
        b.pods = "100.96.0.0/11, 2001:db8:4a1b:2c00::/64"
        b.services = "100.64.0.0/13, " + services
        return b
    }

    /// Broken: GCP cannot reserve addresses, so services inside the node subnet collide.
    @Test func gcpServicesInTheNodeSubnetFail() {
        #expect(Self.gcp(services: "2001:db8:4a1b:2c00:ffff::/108").plan.diagnostics.contains { $0.code == .overlapNodesServices && $0.severity == .error })
    }

    /// The simulation never produces a layout its own checks flag (AWS, GCP; dual and single stack).
    @Test(arguments: ["aws", "gcp"])
    func theSimulationPassesItsOwnChecks(_ provider: String) {
        for families in [["IPv4", "IPv6"], ["IPv6"]] where !(provider == "gcp" && families == ["IPv6"]) {
            var b = aws()
            b.provider = provider
            b.families = families
            if families == ["IPv6"] { b.nodes = "AUTOv6"; b.pods = "AUTOv6"; b.services = "AUTOv6" }
            b.workers = [Worker(name: "w", minimum: 5, maximum: 5, zones: ["eu-1a", "eu-1b", "eu-1c"])]
            let plan = b.plan
            #expect(plan.diagnostics.filter { $0.severity != .info }.isEmpty, "\(provider) \(families): \(plan.diagnostics.map(\.message))")
        }
    }

    /// OpenStack with `networks.ipv6` CIDRs (infraflow `ensureIPv6CIDRs`): the ranges come from
    /// the config, services re-masked to /112, and pods outside the node subnet are by design.
    @Test func openStackIPv6FromTheInfrastructureConfig() throws {
        var b = ShootBuilder.openStackDualStack(nodes: "10.250.0.0/16", pods: "100.96.0.0/11", services: "100.64.0.0/13")
        b.infrastructure = InfrastructureConfig(workers: Located(prefix("10.250.0.0/16")), openStackIPv6: .init(
            nodeCIDR: Located(prefix("2001:db8:40::/64")), podCIDR: Located(prefix("2001:db8:41::/64")),
            serviceCIDR: Located(prefix("2001:db8:42::/64"))))
        let plan = b.plan
        #expect(plan.range(.nodes, .v6)?.prefix == prefix("2001:db8:40::/64"))
        #expect(plan.range(.pods, .v6)?.prefix == prefix("2001:db8:41::/64"))
        #expect(plan.range(.services, .v6)?.prefix == prefix("2001:db8:42::/112"))
        #expect(!plan.has(.podsOutsideSubnet))
        #expect(!plan.has(.openStackIPv6Config))
        #expect(plan.diagnostics.filter { $0.severity == .error }.isEmpty, "\(plan.diagnostics.map(\.message))")
    }
}
