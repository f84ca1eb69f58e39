import Foundation

/// A large dual-stack OpenStack shoot as an operator would capture it: the Shoot manifest,
/// `kubectl get nodes -o json` with `count` nodes in three zones, and `openstack router
/// show -f json` missing the route of every 50th node (from node 7) and carrying five stale
/// routes. With the default route quota (30) far below the routes needed, its root cause is
/// `route.quota`. The same shape as scripts/bench/gen_workload.py, made in process.
public enum LargeShoot {
    public struct Files: Sendable {
        public var shoot: String
        public var nodes: String
        public var router: String
    }

    /// Whether node `i` has its route on the router.
    public static func hasRoute(_ i: Int) -> Bool { i % 50 != 7 }

    public static func write(nodes count: Int, into scratch: Scratch) throws -> Files {
        precondition(count > 0 && count < 8192, "addresses below are laid out for fewer than 8192 nodes")
        let shoot = """
        apiVersion: core.gardener.cloud/v1beta1
        kind: Shoot
        metadata:
          name: large-\(count)
          namespace: garden-large
        spec:
          region: eu-de-1
          provider:
            type: openstack
            workers:
            - name: pool
              minimum: \(count)
              maximum: \(count)
              zones: [eu-de-1a, eu-de-1b, eu-de-1c]
          kubernetes:
            version: "1.31.1"
            kubeControllerManager:
              nodeCIDRMaskSize: 24
              nodeCIDRMaskSizeIPv6: 112
          networking:
            type: calico
            ipFamilies: [IPv4, IPv6]
            nodes: 10.250.0.0/16, 2001:db8:1000::/66
            pods: 100.96.0.0/11, 2001:db8:1000:0:4000::/66
            services: 100.64.0.0/13, 2001:db8:1000:0:8000::/66

        """
        var items: [String] = []
        var routes: [String] = []
        for i in 0..<count {
            let name = String(format: "node-%05d", i)
            let v4 = "10.250.\((10 + i) >> 8).\((10 + i) & 255)"
            let v6 = "2001:db8:1000::" + String(0x100 + i, radix: 16)
            let p4 = "100.\(96 + (i >> 8)).\(i & 255).0/24"
            let p6 = "2001:db8:1000:0:4000:0:" + String(i, radix: 16) + ":0/112"
            let zone = "eu-de-1" + ["a", "b", "c"][i % 3]
            items.append("""
            {"apiVersion":"v1","kind":"Node","metadata":{"name":"\(name)","labels":{"topology.kubernetes.io/zone":"\(zone)"}},\
            "spec":{"podCIDR":"\(p4)","podCIDRs":["\(p4)","\(p6)"]},\
            "status":{"addresses":[{"type":"InternalIP","address":"\(v4)"},{"type":"InternalIP","address":"\(v6)"},\
            {"type":"Hostname","address":"\(name)"}]}}
            """)
            if hasRoute(i) { routes.append("{\"destination\":\"\(p6)\",\"nexthop\":\"\(v6)\"}") }
        }
        for k in 0..<5 {
            let stale = "2001:db8:1000:0:4000:0:" + String(count + 100 + k, radix: 16) + ":0/112"
            routes.append("{\"destination\":\"\(stale)\",\"nexthop\":\"2001:db8:1000::" + String(0xdead + k, radix: 16) + "\"}")
        }
        let nodes = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[\n" + items.joined(separator: ",\n") + "\n]}\n"
        let router = "{\"id\":\"large-router\",\"name\":\"large-\(count)-v6\",\"status\":\"ACTIVE\",\"routes\":[\n"
            + routes.joined(separator: ",\n") + "\n]}\n"
        return Files(shoot: try scratch.write("shoot.yaml", shoot), nodes: try scratch.write("nodes.json", nodes),
                     router: try scratch.write("router.json", router))
    }
}
