import Addressing
import Spec
import Testing
@testable import IPAM

/// The pod prefix checks at scale: how many findings are named, in which order.
@Suite("Pod CIDR checks")
struct PodCIDRCheckTests {
    /// The figure's shoot with `count` nodes; `pod6(i)` gives node i's IPv6 pod CIDR.
    static func shoot(count: Int, pod6: (Int) -> IPPrefix) -> ShootBuilder {
        var b = ShootBuilder.gepFigure
        b.nodes = "100.0.0.0/16, 2001:db8::/66"
        b.observedNodes = (0..<count).map { i in
            ObservedNode(name: "node-\(i)", zone: "z1",
                         addresses: [IPAddress(family: .v4, value: 0x6400_0000 + UInt128(10 + i)), IPAddress(v6: (UInt128(0x2001_0db8) << 96) + UInt128(0x100 + i))],
                         podCIDRs: [IPPrefix(masking: IPAddress(family: .v4, value: 0x0A00_0000 + (UInt128(i) << 8)), length: 24), pod6(i)])
        }
        b.router = nil
        return b
    }

    @Test("Thirty nodes on one pod CIDR: twenty overlaps named in node order, the rest counted")
    func overlapsNamedThenCounted() {
        let plan = Self.shoot(count: 31) { _ in prefix("2001:db8::4000:0:0:0/112") }.plan
        let named = plan.diagnostics.filter { $0.code == .overlapPodCIDRs && $0.path != "nodes" }
        #expect(named.count == 20)
        #expect(Set(named.map(\.path)) == Set((1...20).map { "nodes[node-\($0)].podCIDRs" }))
        #expect(named.allSatisfy { $0.message.hasSuffix("overlaps a pod CIDR of node node-0") })
        let more = plan.diagnostics.filter { $0.code == .overlapPodCIDRs && $0.path == "nodes" }
        #expect(more.map(\.message) == ["10 more overlapping IPv6 pod CIDRs not listed"])
    }

    @Test("Sixty nodes outside the pod range: the first fifty named")
    func outsideNamedUpToFifty() {
        let plan = Self.shoot(count: 60) { i in
            IPPrefix(masking: IPAddress(v6: (UInt128(0x2001_0db8) << 96) | (UInt128(0xc000) << 48) | (UInt128(i) << 16)), length: 112)
        }.plan
        let outside = plan.diagnostics.filter { $0.code == .podCIDROutsideRange }
        #expect(Set(outside.map(\.path)) == Set((0..<50).map { "nodes[node-\($0)].podCIDRs" }))
        #expect(outside.allSatisfy { $0.message.contains("lies outside the pod range 2001:db8:0:0:4000::/66") })
    }
}
