import Addressing
import TestSupport

/// A landscape written as `kubectl get shoots -A` / `kubectl get seeds` would print it,
/// generated from a seed: every shoot reuses the same IPv4 ranges and gets its own IPv6 /56
/// in `status.networking`; seeds hold their IPv6 in `status.networks`. `plant` collisions
/// are made on purpose (the same /56, a /60 inside another shoot's /56, a seed's pod range,
/// two seeds sharing a range), and recorded.
struct GeneratedLandscape {
    var shootsText: String
    var seedsText: String
    /// Every object's real IPv6 ranges, by its reference (`shoot/NS/NAME`, `seed/NAME`).
    var ipv6: [(object: String, prefixes: [IPPrefix])]
    /// The collisions planted, as unordered pairs of object references.
    var planted: Set<Set<String>>

    static let shootPool = UInt128(0x2001_0db8) << 96   // 2001:db8::/32, a /56 per shoot
    static let seedPool = UInt128(0x2001_0db9) << 96    // 2001:db9::/32, a /48 per seed

    static func v6(_ base: UInt128, _ index: Int, _ length: Int) -> IPPrefix {
        IPPrefix(masking: IPAddress(v6: base + (UInt128(index) << UInt128(128 - length))), length: length)
    }

    init(shoots n: Int, seeds s: Int, plant: Int, seed: UInt64, yaml: Bool = false) {
        var rng = SplitMix64(seed: seed)
        // Distinct /56 indices, spread out: shoots never collide by accident.
        var indices = Array(0..<(n * 4)).shuffled(using: &rng).prefix(n).map { $0 }
        var shootV6 = indices.map { Self.v6(Self.shootPool, $0, 56) }
        var seedRanges = (0..<s).map { i in (0..<3).map { Self.v6(Self.v6(Self.seedPool, i, 48).network.value, $0, 56) } }
        func shootRef(_ j: Int) -> String { "shoot/garden-p\(j % 7)/s\(j)" }
        planted = []
        var victims = Array(1..<n).shuffled(using: &rng).prefix(plant).map { $0 }
        // A collision is planted against a shoot that keeps its range (no victim).
        let keepers = (0..<n).filter { !victims.contains($0) }
        var replacedSeeds: Set<Int> = []
        var k = 0
        while !victims.isEmpty {
            let b = victims.removeFirst()
            let a = keepers[Int.random(in: 0..<keepers.count, using: &rng)]
            switch k % 4 {
            case 0:
                shootV6[b] = shootV6[a]
                planted.insert([shootRef(a), shootRef(b)])
            case 1:
                shootV6[b] = IPPrefix(masking: IPAddress(v6: shootV6[a].network.value + (UInt128(5) << 68)), length: 60)
                planted.insert([shootRef(a), shootRef(b)])
            case 2:
                let i = Int.random(in: 0..<s, using: &rng)
                shootV6[b] = seedRanges[i][1]
                planted.insert(["seed/seed-\(i)", shootRef(b)])
            default:
                // Seed j's services (shoots are planted on pods) become seed i's nodes; each j once.
                let free = (0..<s).filter { !replacedSeeds.contains($0) }
                guard s > 1, free.count > 0 else { break }
                let j = free[Int.random(in: 0..<free.count, using: &rng)]
                let i = (j + 1 + Int.random(in: 0..<(s - 1), using: &rng)) % s
                replacedSeeds.insert(j)
                seedRanges[j][2] = seedRanges[i][0]
                planted.insert(["seed/seed-\(i)", "seed/seed-\(j)"])
            }
            k += 1
        }
        indices.removeAll()
        // A shoot's /56 may have been replaced by a victim's /60: its ranges are what it holds.
        var ipv6: [(object: String, prefixes: [IPPrefix])] = []
        var shootItems: [String] = []
        for j in 0..<n {
            let net = shootV6[j]
            let services = IPPrefix(masking: IPAddress(v6: net.network.value + (UInt128(0xffff) << 32)), length: 108)
            ipv6.append((shootRef(j), [net, services]))
            shootItems.append(yaml ? Self.shootYAML(j, net: net, services: services, seed: j % s)
                                   : Self.shootJSON(j, net: net, services: services, seed: j % s))
        }
        var seedItems: [String] = []
        for i in 0..<s {
            ipv6.append(("seed/seed-\(i)", seedRanges[i]))
            seedItems.append(yaml ? Self.seedYAML(i, seedRanges[i]) : Self.seedJSON(i, seedRanges[i]))
        }
        self.ipv6 = ipv6
        if yaml {
            shootsText = "apiVersion: v1\nkind: List\nitems:\n" + shootItems.joined()
            seedsText = "apiVersion: v1\nkind: List\nitems:\n" + seedItems.joined()
        } else {
            shootsText = #"{"apiVersion": "v1", "kind": "List", "items": ["# + shootItems.joined(separator: ",\n") + "]}\n"
            seedsText = #"{"apiVersion": "v1", "kind": "List", "items": ["# + seedItems.joined(separator: ",\n") + "]}\n"
        }
    }

    /// Every pair of objects whose IPv6 ranges overlap, by comparing all pairs (the test's
    /// independent answer; small landscapes only).
    var bruteForcePairs: Set<Set<String>> {
        var out: Set<Set<String>> = []
        for a in ipv6.indices {
            for b in ipv6.indices where a < b {
                if ipv6[a].prefixes.contains(where: { p in ipv6[b].prefixes.contains { $0.overlaps(p) } }) {
                    out.insert([ipv6[a].object, ipv6[b].object])
                }
            }
        }
        return out
    }

    static func shootJSON(_ j: Int, net: IPPrefix, services: IPPrefix, seed: Int) -> String {
        #"{"apiVersion": "core.gardener.cloud/v1beta1", "kind": "Shoot", "metadata": {"name": "s\#(j)", "namespace": "garden-p\#(j % 7)"}, "spec": {"region": "eu-1", "seedName": "seed-\#(seed)", "provider": {"type": "aws", "workers": [{"name": "w", "minimum": 1, "maximum": 3, "zones": ["eu-1a"]}]}, "networking": {"type": "calico", "ipFamilies": ["IPv4", "IPv6"], "nodes": "10.250.0.0/16", "pods": "100.96.0.0/11", "services": "100.64.0.0/13", "providerConfig": {"overlay": {"enabled": false}}}}, "status": {"seedName": "seed-\#(seed)", "networking": {"nodes": ["10.250.0.0/16", "\#(net)"], "pods": ["100.96.0.0/11", "\#(net)"], "services": ["100.64.0.0/13", "\#(services)"]}}}"#
    }

    static func seedJSON(_ i: Int, _ r: [IPPrefix]) -> String {
        #"{"apiVersion": "core.gardener.cloud/v1beta1", "kind": "Seed", "metadata": {"name": "seed-\#(i)"}, "spec": {"networks": {"nodes": "10.240.0.0/16", "pods": "10.241.0.0/16", "services": "10.242.0.0/16", "shootDefaults": {"pods": "100.96.0.0/11", "services": "100.64.0.0/13"}}}, "status": {"networks": {"nodes": ["10.240.0.0/16", "\#(r[0])"], "pods": ["10.241.0.0/16", "\#(r[1])"], "services": ["10.242.0.0/16", "\#(r[2])"]}}}"#
    }

    static func shootYAML(_ j: Int, net: IPPrefix, services: IPPrefix, seed: Int) -> String {
        """
        - apiVersion: core.gardener.cloud/v1beta1
          kind: Shoot
          metadata:
            name: s\(j)
            namespace: garden-p\(j % 7)
          spec:
            region: eu-1
            seedName: seed-\(seed)
            provider:
              type: aws
              workers:
              - name: w
                minimum: 1
                maximum: 3
                zones: [eu-1a]
            networking:
              type: calico
              ipFamilies: [IPv4, IPv6]
              nodes: 10.250.0.0/16
              pods: 100.96.0.0/11
              services: 100.64.0.0/13
              providerConfig:
                overlay:
                  enabled: false
          status:
            networking:
              nodes: [10.250.0.0/16, "\(net)"]
              pods: [100.96.0.0/11, "\(net)"]
              services: [100.64.0.0/13, "\(services)"]

        """
    }

    static func seedYAML(_ i: Int, _ r: [IPPrefix]) -> String {
        """
        - apiVersion: core.gardener.cloud/v1beta1
          kind: Seed
          metadata:
            name: seed-\(i)
          spec:
            networks:
              nodes: 10.240.0.0/16
              pods: 10.241.0.0/16
              services: 10.242.0.0/16
              shootDefaults:
                pods: 100.96.0.0/11
                services: 100.64.0.0/13
          status:
            networks:
              nodes: [10.240.0.0/16, "\(r[0])"]
              pods: [10.241.0.0/16, "\(r[1])"]
              services: [10.242.0.0/16, "\(r[2])"]

        """
    }
}
