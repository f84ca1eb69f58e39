import Addressing
import IPAM

/// The measurements of a diagram's repeated content (node card sizes, zone grouping, route
/// lists), remembered with the plan slices they were made from, so a diagram of a re-planned
/// shoot whose nodes and routes did not change is laid out without another pass over them.
///
/// Everything else of the layout (a few dozen elements) is redone every time. Keys compare
/// node and route arrays with `==`, O(1) while they share storage with the remembered ones
/// (as after ``Planner/plan(_:memo:)`` replayed the node steps). A diagram made with a memo
/// is the same as one made without.
///
/// Opaque to callers: create an empty one and pass it to every ``Diagram/init(plan:width:nodeLimit:routeLimit:memo:)``.
/// ``disabled`` remembers nothing (the tests' reference).
public struct DiagramMemo: Sendable {
    /// False for ``disabled``: every measurement is made again.
    public let isEnabled: Bool
    var nodeMetrics: Remembered<NodeMetricsKey, NodeMetrics>?
    var zones: Remembered<ZoneKey, [CloudLayout.Zone]>?
    var routeColumns: Remembered<RouteColumnsKey, RouteColumns>?

    public init() { isEnabled = true }

    private init(disabled: Void) { isEnabled = false }

    /// A memo that remembers nothing.
    public static var disabled: DiagramMemo { DiagramMemo(disabled: ()) }

    /// The value remembered in `slot` when its key equals `key`; else `make()`, remembered
    /// under `key` (unless the memo is disabled).
    mutating func value<Key, Value>(_ slot: WritableKeyPath<DiagramMemo, Remembered<Key, Value>?>, for key: Key,
                                    _ make: () -> Value) -> Value {
        if isEnabled, let r = self[keyPath: slot], r.key == key { return r.value }
        let v = make()
        if isEnabled { self[keyPath: slot] = Remembered(key: key, value: v) }
        return v
    }
}

/// A value and the key it was computed from.
struct Remembered<Key: Equatable & Sendable, Value: Sendable>: Sendable {
    var key: Key
    var value: Value
}

/// What ``NodeMetrics`` reads.
struct NodeMetricsKey: Equatable, Sendable {
    var nodes: [PlannedNode]
    var members: [Int]
    var options: NodeCard.Options
}

/// What the cloud layout's zone grouping reads.
struct ZoneKey: Equatable, Sendable {
    var nodes: [PlannedNode]
    var subnets: [PlannedSubnet]
    var members: [Int]
}

/// What the OpenStack layout's families and route lists read.
struct RouteColumnsKey: Equatable, Sendable {
    var routes: [PlannedRoute]
    var routers: [PlannedRouter]
    var ipFamilies: [IPFamily]
    /// Families of the networks and subnets (they matter only when `ipFamilies` is empty).
    var rangeFamilies: [IPFamily]
    var routeLimit: Int?
}

/// The OpenStack figure's families, IPv4 first, with the route list of each.
struct RouteColumns: Sendable {
    var families: [IPFamily]
    var routes: [RouteList]
}
