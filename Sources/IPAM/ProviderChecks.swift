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
        let required = reported.contains { $0.code == .networkingRequired && $0.path == "spec.networking.services" }
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
        // gardener-extension-provider-openstack pkg/admission/validator/shoot.go `validateShoot`.
        if plan.provider == .openstack && families.count > 1, let infra = shoot.infrastructure {
            let v6 = infra.openStackIPv6
            if v6 == nil || (v6?.subnetPoolID == nil && v6?.nodeCIDR == nil) {
                report(.openStackIPv6Config, path: "spec.provider.infrastructureConfig.networks.ipv6",
                       "either networks.ipv6.subnetPoolID or networks.ipv6 CIDRs (nodeCIDR, podCIDR, serviceCIDR) must be set for dual-stack shoots",
                       at: v6?.location ?? infra.location)
            } else if let v6, v6.nodeCIDR != nil || v6.podCIDR != nil || v6.serviceCIDR != nil,
                      v6.nodeCIDR == nil || v6.podCIDR == nil || v6.serviceCIDR == nil {
                // pkg/apis/openstack/validation/infrastructure.go `validateIPv6Config`.
                report(.openStackIPv6Config, path: "spec.provider.infrastructureConfig.networks.ipv6",
                       "nodeCIDR, podCIDR and serviceCIDR must all be set when any IPv6 CIDR is configured", at: v6.location)
            }
        }
        // Azure takes only bring-your-own IPv6 and NATs it outbound: local addresses (the proposal).
        if plan.provider == .azure {
            let ula = IPPrefix(masking: IPAddress(v6: UInt128(0xfc) << 120), length: 7)
            for r in plan.networks where r.family == .v6 && !ula.contains(r.prefix) {
                report(.azureNotULA, path: path(of: r),
                       "\(r.kind.rawValue) \(r.prefix) is not a unique local address; Azure NATs IPv6 egress, so use a ULA (fd00::/8) there",
                       objects: [.network(r.kind, r.prefix)], at: r.location)
            }
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
