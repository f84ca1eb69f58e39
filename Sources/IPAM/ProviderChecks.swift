import Addressing
import Spec

extension PlanBuilder {
    /// The provider extensions' shoot admission where it touches networking, and the service
    /// family preference.
    mutating func checkProvider() {
        checkProviderAdmission()
        let policy = settings.servicePreference?.value ?? .singleStack
        let wanted: [IPFamily]
        switch policy {
        case .singleStack: wanted = [settings.serviceFamily?.value ?? plan.ipFamilies[0]]
        case .requireDualStack: wanted = IPFamily.allCases
        case .preferDualStack: wanted = []
        }
        // A services field Gardener already reports as required is not reported again.
        let required = plan.diagnostics.contains { $0.code == DiagnosticCode.networkingRequired.rawValue && $0.path == "spec.networking.services" }
        for f in wanted where plan.range(.services, f) == nil && !required {
            report(.servicesFamilyMissing, path: "spec.networking.services",
                   "services use \(policy.rawValue) with \(f) but the shoot has no \(f) service range",
                   at: settings.servicePreference?.location)
        }
    }

    /// `ValidateNetworking` of each extension (gardener-extension-provider-<name>
    /// pkg/apis/<name>/validation/shoot.go), run by its shoot admission webhook.
    private mutating func checkProviderAdmission() {
        let families = plan.ipFamilies
        let at = shoot.networking.ipFamilies?.location
        let name = shoot.provider.value
        switch plan.provider {
        case .openstack, .gcp, .azure:
            if families == [.v6] {
                report(.singleStackUnsupported, path: "spec.networking.ipFamilies",
                       "\(name) does not support IPv6 single-stack networking (its shoot admission rejects it); use dual-stack [IPv4, IPv6]", at: at)
            }
        case .aws, .other:
            break
        }
        if plan.provider == .azure && families.count > 1 {
            report(.dualStackUnsupported, path: "spec.networking.ipFamilies",
                   "azure does not support dual-stack networking (its shoot admission rejects it); use [IPv4]", at: at)
        }
        // AWS and GCP: with IPv6 the CNI must route natively; an absent overlay setting counts
        // as enabled (`validateIPv6`).
        if (plan.provider == .aws || plan.provider == .gcp) && families.contains(.v6) {
            if let enabled = shoot.networking.providerConfig?.overlayEnabled, enabled.value {
                report(.overlayWithIPv6, path: "spec.networking.providerConfig.overlay.enabled",
                       "overlay must be set to false in conjunction with IPv6 (\(name) routes pod addresses natively)", at: enabled.location)
            } else if !shoot.networking.hasOverlaySetting {
                report(.overlayWithIPv6, path: "spec.networking.ipFamilies",
                       "overlay must be set to false in conjunction with IPv6: \(name) needs spec.networking.providerConfig.overlay.enabled: false (absent counts as not set)",
                       at: at ?? shoot.networking.providerConfig?.location)
            }
        }
    }
}
