import Addressing

/// The three address ranges of a shoot.
public enum NetworkKind: String, Sendable, Hashable, CaseIterable, Comparable, SlotKey {
    case nodes, pods, services

    private var rank: Int {
        switch self {
        case .nodes: 0
        case .pods: 1
        case .services: 2
        }
    }

    public static func < (a: NetworkKind, b: NetworkKind) -> Bool { a.rank < b.rank }

    @inlinable public var slot: Int {
        switch self {
        case .nodes: 0
        case .pods: 1
        case .services: 2
        }
    }

    /// By rank: a raw-valued enum otherwise hashes its string, and kinds key the field
    /// locations of every decoded shoot.
    public func hash(into hasher: inout Hasher) { hasher.combine(rank) }
}

/// A value with one list per kind of range (`nodes`, `pods`, `services`), read and written by kind.
public protocol RangesByKind {
    associatedtype Entry
    var nodes: [Entry] { get set }
    var pods: [Entry] { get set }
    var services: [Entry] { get set }
}

extension RangesByKind {
    public subscript(kind: NetworkKind) -> [Entry] {
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
}

/// `spec.networking` of a Shoot, accepting Gardener's form and the proposal's tuples.
public struct Networking: Sendable, Hashable, RangesByKind {
    /// The CNI (`calico`, `cilium`); informational.
    public var type: String?
    /// `ipFamilies` as written; nil when absent (then inferred from the tuples).
    public var ipFamilies: Located<[String]>?
    public var nodes: [CIDRSlot]
    public var pods: [CIDRSlot]
    public var services: [CIDRSlot]
    /// Where each field was written (for diagnostics on empty or missing values).
    public var fieldLocations: SlotMap<NetworkKind, SourceLocation>
    /// A field was written as a list or with a comma (the proposal's tuple notation).
    public var writtenAsTuple: Bool
    /// `spec.networking.providerConfig` of the CNI, when written.
    public var providerConfig: NetworkingProviderConfig?
    /// `spec.networking` was written at all (Gardener forbids some of it on workerless shoots).
    public var isWritten: Bool

    public init(type: String? = nil, ipFamilies: Located<[String]>? = nil, nodes: [CIDRSlot] = [],
                pods: [CIDRSlot] = [], services: [CIDRSlot] = [], fieldLocations: SlotMap<NetworkKind, SourceLocation> = [:],
                writtenAsTuple: Bool = false, providerConfig: NetworkingProviderConfig? = nil, isWritten: Bool = true) {
        self.type = type
        self.ipFamilies = ipFamilies
        self.nodes = nodes
        self.pods = pods
        self.services = services
        self.fieldLocations = fieldLocations
        self.writtenAsTuple = writtenAsTuple
        self.providerConfig = providerConfig
        self.isWritten = isWritten
    }


    /// Some field uses the proposal's tuple notation (a list, a comma, several entries,
    /// `AUTOv6`) rather than Gardener's one CIDR string per field. Decides how an absent
    /// `ipFamilies` is read.
    public var usesTupleNotation: Bool {
        writtenAsTuple || NetworkKind.allCases.contains { self[$0].count > 1 || self[$0].contains(where: \.isAuto) }
    }

    /// `providerConfig.overlay` is written: what the AWS and GCP extensions look for with IPv6.
    public var hasOverlaySetting: Bool { providerConfig?.hasOverlay ?? false }

    /// The tuple text for a field as the proposal writes it (`AUTOv6, 10.0.0.0/16`).
    public func tupleText(_ kind: NetworkKind) -> String {
        self[kind].map(\.text).joined(separator: ", ")
    }
}

/// The CNI's `spec.networking.providerConfig`, as far as addressing cares.
public struct NetworkingProviderConfig: Sendable, Hashable {
    /// The `overlay` key is there (with or without `enabled`).
    public var hasOverlay: Bool
    /// `overlay.enabled` (calico and cilium); nil when not written.
    public var overlayEnabled: Located<Bool>?
    public var location: SourceLocation?

    public init(hasOverlay: Bool = false, overlayEnabled: Located<Bool>? = nil, location: SourceLocation? = nil) {
        self.hasOverlay = hasOverlay
        self.overlayEnabled = overlayEnabled
        self.location = location
    }
}

/// `status.networking`: ranges the provider extension stored after reconciling.
public struct NetworkingStatus: Sendable, Hashable, RangesByKind {
    public var nodes: [Located<IPPrefix>]
    public var pods: [Located<IPPrefix>]
    public var services: [Located<IPPrefix>]

    public init(nodes: [Located<IPPrefix>] = [], pods: [Located<IPPrefix>] = [], services: [Located<IPPrefix>] = []) {
        self.nodes = nodes
        self.pods = pods
        self.services = services
    }


    /// This status with `other`'s ranges of families it lacks added (the shoot's own status wins).
    public func filling(from other: NetworkingStatus) -> NetworkingStatus {
        var out = self
        for kind in NetworkKind.allCases {
            for r in other[kind] where !out[kind].contains(where: { $0.value.family == r.value.family }) { out[kind].append(r) }
        }
        return out
    }
}
