import Addressing
import Spec

extension SpecialRange.Kind {
    /// Blocks that cannot carry cluster traffic at all. (A switch: a set of these hashes
    /// their string raw values, for every range of every planned shoot.)
    var isUnroutable: Bool {
        switch self {
        case .unspecified, .thisNetwork, .loopback, .linkLocal, .multicast, .ipv4Mapped, .broadcast, .discardOnly,
             .ietfProtocol, .siteLocal: true
        case .uniqueLocal, .documentation, .nat64, .nat64Local, .teredo, .sixToFour, .globalUnicast, .privateUse, .shared,
             .benchmarking, .reserved: false
        }
    }
}

extension PlanBuilder {
    /// Shoot ranges in special-purpose space: unroutable blocks are errors; documentation
    /// prefixes are fine for examples and worth a note before a real cluster uses them.
    mutating func checkSpecialRanges() {
        var documentation: [PlannedRange] = []
        for r in plan.networks {
            SpecialRange.forEachMatch(for: r.prefix) { m in
                if m.range.kind.isUnroutable {
                    let how = m.relation == .within ? "lies in" : "contains"
                    report(.specialRange, path: path(of: r),
                           "\(r.kind.rawValue) \(r.prefix) \(how) \(m.range.kind.title.lowercased()) space \(m.range.prefix) (\(m.range.rfc)), which cannot carry cluster traffic; use private (RFC 1918, ULA) or global unicast space",
                           objects: [.network(r.kind, r.prefix)], at: r.location)
                } else if m.range.kind == .documentation, m.relation == .within, r.source != .simulated {
                    if documentation.isEmpty { documentation.reserveCapacity(plan.networks.count) }
                    documentation.append(r)
                }
            }
        }
        if !documentation.isEmpty {
            report(.documentationRange, path: path(of: documentation[0]),
                   "\(documentation.map { "\($0.kind.rawValue) \($0.prefix)" }.joined(separator: ", ")) \(documentation.count == 1 ? "is" : "are") in documentation space: fine for examples, use real address space for a real cluster",
                   objects: documentation.map { .network($0.kind, $0.prefix) }, at: documentation[0].location)
        }
    }
}
