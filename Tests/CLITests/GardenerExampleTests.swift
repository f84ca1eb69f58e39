import Foundation
import Testing
import TestSupport

/// Gardener's own example manifests, rebuilt here in their networking essentials (the files are
/// Gardener's; these are shootnet's restatement): the verdict and max nodes Gardener gives them.
/// - gardener `example/90-shoot.yaml`: IPv4, pods 100.96.0.0/11, nodes 10.250.0.0/16, services
///   100.64.0.0/13, kubelet maxPods unset → nodeCIDRMaskSize /24 → max nodes 2^13 = 8192. Its
///   networking type is the placeholder `<some-network-extension-name>`, not a label name.
/// - gardener `example/provider-local/shoot.yaml`: nodes 10.0.0.0/16, no pods / services (the
///   seed's shootDefaults fill them); the local seed (`dev-setup/gardenlet/base/gardenlet.yaml`,
///   a `Gardenlet`) has shootDefaults 10.3.0.0/16 and 10.4.0.0/16 → max nodes 2^(24−16) = 256.
/// - `example/provider-local/shoot-ipv6.yaml` with the IPv6 seed of
///   `dev-setup/gardenlet/components/ipv6`: shootDefaults fd00:10:3::/56, fd00:10:4::/112,
///   nodeCIDRMaskSize defaulted to 64 → max nodes 2^(64−56) = 256.
/// - `example/provider-local/shoot-workerless.yaml`: no workers, no networking but services.
@Suite struct GardenerExampleTests {
    static func shoot(_ networking: String, workers: Bool = true, kubernetes: String = "") -> String {
        """
        apiVersion: core.gardener.cloud/v1beta1
        kind: Shoot
        metadata:
          name: local
          namespace: garden-local
        spec:
          kubernetes:
            version: "1.33.0"\(kubernetes)
          networking:
        \(networking.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
          provider:
            type: local
        \(workers ? "    workers:\n    - name: local\n      minimum: 1\n      maximum: 1\n      zones: [\"0\"]" : "")
          seedName: local

        """
    }

    static func gardenlet(_ networks: String) -> String {
        """
        apiVersion: seedmanagement.gardener.cloud/v1alpha1
        kind: Gardenlet
        metadata:
          name: local
          namespace: garden
        spec:
          config:
            seedConfig:
              spec:
                networks:
        \(networks.split(separator: "\n").map { "          " + $0 }.joined(separator: "\n"))

        """
    }

    static let ipv4Seed = gardenlet("nodes: 172.18.0.0/24\npods: 10.1.0.0/16\nservices: 10.2.0.0/16\nshootDefaults:\n  pods: 10.3.0.0/16\n  services: 10.4.0.0/16")
    static let ipv6Seed = gardenlet("ipFamilies: [IPv6]\nnodes: fd00:10::/64\npods: fd00:10:1::/56\nservices: fd00:10:2::/112\nshootDefaults:\n  pods: fd00:10:3::/56\n  services: fd00:10:4::/112")

    struct Example: Sendable, CustomTestStringConvertible {
        var name: String
        var shoot: String
        var seed: String?
        var errors: [String]
        var maxNodes: String?
        var sources: [String: String] = [:]
        var testDescription: String { name }
    }

    static let examples: [Example] = [
        Example(name: "example/90-shoot.yaml",
                shoot: shoot("type: <some-network-extension-name>\nipFamilies:\n- IPv4\npods: 100.96.0.0/11\nnodes: 10.250.0.0/16\nservices: 100.64.0.0/13"),
                seed: nil, errors: ["networking.required"], maxNodes: "8192"),
        Example(name: "example/90-shoot.yaml with a real CNI",
                shoot: shoot("type: calico\nipFamilies:\n- IPv4\npods: 100.96.0.0/11\nnodes: 10.250.0.0/16\nservices: 100.64.0.0/13"),
                seed: nil, errors: [], maxNodes: "8192"),
        Example(name: "provider-local/shoot.yaml on the local seed",
                shoot: shoot("type: calico\nnodes: 10.0.0.0/16"), seed: ipv4Seed, errors: [], maxNodes: "256",
                sources: ["10.3.0.0/16": "seed-default", "10.4.0.0/16": "seed-default"]),
        Example(name: "provider-local/shoot.yaml without a seed",
                shoot: shoot("type: calico\nnodes: 10.0.0.0/16"), seed: nil, errors: [], maxNodes: "8192",
                sources: ["100.96.0.0/11": "assumed", "100.64.0.0/13": "assumed"]),
        Example(name: "provider-local/shoot-ipv6.yaml on the IPv6 local seed",
                shoot: shoot("type: calico\nipFamilies:\n- IPv6\nnodes: fd00:10:1:100::/56"), seed: ipv6Seed, errors: [], maxNodes: "256",
                sources: ["fd00:10:3::/56": "seed-default", "fd00:10:4::/112": "seed-default"]),
        Example(name: "provider-local/shoot-workerless.yaml", shoot: shoot("", workers: false), seed: ipv4Seed, errors: [], maxNodes: nil,
                sources: ["10.4.0.0/16": "seed-default"]),
        Example(name: "a seed without shootDefaults: pods and services are required",
                shoot: shoot("type: calico\nnodes: 10.0.0.0/16"), seed: gardenlet("nodes: 172.18.0.0/24\npods: 10.1.0.0/16\nservices: 10.2.0.0/16"),
                errors: ["networking.required", "networking.required"], maxNodes: nil),
    ]

    @Test(arguments: examples)
    func gardenersVerdictAndMaxNodes(_ e: Example) throws {
        let dir = try Scratch()
        defer { dir.remove() }
        let shootFile = try dir.write("shoot.yaml", e.shoot)
        var args = [shootFile]
        if let seed = e.seed { args += ["--seed", try dir.write("gardenlet.yaml", seed)] }
        let (result, diagnostics) = try ProcessRunner.checkJSON(args)
        let errors = diagnostics.filter { $0.severity == "error" }.map(\.code).sorted()
        #expect(errors == e.errors.sorted(), "\(diagnostics.map(\.message))")
        #expect(result.exitCode == (e.errors.isEmpty ? 0 : 1))
        let (_, plan) = try ProcessRunner.planJSON(args)
        #expect(plan.maxNodes == e.maxNodes)
        for (cidr, source) in e.sources {
            let found = plan.networks.values.flatMap { $0 }.first { $0.cidr == cidr }
            #expect(found?.source == source, "\(cidr): \(String(describing: found))")
        }
    }
}
