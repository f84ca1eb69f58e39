import Addressing
import Canvas
import IPAM
import Spec

/// How plan values are written in a diagram: canonical text, simulated ones marked `~`.
enum PlanText {
    /// Prefix of a value that was simulated rather than given or observed.
    static let simulatedMarker = "~"

    static func value(_ text: String, source: RangeSource, ref: ObjectRef? = nil) -> TextSegment {
        source.isInvented
            ? TextSegment(simulatedMarker + text, role: .simulated, ref: ref)
            : TextSegment(text, role: .address, ref: ref)
    }

    static func family(_ f: IPFamily) -> String { f == .v4 ? "v4" : "v6" }

    /// `10.0.0.0/16, ~2001:db8::/66` for the ranges of one kind, or `none`.
    static func ranges(_ ranges: [PlannedRange]) -> [TextSegment] {
        guard !ranges.isEmpty else { return [TextSegment("none", role: .dim)] }
        var out: [TextSegment] = []
        for (i, r) in ranges.enumerated() {
            if i > 0 { out.append(TextSegment(", ")) }
            out.append(value("\(r.prefix)", source: r.source, ref: .network(r.kind, r.prefix)))
        }
        return out
    }

    /// `(+3 missing, 1 stale)`-style counts of route statuses, most serious first.
    static func statusCounts(_ statuses: some Sequence<RouteStatus>) -> String {
        let order: [RouteStatus] = [.missing, .wrongNexthop, .stale, .ok, .planned]
        // Counted in an array by position in `order`: no hashing per route.
        var counts = [Int](repeating: 0, count: order.count)
        for status in statuses {
            switch status {
            case .missing: counts[0] += 1
            case .wrongNexthop: counts[1] += 1
            case .stale: counts[2] += 1
            case .ok: counts[3] += 1
            case .planned: counts[4] += 1
            }
        }
        return order.indices.compactMap { i in counts[i] > 0 ? "\(counts[i]) \(order[i].rawValue)" : nil }.joined(separator: ", ")
    }
}
