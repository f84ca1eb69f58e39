/// An address family. Ordered so that IPv4 sorts before IPv6.
public enum IPFamily: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    case v4 = 4
    case v6 = 6

    /// Address width in bits.
    public var bits: Int { self == .v4 ? 32 : 128 }

    /// Kubernetes' spelling: `IPv4`, `IPv6`.
    public var description: String { self == .v4 ? "IPv4" : "IPv6" }

    public init?(kubernetesName: String) {
        switch kubernetesName {
        case "IPv4": self = .v4
        case "IPv6": self = .v6
        default: return nil
        }
    }

    public static func < (a: IPFamily, b: IPFamily) -> Bool { a.rawValue < b.rawValue }
}
