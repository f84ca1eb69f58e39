import Addressing
import Canvas
import IPAM
import Spec

/// What a node card shows: the node's name and zone in its box, label/value lines beside it
/// (IPv4, IPv6 with the length of its subnet like the figure's `2001:db8::a1/66`, node
/// prefix and reserved range in node-prefix mode, the assigned pod prefixes).
///
/// Lines are enumerated once for measuring (no text built) and once for drawing, so
/// both always agree.
struct NodeCard {
    /// How cards of one diagram are written.
    struct Options: Sendable, Equatable {
        /// Ranges that give an IPv6 node address its length, shortest first.
        var containers: [IPPrefix]
        var podLabel: String
        var showZone: Bool

        /// The figure's label for the per-node pod prefixes.
        static let figurePodLabel = "Assigned Pod CIDR:"

        init(plan: Plan, podLabel: String = figurePodLabel, showZone: Bool = true) {
            var out = plan.ranges(.nodes).map(\.prefix)
            for s in plan.subnets {
                out.append(s.prefix)
                if let pool = s.allocationPool { out.append(pool) }
            }
            containers = out.filter { $0.family == .v6 }.sorted { $0.length < $1.length }
            self.podLabel = podLabel
            self.showZone = showZone
        }
    }

    /// One line beside the box.
    enum Line {
        case ipv4(IPAddress)
        case ipv6(IPAddress, length: Int?)
        case nodePrefix(IPPrefix)
        case reserved(IPPrefix)
        case pod(IPPrefix, first: Bool)
        case noPods

        /// A small number per label, for measuring without hashing strings.
        var kind: Int {
            switch self {
            case .ipv4: 0
            case .ipv6: 1
            case .nodePrefix: 2
            case .reserved: 3
            case .pod(_, let first): first ? 4 : 5
            case .noPods: 4
            }
        }

        func label(_ options: Options) -> String {
            switch self {
            case .ipv4: "IPv4:"
            case .ipv6: "IPv6:"
            case .nodePrefix: "Node prefix:"
            case .reserved: "Reserved:"
            case .pod(_, let first): first ? options.podLabel : ""
            case .noPods: options.podLabel
            }
        }

        var valueWidth: Int {
            switch self {
            case .ipv4(let a): TextWidth.of(a)
            case .ipv6(let a, let length): TextWidth.of(a) + (length.map { 1 + TextWidth.digits($0) } ?? 0)
            case .nodePrefix(let p), .reserved(let p), .pod(let p, _): TextWidth.of(p)
            case .noPods: 4
            }
        }

        var valueText: String {
            switch self {
            case .ipv4(let a): "\(a)"
            case .ipv6(let a, let length): length.map { "\(a)/\($0)" } ?? "\(a)"
            case .nodePrefix(let p), .reserved(let p), .pod(let p, _): "\(p)"
            case .noPods: "none"
            }
        }

        func ref(node: String) -> ObjectRef? {
            switch self {
            case .reserved(let p): .reserved(p)
            case .pod(let p, _): .podCIDR(node: node, p)
            default: nil
            }
        }
    }

    /// Calls `body` with each line of `node`'s card, in order.
    static func forEachLine(of node: PlannedNode, _ options: Options, _ body: (Line) -> Void) {
        forEachLine(addresses: node.addresses, nodePrefix: node.nodePrefix, reserved: node.reservedPrefix,
                    podCIDRs: node.podCIDRs, options, body)
    }

    /// ``forEachLine(of:_:_:)`` from a node's fields (a borrowed node passed whole is copied).
    static func forEachLine(addresses: [IPAddress], nodePrefix: IPPrefix?, reserved: IPPrefix?, podCIDRs: [IPPrefix],
                            _ options: Options, _ body: (Line) -> Void) {
        for a in addresses {
            if a.family == .v4 {
                body(.ipv4(a))
            } else {
                body(.ipv6(a, length: options.containers.last { $0.contains(a) }?.length))
            }
        }
        if let p = nodePrefix { body(.nodePrefix(p)) }
        if let r = reserved { body(.reserved(r)) }
        if podCIDRs.isEmpty { body(.noPods) }
        for (i, p) in podCIDRs.enumerated() { body(.pod(p, first: i == 0)) }
    }

    /// A line ready to draw.
    struct DrawnLine {
        var label: String
        var value: String
        var role: Role
        var ref: ObjectRef?
    }

    var name: String
    var zone: String?
    var ref: ObjectRef
    var lines: [DrawnLine]

    /// The card of `node`, its values marked when the node is simulated.
    init(_ node: PlannedNode, _ options: Options) {
        name = node.name
        zone = options.showZone ? node.zone : nil
        ref = .node(node.name)
        let simulated = node.source == .simulated
        var lines: [DrawnLine] = []
        NodeCard.forEachLine(of: node, options) { line in
            let value = line.valueText
            let role: Role = if case .noPods = line { .warning } else if simulated { .simulated } else { .address }
            lines.append(DrawnLine(label: line.label(options),
                                   value: simulated && role == .simulated ? PlanText.simulatedMarker + value : value,
                                   role: role, ref: line.ref(node: node.name)))
        }
        self.lines = lines
    }
}

/// The sizes a set of node cards needs, measured without building their text.
struct NodeMetrics {
    var labelColumn = 0
    var valueWidth = 4
    /// Widest of name and zone (the figure style stacks them).
    var nameWidth = 4
    /// Widest of "name  zone" (the boxed style puts them on one line).
    var headerWidth = 4
    var lines = 1
    var anySimulated = false

    init(_ nodes: [PlannedNode], members: some Sequence<Int>, _ options: Options) {
        var kinds: UInt8 = 0
        var example: [Int: NodeCard.Line] = [:]
        // Through a buffer: subscripting the array would copy each node.
        nodes.withUnsafeBufferPointer { nodes in
        for i in members {
            // Fields of nodes[i], not a copy of the node (which would retain each reference).
            let marker = nodes[i].source == .simulated ? PlanText.simulatedMarker.count : 0
            anySimulated = anySimulated || marker > 0
            let name = TextWidth.of(nodes[i].name)
            let zone = options.showZone ? nodes[i].zone.map { TextWidth.of($0) } : nil
            nameWidth = max(nameWidth, name, zone ?? 0)
            headerWidth = max(headerWidth, name + (zone.map { 2 + $0 } ?? 0))
            var count = 0
            NodeCard.forEachLine(addresses: nodes[i].addresses, nodePrefix: nodes[i].nodePrefix, reserved: nodes[i].reservedPrefix,
                                 podCIDRs: nodes[i].podCIDRs, options) { line in
                count += 1
                valueWidth = max(valueWidth, line.valueWidth + marker)
                if kinds & (1 << line.kind) == 0 {
                    kinds |= 1 << line.kind
                    example[line.kind] = line
                }
            }
            lines = max(lines, count)
        }
        }
        labelColumn = example.values.map { TextWidth.of($0.label(options)) }.max() ?? 0
    }

    typealias Options = NodeCard.Options
}
