import Addressing
import Testing
@testable import IPAM

/// Simulated nodes are named from their pool, zone and ordinal, zone subnets (named when the
/// name is read) from their zone, purpose and family; these pin the names.
@Suite("Names of simulated nodes and zone subnets")
struct PlannedNameTests {
    private func simulated(_ worker: String, zone: Int, ordinal: Int) -> PlannedNode {
        PlannedNode(simulatedIn: worker, zoneNumber: zone, ordinal: ordinal, zone: "z", addresses: [], nodePrefix: nil,
                    reservedPrefix: nil, podCIDRs: [], index: 0)
    }

    @Test("a simulated node is named pool-zN-K")
    func simulatedName() {
        #expect(simulated("worker", zone: 2, ordinal: 0).name == "worker-z2-0")
        var renamed = simulated("worker", zone: 1, ordinal: 3)
        renamed.name = "node-a"
        #expect(renamed.name == "node-a")
    }

    @Test("zone subnets are named after zone, purpose and family", arguments: [
        (PlannedSubnet.Purpose.workers, "2001:db8::/64", "eu-1a-v6"),
        (.internalUtility, "2001:db8::/64", "eu-1a-internal-v6"),
        (.publicUtility, "10.0.0.0/24", "eu-1a-public-v4"),
        (.workers, "10.0.0.0/24", "eu-1a-v4"),
    ])
    func zoneSubnetName(_ purpose: PlannedSubnet.Purpose, _ prefix: String, _ name: String) throws {
        let subnet = PlannedSubnet(zone: "eu-1a", purpose: purpose, prefix: try #require(IPPrefix(prefix)), source: .spec)
        #expect(subnet.name == name)
    }
}
