import Addressing
import Spec

extension PlanBuilder {
    /// Limits the proposal names per provider, and the service family preference.
    mutating func checkProvider() {
        if plan.ipFamilies == [.v6] {
            switch profile.ipv6SingleStack {
            case .supported: break
            case .limited:
                report(.singleStackUnsupported, path: "spec.networking.ipFamilies",
                       "\(shoot.provider.value) offers IPv6 single-stack only in a limited form (the proposal); prefer dual-stack [IPv4, IPv6]",
                       at: shoot.networking.ipFamilies?.location)
            case .unsupported:
                report(.singleStackUnsupported, path: "spec.networking.ipFamilies",
                       "\(shoot.provider.value) does not offer IPv6 single-stack networks; use dual-stack [IPv4, IPv6]",
                       at: shoot.networking.ipFamilies?.location, severity: .error)
            }
        }
        let policy = settings.servicePreference?.value ?? .singleStack
        let wanted: [IPFamily]
        switch policy {
        case .singleStack: wanted = [settings.serviceFamily?.value ?? plan.ipFamilies[0]]
        case .requireDualStack: wanted = IPFamily.allCases
        case .preferDualStack: wanted = []
        }
        for f in wanted where plan.range(.services, f) == nil {
            report(.servicesFamilyMissing, path: "spec.networking.services",
                   "services use \(policy.rawValue) with \(f) but the shoot has no \(f) service range",
                   at: settings.servicePreference?.location)
        }
    }
}
