import Addressing
import Spec
import Testing
@testable import IPAM

/// Gardener's own rules, row by row, each taken from Gardener's source or its unit tests
/// (gardener/gardener, the files and functions named in each row).
@Suite("Gardener's rules")
struct GardenerRulesTests {
    // MARK: Max nodes — pkg/gardenlet/operation/botanist/clusterautoscaler_test.go,
    // DescribeTable "#CalculateMaxNodesForShootNetworks" (the Entry names).

    struct MaxNodesRow: Sendable, CustomTestStringConvertible {
        var name: String
        var pods: [String]
        var nodes: [String]
        var dualStack = false
        var maskV4 = 24
        var maskV6 = 0
        var expected: Int64
        var testDescription: String { name }
    }

    static let maxNodesRows: [MaxNodesRow] = [
        MaxNodesRow(name: "no network", pods: [], nodes: [], expected: 0),
        MaxNodesRow(name: "Pods network only", pods: ["100.64.0.0/12"], nodes: [], expected: 4096),
        MaxNodesRow(name: "Default Pods network", pods: ["100.64.0.0/11"], nodes: ["10.250.0.0/16"], expected: 8192),
        MaxNodesRow(name: "Pods network is restriction", pods: ["100.64.0.0/12"], nodes: ["10.250.0.0/16"], expected: 4096),
        MaxNodesRow(name: "Nodes network is restriction", pods: ["100.64.0.0/11"], nodes: ["10.250.0.0/20"], expected: 4094),
        MaxNodesRow(name: "IPv6", pods: ["2001:db8:1::/48"], nodes: ["2001:db8:2::/48"], maskV4: 64, maskV6: 64, expected: 65536),
        MaxNodesRow(name: "Multiple pods network only", pods: ["100.64.0.0/12", "10.0.0.0/24", "10.0.1.0/24"], nodes: [], expected: 4098),
        MaxNodesRow(name: "Pods network is restriction (with multiple networks)",
                    pods: ["100.64.0.0/12", "100.80.0.0/12", "100.96.0.0/12"], nodes: ["10.250.0.0/16", "10.251.0.0/16"], expected: 12288),
        MaxNodesRow(name: "Nodes network is restriction (with multiple networks)",
                    pods: ["100.64.0.0/11", "100.96.0.0/11"], nodes: ["10.250.0.0/20", "10.251.0.0/20"], expected: 8188),
        MaxNodesRow(name: "Dual-stack - IPv4 nodes network is restriction", pods: ["100.96.0.0/11", "2001:db8:1::/48"],
                    nodes: ["10.251.0.0/20", "2001:db8:1::/48"], dualStack: true, expected: 4094),
        MaxNodesRow(name: "Dual-stack - IPv4 pods network is restriction", pods: ["100.64.0.0/12", "2001:db8:1::/56"],
                    nodes: ["10.250.0.0/16", "2001:db8:1::/56"], dualStack: true, expected: 4096),
        // Derived from the code: an exponent above 62 is Int64.max ("no limitation"), and
        // MinGreaterThanZero ignores a /32 node network's 2^0 − 2 = −1.
        MaxNodesRow(name: "exponent above 62 (IPv6 nodes /48)", pods: ["fd00::/48"], nodes: ["fd01::/48"], maskV4: 0, maskV6: 120, expected: .max),
        MaxNodesRow(name: "IPv4 /32 nodes are ignored", pods: ["100.64.0.0/12"], nodes: ["10.0.0.1/32"], expected: 4096),
    ]

    @Test(arguments: maxNodesRows)
    func maxNodesLikeTheBotanist(_ row: MaxNodesRow) throws {
        let r = GardenerMaxNodes.compute(pods: try row.pods.map(parse), nodes: try row.nodes.map(parse),
                                         dualStack: row.dualStack, maskV4: row.maskV4, maskV6: row.maskV6)
        #expect(r.total == row.expected)
    }

    // MARK: Default node mask — pkg/apis/core/v1beta1/defaults_shoot.go
    // calculateDefaultNodeCIDRMaskSize (and defaults_shoot_test.go "NodeCIDRMaskSize").

    struct MaskRow: Sendable, CustomTestStringConvertible {
        var name: String
        var families: [String]
        var shootMaxPods: Int?
        var poolMaxPods: [Int?]
        var v4: Int?
        var v6: Int?
        var expectedV4: Int?
        var expectedV6: Int?
        var testDescription: String { name }
    }

    static let maskRows: [MaskRow] = [
        MaskRow(name: "IPv4, nothing set: 110 pods → /24", families: ["IPv4"], poolMaxPods: [nil], expectedV4: 24),
        MaskRow(name: "shoot kubelet maxPods 50 lowers it: /25", families: ["IPv4"], shootMaxPods: 50, poolMaxPods: [nil], expectedV4: 25),
        MaskRow(name: "a pool with 250 raises it: /23", families: ["IPv4"], shootMaxPods: 50, poolMaxPods: [250, nil], expectedV4: 23),
        MaskRow(name: "a pool with fewer never lowers it", families: ["IPv4"], poolMaxPods: [20], expectedV4: 24),
        MaskRow(name: "dual-stack: IPv4 by maxPods, IPv6 64", families: ["IPv4", "IPv6"], poolMaxPods: [nil], expectedV4: 24, expectedV6: 64),
        MaskRow(name: "IPv6 single-stack, nothing set: nodeCIDRMaskSize 64", families: ["IPv6"], poolMaxPods: [nil], expectedV4: 64, expectedV6: 64),
        MaskRow(name: "IPv6 single-stack uses nodeCIDRMaskSize as the IPv6 mask", families: ["IPv6"], poolMaxPods: [nil], v4: 80, expectedV4: 80, expectedV6: 80),
        MaskRow(name: "IPv6 single-stack with only nodeCIDRMaskSizeIPv6", families: ["IPv6"], poolMaxPods: [nil], v6: 96, expectedV4: nil, expectedV6: 96),
    ]

    @Test(arguments: maskRows)
    func nodeMasksLikeGardenersDefaulting(_ row: MaskRow) {
        var b = gardenerForm(families: row.families)
        b.maxPods = row.shootMaxPods
        b.workers = row.poolMaxPods.enumerated().map { Worker(name: "p\($0.offset)", minimum: 1, maximum: 2, zones: ["z1"], maxPods: $0.element) }
        b.nodeMaskV4 = row.v4
        b.nodeMaskV6 = row.v6
        let builder = PlanBuilder(input: b.input)
        var planned = builder
        planned.resolveFamilies()
        #expect(planned.gardenerMaskV4 == row.expectedV4)
        #expect(planned.gardenerMaskV6 == row.expectedV6)
    }

    // MARK: Validation verdicts — pkg/api/core/validation/shoot.go (ValidateKubeControllerManager,
    // ValidateNodeCIDRMaskWithMaxPod, validateNetworking, ValidateWorker), plugin/pkg/shoot/
    // validator/admission.go (validateShootNetworks), mutator/admission.go (shootDefaults).

    struct VerdictRow: Sendable, CustomTestStringConvertible {
        var name: String
        var source: String
        var build: @Sendable () -> ShootBuilder
        /// The Gardener-origin error expected, nil when Gardener accepts.
        var rejectedWith: DiagnosticCode?
        var testDescription: String { "\(name) [\(source)]" }
    }

    static let verdictRows: [VerdictRow] = [
        VerdictRow(name: "IPv4 defaults accepted", source: "shoot_test.go", build: { gardenerForm(families: ["IPv4"]) }, rejectedWith: nil),
        VerdictRow(name: "ipFamilies absent means IPv4", source: "defaults_shoot.go SetDefaults_Networking",
                   build: { gardenerForm(families: nil) }, rejectedWith: nil),
        VerdictRow(name: "ipFamilies absent, IPv6 pods: rejected as not IPv4", source: "validateNetworking ValidateIPFamily",
                   build: { var b = gardenerForm(families: nil); b.pods = "fd00:1::/48"; return b }, rejectedWith: .familyMismatch),
        VerdictRow(name: "dual-stack: any family in the spec strings", source: "validateNetworking (len(ipFamilies) < 2 only)",
                   build: { var b = gardenerForm(families: ["IPv4", "IPv6"]); b.services = "fd00:3::/108"; return b }, rejectedWith: nil),
        VerdictRow(name: "IPv4 mask /29 out of 16..28", source: "ValidateKubeControllerManager",
                   build: { var b = gardenerForm(families: ["IPv4"]); b.nodeMaskV4 = 29; b.maxPods = 4; return b }, rejectedWith: .nodeMaskRange),
        VerdictRow(name: "dual-stack: IPv4 mask /29 has no range check", source: "ValidateKubeControllerManager",
                   build: { var b = gardenerForm(families: ["IPv4", "IPv6"]); b.nodeMaskV4 = 29; b.maxPods = 4; return b }, rejectedWith: nil),
        VerdictRow(name: "IPv6 single-stack nodeCIDRMaskSize 56 out of 64..124", source: "ValidateKubeControllerManager",
                   build: { var b = gardenerForm(families: ["IPv6"]); b.nodeMaskV4 = 56; return b }, rejectedWith: .nodeMaskRange),
        VerdictRow(name: "IPv6 single-stack with both masks", source: "ValidateKubeControllerManager",
                   build: { var b = gardenerForm(families: ["IPv6"]); b.nodeMaskV4 = 64; b.nodeMaskV6 = 64; return b }, rejectedWith: .maskCombination),
        VerdictRow(name: "nodeCIDRMaskSizeIPv6 on IPv4 single-stack", source: "ValidateKubeControllerManager",
                   build: { var b = gardenerForm(families: ["IPv4"]); b.nodeMaskV6 = 64; return b }, rejectedWith: .maskCombination),
        VerdictRow(name: "nodeCIDRMaskSizeIPv6 /125", source: "ValidateKubeControllerManager",
                   build: { var b = gardenerForm(families: ["IPv4", "IPv6"]); b.nodeMaskV6 = 125; return b }, rejectedWith: .nodeMaskRange),
        VerdictRow(name: "/26 (62 addresses) for 110 pods", source: "ValidateNodeCIDRMaskWithMaxPod",
                   build: { var b = gardenerForm(families: ["IPv4"]); b.nodeMaskV4 = 26; return b }, rejectedWith: .maxPods),
        VerdictRow(name: "/26 for a pool's 50 pods (validation starts at 0, not 110)", source: "validateProvider + ValidateNodeCIDRMaskWithMaxPod",
                   build: { var b = gardenerForm(families: ["IPv4"]); b.nodeMaskV4 = 26; b.workers[0].maxPods = 50; return b }, rejectedWith: nil),
        VerdictRow(name: "IPv6 single-stack mask /120 (254 addresses) for 300 pods", source: "ValidateNodeCIDRMaskWithMaxPod (128 bits)",
                   build: { var b = gardenerForm(families: ["IPv6"]); b.nodeMaskV4 = 120; b.maxPods = 300; return b }, rejectedWith: .maxPods),
        VerdictRow(name: "maximum below minimum", source: "ValidateWorker",
                   build: { var b = gardenerForm(families: ["IPv4"]); b.workers = [Worker(name: "w", minimum: 3, maximum: 2, zones: ["z1"])]; return b },
                   rejectedWith: .workerMinimumAboveMaximum),
        VerdictRow(name: "no networking type", source: "validateNetworking",
                   build: { var b = gardenerForm(families: ["IPv4"]); b.networkingType = nil; return b }, rejectedWith: .networkingRequired),
        VerdictRow(name: "seed with shootDefaults fills pods and services", source: "mutator defaultPodsNetwork / defaultServicesNetwork",
                   build: { var b = gardenerForm(families: ["IPv4"]); b.pods = ""; b.services = ""; b.settings.seed = seedWithDefaults; return b },
                   rejectedWith: nil),
        VerdictRow(name: "seed without shootDefaults: pods is required", source: "validator validateShootNetworks",
                   build: { var b = gardenerForm(families: ["IPv4"]); b.pods = ""; b.settings.seed = SeedNetworks(name: "s"); return b },
                   rejectedWith: .networkingRequired),
        VerdictRow(name: "IPv6 single-stack: pods not required", source: "validator validateShootNetworks (IPv4 only)",
                   build: { var b = gardenerForm(families: ["IPv6"]); b.pods = ""; b.services = ""; b.settings.seed = SeedNetworks(name: "s"); return b },
                   rejectedWith: nil),
        VerdictRow(name: "workerless shoot with nodes", source: "validateNetworking (workerless)",
                   build: { var b = gardenerForm(families: ["IPv4"]); b.workers = []; b.networkingType = nil; b.overlay = nil; b.pods = ""; return b },
                   rejectedWith: .workerlessForbidden),
        VerdictRow(name: "workerless shoot with services only", source: "validateNetworking (workerless)",
                   build: { var b = gardenerForm(families: ["IPv4"]); b.workers = []; b.networkingType = nil; b.overlay = nil; b.pods = ""; b.nodes = ""; return b },
                   rejectedWith: nil),
        VerdictRow(name: "IPv4 pods overlap services", source: "cidr ValidateShootNetworkDisjointedness",
                   build: { var b = gardenerForm(families: ["IPv4"]); b.services = "100.96.0.0/13"; return b }, rejectedWith: .overlapPodsServices),
        VerdictRow(name: "IPv4 shoot overlapping the seed's IPv4: allowed", source: "cidr validateOverlapWithSeed",
                   build: { var b = gardenerForm(families: ["IPv4"]); b.settings.seed = SeedNetworks(name: "s", pods: [Located(parse("100.96.0.0/11"))]); return b },
                   rejectedWith: nil),
        VerdictRow(name: "VPN range in the status of a dual-stack shoot", source: "cidr validateOverlapWithReservedRanges",
                   build: { var b = gardenerForm(families: ["IPv4", "IPv6"]); b.services = "100.64.0.0/13, fd8f:6d53:b97a:1::/108"; return b },
                   rejectedWith: .reservedVPN),
    ]

    @Test(arguments: verdictRows)
    func verdictsLikeGardener(_ row: VerdictRow) {
        let plan = row.build().plan
        let gardenerErrors = plan.diagnostics.filter { $0.severity == .error && $0.origin == .gardener }
        if let code = row.rejectedWith {
            #expect(gardenerErrors.contains { $0.code == code }, "expected \(code.rawValue), got \(plan.codes)")
        } else {
            #expect(gardenerErrors.isEmpty, "Gardener accepts this, shootnet says \(gardenerErrors.map(\.message))")
        }
    }

    // MARK: Sources of ranges.

    @Test func seedDefaultsAreLabelled() throws {
        var b = gardenerForm(families: ["IPv4"])
        b.pods = ""
        b.services = ""
        b.settings.seed = seedWithDefaults
        let plan = b.plan
        #expect(plan.range(.pods, .v4)?.source == .seedDefault)
        #expect(plan.range(.pods, .v4)?.prefix == parse("100.96.0.0/11"))
        #expect(plan.range(.services, .v4)?.source == .seedDefault)
    }

    @Test func withoutASeedThePodsAreAssumedAndSaidSo() throws {
        var b = gardenerForm(families: ["IPv4"])
        b.pods = ""
        let plan = b.plan
        #expect(plan.range(.pods, .v4)?.source == .assumed)
        let d = try #require(plan.diagnostics.first { $0.code == .defaultsApplied && $0.path == "spec.networking.pods" })
        #expect(d.severity == .info)
        #expect(d.message.contains("assumed"))
        #expect(plan.maxNodesReason.contains("assumed"))
    }

    @Test func ipv6OverlapIsAnErrorButNotGardeners() throws {
        var b = gardenerForm(families: ["IPv4", "IPv6"])
        b.provider = "openstack"  // cluster-range pods: the IPv6 pod range is a range of its own
        b.pods = "100.96.0.0/11, fd00:1::/56"
        b.services = "100.64.0.0/13, fd00:1::/108"
        let d = try #require(b.plan.diagnostics.first { $0.code == .overlapPodsServices })
        #expect(d.severity == .error)
        #expect(d.origin == .kubernetes)
        #expect(d.message.contains("Gardener does not check"))
    }

    @Test func capacityBeyondTheMaximaIsAWarningBeyondTheMinimaAnError() {
        var b = gardenerForm(families: ["IPv4"])
        b.pods = "100.96.0.0/20"  // 16 blocks of /24
        b.workers = [Worker(name: "w", minimum: 2, maximum: 20, zones: ["z1"])]
        #expect(b.plan.diagnostics.first { $0.code == .capacityExceeded }?.severity == .warning)
        b.workers = [Worker(name: "w", minimum: 17, maximum: 20, zones: ["z1"])]
        #expect(b.plan.diagnostics.contains { $0.code == .capacityExceeded && $0.severity == .error })
    }

    // MARK: Provider admission (gardener-extension-provider-<name> pkg/apis/<name>/validation/shoot.go).

    @Test(arguments: [("openstack", ["IPv6"], DiagnosticCode.singleStackUnsupported), ("gcp", ["IPv6"], .singleStackUnsupported),
                      ("azure", ["IPv6"], .singleStackUnsupported), ("azure", ["IPv4", "IPv6"], .dualStackUnsupported)])
    func providersRefuseTheirUnsupportedStacks(_ provider: String, _ families: [String], _ code: DiagnosticCode) throws {
        var b = gardenerForm(families: families)
        b.provider = provider
        let d = try #require(b.plan.diagnostics.first { $0.code == code })
        #expect(d.severity == .error)
        #expect(d.origin == .provider)
    }

    @Test(arguments: ["aws", "gcp"])
    func ipv6NeedsTheOverlayOff(_ provider: String) {
        var b = gardenerForm(families: ["IPv4", "IPv6"])
        b.provider = provider
        b.overlay = nil  // absent: counts as not disabled
        #expect(b.plan.has(.overlayWithIPv6))
        b.overlay = true
        #expect(b.plan.has(.overlayWithIPv6))
        b.overlay = false
        #expect(!b.plan.has(.overlayWithIPv6))
        b.families = ["IPv4"]
        b.overlay = true
        #expect(!b.plan.has(.overlayWithIPv6))
    }
}

/// A shoot in Gardener's form: one CIDR string per field, IPv4 defaults.
func gardenerForm(families: [String]?) -> ShootBuilder {
    var b = ShootBuilder()
    b.provider = "aws"
    b.families = families
    let v6Only = families == ["IPv6"]
    b.nodes = v6Only ? "fd00:9::/64" : "10.250.0.0/16"
    b.pods = v6Only ? "fd00:1::/48" : "100.96.0.0/11"
    b.services = v6Only ? "fd00:3::/108" : "100.64.0.0/13"
    b.workers = [Worker(name: "w", minimum: 1, maximum: 3, zones: ["z1"])]
    return b
}

let seedWithDefaults = SeedNetworks(name: "s", shootDefaults: ShootDefaults(pods: Located(parse("100.96.0.0/11")),
                                                                            services: Located(parse("100.64.0.0/13"))))

private func parse(_ s: String) -> IPPrefix { prefix(s) }
