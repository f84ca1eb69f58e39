import Foundation

/// The inputs mutations start from: small hand-written ones for every reader (always
/// present, so a run is the same anywhere), plus `samples/` and `themes/` when found.
struct SeedCorpus {
    var mainYAML: [String]
    var mainJSON: [String]
    var nodes: [String]
    var routes: [String]
    var seeds: [String]
    var themes: [String]

    static let shootYAML = """
        apiVersion: core.gardener.cloud/v1beta1
        kind: Shoot
        metadata:
          name: fuzz
          namespace: garden-x
        spec:
          region: eu-de-1
          provider:
            type: openstack
            workers:
            - name: pool
              minimum: 2
              maximum: 4
              zones: [eu-de-1a]
          kubernetes:
            kubeControllerManager:
              nodeCIDRMaskSize: 24
              nodeCIDRMaskSizeIPv6: 112
            kubelet:
              maxPods: 110
          networking:
            type: calico
            ipFamilies: [IPv4, IPv6]
            nodes: 10.250.0.0/16, 2001:db8::/66
            pods: AUTOv6, 100.96.0.0/11,
            services:
            - 100.64.0.0/13
            - 2001:db8:0:0:8000::/108
        ---
        apiVersion: shootnet.gardener.cloud/v1alpha1
        kind: ShootnetSettings
        podPrefixTemplate: "<nodePrefix>::f000:0/100"
        services:
          strategy: unique
        simulation:
          pool: 2001:db8::/32
        """

    static let awsYAML = """
        apiVersion: core.gardener.cloud/v1beta1
        kind: Shoot
        metadata: {name: aws-fuzz}
        spec:
          provider: {type: aws, workers: [{name: a, minimum: 3, maximum: 10, zones: [z1, z2, z3]}]}
          networking: {nodes: "AUTOv6, 10.250.0.0/16", pods: "AUTOv6, 100.96.0.0/11,"}
        status:
          networking:
            nodes: [10.250.0.0/16]
            pods: 100.96.0.0/11
        """

    static let anchorsYAML = """
        kind: Shoot
        metadata: {name: &n anchors}
        spec:
          provider: &p {type: gcp}
          networking:
            nodes: &range 10.250.0.0/16
            pods: [100.96.0.0/11]
          seedCopy: *p
        """

    static let shootJSON = """
        {"apiVersion": "core.gardener.cloud/v1beta1", "kind": "Shoot",
         "metadata": {"name": "json-fuzz"},
         "spec": {"provider": {"type": "aws", "workers": [{"name": "a", "minimum": 1, "maximum": 3, "zones": ["z1"]}]},
                  "kubernetes": {"kubelet": {"maxPods": 110}},
                  "networking": {"ipFamilies": ["IPv6"], "nodes": "AUTOv6", "pods": ["AUTOv6"], "services": "fd00:10::/108"}}}
        """

    static let nodesJSON = """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"kind": "Node", "metadata": {"name": "node-a1", "labels": {"topology.kubernetes.io/zone": "eu-de-1a"}},
           "spec": {"podCIDRs": ["10.0.0.0/24", "2001:db8::4000:0:0:0/112"]},
           "status": {"addresses": [{"type": "InternalIP", "address": "100.0.0.4"}, {"type": "InternalIP", "address": "2001:db8::a1"},
                                    {"type": "Hostname", "address": "node-a1"}]}},
          {"kind": "Node", "metadata": {"name": "node-b4"}, "spec": {"podCIDR": "10.0.1.0/24"},
           "status": {"addresses": [{"type": "InternalIP", "address": "100.0.0.5"}]}}]}
        """

    static let nodesYAML = """
        apiVersion: v1
        kind: NodeList
        items:
        - metadata:
            name: n1
            labels: {failure-domain.beta.kubernetes.io/zone: z1}
          spec: {podCIDRs: [10.0.0.0/24]}
          status:
            addresses:
            - {type: InternalIP, address: 10.250.0.4}
        """

    static let routerJSON = """
        {"id": "5e1f", "name": "router-1", "routes": [
          {"destination": "2001:db8::4000:0:0:0/112", "nexthop": "2001:db8::a1"},
          {"destination": "10.0.0.0/24", "nexthop": "100.0.0.4"}]}
        """

    static let routeListJSON = """
        [{"destination": "2001:db8::/64", "nexthop": "fe80::1"}, {"destination": "::/0", "nexthop": "::1"}]
        """

    static let seedYAML = """
        apiVersion: core.gardener.cloud/v1beta1
        kind: Seed
        metadata:
          name: seed-1
        spec:
          networks:
            nodes: 10.240.0.0/16, 2001:db8:5eed::/66
            pods: [10.241.128.0/17, "2001:db8:5eed:0:4000::/96"]
            services: 10.241.0.0/17
        """

    static let themeYAML = """
        name: fuzz
        roles:
          plain: {fg: default, bg: default}
          error: {fg: bright-red, bold: true}
          address: {fg: 33, underline: true}
          title: {fg: cyan, bg: "#000000", reverse: true}
        """

    /// The built-in seeds, plus files from `samplesFolder` and `themesFolder` that exist.
    static func load(samplesFolder: String?, themesFolder: String?) -> SeedCorpus {
        var corpus = SeedCorpus(mainYAML: [shootYAML, awsYAML, anchorsYAML], mainJSON: [shootJSON],
                                nodes: [nodesJSON, nodesYAML], routes: [routerJSON, routeListJSON],
                                seeds: [seedYAML], themes: [themeYAML])
        for (name, text) in files(in: samplesFolder) {
            if name.hasSuffix("nodes.json") {
                corpus.nodes.append(text)
            } else if name.hasSuffix("router.json") {
                corpus.routes.append(text)
            } else if name.hasPrefix("seed") {
                corpus.seeds.append(text)
            } else if name.hasSuffix(".yaml") {
                corpus.mainYAML.append(text)
            }
        }
        for (name, text) in files(in: themesFolder) where name.hasSuffix(".yaml") { corpus.themes.append(text) }
        return corpus
    }

    /// Files of a folder, sorted by name (so the corpus order, and the run, is stable).
    private static func files(in folder: String?) -> [(String, String)] {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
            return (name, String(decoding: data, as: UTF8.self))
        }
    }

    /// `samples/` or `themes/` of the package: next to the working directory, or above the
    /// binary in `.build/<config>/`.
    static func packageFolder(_ name: String) -> String? {
        var candidates = [name]
        if let exe = CommandLine.arguments.first, let slash = exe.lastIndex(of: "/") {
            let dir = String(exe[..<slash])
            candidates += ["\(dir)/../../\(name)", "\(dir)/../../../\(name)"]
        }
        var isDirectory: ObjCBool = false
        return candidates.first { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && isDirectory.boolValue }
    }
}
