import Addressing
import Spec
import Testing
@testable import IPAM

@Suite("The proposal's OpenStack figure")
struct GEPFigureTests {
    let plan = ShootBuilder.gepFigure.plan

    @Test func routesAreTheFiguresRoutingEntries() {
        let routes = plan.routes.map { "\($0.destination) via \($0.nexthop) \($0.status.rawValue)" }
        #expect(routes == [
            "2001:db8:0:0:4000::/112 via 2001:db8::a1 ok",
            "2001:db8::4000:0:1:0/112 via 2001:db8::b4 missing",
        ])
        #expect(plan.routesCompared)
    }

    @Test func missingRouteIsAnErrorNamingTheNodeAndTheFix() throws {
        let d = try #require(plan.diagnostics.first { $0.code == .routeMissing })
        #expect(d.severity == .error)
        #expect(d.message.contains("node-b4"))
        #expect(d.message.contains("openstack router add route --route destination=2001:db8::4000:0:1:0/112,gateway=2001:db8::b4"))
        #expect(d.objects.contains(.node("node-b4")))
    }

    @Test func subnetsAndRoutersFollowTheFigure() {
        #expect(plan.subnets.map { "\($0.name) \($0.prefix) pool \($0.allocationPool.map(String.init(describing:)) ?? "-")" } == [
            "subnet-v4 100.0.0.0/24 pool 100.0.0.0/24",
            "subnet-v6 2001:db8::/64 pool 2001:db8::/66",
        ])
        #expect(plan.routers.map(\.name) == ["router-v4", "router-v6"])
    }

    @Test func observedNodesKeepTheirPrefixes() {
        #expect(plan.nodes.map(\.name) == ["node-a1", "node-b4"])
        #expect(plan.nodes[1].podCIDRs.map(\.description) == ["10.0.1.0/24", "2001:db8::4000:0:1:0/112"])
        #expect(plan.nodes.allSatisfy { $0.source == .observed })
    }

    @Test func maxNodesIsBoundByIPv4Nodes() {
        // gardenlet (botanist/clusterautoscaler.go): dual-stack counts only IPv4 pods, /16 with
        // /24 per node = 256; IPv4 nodes /24 = 2^8 − 2 = 254 addresses; the smaller wins.
        #expect(plan.maxNodesDetail?.pods == 256)
        #expect(plan.maxNodesDetail?.nodes == 254)
        #expect(plan.maxNodes == 254)
        #expect(plan.maxNodesReason.contains("100.0.0.0/24"))
    }
}

@Suite("Address lookup")
struct AddressLookupTests {
    let plan = ShootBuilder.gepFigure.plan

    @Test func podAddressBelongsToNodeB4FirstThenItsRange() {
        let owners = plan.owners(of: ip("2001:db8::4000:0:1:5"))
        #expect(owners.map(\.text) == [
            "pod CIDR 2001:db8::4000:0:1:0/112 of node node-b4",
            "route 2001:db8::4000:0:1:0/112 via 2001:db8::b4 on router-v6 (missing)",
            "pods range 2001:db8:0:0:4000::/66 (spec)",
            "subnet subnet-v6 2001:db8::/64",
            "VPC 2001:db8::/64",
        ])
    }

    @Test func nodeAddressComesFirst() {
        let owners = plan.owners(of: ip("2001:db8::b4"))
        #expect(owners.first?.text == "InternalIP 2001:db8::b4 of node node-b4")
        #expect(owners.contains { $0.kind == .allocationPool })
    }

    @Test func unknownAddressHasNoOwner() {
        #expect(plan.owners(of: ip("192.0.2.1")).isEmpty)
    }
}
