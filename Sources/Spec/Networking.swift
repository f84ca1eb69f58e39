import Addressing

/// The three address ranges of a shoot.
public enum NetworkKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case nodes, pods, services

    private var rank: Int {
        switch self {
        case .nodes: 0
        case .pods: 1
        case .services: 2
        }
    }

    public static func < (a: NetworkKind, b: NetworkKind) -> Bool { a.rank < b.rank }
}

/// `spec.networking` of a Shoot, accepting Gardener's form and the proposal's tuples.
public struct Networking: Sendable, Hashable {
    /// The CNI (`calico`, `cilium`); informational.
    public var type: String?
    /// `ipFamilies` as written; nil when absent (then inferred from the tuples).
    public var ipFamilies: Located<[String]>?
    public var nodes: [CIDRSlot]
    public var pods: [CIDRSlot]
    public var services: [CIDRSlot]
    /// Where each field was written (for diagnostics on empty or missing values).
    public var fieldLocations: [NetworkKind: SourceLocation]

    public init(type: String? = nil, ipFamilies: Located<[String]>? = nil, nodes: [CIDRSlot] = [],
                pods: [CIDRSlot] = [], services: [CIDRSlot] = [], fieldLocations: [NetworkKind: SourceLocation] = [:]) {
        self.type = type
        self.ipFamilies = ipFamilies
        self.nodes = nodes
        self.pods = pods
        self.services = services
        self.fieldLocations = fieldLocations
    }

    public subscript(kind: NetworkKind) -> [CIDRSlot] {
        get {
            switch kind {
            case .nodes: nodes
            case .pods: pods
            case .services: services
            }
        }
        set {
            switch kind {
            case .nodes: nodes = newValue
            case .pods: pods = newValue
            case .services: services = newValue
            }
        }
    }

    /// The tuple text for a field as the proposal writes it (`AUTOv6, 10.0.0.0/16`).
    public func tupleText(_ kind: NetworkKind) -> String {
        self[kind].map(\.text).joined(separator: ", ")
    }
}

/// `status.networking`: ranges the provider extension stored after reconciling.
public struct NetworkingStatus: Sendable, Hashable {
    public var nodes: [Located<IPPrefix>]
    public var pods: [Located<IPPrefix>]
    public var services: [Located<IPPrefix>]

    public init(nodes: [Located<IPPrefix>] = [], pods: [Located<IPPrefix>] = [], services: [Located<IPPrefix>] = []) {
        self.nodes = nodes
        self.pods = pods
        self.services = services
    }

    public subscript(kind: NetworkKind) -> [Located<IPPrefix>] {
        switch kind {
        case .nodes: nodes
        case .pods: pods
        case .services: services
        }
    }
}
