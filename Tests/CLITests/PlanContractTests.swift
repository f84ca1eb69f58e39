import Addressing
import Foundation
import Testing
import TestSupport

/// Issue 3's "done when", through the built binary, as explicit assertions (not only goldens).
@Suite struct PlanContractTests {
    static let figureRoutes: Set<PlanDocument.Route> = [
        .init(router: "shoot--netlab--gep-dualstack-v6", destination: "2001:db8:0:0:4000::/112", nexthop: "2001:db8::a1", status: "ok"),
        .init(router: "shoot--netlab--gep-dualstack-v6", destination: "2001:db8::4000:0:1:0/112", nexthop: "2001:db8::b4", status: "missing"),
    ]

    /// The figure's two routes, with node-b4's reported missing — from the embedded node list
    /// and router, from the flag files, and from a copy of the sample that holds only the
    /// Shoot and its settings plus the flag files.
    @Test func openStackFigurePlansExactlyTheFigureRoutes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let shootOnly = try scratch.write("gep-shoot-only.yaml", SampleFiles.leadingDocuments(of: "gep-openstack.yaml", count: 2))
        let flags = ["--nodes", SampleFiles.gepNodes, "--routes", SampleFiles.gepRouter]
        for args in [[SampleFiles.yaml("gep-openstack")], [SampleFiles.yaml("gep-openstack")] + flags, [shootOnly] + flags] {
            let (_, plan) = try ProcessRunner.planJSON(args)
            #expect(plan.routes.count == 2, "\(args)")
            #expect(Set(plan.routes) == Self.figureRoutes, "\(args): \(plan.routes)")
            #expect(plan.nodes.map(\.name) == ["node-a1", "node-b4"])
            let missing = plan.diagnostics.filter { $0.code == "route.missing" }
            #expect(missing.count == 1)
            #expect(missing.first?.severity == "error")
            #expect(missing.first?.message.contains("2001:db8::4000:0:1:0/112") == true)
            #expect(missing.first?.message.contains("2001:db8::b4") == true)
            #expect(missing.first?.objects.contains("node/node-b4") == true)
        }
    }

    /// Without a router the routes are only planned; without a node list the nodes are simulated.
    @Test func openStackFigureWithoutObservedStatePlansRoutes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let shootOnly = try scratch.write("gep-shoot-only.yaml", SampleFiles.leadingDocuments(of: "gep-openstack.yaml", count: 2))
        let (_, plan) = try ProcessRunner.planJSON([shootOnly])
        #expect(!plan.routes.isEmpty)
        #expect(plan.routes.allSatisfy { $0.status == "planned" }, "\(plan.routes)")
        #expect(!plan.diagnostics.contains { $0.code.hasPrefix("route.") })
        // One route per node IPv6 pod prefix, via that node's IPv6 address.
        var expected: Set<[String]> = []
        for node in plan.nodes {
            guard let v6 = node.addresses.first(where: { $0.contains(":") }) else { continue }
            for pod in node.podCIDRs where pod.contains(":") { expected.insert([pod, v6]) }
        }
        #expect(Set(plan.routes.map { [$0.destination, $0.nexthop] }) == expected)
    }

    /// AUTOv6 without observed state: simulated, deterministic across processes, marked as such.
    @Test(arguments: ["aws-dualstack", "aws-ipv6"])
    func autoV6IsSimulatedDeterministically(_ sample: String) throws {
        let first = try ProcessRunner.planJSON([SampleFiles.yaml(sample)])
        let second = try ProcessRunner.planJSON([SampleFiles.yaml(sample)])
        #expect(first.text == second.text, "two runs of plan differ")
        let render1 = try ProcessRunner.shootnet(["render", SampleFiles.yaml(sample), "--width", "120", "--color", "never"])
        let render2 = try ProcessRunner.shootnet(["render", SampleFiles.yaml(sample), "--width", "120", "--color", "never"])
        #expect(render1.stdout == render2.stdout && !render1.stdout.isEmpty, "two runs of render differ")

        let plan = first.plan
        for kind in ["nodes", "pods", "services"] {
            let v6 = try #require(plan.range(kind, "IPv6"), "\(kind) has no IPv6 range")
            #expect(v6.source == "simulated", "\(kind) \(v6.cidr): \(v6.source)")
            for v4 in plan.ranges(kind) where v4.family == "IPv4" { #expect(v4.source == "spec") }
        }
        // The render marks every simulated range (`~` in front of it).
        for kind in ["nodes", "pods", "services"] {
            if let v6 = plan.range(kind, "IPv6") { #expect(render1.stdout.contains("~" + v6.cidr), "render does not mark \(v6.cidr) simulated") }
        }
        // The simulated node count is the workers' minimum.
        #expect(plan.nodes.count == (sample == "aws-dualstack" ? 3 : 2))
    }

    /// The AWS layout as the extension builds it: a VPC /56 from the pool (2001:db8::/32 here),
    /// zone /64s at positions 3i, an ENI /80 per node that is its pod CIDR, the node's address
    /// apart from it, and the services /108 reserved in the first workers /64.
    @Test(arguments: ["aws-dualstack", "aws-ipv6"])
    func awsSimulationFollowsTheNodePrefixRules(_ sample: String) throws {
        let (_, plan) = try ProcessRunner.planJSON([SampleFiles.yaml(sample)])
        let pool = try #require(IPPrefix("2001:db8::/32"))
        let vpc = try #require(plan.range("nodes", "IPv6").flatMap { IPPrefix($0.cidr) })
        #expect(vpc.length == 56 && pool.contains(vpc), "VPC \(vpc)")
        #expect(plan.range("pods", "IPv6")?.cidr == vpc.description, "IPv6 pods coincide with the VPC in node-prefix mode")
        let services = try #require(plan.range("services", "IPv6").flatMap { IPPrefix($0.cidr) })
        #expect(services.length == 108 && vpc.contains(services), "services \(services)")
        var zoneSubnets: [String: IPPrefix] = [:]
        for node in plan.nodes {
            let nodePrefix = try #require(node.nodePrefix.flatMap { IPPrefix($0) }, "\(node.name) has no nodePrefix")
            #expect(nodePrefix.length == 80 && vpc.contains(nodePrefix))
            #expect(!nodePrefix.overlaps(services), "\(node.name): node prefix \(nodePrefix) overlaps services \(services)")
            let zone = try #require(node.zone)
            let subnet = try #require(nodePrefix.supernet(length: 64))
            #expect(zoneSubnets[zone, default: subnet] == subnet, "zone \(zone) spans two /64s")
            zoneSubnets[zone] = subnet
            // aws-ipam-controller: the pod CIDR is the ENI's whole delegated /80; the node's own
            // address is the ENI's, in the zone /64 but outside every delegated prefix.
            #expect(node.podCIDRs.contains(nodePrefix.description), "\(node.name): pods \(node.podCIDRs), expected \(nodePrefix)")
            let address = try #require(node.addresses.compactMap { IPAddress($0) }.first { $0.family == .v6 })
            #expect(subnet.contains(address) && !nodePrefix.contains(address), "\(node.name): address \(address)")
            // infraflow ensureManagedZones: zone i's workers /64 is the VPC's /64 number 3i.
            let zones = sample == "aws-dualstack" ? ["eu-west-1a", "eu-west-1b", "eu-west-1c"] : ["eu-central-1a", "eu-central-1b"]
            let zoneIndex = try #require(zones.firstIndex(of: zone))
            #expect(vpc.subnet(UInt128(3 * zoneIndex), length: 64) == subnet, "\(zone): \(subnet)")
        }
        // ensureSubnetCidrReservation: the second /108 of the first zone's workers /64.
        #expect(vpc.subnet(0, length: 64)?.subnet(1, length: 108) == services)
        // One /64 per zone, no two zones sharing one.
        #expect(Set(zoneSubnets.values).count == zoneSubnets.count)
    }

    /// GCP with status.networking: the IPv6 ranges are what GCP assigned, with source `status`.
    @Test func gcpDualStackTakesIPv6FromTheStatus() throws {
        let (_, plan) = try ProcessRunner.planJSON([SampleFiles.yaml("gcp-dualstack")])
        #expect(plan.range("nodes", "IPv6") == .init(cidr: "fd20:a1b:3c4d::/64", family: "IPv6", source: "status"))
        #expect(plan.range("pods", "IPv6") == .init(cidr: "fd20:a1b:3c4d::/64", family: "IPv6", source: "status"))
        #expect(plan.range("services", "IPv6") == .init(cidr: "fd20:a1b:3c4d:100::/108", family: "IPv6", source: "status"))
        for kind in ["nodes", "pods", "services"] {
            #expect(plan.range(kind, "IPv4")?.source == "spec")
        }
        #expect(!plan.ranges("nodes").contains { $0.source == "simulated" })
    }

    /// Every node the plan holds lies in the shoot's ranges: its address of a family in the nodes
    /// range of that family, its pod CIDRs in the pods range, its node prefix in the nodes range.
    /// (For observed nodes a violation is a finding; the samples' observed nodes are all inside.)
    @Test(arguments: SampleFiles.shootNames)
    func nodesLieInsideTheShootRanges(_ sample: String) throws {
        let (_, plan) = try ProcessRunner.planJSON([SampleFiles.yaml(sample)])
        func range(_ kind: String, _ family: IPFamily) -> IPPrefix? {
            plan.range(kind, family.description).flatMap { IPPrefix($0.cidr) }
        }
        for node in plan.nodes {
            for text in node.addresses {
                let address = try #require(IPAddress(text))
                if let nodes = range("nodes", address.family) {
                    #expect(nodes.contains(address), "\(sample): node \(node.name) address \(address) is outside the nodes range \(nodes)")
                }
            }
            for text in node.podCIDRs {
                let pod = try #require(IPPrefix(text))
                if let pods = range("pods", pod.family) {
                    #expect(pods.contains(pod), "\(sample): node \(node.name) pod CIDR \(pod) is outside the pods range \(pods)")
                }
            }
            if let text = node.nodePrefix {
                let prefix = try #require(IPPrefix(text))
                if let nodes = range("nodes", prefix.family) {
                    #expect(nodes.contains(prefix), "\(sample): node \(node.name) prefix \(prefix) is outside the nodes range \(nodes)")
                }
            }
        }
    }

    /// Per-node pod prefixes never overlap each other.
    @Test(arguments: SampleFiles.shootNames)
    func podCIDRsOfDifferentNodesAreDisjoint(_ sample: String) throws {
        let (_, plan) = try ProcessRunner.planJSON([SampleFiles.yaml(sample)])
        let pods = plan.nodes.flatMap { node in node.podCIDRs.compactMap { IPPrefix($0) }.map { (node.name, $0) } }.sorted { $0.1 < $1.1 }
        for (a, b) in zip(pods, pods.dropFirst()) {
            #expect(!a.1.overlaps(b.1), "\(sample): \(a.0) \(a.1) overlaps \(b.0) \(b.1)")
        }
    }

    /// maxNodes as gardenlet hands it to cluster-autoscaler (gardener
    /// pkg/gardenlet/operation/botanist/clusterautoscaler.go, `CalculateMaxNodesForShootNetworks`),
    /// worked out by hand: broken-capacity pods /20 with /24 = 16; gep-openstack IPv4 nodes /24 =
    /// 2^8 − 2 = 254 (below pods /16 with /24 = 256); azure-ula dual-stack counts only IPv4 pods,
    /// /11 with /24 = 8192; ipv4-default the same; openstack-ipv6 single-stack pods /96 with
    /// nodeCIDRMaskSizeIPv6 /112 = 65536; aws-ipv6 single-stack pods = the (simulated) VPC /56 with
    /// the defaulted nodeCIDRMaskSize /64 = 256.
    @Test(arguments: [("broken-capacity", "16"), ("gep-openstack", "254"), ("azure-ula", "8192"), ("ipv4-default", "8192"),
                      ("openstack-ipv6", "65536"), ("aws-ipv6", "256")])
    func maxNodesFollowsGardenersRule(_ sample: String, _ expected: String) throws {
        let (_, plan) = try ProcessRunner.planJSON([SampleFiles.yaml(sample)])
        #expect(plan.maxNodes == expected)
    }

    /// `plan -o yaml` never writes a made-up range into the status unmarked: aws-dualstack's
    /// IPv6 ranges are simulated, so the status holds the IPv4 ones and the annotation names
    /// the IPv6 ones with their source.
    @Test func planYAMLKeepsInventedRangesOutOfTheStatus() throws {
        let r = try ProcessRunner.shootnet(["plan", SampleFiles.yaml("aws-dualstack"), "-o", "yaml"])
        #expect(r.exitCode == 0)
        let status = r.stdout.components(separatedBy: "\nstatus:\n").last ?? ""
        #expect(status.contains("pods: [100.96.0.0/11]"))
        #expect(!status.contains("2001:db8:"))
        let annotation = try #require(r.stdout.split(separator: "\n").first { $0.contains("shootnet.gardener.cloud/invented-ranges:") })
        #expect(annotation.contains("(simulated)"))
        #expect(annotation.contains("pods 2001:db8:"))
    }
}
