import Addressing
import Testing
@testable import IPAM

/// Simulated nodes and zone subnets are named when their name is read; these pin the names
/// and the name comparison that stands in for writing them out.
@Suite("Names written on demand")
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

    /// Pool names that end like a simulated suffix, or in digits, must not make two different
    /// nodes look alike (or two alike look different).
    @Test("hasSameName agrees with comparing the written names")
    func sameNameAgreesWithNames() {
        let pools = ["a", "a-z1", "a-z1-2", "w1", "w", "w-z", "-z1-0", ""]
        var nodes: [PlannedNode] = []
        for pool in pools { for zone in [1, 2, 12] { for ordinal in [0, 1, 21] { nodes.append(simulated(pool, zone: zone, ordinal: ordinal)) } } }
        var given = simulated("x", zone: 1, ordinal: 0)
        given.name = "a-z1-0"
        nodes.append(given)
        for a in nodes {
            for b in nodes { #expect(a.hasSameName(as: b) == (a.name == b.name), "\(a.name) vs \(b.name)") }
        }
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
