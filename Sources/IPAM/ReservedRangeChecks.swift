import Addressing
import Spec

extension PlanBuilder {
    /// Ranges Gardener keeps for itself; a shoot range touching one is rejected on admission.
    /// (`use` is a StaticString: every range of every planned shoot is checked against each
    /// entry, and a String would be retained and released per look.)
    static let gardenerReserved: [(prefix: IPPrefix, code: DiagnosticCode, use: StaticString)] = {
        var out: [(IPPrefix, DiagnosticCode, StaticString)] = []
        if let vpn = IPPrefix("fd8f:6d53:b97a:1::/96") { out.append((vpn, .reservedVPN, "Gardener's VPN")) }
        for first in 240...244 {
            if let p = IPPrefix("\(first).0.0.0/8") { out.append((p, .reservedMapping, "Gardener's range mapping")) }
        }
        return out.map { (prefix: $0.0, code: $0.1, use: $0.2) }
    }()

    /// Gardener rejects a range touching its reserved ranges (`validateOverlapWithReservedRanges`,
    /// gardener pkg/utils/validation/cidr/disjoint.go): the validator when it binds a shoot with
    /// IPv4 to a seed, the scheduler (`networksAreDisjointed`) for every shoot.
    mutating func checkReservedRanges() {
        for r in plan.networks {
            for reserved in Self.gardenerReserved where reserved.prefix.overlaps(r.prefix) {
                report(reserved.code, path: path(of: r),
                       "\(r.kind.rawValue) \(r.prefix) overlaps \(reserved.prefix), reserved for \(reserved.use); choose another range",
                       objects: [.network(r.kind, r.prefix), .reserved(reserved.prefix)], at: r.location)
            }
        }
    }
}
