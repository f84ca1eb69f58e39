import Addressing
import Foundation
import Spec
import Testing
@testable import Loading

/// Node lists, routers and seeds: embedded in the main file or given as flag files.
@Suite struct ObservedDecodingTests {
    static let nodesJSON = """
        {
            "apiVersion": "v1",
            "items": [
                {
                    "apiVersion": "v1",
                    "kind": "Node",
                    "metadata": {
                        "labels": {"kubernetes.io/os": "linux", "topology.kubernetes.io/zone": "eu-de-1a"},
                        "name": "node-a1"
                    },
                    "spec": {"podCIDR": "10.0.0.0/24", "podCIDRs": ["10.0.0.0/24", "2001:db8:0:0:4000::/112"]},
                    "status": {
                        "addresses": [
                            {"address": "100.0.0.10", "type": "InternalIP"},
                            {"address": "2001:db8::a1", "type": "InternalIP"},
                            {"address": "node-a1", "type": "Hostname"}
                        ],
                        "conditions": [{"type": "Ready", "status": "True"}]
                    }
                },
                {
                    "kind": "Node",
                    "metadata": {"name": "node-b4", "labels": {"failure-domain.beta.kubernetes.io/zone": "eu-de-1b"}},
                    "spec": {"podCIDR": "10.0.1.0/24"},
                    "status": {"addresses": [{"address": "100.0.0.11", "type": "InternalIP"}]}
                },
                {"kind": "Node", "metadata": {"name": "bare"}}
            ],
            "kind": "List",
            "metadata": {"resourceVersion": ""}
        }
        """

    static let nodesYAML = """
        apiVersion: v1
        kind: NodeList
        items:
        - metadata:
            name: node-a1
            labels:
              topology.kubernetes.io/zone: eu-de-1a
          spec:
            podCIDR: 10.0.0.0/24
            podCIDRs:
            - 10.0.0.0/24
            - 2001:db8:0:0:4000::/112
          status:
            addresses:
            - address: 100.0.0.10
              type: InternalIP
            - address: 2001:db8::a1
              type: InternalIP
        - metadata:
            name: node-b4
            labels:
              failure-domain.beta.kubernetes.io/zone: eu-de-1b
          spec:
            podCIDR: 10.0.1.0/24
          status:
            addresses:
            - address: 100.0.0.11
              type: InternalIP
        - metadata:
            name: bare

        """

    static let routerJSON = """
        {
          "admin_state_up": true,
          "external_gateway_info": {"network_id": "9f1d", "external_fixed_ips": [{"ip_address": "203.0.113.5"}]},
          "id": "6312d059-17f6-4186-9df5-376cceff34f8",
          "name": "shoot--netlab--gep-v6",
          "routes": [
            {"destination": "2001:db8:0:0:4000::/112", "nexthop": "2001:db8::a1"},
            {"nexthop": "2001:db8::b4", "destination": "2001:db8::4000:0:1:0/112"}
          ],
          "status": "ACTIVE",
          "tags": []
        }
        """

    private func checkNodes(_ nodes: [ObservedNode], file: String) {
        #expect(nodes.map(\.name) == ["node-a1", "node-b4", "bare"])
        #expect(nodes.map(\.zone) == ["eu-de-1a", "eu-de-1b", nil])
        #expect(nodes[0].addresses.map { "\($0)" } == ["100.0.0.10", "2001:db8::a1"])
        #expect(nodes[0].podCIDRs.map { "\($0)" } == ["10.0.0.0/24", "2001:db8:0:0:4000::/112"])
        #expect(nodes[1].podCIDRs.map { "\($0)" } == ["10.0.1.0/24"])
        #expect(nodes[2].addresses.isEmpty && nodes[2].podCIDRs.isEmpty)
        #expect(nodes.allSatisfy { $0.location?.file == file })
    }

    @Test func nodeListFromJSONFlagFile() throws {
        let dir = try scratchDirectory()
        try write(Self.nodesJSON, to: dir + "/nodes.json")
        let nodes = try InputLoader.loadNodes(file: dir + "/nodes.json")
        checkNodes(nodes, file: dir + "/nodes.json")
        #expect(nodes[1].location.map { "\($0.line):\($0.column)" } == "21:9")
    }

    @Test func nodeListFromYAMLFlagFile() throws {
        let dir = try scratchDirectory()
        try write(Self.nodesYAML, to: dir + "/nodes.yaml")
        checkNodes(try InputLoader.loadNodes(file: dir + "/nodes.yaml"), file: dir + "/nodes.yaml")
    }

    @Test func nodeListEmbeddedInTheMainFile() throws {
        let input = try parse(minimalShoot + "---\n" + Self.nodesYAML)
        checkNodes(try #require(input.observed.nodes), file: "t.yaml")
        #expect(try parse(minimalShoot).observed.nodes == nil)
    }

    @Test func malformedNodeAddressesAreLoadErrors() {
        let text = Self.nodesJSON.replacingOccurrences(of: "\"2001:db8::a1\"", with: "\"2001:db8::a1::\"")
        do {
            _ = try FlagFileDecoder.nodes(DocumentReader.read(bytes: Array(text.utf8), file: "n.json"), file: "n.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "n.json:15:33: error: items[0].status.addresses[1].address: \"2001:db8::a1::\" is not a valid IP address: more than one \"::\" in IPv6 address")
        }
    }

    @Test func listItemsMustBeNodes() {
        let text = "kind: List\nitems:\n- kind: Pod\n  metadata: {name: x}\n"
        do {
            _ = try FlagFileDecoder.nodes(DocumentReader.read(bytes: Array(text.utf8), file: "n.yaml"), file: "n.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "n.yaml:3:9: error: items[0]: expected kind Node, found a string (\"Pod\")")
        }
    }

    @Test func routerFromJSONFlagFile() throws {
        let dir = try scratchDirectory()
        try write(Self.routerJSON, to: dir + "/router.json")
        let router = try InputLoader.loadRouter(file: dir + "/router.json")
        #expect(router.name == "shoot--netlab--gep-v6")
        #expect(router.routes.map { "\($0.destination) via \($0.nexthop)" } == [
            "2001:db8:0:0:4000::/112 via 2001:db8::a1", "2001:db8::4000:0:1:0/112 via 2001:db8::b4",
        ])
        #expect(router.routes[1].location.map { "\($0.line):\($0.column)" } == "8:5")
    }

    @Test func plainListOfRoutesTakesTheFileName() throws {
        let dir = try scratchDirectory()
        try write("- destination: 10.0.0.0/24\n  nexthop: 10.250.0.4\n", to: dir + "/eu-router.yaml")
        let router = try InputLoader.loadRouter(file: dir + "/eu-router.yaml")
        #expect(router.name == "eu-router" && router.routes.count == 1)
        try write("[]", to: dir + "/empty.json")
        #expect(try InputLoader.loadRouter(file: dir + "/empty.json").routes.isEmpty)
    }

    @Test func routerEmbeddedInTheMainFile() throws {
        let text = minimalShoot + "---\nname: r1\nid: abc\nroutes:\n- destination: 2001:db8:0:0:4000::/112\n  nexthop: 2001:db8::a1\nstatus: ACTIVE\n"
        let router = try #require(try parse(text).observed.router)
        #expect(router.name == "r1" && router.routes.count == 1)
        let unnamed = try parse(minimalShoot + "---\nid: abc\nroutes: []\n").observed.router
        #expect(unnamed?.name == "abc" && unnamed?.routes == [])
    }

    @Test(arguments: [
        ("routes:\n- destination: 10.0.0.0/24\n", "2:3", "routes[0].nexthop is missing"),
        ("routes:\n- {destination: 10.0.0.1/24, nexthop: 10.250.0.4}\n", "2:17",
         "routes[0].destination: \"10.0.0.1/24\" is not a valid CIDR: host bits set; did you mean 10.0.0.0/24?"),
        ("routes: 5\n", "1:9", "routes: expected a list, found a number (\"5\")"),
        ("name: r\n", "1:1", "expected an OpenStack router (openstack router show -f json) or a list of routes"),
    ])
    func badRoutersAreLoadErrors(text: String, expectedPosition: String, expectedMessage: String) {
        do {
            _ = try FlagFileDecoder.router(DocumentReader.read(bytes: Array(text.utf8), file: "r.yaml"), file: "r.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(position(error) == expectedPosition)
            #expect(error.message == expectedMessage)
        }
    }

    static let seedYAML = """
        apiVersion: core.gardener.cloud/v1beta1
        kind: Seed
        metadata:
          name: os-eu-de-1
        spec:
          networks:
            ipFamilies: [IPv4, IPv6]
            nodes: 10.240.0.0/16, 2001:db8:5eed::/66
            pods: 10.241.128.0/17
            services:
            - 10.241.0.0/17

        """

    @Test func seedFromFlagFileEmbeddedOrSettings() throws {
        let dir = try scratchDirectory()
        try write(Self.seedYAML, to: dir + "/seed.yaml")
        let seed = try InputLoader.loadSeed(file: dir + "/seed.yaml")
        #expect(seed.name == "os-eu-de-1")
        #expect(seed.nodes.map { "\($0.value)" } == ["10.240.0.0/16", "2001:db8:5eed::/66"])
        #expect(seed.pods.count == 1 && seed.services.count == 1)

        let embedded = try parse(minimalShoot + "---\n" + Self.seedYAML).settings.seed
        #expect(embedded?.name == "os-eu-de-1" && embedded?.nodes.first?.location?.line == 28)

        // The flag file wins over an embedded Seed, which wins over ShootnetSettings.seed.
        let settingsSeed = "---\nkind: ShootnetSettings\nseed:\n  nodes: 10.9.0.0/16\n"
        #expect(try parse(minimalShoot + settingsSeed).settings.seed?.nodes.map { "\($0.value)" } == ["10.9.0.0/16"])
        #expect(try parse(minimalShoot + settingsSeed + "---\n" + Self.seedYAML).settings.seed?.name == "os-eu-de-1")
        let flags = FlagInputs(seed: SeedNetworks(name: "flag"))
        let withFlag = try InputLoader.parse(text: minimalShoot + settingsSeed + "---\n" + Self.seedYAML, file: "t.yaml", flags: flags)
        #expect(withFlag.input.settings.seed?.name == "flag")
    }

    @Test func flagFilesWinOverEmbeddedDocuments() throws {
        let dir = try scratchDirectory()
        try write(Self.nodesJSON, to: dir + "/nodes.json")
        try write(Self.routerJSON, to: dir + "/router.json")
        try write(minimalShoot + "---\nkind: NodeList\nitems:\n- metadata: {name: embedded}\n---\nname: embedded\nroutes: []\n", to: dir + "/shoot.yaml")
        let plain = try InputLoader.load(file: dir + "/shoot.yaml")
        #expect(plain.input.observed.nodes?.map(\.name) == ["embedded"] && plain.input.observed.router?.name == "embedded")
        let flagged = try InputLoader.load(file: dir + "/shoot.yaml", nodes: dir + "/nodes.json", routes: dir + "/router.json")
        #expect(flagged.input.observed.nodes?.count == 3 && flagged.input.observed.router?.name == "shoot--netlab--gep-v6")
        #expect(flagged.flags.nodes?.count == 3)
    }

    @Test func flagFilesMustHoldTheRightKind() throws {
        let dir = try scratchDirectory()
        try write(Self.seedYAML, to: dir + "/seed.yaml")
        #expect(throws: LoadError.self) { try InputLoader.loadNodes(file: dir + "/seed.yaml") }
        try write(Self.nodesYAML, to: dir + "/nodes.yaml")
        do {
            _ = try InputLoader.loadSeed(file: dir + "/nodes.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(dir)/nodes.yaml:1:1: error: expected a Seed manifest (kind: Seed, ManagedSeed or Gardenlet)")
        }
    }

    /// A seed as a Seed, a ManagedSeed (gardener `seedmanagement.gardener.cloud`
    /// `spec.gardenlet.config.seedConfig`) or a Gardenlet (`spec.config.seedConfig`, Gardener's
    /// `dev-setup/gardenlet`): the networks and the shoot defaults.
    @Test(arguments: [
        ("Seed", "spec:\n  networks:\n"),
        ("ManagedSeed", "spec:\n  gardenlet:\n    config:\n      seedConfig:\n        spec:\n          networks:\n"),
        ("Gardenlet", "spec:\n  config:\n    seedConfig:\n      spec:\n        networks:\n"),
    ])
    func seedsComeInThreeKinds(_ kind: String, _ lead: String) throws {
        let indent = String(repeating: " ", count: lead.split(separator: "\n").last.map { $0.prefix { $0 == " " }.count + 2 } ?? 2)
        let networks = ["nodes: 172.18.0.0/24", "pods: 10.1.0.0/16", "services: 10.2.0.0/16", "shootDefaults:",
                        "  pods: 10.3.0.0/16", "  services: 10.4.0.0/16"].map { indent + $0 }.joined(separator: "\n")
        let text = "kind: \(kind)\nmetadata:\n  name: local\n" + lead + networks + "\n"
        let dir = try scratchDirectory()
        try write(text, to: dir + "/seed.yaml")
        let seed = try InputLoader.loadSeed(file: dir + "/seed.yaml")
        #expect(seed.name == "local")
        #expect(seed.pods.map(\.value.description) == ["10.1.0.0/16"])
        #expect(seed.shootDefaults?.pods?.value.description == "10.3.0.0/16")
        #expect(seed.shootDefaults?.services?.value.description == "10.4.0.0/16")
    }
}
