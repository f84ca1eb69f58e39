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

    @Test("a simulated node is named pool-zN-K", arguments: [
        ("worker", 2, 0, "worker-z2-0"),
        ("w", 10, 1234567, "w-z10-1234567"),
        // Longer than a string holds inline, and not ASCII.
        ("a-very-long-worker-pool-name", 3, 19, "a-very-long-worker-pool-name-z3-19"),
        ("wörker-日本", 1, 0, "wörker-日本-z1-0"),
        ("", 0, 0, "-z0-0"),
        ("w", Int.max, Int.min, "w-z9223372036854775807--9223372036854775808"),
    ])
    func simulatedName(_ worker: String, _ zone: Int, _ ordinal: Int, _ name: String) {
        #expect(simulated(worker, zone: zone, ordinal: ordinal).name == name)
        #expect(PlannedNode.simulatedName(worker, zone, ordinal) == "\(worker)-z\(zone)-\(ordinal)")
    }

    @Test("a simulated node can be renamed")
    func renamed() {
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
