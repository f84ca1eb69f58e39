import Addressing
import Spec

/// A reference to something in a plan that a diagnostic or a selection can point at.
/// Its text form (``description``) is what JSON output and the UI use.
public enum ObjectRef: Sendable, Hashable, CustomStringConvertible {
    /// A shoot range: `network/pods/2001:db8::4000:0:0:0/66`.
    case network(NetworkKind, IPPrefix)
    /// A seed range: `seed/pods/100.96.0.0/11`.
    case seedNetwork(NetworkKind, IPPrefix)
    /// A node: `node/node-b4`.
    case node(String)
    /// A node's pod prefix: `podCIDR/node-b4/2001:db8::4000:0:1:0/112`.
    case podCIDR(node: String, IPPrefix)
    /// A subnet: `subnet/NAME`.
    case subnet(String)
    /// A router: `router/NAME`.
    case router(String)
    /// A route on a router: `route/ROUTER/DEST`.
    case route(router: String, destination: IPPrefix)
    /// A reserved or special range: `reserved/fd8f:6d53:b97a:1::/96`.
    case reserved(IPPrefix)
    /// A worker pool: `worker/NAME`.
    case worker(String)
    /// A shoot of a landscape: `shoot/NAMESPACE/NAME`.
    case shoot(namespace: String, name: String)
    /// A seed of a landscape: `seed/NAME`.
    case seed(String)

    public var description: String {
        switch self {
        case .network(let k, let p): "network/\(k.rawValue)/\(p)"
        case .seedNetwork(let k, let p): "seed/\(k.rawValue)/\(p)"
        case .node(let n): "node/\(n)"
        case .podCIDR(let n, let p): "podCIDR/\(n)/\(p)"
        case .subnet(let s): "subnet/\(s)"
        case .router(let r): "router/\(r)"
        case .route(let r, let d): "route/\(r)/\(d)"
        case .reserved(let p): "reserved/\(p)"
        case .worker(let w): "worker/\(w)"
        case .shoot(let namespace, let name): "shoot/\(namespace)/\(name)"
        case .seed(let name): "seed/\(name)"
        }
    }
}
