import Foundation
import Addressing
import Spec
import Testing
import TestSupport
@testable import IPAM

/// For every diagnostic code: a minimal shoot that triggers it and a near miss that does not.
struct DiagnosticCase: CustomTestStringConvertible, Sendable {
    let code: DiagnosticCode
    let name: String
    let trigger: @Sendable () -> ShootBuilder
    let nearMiss: @Sendable () -> ShootBuilder
    var testDescription: String { "\(code.rawValue): \(name)" }
}

/// A clean dual-stack AWS shoot the cases start from.
func aws(_ edit: (inout ShootBuilder) -> Void = { _ in }) -> ShootBuilder {
    var b = ShootBuilder()
    b.provider = "aws"
    b.families = ["IPv4", "IPv6"]
    b.nodes = "10.250.0.0/16, AUTOv6"
    b.pods = "100.96.0.0/11, AUTOv6"
    b.services = "100.64.0.0/13, AUTOv6"
    b.workers = [Worker(name: "pool", minimum: 2, maximum: 10, zones: ["eu-1a", "eu-1b"])]
    edit(&b)
    return b
}

/// The figure with its IPv4 service conflict removed and node-b4's route present: clean.
func openstack(_ edit: (inout ShootBuilder) -> Void = { _ in }) -> ShootBuilder {
    var b = ShootBuilder.gepFigure
    b.router?.routes.append(ObservedRoute(destination: prefix("2001:db8::4000:0:1:0/112"), nexthop: ip("2001:db8::b4")))
    edit(&b)
    return b
}

let diagnosticCases: [DiagnosticCase] = [
    DiagnosticCase(code: .invalidCIDR, name: "garbage CIDR",
                   trigger: { aws { $0.nodes = "10.250.0.0/33, AUTOv6" } }, nearMiss: { aws() }),
    DiagnosticCase(code: .hostBits, name: "host bits",
                   trigger: { aws { $0.nodes = "10.250.0.1/16, AUTOv6" } }, nearMiss: { aws { $0.nodes = "10.250.0.0/16, AUTOv6" } }),
    DiagnosticCase(code: .familyMismatch, name: "IPv6 entry in IPv4 shoot",
                   trigger: { aws { $0.families = ["IPv4"]; $0.nodes = "10.250.0.0/16, 2001:db8::/56"; $0.pods = "100.96.0.0/11"; $0.services = "100.64.0.0/13" } },
                   nearMiss: { aws { $0.families = ["IPv4"]; $0.nodes = "10.250.0.0/16"; $0.pods = "100.96.0.0/11"; $0.services = "100.64.0.0/13" } }),
    DiagnosticCase(code: .duplicateFamily, name: "two IPv4 pods",
                   trigger: { aws { $0.pods = "100.96.0.0/11, 100.128.0.0/11, AUTOv6" } }, nearMiss: { aws() }),
    DiagnosticCase(code: .autoMisplaced, name: "AUTOv6 in IPv4-only shoot",
                   trigger: { aws { $0.families = ["IPv4"]; $0.nodes = "10.250.0.0/16"; $0.pods = "100.96.0.0/11, AUTOv6"; $0.services = "100.64.0.0/13" } },
                   nearMiss: { aws { $0.families = ["IPv4"]; $0.nodes = "10.250.0.0/16"; $0.pods = "100.96.0.0/11"; $0.services = "100.64.0.0/13" } }),
    DiagnosticCase(code: .ipFamilies, name: "unknown family",
                   trigger: { aws { $0.families = ["IPv4", "IPv7"] } }, nearMiss: { aws { $0.families = ["IPv4", "IPv6"] } }),
    DiagnosticCase(code: .missingRange, name: "no IPv4 nodes",
                   trigger: { aws { $0.nodes = "AUTOv6" } }, nearMiss: { aws() }),
    DiagnosticCase(code: .autoUnsupported, name: "Azure AUTOv6",
                   trigger: { aws { $0.provider = "azure" } },
                   nearMiss: { aws { $0.provider = "azure"; $0.nodes = "10.250.0.0/16, fd00:1::/64"; $0.pods = "100.96.0.0/11, fd00:2::/56"; $0.services = "100.64.0.0/13, fd00:3::/108" } }),
    // Gardener's validation and admission (gardener pkg/api/core/validation/shoot.go,
    // plugin/pkg/shoot/validator/admission.go).
    DiagnosticCase(code: .networkingRequired, name: "seed without shootDefaults, pods left out (validateShootNetworks)",
                   trigger: { aws { $0.pods = "AUTOv6"; $0.settings.seed = SeedNetworks(name: "s1") } },
                   nearMiss: { aws { $0.pods = "AUTOv6"; $0.settings.seed = SeedNetworks(name: "s1", shootDefaults: ShootDefaults(pods: Located(prefix("100.96.0.0/11")))) } }),
    DiagnosticCase(code: .workerlessForbidden, name: "workerless shoot with pods (validateNetworking)",
                   trigger: { aws { $0.workers = []; $0.networkingType = nil; $0.overlay = nil; $0.nodes = ""; $0.pods = "100.96.0.0/11" } },
                   nearMiss: { aws { $0.workers = []; $0.networkingType = nil; $0.overlay = nil; $0.nodes = ""; $0.pods = "" } }),
    DiagnosticCase(code: .maskCombination, name: "nodeCIDRMaskSizeIPv6 on IPv4 single-stack (ValidateKubeControllerManager)",
                   trigger: { aws { $0.families = ["IPv4"]; $0.nodes = "10.250.0.0/16"; $0.pods = "100.96.0.0/11"; $0.services = "100.64.0.0/13"; $0.nodeMaskV6 = 64 } },
                   nearMiss: { aws { $0.nodeMaskV6 = 64 } }),
    DiagnosticCase(code: .workerMinimumAboveMaximum, name: "minimum 5, maximum 3 (ValidateWorker)",
                   trigger: { aws { $0.workers = [Worker(name: "pool", minimum: 5, maximum: 3, zones: ["eu-1a"])] } },
                   nearMiss: { aws { $0.workers = [Worker(name: "pool", minimum: 3, maximum: 3, zones: ["eu-1a"])] } }),
    // Provider admission (gardener-extension-provider-<name> pkg/apis/<name>/validation/shoot.go).
    DiagnosticCase(code: .dualStackUnsupported, name: "Azure dual-stack",
                   trigger: { aws { $0.provider = "azure"; $0.nodes = "10.250.0.0/16, fd00:1::/64"; $0.pods = "100.96.0.0/11, fd00:2::/56"; $0.services = "100.64.0.0/13, fd00:3::/108" } },
                   nearMiss: { aws { $0.provider = "azure"; $0.families = ["IPv4"]; $0.nodes = "10.250.0.0/16"; $0.pods = "100.96.0.0/11"; $0.services = "100.64.0.0/13" } }),
    DiagnosticCase(code: .azureNotULA, name: "Azure with a global IPv6 prefix",
                   trigger: { aws { $0.provider = "azure"; $0.nodes = "10.250.0.0/16, 2001:db8:1::/64"; $0.pods = "100.96.0.0/11, fd00:2::/56"; $0.services = "100.64.0.0/13, fd00:3::/108" } },
                   nearMiss: { aws { $0.provider = "azure"; $0.nodes = "10.250.0.0/16, fd00:1::/64"; $0.pods = "100.96.0.0/11, fd00:2::/56"; $0.services = "100.64.0.0/13, fd00:3::/108" } }),
    DiagnosticCase(code: .overlayWithIPv6, name: "AWS IPv6 without the overlay setting (validateIPv6)",
                   trigger: { aws { $0.overlay = nil } }, nearMiss: { aws { $0.overlay = false } }),
    DiagnosticCase(code: .openStackIPv6Config, name: "dual-stack OpenStack without networks.ipv6 (validateShoot)",
                   trigger: { openstack { $0.infrastructure = InfrastructureConfig(workers: Located(prefix("100.0.0.0/24"))) } },
                   nearMiss: { openstack { $0.infrastructure = InfrastructureConfig(workers: Located(prefix("100.0.0.0/24")),
                                                                                   openStackIPv6: .init(subnetPoolID: "pool")) } }),
    DiagnosticCase(code: .singleStackUnsupported, name: "Azure IPv6 single-stack",
                   trigger: { aws { $0.provider = "azure"; $0.families = ["IPv6"]; $0.nodes = "fd00:1::/64"; $0.pods = "fd00:2::/56"; $0.services = "fd00:3::/108" } },
                   nearMiss: { aws { $0.families = ["IPv6"]; $0.nodes = "AUTOv6"; $0.pods = "AUTOv6"; $0.services = "AUTOv6" } }),
    DiagnosticCase(code: .overlapNodesPods, name: "IPv4 nodes inside pods",
                   trigger: { aws { $0.nodes = "100.100.0.0/16, AUTOv6" } }, nearMiss: { aws() }),
    DiagnosticCase(code: .overlapNodesServices, name: "IPv4 nodes = services",
                   trigger: { aws { $0.services = "10.250.0.0/16, AUTOv6" } }, nearMiss: { aws() }),
    DiagnosticCase(code: .overlapPodsServices, name: "the figure's 10.0.0.0/16 twice",
                   trigger: { openstack { $0.services = "10.0.0.0/16, 2001:db8:0:0:8000::/108" } }, nearMiss: { openstack() }),
    DiagnosticCase(code: .overlapSeed, name: "IPv6 pods in the seed",
                   trigger: { openstack { $0.settings.seed = SeedNetworks(pods: [Located(prefix("2001:db8::/64"))]) } },
                   nearMiss: { openstack { $0.settings.seed = SeedNetworks(pods: [Located(prefix("2001:db8:1::/64"))]) } }),
    DiagnosticCase(code: .overlapPodCIDRs, name: "two nodes, one pod CIDR",
                   trigger: { openstack { $0.observedNodes?[1].podCIDRs = [prefix("10.0.0.0/24"), prefix("2001:db8::4000:0:1:0/112")] } },
                   nearMiss: { openstack() }),
    DiagnosticCase(code: .podCIDROutsideRange, name: "pod CIDR outside pods",
                   trigger: { openstack { $0.observedNodes?[1].podCIDRs = [prefix("10.9.1.0/24"), prefix("2001:db8::4000:0:1:0/112")] } },
                   nearMiss: { openstack() }),
    DiagnosticCase(code: .templateOutsideNodePrefix, name: "template longer than node prefix holds",
                   trigger: { aws { $0.settings.podPrefixTemplate = Located(PodPrefixTemplate(offset: UInt128(1) << 60, length: 100, text: "<nodePrefix>:1000:0:0:0/100")) } },
                   nearMiss: { aws() }),
    DiagnosticCase(code: .templateOverlapsReserved, name: "template in the reserved /100",
                   trigger: { aws { $0.settings.podPrefixTemplate = Located(PodPrefixTemplate(offset: 0, length: 100, text: "<nodePrefix>::/100")); $0.settings.nodeReservedLength = Located(100) } },
                   nearMiss: { aws { $0.settings.podPrefixTemplate = Located(.standard); $0.settings.nodeReservedLength = Located(100) } }),
    DiagnosticCase(code: .reservedVPN, name: "Gardener VPN range",
                   trigger: { aws { $0.services = "100.64.0.0/13, fd8f:6d53:b97a:1::/108" } },
                   nearMiss: { aws { $0.services = "100.64.0.0/13, fd8f:6d53:b97a:2::/108" } }),
    DiagnosticCase(code: .reservedMapping, name: "240/8",
                   trigger: { aws { $0.pods = "240.0.0.0/11, AUTOv6" } }, nearMiss: { aws { $0.pods = "100.96.0.0/11, AUTOv6" } }),
    // Gardener checks 16..28 only in IPv4 single-stack (ValidateKubeControllerManager).
    DiagnosticCase(code: .nodeMaskRange, name: "IPv4 single-stack /30",
                   trigger: { aws { $0.families = ["IPv4"]; $0.nodes = "10.250.0.0/16"; $0.pods = "100.96.0.0/11"; $0.services = "100.64.0.0/13"; $0.nodeMaskV4 = 30; $0.maxPods = 2 } },
                   nearMiss: { aws { $0.nodeMaskV4 = 30; $0.maxPods = 2 } }),
    DiagnosticCase(code: .nodeMaskShorterThanPods, name: "node mask /10 for pods /11",
                   trigger: { aws { $0.nodeMaskV4 = 10 } }, nearMiss: { aws { $0.nodeMaskV4 = 24 } }),
    DiagnosticCase(code: .maxPods, name: "/26 for 110 pods",
                   trigger: { aws { $0.nodeMaskV4 = 26 } }, nearMiss: { aws { $0.nodeMaskV4 = 24 } }),
    DiagnosticCase(code: .serviceRangeTooLarge, name: "IPv6 services /66",
                   trigger: { openstack { $0.services = "10.1.0.0/16, 2001:db8:0:0:8000::/66" } }, nearMiss: { openstack() }),
    DiagnosticCase(code: .maskDifference, name: "/66 pods with /112 per node",
                   trigger: { openstack() }, nearMiss: { openstack { $0.pods = "10.0.0.0/16, 2001:db8::4000:0:0:0/96" } }),
    DiagnosticCase(code: .capacityExceeded, name: "300 nodes in a /24",
                   trigger: { openstack { $0.workers = [Worker(name: "pool", minimum: 2, maximum: 300, zones: ["z1"])] } },
                   nearMiss: { openstack { $0.workers = [Worker(name: "pool", minimum: 2, maximum: 200, zones: ["z1"])] } }),
    DiagnosticCase(code: .capacityHigh, name: "250 of 256",
                   trigger: { openstack { $0.workers = [Worker(name: "pool", minimum: 2, maximum: 250, zones: ["z1"])] } },
                   nearMiss: { openstack { $0.workers = [Worker(name: "pool", minimum: 2, maximum: 200, zones: ["z1"])] } }),
    DiagnosticCase(code: .nodeMissingFamily, name: "dual-stack node without IPv6",
                   trigger: { openstack { $0.observedNodes?[1].addresses = [ip("100.0.0.15")] } }, nearMiss: { openstack() }),
    DiagnosticCase(code: .nodeAddressOutsideRange, name: "node IPv4 outside nodes",
                   trigger: { openstack { $0.observedNodes?[1].addresses = [ip("100.0.1.15"), ip("2001:db8::b4")] } }, nearMiss: { openstack() }),
    DiagnosticCase(code: .duplicateNodeName, name: "node listed twice",
                   trigger: { openstack { $0.observedNodes?[1].name = "node-a1" } }, nearMiss: { openstack() }),
    DiagnosticCase(code: .podsOutsideSubnet, name: "pods outside the /64",
                   trigger: { openstack { $0.pods = "10.0.0.0/16, 2001:db8:1::/112" } }, nearMiss: { openstack() }),
    DiagnosticCase(code: .poolOverlap, name: "allocation pool covers pods",
                   trigger: { openstack { $0.settings.allocationPool = Located(prefix("2001:db8::/65")) } },
                   nearMiss: { openstack { $0.settings.allocationPool = Located(prefix("2001:db8::/66")) } }),
    DiagnosticCase(code: .routeMissing, name: "node-b4's route",
                   trigger: { ShootBuilder.gepFigure }, nearMiss: { openstack() }),
    DiagnosticCase(code: .routeStale, name: "route for a gone node",
                   trigger: { openstack { $0.router?.routes.append(ObservedRoute(destination: prefix("2001:db8::4000:0:9:0/112"), nexthop: ip("2001:db8::c9"))) } },
                   nearMiss: { openstack() }),
    DiagnosticCase(code: .routeWrongNexthop, name: "b4's route via a1",
                   trigger: { openstack { $0.router?.routes[1].nexthop = ip("2001:db8::a1") } }, nearMiss: { openstack() }),
    DiagnosticCase(code: .routeDuplicate, name: "same destination twice",
                   trigger: { openstack { $0.router?.routes.append(ObservedRoute(destination: prefix("2001:db8::4000:0:1:0/112"), nexthop: ip("2001:db8::b4"))) } },
                   nearMiss: { openstack() }),
    DiagnosticCase(code: .settingsInvalid, name: "an IPv4 simulation pool",
                   trigger: { aws { $0.settings.simulationPool = Located(prefix("10.0.0.0/8")) } },
                   nearMiss: { aws { $0.settings.simulationPool = Located(prefix("2001:db8::/32")) } }),
    DiagnosticCase(code: .routeUnmanaged, name: "a route outside the pod ranges",
                   trigger: { openstack { $0.router?.routes.append(ObservedRoute(destination: prefix("192.168.0.0/24"), nexthop: ip("100.0.0.10"))) } },
                   nearMiss: { openstack { $0.router?.routes.append(ObservedRoute(destination: prefix("2001:db8::4000:0:7:0/112"), nexthop: ip("2001:db8::a1"))) } }),
    DiagnosticCase(code: .routeQuota, name: "quota of 1",
                   trigger: { openstack { $0.settings.routeQuota = Located(1) } }, nearMiss: { openstack { $0.settings.routeQuota = Located(2) } }),
    DiagnosticCase(code: .servicesFamilyMissing, name: "RequireDualStack without IPv6 services",
                   trigger: { aws { $0.families = ["IPv4"]; $0.nodes = "10.250.0.0/16"; $0.pods = "100.96.0.0/11"; $0.services = "100.64.0.0/13"; $0.settings.servicePreference = Located(.requireDualStack) } },
                   nearMiss: { aws { $0.settings.servicePreference = Located(.requireDualStack) } }),
    DiagnosticCase(code: .specialRange, name: "link-local nodes",
                   trigger: { aws { $0.nodes = "169.254.0.0/16, AUTOv6" } }, nearMiss: { aws() }),
    DiagnosticCase(code: .documentationRange, name: "2001:db8::/32 in the spec",
                   trigger: { openstack() }, nearMiss: { aws() }),
    DiagnosticCase(code: .familiesInferred, name: "no ipFamilies",
                   trigger: { aws { $0.families = nil } }, nearMiss: { aws() }),
    DiagnosticCase(code: .defaultsApplied, name: "no IPv4 pods",
                   trigger: { aws { $0.pods = "AUTOv6" } }, nearMiss: { aws() }),
    // AWS: the pod CIDR is the ENI's delegated /80 (aws-ipam-controller), wherever the node's
    // own address lies in the zone /64.
    DiagnosticCase(code: .podCIDRNotFromTemplate, name: "AWS node whose IPv6 pod CIDR is not its delegated /80",
                   trigger: { aws { $0.observedNodes = [ObservedNode(name: "n1", zone: "eu-1a", addresses: [ip("10.250.0.10"), ip("2001:db8:0:1::1a")], podCIDRs: [prefix("100.96.0.0/24"), prefix("2001:db8:0:1:1:0:e000:0/100")])] } },
                   nearMiss: { aws { $0.observedNodes = [ObservedNode(name: "n1", zone: "eu-1a", addresses: [ip("10.250.0.10"), ip("2001:db8:0:1::1a")], podCIDRs: [prefix("100.96.0.0/24"), prefix("2001:db8:0:1:7::/80")])] } }),
    DiagnosticCase(code: .nodeAddressesExhausted, name: "20 nodes in a /28",
                   trigger: { aws { $0.nodes = "10.250.0.0/28, AUTOv6"; $0.workers = [Worker(name: "pool", minimum: 20, maximum: 20, zones: ["eu-1a"])] } },
                   nearMiss: { aws { $0.nodes = "10.250.0.0/24, AUTOv6"; $0.workers = [Worker(name: "pool", minimum: 20, maximum: 20, zones: ["eu-1a"])] } }),
    DiagnosticCase(code: .nodePodCIDRPlanned, name: "observed node without IPv4 pod CIDR",
                   trigger: { openstack { $0.observedNodes?[1].podCIDRs = [prefix("2001:db8::4000:0:1:0/112")] } }, nearMiss: { openstack() }),
    DiagnosticCase(code: .servicesOutsideSubnet, name: "IPv6 services outside the /64",
                   trigger: { openstack { $0.services = "10.1.0.0/16, 2001:db8:1::/108" } }, nearMiss: { openstack() }),
]

@Suite("Diagnostic catalogue")
struct DiagnosticCatalogueTests {
    @Test(arguments: diagnosticCases)
    func triggersAndNearMiss(_ c: DiagnosticCase) {
        let hit = c.trigger().plan
        #expect(hit.has(c.code), "expected \(c.code.rawValue), got \(hit.codes)")
        if let d = hit.diagnostics.first(where: { $0.code == c.code }) {
            #expect(!d.message.isEmpty)
            #expect(!d.path.isEmpty)
        }
        let miss = c.nearMiss().plan
        #expect(!miss.has(c.code), "near miss still reports \(c.code.rawValue): \(miss.diagnostics.filter { $0.code == c.code }.map(\.message))")
    }

    @Test func everyCodeHasATriggerAndANearMiss() {
        let covered = Set(diagnosticCases.map(\.code))
        // Landscape-level codes need several shoots: Tests/LandscapeTests/LandscapeCatalogueTests has theirs.
        let missing = DiagnosticCode.allCases.filter { !$0.isLandscapeLevel && !covered.contains($0) }
        #expect(missing.isEmpty, "codes without a case: \(missing.map(\.rawValue))")
    }

    @Test func everyCodeIsInTheCatalogueDocument() throws {
        let docs = try String(contentsOfFile: PackagePaths.path("docs/diagnostics.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(docs.contains("| `\(code.rawValue)` | \(code.severity.rawValue)"), "docs/diagnostics.md lacks \(code.rawValue) with severity \(code.severity.rawValue)")
        }
    }

    @Test func cleanBaselinesHaveNoErrorsOrWarnings() {
        for b in [aws(), openstack { $0.pods = "10.0.0.0/16, 2001:db8::4000:0:0:0/96" }] {
            let bad = b.plan.diagnostics.filter { $0.severity != .info }
            #expect(bad.isEmpty, "\(bad.map(\.message))")
        }
    }

    @Test func ipv4SeedOverlapIsOnlyInfo() throws {
        let plan = openstack { $0.settings.seed = SeedNetworks(pods: [Located(prefix("10.0.0.0/16"))]) }.plan
        let d = try #require(plan.diagnostics.first { $0.code == .overlapSeed })
        #expect(d.severity == .info)
    }

    @Test func overlapSuggestsAFreeRange() throws {
        let plan = openstack { $0.services = "10.0.0.0/16, 2001:db8:0:0:8000::/108" }.plan
        let d = try #require(plan.diagnostics.first { $0.code == .overlapPodsServices })
        #expect(d.message == "pods 10.0.0.0/16 overlap services 10.0.0.0/16; e.g. move services to 10.1.0.0/16")
    }
}
