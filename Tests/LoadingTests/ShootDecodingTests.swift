import Addressing
import Spec
import Testing
@testable import Loading

@Suite struct ShootDecodingTests {
    /// `kubectl get shoot prod-eu -n garden-platform -o yaml --show-managed-fields`, trimmed
    /// only in length: every kind of field shootnet must skip is represented.
    static let kubectlShoot = """
        apiVersion: core.gardener.cloud/v1beta1
        kind: Shoot
        metadata:
          annotations:
            gardener.cloud/created-by: jane.doe@example.com
            kubectl.kubernetes.io/last-applied-configuration: |
              {"apiVersion":"core.gardener.cloud/v1beta1","kind":"Shoot","metadata":{"name":"prod-eu"}}
            shoot.gardener.cloud/cloud-config-execution-max-delay-seconds: "300"
          creationTimestamp: "2025-03-02T09:14:11Z"
          finalizers:
          - gardener
          generation: 7
          labels:
            provider.extensions.gardener.cloud/aws: "true"
            shoot.gardener.cloud/status: healthy
          managedFields:
          - apiVersion: core.gardener.cloud/v1beta1
            fieldsType: FieldsV1
            fieldsV1:
              f:metadata:
                f:annotations:
                  .: {}
                  f:gardener.cloud/created-by: {}
              f:spec:
                f:networking:
                  .: {}
                  f:nodes: {}
                  f:type: {}
            manager: kubectl-client-side-apply
            operation: Update
            time: "2025-03-02T09:14:11Z"
          name: prod-eu
          namespace: garden-platform
          resourceVersion: "912734412"
          uid: 4f0d6a52-1d5b-4a8e-9f0e-3a1b2c3d4e5f
        spec:
          addons:
            kubernetesDashboard:
              enabled: false
          cloudProfileName: aws
          hibernation:
            enabled: false
          kubernetes:
            kubeAPIServer:
              enableAnonymousAuthentication: false
            kubeControllerManager:
              nodeCIDRMaskSize: 24
              nodeCIDRMaskSizeIPv6: 80
            kubelet:
              maxPods: 110
              failSwapOn: true
            version: 1.31.4
          maintenance:
            autoUpdate:
              kubernetesVersion: true
              machineImageVersion: true
            timeWindow:
              begin: 220000+0100
              end: 230000+0100
          networking:
            ipFamilies:
            - IPv4
            - IPv6
            nodes: 10.250.0.0/16, AUTOv6
            pods: 100.96.0.0/11, AUTOv6
            services: 100.64.0.0/13, AUTOv6
            type: calico
            providerConfig:
              apiVersion: calico.networking.extensions.gardener.cloud/v1alpha1
              kind: NetworkConfig
              ipam:
                type: host-local
          provider:
            controlPlaneConfig:
              apiVersion: aws.provider.extensions.gardener.cloud/v1alpha1
              kind: ControlPlaneConfig
            infrastructureConfig:
              apiVersion: aws.provider.extensions.gardener.cloud/v1alpha1
              kind: InfrastructureConfig
              networks:
                vpc:
                  cidr: 10.250.0.0/16
                zones:
                - internal: 10.250.112.0/22
                  name: eu-central-1a
                  public: 10.250.96.0/22
                  workers: 10.250.0.0/19
            type: aws
            workers:
            - cri:
                name: containerd
              machine:
                image:
                  name: gardenlinux
                  version: 1592.3.0
                type: m6i.large
              maxSurge: 1
              maxUnavailable: 0
              maximum: 10
              minimum: 3
              name: worker-a
              volume:
                size: 50Gi
                type: gp3
              zones:
              - eu-central-1a
              - eu-central-1b
            - kubernetes:
                kubelet:
                  maxPods: 250
              machine:
                type: m6i.2xlarge
              maximum: 4
              minimum: 0
              name: big
              zones:
              - eu-central-1c
          purpose: production
          region: eu-central-1
          secretBindingName: aws-prod
        status:
          conditions:
          - lastTransitionTime: "2025-06-01T10:00:00Z"
            lastUpdateTime: "2025-06-01T10:00:00Z"
            message: API server /healthz endpoint responded with success status code.
            reason: HealthzRequestSucceeded
            status: "True"
            type: APIServerAvailable
          - lastTransitionTime: "2025-06-01T10:00:00Z"
            message: All nodes are ready.
            status: "True"
            type: EveryNodeReady
          gardener:
            id: 5c8d9e7f
            name: gardenlet-7d9f
            version: 1.110.2
          lastOperation:
            description: Shoot cluster has been successfully reconciled.
            progress: 100
            state: Succeeded
            type: Reconcile
          networking:
            egressCIDRs:
            - 203.0.113.17/32
            nodes:
            - 10.250.0.0/16
            - 2001:db8:4b0:8a00::/56
            pods:
            - 100.96.0.0/11
            - 2001:db8:4b0:8a00::/56
            services:
            - 100.64.0.0/13
            - 2001:db8:4b0:8aff:0:ff::/108
          observedGeneration: 7
          technicalID: shoot--platform--prod-eu
          uid: 4f0d6a52-1d5b-4a8e-9f0e-3a1b2c3d4e5f

        """

    @Test func loadsARealKubectlShoot() throws {
        let shoot = try parse(Self.kubectlShoot).shoot
        #expect(shoot.name == "prod-eu" && shoot.namespace == "garden-platform")
        #expect(shoot.provider.value == "aws" && shoot.providerType == .aws)
        #expect(shoot.provider.location.map { "\($0)" } == "t.yaml:88:11")
        #expect(shoot.region == "eu-central-1")
        #expect(shoot.workers.map(\.name) == ["worker-a", "big"])
        #expect(shoot.workers.map(\.minimum) == [3, 0] && shoot.workers.map(\.maximum) == [10, 4])
        #expect(shoot.workers[0].zones == ["eu-central-1a", "eu-central-1b"])
        #expect(shoot.workers.map(\.maxPods) == [nil, 250])
        #expect(shoot.workers[1].location.map { "\($0.line):\($0.column)" } == "108:7")
        #expect(shoot.nodeMaskV4?.value == 24 && shoot.nodeMaskV6?.value == 80 && shoot.maxPods?.value == 110)
        #expect(shoot.maxPods?.location.map { "\($0.line):\($0.column)" } == "50:16")
        let net = shoot.networking
        #expect(net.type == "calico" && net.ipFamilies?.value == ["IPv4", "IPv6"])
        #expect(net.nodes.map(\.text) == ["10.250.0.0/16", "AUTOv6"])
        #expect(net.services.map(\.family) == [.v4, .v6])
        let status = try #require(shoot.status)
        #expect(status.nodes.map { "\($0.value)" } == ["10.250.0.0/16", "2001:db8:4b0:8a00::/56"])
        #expect(status.services.map { "\($0.value)" } == ["100.64.0.0/13", "2001:db8:4b0:8aff:0:ff::/108"])
        #expect(status.pods[1].location.map { "\($0.line):\($0.column)" } == "150:7")
        #expect(shoot.location.map { "\($0.line):\($0.column)" } == "1:1")
    }

    /// `spec.provider.infrastructureConfig` of each extension (pkg/apis/<provider>/v1alpha1
    /// types_infrastructure.go), the address fields; the networking providerConfig's overlay;
    /// the seed name.
    @Test func providerConfigsAreRead() throws {
        let aws = minimalShoot.replacingOccurrences(of: "    workers:\n", with: """
                infrastructureConfig:
                  networks:
                    vpc: {cidr: 10.250.0.0/16}
                    zones:
                    - {name: eu-west-1a, workers: 10.250.0.0/19, public: 10.250.96.0/22, internal: 10.250.112.0/22}
                workers:

            """) + "  seedName: aws-eu-west-1\n"
        let shoot = try parse(aws).shoot
        let infra = try #require(shoot.infrastructure)
        #expect(infra.vpcCIDR?.value.description == "10.250.0.0/16")
        #expect(infra.zones.map(\.name) == ["eu-west-1a"])
        #expect(infra.zones.first?.publicCIDR?.value.description == "10.250.96.0/22")
        #expect(infra.zones.first?.internalCIDR?.value.description == "10.250.112.0/22")
        #expect(shoot.seedName == "aws-eu-west-1")

        let openstack = minimalShoot.replacingOccurrences(of: "    workers:\n", with: """
                infrastructureConfig:
                  networks:
                    workers: 10.250.0.0/16
                    router: {id: 2f6c}
                    ipv6: {nodeCIDR: 2001:db8:1::/64, podCIDR: 2001:db8:2::/64, serviceCIDR: 2001:db8:3::/112}
                workers:

            """)
        let os = try #require(try parse(openstack).shoot.infrastructure)
        #expect(os.workers?.value.description == "10.250.0.0/16" && os.routerID == "2f6c")
        #expect(os.openStackIPv6?.podCIDR?.value.description == "2001:db8:2::/64")

        let azure = minimalShoot.replacingOccurrences(of: "    workers:\n", with: """
                infrastructureConfig:
                  networks:
                    vnet: {cidr: 10.250.0.0/16}
                    zones: [{name: 1, cidr: 10.250.0.0/19}]
                workers:

            """)
        let az = try #require(try parse(azure).shoot.infrastructure)
        #expect(az.vpcCIDR?.value.description == "10.250.0.0/16" && az.zones.first?.name == "1")
        #expect(az.zones.first?.workers?.value.description == "10.250.0.0/19")

        let overlay = minimalShoot.replacingOccurrences(of: "    pods: AUTOv6, 100.96.0.0/11,\n",
                                                        with: "    pods: AUTOv6, 100.96.0.0/11,\n    providerConfig:\n      overlay:\n        enabled: false\n")
        let net = try parse(overlay).shoot.networking
        #expect(net.hasOverlaySetting && net.providerConfig?.overlayEnabled?.value == false)
    }

    /// The extension resources the proposal names as the place of the real CIDRs: an
    /// `Infrastructure`'s status.networking and a `Network`'s spec fill what the shoot's status
    /// lacks; the shoot's own status wins.
    @Test func infrastructureAndNetworkResourcesFillTheStatus() throws {
        let text = minimalShoot + "status:\n  networking:\n    nodes: [10.250.0.0/16]\n" + """
            ---
            apiVersion: extensions.gardener.cloud/v1alpha1
            kind: Infrastructure
            metadata: {name: demo, namespace: shoot--dev--demo}
            spec:
              type: aws
              providerConfig:
                networks:
                  vpc: {cidr: 10.250.0.0/16}
            status:
              networking:
                nodes: [2001:db8:5a00::/56, 10.99.0.0/16]
                pods: [2001:db8:5a00::/56]
                services: [2001:db8:5a00::10:0/108]
            ---
            apiVersion: extensions.gardener.cloud/v1alpha1
            kind: Network
            metadata: {name: demo, namespace: shoot--dev--demo}
            spec:
              type: calico
              podCIDR: 100.96.0.0/11
              serviceCIDR: 100.64.0.0/13

            """
        let shoot = try parse(text).shoot
        let status = try #require(shoot.status)
        #expect(status.nodes.map { "\($0.value)" } == ["10.250.0.0/16", "2001:db8:5a00::/56"])
        #expect(status.pods.map { "\($0.value)" } == ["2001:db8:5a00::/56", "100.96.0.0/11"])
        #expect(status.services.map { "\($0.value)" } == ["2001:db8:5a00::10:0/108", "100.64.0.0/13"])
        #expect(shoot.infrastructure?.vpcCIDR?.value.description == "10.250.0.0/16")
    }

    @Test func aBadCIDRInTheInfrastructureConfigIsALoadError() {
        let bad = minimalShoot.replacingOccurrences(of: "    workers:\n", with: """
                infrastructureConfig:
                  networks:
                    workers: 10.250.0.1/16
                workers:

            """)
        let error = loadError(bad)
        #expect(error?.description.contains("spec.provider.infrastructureConfig.networks.workers") == true)
        #expect(error?.description.hasPrefix("t.yaml:") == true)
    }

    @Test func statusWithoutNetworkingIsNil() throws {
        #expect(try parse(minimalShoot + "status:\n  conditions: []\n").shoot.status == nil)
        let single = try parse(minimalShoot + "status:\n  networking:\n    nodes: 10.250.0.0/16\n").shoot.status
        #expect(single?.nodes.map { "\($0.value)" } == ["10.250.0.0/16"] && single?.pods == [])
    }

    @Test func malformedStatusCIDRsAreLoadErrors() {
        let error = loadError(minimalShoot + "status:\n  networking:\n    pods:\n    - 100.96.0.0/11\n    - 100.96.0.1/11\n")
        #expect(error?.description == "t.yaml:24:7: error: status.networking.pods: \"100.96.0.1/11\" is not a valid CIDR: host bits set; did you mean 100.96.0.0/11?")
    }

    @Test(arguments: [
        ("      maximum: six", "13:16", "spec.provider.workers[0].maximum: expected an integer, found a string (\"six\")"),
        ("      maximum: 6.5", "13:16", "spec.provider.workers[0].maximum: expected an integer, found \"6.5\""),
        ("      maximum: \"6\"", "13:16", "spec.provider.workers[0].maximum: expected an integer, found a string (\"6\")"),
        ("      maximum: 99999999999999999999999", "13:16", "spec.provider.workers[0].maximum: the number 99999999999999999999999 is too large"),
        ("      maximum: 3000000000", "13:16", "spec.provider.workers[0].maximum: 3000000000 is out of range 0…2147483647"),
        ("      maximum: -4", "13:16", "spec.provider.workers[0].maximum: must not be negative (found -4)"),
        ("      maximum: [6]", "13:16", "spec.provider.workers[0].maximum: expected an integer, found a list"),
        ("      maximum:", "11:7", "spec.provider.workers[0].maximum is missing"),
    ])
    func integerFieldsAreStrict(maximumLine: String, expectedPosition: String, expectedMessage: String) {
        let error = loadError(minimalShoot.replacingOccurrences(of: "      maximum: 6", with: maximumLine))
        #expect(position(error) == expectedPosition)
        #expect(error?.message == expectedMessage)
    }

    @Test func hexAndOctalIntegersAreYAMLIntegers() throws {
        let shoot = try parse(minimalShoot.replacingOccurrences(of: "      maximum: 6", with: "      maximum: 0x10"))
        #expect(shoot.shoot.workers[0].maximum == 16)
    }

    @Test func minimumDefaultsToZeroAndZonesToEmpty() throws {
        let text = minimalShoot
            .replacingOccurrences(of: "      minimum: 2\n", with: "")
            .replacingOccurrences(of: "      zones: [eu-west-1a, eu-west-1b]\n", with: "")
        let worker = try parse(text).shoot.workers[0]
        #expect(worker.minimum == 0 && worker.zones == [])
    }

    @Test(arguments: [
        ("  name: demo\n", "metadata.name is missing"),
        ("    type: aws\n", "spec.provider.type is missing"),
        ("  region: eu-west-1\n", nil),
    ])
    func requiredFields(removing line: String, message: String?) {
        #expect(loadError(minimalShoot.replacingOccurrences(of: line, with: ""))?.message == message)
    }

    @Test func unknownFieldsAreIgnored() throws {
        let text = minimalShoot.replacingOccurrences(of: "  region: eu-west-1\n",
                                                     with: "  region: eu-west-1\n  futureField: {nested: [1, 2, {x: y}]}\n")
        #expect(try parse(text).shoot.region == "eu-west-1")
    }
}
