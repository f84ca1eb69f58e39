import Addressing
import IPAM
import Spec

/// Hand-built plans standing in for the engine's output in diagram tests.
enum PlanFixtures {
    static func prefix(_ s: String) -> IPPrefix {
        guard let p = IPPrefix(s) else { preconditionFailure("bad test prefix \(s)") }
        return p
    }

    static func address(_ s: String) -> IPAddress {
        guard let a = IPAddress(s) else { preconditionFailure("bad test address \(s)") }
        return a
    }

    static func range(_ kind: NetworkKind, _ s: String, _ source: RangeSource = .spec) -> PlannedRange {
        PlannedRange(kind: kind, prefix: prefix(s), source: source)
    }

    /// The proposal's OpenStack figure: two dual-stack nodes, a router per family, and the
    /// IPv6 router missing the route to the second node's pod prefix.
    static func openStackFigure() -> Plan {
        var plan = Plan(shootName: "dual-stack", provider: .openstack, providerName: "openstack", region: "eu-de-1")
        plan.ipFamilies = [.v4, .v6]
        plan.networks = [
            range(.nodes, "100.0.0.0/24"), range(.nodes, "2001:db8::/66"),
            range(.pods, "10.0.0.0/16"), range(.pods, "2001:db8:0:0:4000::/66"),
            range(.services, "10.1.0.0/16"), range(.services, "2001:db8:0:0:8000::/66"),
        ]
        plan.vpc = [range(.nodes, "2001:db8::/64")]
        plan.subnets = [
            PlannedSubnet(name: "shoot-v4", prefix: prefix("100.0.0.0/24"), allocationPool: prefix("100.0.0.0/24"), source: .spec, router: "router-v4"),
            PlannedSubnet(name: "shoot-v6", prefix: prefix("2001:db8::/64"), allocationPool: prefix("2001:db8::/66"), source: .spec, router: "router-v6"),
        ]
        plan.routers = [
            PlannedRouter(name: "router-v4", family: .v4, subnet: "shoot-v4", routeQuota: 30),
            PlannedRouter(name: "router-v6", family: .v6, subnet: "shoot-v6", routeQuota: 30),
        ]
        plan.nodes = [
            PlannedNode(name: "node-a1", zone: "nova-1", addresses: [address("100.0.0.10"), address("2001:db8::a1")],
                        podCIDRs: [prefix("10.0.0.0/24"), prefix("2001:db8:0:0:4000::/112")], source: .observed, index: 0),
            PlannedNode(name: "node-b4", zone: "nova-1", addresses: [address("100.0.0.15"), address("2001:db8::b4")],
                        podCIDRs: [prefix("10.0.1.0/24"), prefix("2001:db8::4000:0:1:0/112")], source: .observed, index: 1),
        ]
        plan.routes = [
            PlannedRoute(router: "router-v6", destination: prefix("2001:db8:0:0:4000::/112"), nexthop: address("2001:db8::a1"), status: .ok, node: "node-a1"),
            PlannedRoute(router: "router-v6", destination: prefix("2001:db8::4000:0:1:0/112"), nexthop: address("2001:db8::b4"), status: .missing, node: "node-b4"),
        ]
        plan.routesCompared = true
        plan.podModes = [.v4: .clusterRange, .v6: .clusterRange]
        plan.nodeMasks = [.v4: 24, .v6: 112]
        plan.maxNodes = 254
        plan.workersMaximum = 4
        return plan
    }

    /// An AWS dual-stack shoot planned offline: AUTOv6 simulated, nodes simulated from the
    /// workers (`nodesPerZone` in each of two zones).
    static func awsSimulated(nodesPerZone: [Int] = [2, 1], zones: [String] = ["eu-west-1a", "eu-west-1b"]) -> Plan {
        var plan = Plan(shootName: "aws-dual", provider: .aws, providerName: "aws", region: "eu-west-1")
        plan.ipFamilies = [.v4, .v6]
        let vpc6 = prefix("2600:1f18:4a3b:9c00::/56")
        plan.vpc = [range(.nodes, "10.250.0.0/16"), PlannedRange(kind: .nodes, prefix: vpc6, source: .simulated)]
        plan.networks = [
            range(.nodes, "10.250.0.0/16"), PlannedRange(kind: .nodes, prefix: vpc6, source: .simulated),
            range(.pods, "100.64.0.0/12"), PlannedRange(kind: .pods, prefix: vpc6, source: .simulated),
            range(.services, "100.104.0.0/13"), range(.services, "2600:1f18:4a3b:9cff::/108", .simulated),
        ]
        var nodeIndex = 0
        for (z, zone) in zones.enumerated() {
            let subnet4 = prefix("10.250.\(z * 32).0/19")
            guard let subnet6 = vpc6.subnet(UInt128(z), length: 64) else { continue }
            plan.subnets.append(PlannedSubnet(name: "\(zone)-v4", zone: zone, prefix: subnet4, source: .spec))
            plan.subnets.append(PlannedSubnet(name: "\(zone)-v6", zone: zone, prefix: subnet6, source: .simulated))
            for k in 0..<(z < nodesPerZone.count ? nodesPerZone[z] : 0) {
                guard let nodePrefix = subnet6.subnet(UInt128(k + 1), length: 80),
                      let reserved = nodePrefix.subnet(0, length: 100),
                      let pod = nodePrefix.subnet(15, length: 100),
                      let v4 = subnet4.network.adding(UInt128(10 + k)),
                      let v6 = nodePrefix.network.adding(1),
                      let pod4 = prefix("100.64.0.0/12").subnet(UInt128(nodeIndex), length: 24) else { continue }
                plan.nodes.append(PlannedNode(name: "worker-\(zone)-\(k)", zone: zone, addresses: [v4, v6], nodePrefix: nodePrefix,
                                              reservedPrefix: reserved, podCIDRs: [pod4, pod], source: .simulated, index: nodeIndex))
                nodeIndex += 1
            }
        }
        plan.nodesSimulated = true
        plan.podModes = [.v4: .clusterRange, .v6: .nodePrefix]
        plan.nodeMasks = [.v4: 24, .v6: 100]
        plan.maxNodes = 4096
        plan.workersMaximum = 6
        return plan
    }

    /// A plain IPv4 shoot on another provider with three observed nodes in two zones.
    static func ipv4Only() -> Plan {
        var plan = Plan(shootName: "classic", provider: .other, providerName: "alicloud", region: "eu-central-1")
        plan.ipFamilies = [.v4]
        plan.vpc = [range(.nodes, "10.180.0.0/16")]
        plan.networks = [range(.nodes, "10.180.0.0/16"), range(.pods, "100.96.0.0/11"), range(.services, "100.64.0.0/13")]
        plan.subnets = [
            PlannedSubnet(name: "zone-a", zone: "eu-central-1a", prefix: prefix("10.180.0.0/18"), source: .spec),
            PlannedSubnet(name: "zone-b", zone: "eu-central-1b", prefix: prefix("10.180.64.0/18"), source: .spec),
        ]
        let zones = ["eu-central-1a", "eu-central-1a", "eu-central-1b"]
        for (i, zone) in zones.enumerated() {
            let base = i == 2 ? "10.180.64." : "10.180.0."
            plan.nodes.append(PlannedNode(name: "node-\(i)", zone: zone, addresses: [address(base + "\(10 + i)")],
                                          podCIDRs: [prefix("100.96.\(i).0/24")], source: .observed, index: i))
        }
        plan.podModes = [.v4: .clusterRange]
        plan.nodeMasks = [.v4: 24]
        plan.maxNodes = 8192
        plan.workersMaximum = 5
        return plan
    }

    /// An OpenStack dual-stack shoot with `count` nodes named `node-0000`…, each with a
    /// planned route on the IPv6 router; `missingEvery` marks every k-th route missing.
    static func openStackLarge(_ count: Int, missingEvery: Int = 0) -> Plan {
        var plan = openStackFigure()
        plan.shootName = "large"
        plan.nodes = []
        plan.routes = []
        let pods6 = prefix("2001:db8:0:0:4000::/66")
        for i in 0..<count {
            let name = "node-" + String(String(i + 10_000).dropFirst())
            guard let v4 = prefix("100.0.0.0/16").network.adding(UInt128(10 + i)),
                  let v6 = prefix("2001:db8::/66").network.adding(UInt128(0x100 + i)),
                  let pod4 = prefix("10.0.0.0/8").subnet(UInt128(i), length: 24),
                  let pod6 = pods6.subnet(UInt128(i), length: 112) else { continue }
            plan.nodes.append(PlannedNode(name: name, zone: "nova-\(i % 3)", addresses: [v4, v6], podCIDRs: [pod4, pod6], source: .observed, index: i))
            let missing = missingEvery > 0 && i % missingEvery == 0
            plan.routes.append(PlannedRoute(router: "router-v6", destination: pod6, nexthop: v6, status: missing ? .missing : .ok, node: name))
        }
        plan.workersMaximum = count
        return plan
    }

    /// An AWS shoot with `count` simulated nodes in one zone.
    static func awsLarge(_ count: Int) -> Plan {
        var plan = awsSimulated(nodesPerZone: [0], zones: ["eu-west-1a"])
        let subnet6 = plan.subnets[1].prefix
        for i in 0..<count {
            guard let nodePrefix = subnet6.subnet(UInt128(i + 1), length: 80),
                  let reserved = nodePrefix.subnet(0, length: 100),
                  let pod = nodePrefix.subnet(15, length: 100),
                  let v4 = prefix("10.250.0.0/19").network.adding(UInt128(10 + i)),
                  let v6 = nodePrefix.network.adding(1),
                  let pod4 = prefix("100.64.0.0/12").subnet(UInt128(i), length: 24) else { continue }
            plan.nodes.append(PlannedNode(name: "worker-" + String(String(i + 10_000).dropFirst()), zone: "eu-west-1a",
                                          addresses: [v4, v6], nodePrefix: nodePrefix, reservedPrefix: reserved,
                                          podCIDRs: [pod4, pod], source: .simulated, index: i))
        }
        return plan
    }

    /// The figure on a ULA subnet, whose long addresses make routing entries wider than a
    /// router box at 80 columns, with a route of every status and `count` nodes.
    static func openStackLongRoutes(_ count: Int = 4) -> Plan {
        var plan = openStackFigure()
        plan.shootName = "ula"
        let subnet = prefix("fd8f:6d53:b97a:1::/64"), pool = prefix("fd8f:6d53:b97a:1::/66")
        let pods6 = prefix("fd8f:6d53:b97a:1:4000::/66")
        plan.networks[1] = range(.nodes, "fd8f:6d53:b97a:1::/66")
        plan.networks[3] = range(.pods, "fd8f:6d53:b97a:1:4000::/66")
        plan.networks[5] = range(.services, "fd8f:6d53:b97a:1:8000::/108")
        plan.vpc = [PlannedRange(kind: .nodes, prefix: subnet, source: .spec)]
        plan.subnets[1] = PlannedSubnet(name: "shoot-v6", prefix: subnet, allocationPool: pool, source: .spec, router: "router-v6")
        plan.nodes = []
        plan.routes = []
        let statuses: [RouteStatus] = [.ok, .missing, .wrongNexthop, .stale]
        for i in 0..<count {
            let name = "worker-z1-\(i)"
            guard let v4 = prefix("100.0.0.0/24").network.adding(UInt128(10 + i)),
                  let v6 = subnet.network.adding(UInt128(0x100 + i)),
                  let pod4 = prefix("10.0.0.0/16").subnet(UInt128(i), length: 24),
                  let pod6 = pods6.subnet(UInt128(i), length: 112) else { continue }
            plan.nodes.append(PlannedNode(name: name, zone: "eu-de-1a", addresses: [v4, v6], podCIDRs: [pod4, pod6], source: .observed, index: i))
            let status = statuses[i % statuses.count]
            plan.routes.append(PlannedRoute(router: "router-v6", destination: pod6, nexthop: v6, status: status, node: name,
                                            actualNexthop: status == .wrongNexthop ? subnet.network.adding(0xffff) : nil))
        }
        plan.workersMaximum = count
        return plan
    }
}
