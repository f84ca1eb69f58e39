import Addressing
import Spec

/// Who owns an address in a plan: "who owns 2001:db8::4000:0:1:5?".
public struct AddressOwner: Sendable, Hashable {
    /// What kind of thing holds the address, most specific first in a lookup result.
    public enum Kind: String, Sendable, Hashable {
        case nodeAddress = "node address"
        case podCIDR = "pod CIDR"
        case nodePrefix = "node prefix"
        case reserved = "node-reserved range"
        case route = "router route"
        case network = "shoot range"
        case subnet
        case allocationPool = "allocation pool"
        case vpc = "VPC"
        case seed = "seed range"
        case gardenerReserved = "Gardener-reserved range"
    }

    public var kind: Kind
    public var prefix: IPPrefix
    /// A sentence for people, e.g. "pod CIDR 2001:db8::4000:0:1:0/112 of node node-b4".
    public var text: String
    public var object: ObjectRef?
}

extension Plan {
    /// Everything in the plan that contains `address`, most specific (longest prefix) first.
    public func owners(of address: IPAddress, seed: SeedNetworks? = nil) -> [AddressOwner] {
        owners(overlapping: IPPrefix(host: address), seed: seed)
    }

    /// Everything in the plan that overlaps `range` (contains it or lies in it), most
    /// specific first: for a single address, who owns it; for a CIDR, who it would collide with.
    public func owners(overlapping range: IPPrefix, seed: SeedNetworks? = nil) -> [AddressOwner] {
        var out: [AddressOwner] = []
        for node in nodes {
            for a in node.addresses where range.contains(a) {
                out.append(AddressOwner(kind: .nodeAddress, prefix: IPPrefix(host: a), text: "InternalIP \(a) of node \(node.name)", object: .node(node.name)))
            }
            for p in node.podCIDRs where p.overlaps(range) {
                out.append(AddressOwner(kind: .podCIDR, prefix: p, text: "pod CIDR \(p) of node \(node.name)", object: .podCIDR(node: node.name, p)))
            }
            if let r = node.reservedPrefix, r.overlaps(range) {
                out.append(AddressOwner(kind: .reserved, prefix: r, text: "node-reserved range \(r) of node \(node.name)", object: .node(node.name)))
            }
            if let np = node.nodePrefix, np.overlaps(range) {
                out.append(AddressOwner(kind: .nodePrefix, prefix: np, text: "node prefix \(np) of node \(node.name)", object: .node(node.name)))
            }
        }
        for r in routes where r.destination.overlaps(range) {
            out.append(AddressOwner(kind: .route, prefix: r.destination,
                                    text: "route \(r.destination) via \(r.nexthop) on \(r.router) (\(r.status.rawValue))",
                                    object: .route(router: r.router, destination: r.destination)))
        }
        for s in subnets {
            if let pool = s.allocationPool, pool.overlaps(range) {
                out.append(AddressOwner(kind: .allocationPool, prefix: pool, text: "allocation pool \(pool) of \(s.name)", object: .subnet(s.name)))
            }
            if s.prefix.overlaps(range) {
                out.append(AddressOwner(kind: .subnet, prefix: s.prefix, text: "subnet \(s.name) \(s.prefix)", object: .subnet(s.name)))
            }
        }
        for r in networks where r.prefix.overlaps(range) {
            out.append(AddressOwner(kind: .network, prefix: r.prefix, text: "\(r.kind.rawValue) range \(r.prefix) (\(r.source.rawValue))",
                                    object: .network(r.kind, r.prefix)))
        }
        for v in vpc where v.prefix.overlaps(range) {
            out.append(AddressOwner(kind: .vpc, prefix: v.prefix, text: "VPC \(v.prefix)", object: nil))
        }
        if let seed {
            for kind in NetworkKind.allCases {
                for s in seed[kind] where s.value.overlaps(range) {
                    out.append(AddressOwner(kind: .seed, prefix: s.value, text: "seed \(kind.rawValue) \(s.value)", object: .seedNetwork(kind, s.value)))
                }
            }
        }
        for r in PlanBuilder.gardenerReserved where r.prefix.overlaps(range) {
            out.append(AddressOwner(kind: .gardenerReserved, prefix: r.prefix, text: "\(r.prefix), reserved for \(r.use)", object: .reserved(r.prefix)))
        }
        // Longest prefix first; the node address itself (a /32 or /128) leads.
        return out.enumerated().sorted { a, b in
            a.element.prefix.length != b.element.prefix.length ? a.element.prefix.length > b.element.prefix.length : a.offset < b.offset
        }.map(\.element)
    }
}
