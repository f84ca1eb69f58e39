import Addressing
import Spec
import Testing
@testable import Loading

@Suite struct SettingsDecodingTests {
    static let fullSettings = """
        ---
        apiVersion: shootnet.gardener.cloud/v1alpha1
        kind: ShootnetSettings
        podPrefixTemplate: "<nodePrefix>::f000:0/100"  # per-node IPv6 pod prefix
        nodeReservedLength: 100
        services:
          strategy: well-known
          wellKnownPrefix: fd00:10:96::/108
          ipFamilyPolicy: PreferDualStack
          family: IPv6
        simulation:
          pool: 2001:db8::/32
          vpcLength: 56
          subnetLength: 64
          nodePrefixLength: 80
          serviceLength: 108
        openstack:
          allocationPool: 2001:db8::/66
          routeQuota: 30
        seed:
          nodes: 10.242.0.0/16, 2001:db8:ffff::/64
          pods: [10.243.0.0/16]
          services:
          - 10.244.0.0/16

        """

    @Test func readsEveryField() throws {
        let settings = try parse(minimalShoot + Self.fullSettings).settings
        #expect(settings.podPrefixTemplate?.value == PodPrefixTemplate.standard)
        #expect(settings.podPrefixTemplate?.location.map { "\($0.line):\($0.column)" } == "23:20")
        #expect(settings.nodeReservedLength?.value == 100)
        #expect(settings.serviceStrategy?.value == .wellKnown)
        #expect(settings.wellKnownServices?.value == IPPrefix("fd00:10:96::/108"))
        #expect(settings.servicePreference?.value == .preferDualStack)
        #expect(settings.serviceFamily?.value == .v6)
        #expect(settings.simulationPool?.value == IPPrefix("2001:db8::/32"))
        #expect([settings.vpcLength, settings.subnetLength, settings.nodePrefixLength, settings.serviceLength].map { $0?.value } == [56, 64, 80, 108])
        #expect(settings.allocationPool?.value == IPPrefix("2001:db8::/66"))
        #expect(settings.routeQuota?.value == 30)
        let seed = try #require(settings.seed)
        #expect(seed.nodes.map { "\($0.value)" } == ["10.242.0.0/16", "2001:db8:ffff::/64"])
        #expect(seed.nodes[1].location.map { "\($0.line):\($0.column)" } == "40:25")
        #expect(seed.pods.map { "\($0.value)" } == ["10.243.0.0/16"] && seed.services.map { "\($0.value)" } == ["10.244.0.0/16"])
        #expect(settings.location.map { "\($0.line):\($0.column)" } == "21:1")
    }

    @Test func everyFieldIsOptional() throws {
        let settings = try parse(minimalShoot + "---\napiVersion: shootnet.gardener.cloud/v1alpha1\nkind: ShootnetSettings\n").settings
        #expect(settings.podPrefixTemplate == nil && settings.serviceStrategy == nil && settings.seed == nil)
        #expect(settings.location != nil)
        #expect(try parse(minimalShoot).settings == Settings())
    }

    @Test(arguments: [
        ("podPrefixTemplate: \"::f000:0/100\"", "2:20",
         "podPrefixTemplate: pod prefix template must start with <nodePrefix> (e.g. <nodePrefix>::f000:0/100)"),
        ("podPrefixTemplate: \"<nodePrefix>::f000:0\"", "2:20", "podPrefixTemplate: pod prefix template: missing prefix length (e.g. /64)"),
        ("nodeReservedLength: -1", "2:21", "nodeReservedLength: must not be negative (found -1)"),
        ("nodeReservedLength: 129", "2:21", "nodeReservedLength: 129 is out of range 0…128"),
        ("services:\n  strategy: random", "3:13", "services.strategy: \"random\" is not one of unique, well-known"),
        ("services:\n  ipFamilyPolicy: Dual", "3:19", "services.ipFamilyPolicy: \"Dual\" is not one of SingleStack, PreferDualStack, RequireDualStack"),
        ("services:\n  family: IPv5", "3:11", "services.family: \"IPv5\" is not a family; use IPv4 or IPv6"),
        ("services:\n  wellKnownPrefix: fd00:10:96::1/108", "3:20", "services.wellKnownPrefix: \"fd00:10:96::1/108\" is not a valid CIDR: host bits set; did you mean fd00:10:96::/108?"),
        ("services: unique", "2:11", "services: expected a mapping, found a string (\"unique\")"),
        ("simulation:\n  pool: AUTOv6", "3:9", "simulation.pool: AUTOv6 is not allowed here; write a CIDR"),
        ("simulation:\n  vpcLength: 56.5", "3:14", "simulation.vpcLength: expected an integer, found \"56.5\""),
        ("openstack:\n  routeQuota: -30", "3:15", "openstack.routeQuota: must not be negative (found -30)"),
        ("seed:\n  pods: 10.0.0.0/8, AUTOv6", "3:21", "seed.pods: AUTOv6 is not allowed here; write a CIDR"),
        ("seed:\n  nodes: 10.0.0.0/33", "3:10", "seed.nodes: \"10.0.0.0/33\" is not a valid CIDR: prefix length 33 is out of range 0..32"),
    ])
    func badValuesAreLoadErrors(body: String, expectedPosition: String, expectedMessage: String) {
        let settingsLine = minimalShoot.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        let error = loadError(minimalShoot + "---\nkind: ShootnetSettings\n" + body + "\n")
        // Positions in the table are relative to the settings document's `kind:` line.
        let parts = expectedPosition.split(separator: ":").compactMap { Int($0) }
        #expect(error?.line == settingsLine + parts[0] - 1)
        #expect(error?.column == parts[1])
        #expect(error?.message == expectedMessage)
    }

    @Test func aSecondSettingsDocumentIsAnError() {
        let error = loadError(minimalShoot + "---\nkind: ShootnetSettings\n---\nkind: ShootnetSettings\n")
        #expect(error?.message == "a second ShootnetSettings document (the first starts at line 21); a file holds at most one")
        #expect(position(error) == "23:1")
    }
}
