/// Landscape manifests for tests: a dual-stack AWS shoot as an item of a YAML `kind: List`
/// (the form `kubectl get shoots -A -o yaml` prints), with its IPv6 range in the status.
public enum LandscapeFixtures {
    /// One `- apiVersion: …` list item; `v6` nil leaves the status out, `auto` adds `AUTOv6`
    /// to the pods, `seed` nil leaves `seedName` out.
    public static func shootItem(_ name: String, namespace: String = "garden-a", seed: String? = "seed-a", v6: String? = nil,
                                 auto: Bool = false) -> String {
        let seedLine = seed.map { "    seedName: \($0)\n" } ?? ""
        let status = v6.map { "  status:\n    networking:\n      nodes: [10.250.0.0/16, \"\($0)\"]\n      pods: [100.96.0.0/11, \"\($0)\"]\n" } ?? ""
        return """
        - apiVersion: core.gardener.cloud/v1beta1
          kind: Shoot
          metadata: {name: \(name), namespace: \(namespace)}
          spec:
        \(seedLine)    provider:
              type: aws
              workers: [{name: w, minimum: 1, maximum: 3, zones: [eu-1a]}]
            networking:
              type: calico
              ipFamilies: [IPv4, IPv6]
              nodes: 10.250.0.0/16
              pods: 100.96.0.0/11\(auto ? ", AUTOv6" : "")
              services: 100.64.0.0/13
              providerConfig: {overlay: {enabled: false}}
        \(status)
        """
    }

    /// `items` (from ``shootItem(_:namespace:seed:v6:auto:)``) as a YAML `kind: List`.
    public static func list(_ items: String...) -> String { "apiVersion: v1\nkind: List\nitems:\n" + items.joined() }

    /// A JSON `kind: List` of `count` small AWS shoots (`s0`, `s1` … in namespace `n`), one
    /// per line, as `kubectl get shoots -A -o json` would print a landscape.
    public static func jsonList(count: Int) -> String {
        // kubectl's first key first: a list this long is read in chunks, each starting at an
        // item that opens with `"apiVersion"`.
        let item = #"{"apiVersion": "core.gardener.cloud/v1beta1", "kind": "Shoot", "metadata": {"name": "NAME", "namespace": "n"}, "spec": {"provider": {"type": "aws", "workers": [{"name": "w", "minimum": 1, "maximum": 3, "zones": ["z1"]}]}, "networking": {"type": "calico", "nodes": "10.250.0.0/16"}}}"#
        let items = (0..<count).map { item.replacingOccurrences(of: "NAME", with: "s\($0)") }
        return "{\"apiVersion\": \"v1\", \"items\": [\n" + items.joined(separator: ",\n") + "\n], \"kind\": \"List\"}\n"
    }
}
