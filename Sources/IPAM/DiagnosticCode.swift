/// The catalogue of findings. Codes are stable: scripts and docs/diagnostics.md rely on them.
public enum DiagnosticCode: String, Sendable, CaseIterable, CustomStringConvertible {
    // Parsing the networking spec.
    case invalidCIDR = "parse.invalid-cidr"
    case hostBits = "parse.host-bits"
    case familyMismatch = "parse.family-mismatch"
    case duplicateFamily = "parse.duplicate-family"
    case autoMisplaced = "parse.auto-misplaced"
    case ipFamilies = "parse.ip-families"
    case missingRange = "parse.missing-range"
    case familiesInferred = "families.inferred"
    case defaultsApplied = "defaults.applied"
    // Gardener's shoot validation and admission.
    case networkingRequired = "networking.required"
    case workerlessForbidden = "workerless.forbidden"
    case maskCombination = "size.mask-combination"
    case workerMinimumAboveMaximum = "workers.minimum-above-maximum"
    // shootnet's own settings.
    case settingsInvalid = "settings.invalid"
    // Provider limits.
    case autoUnsupported = "provider.auto-unsupported"
    case singleStackUnsupported = "provider.ipv6-single-stack"
    case dualStackUnsupported = "provider.dual-stack"
    case overlayWithIPv6 = "provider.overlay-ipv6"
    case openStackIPv6Config = "provider.openstack-ipv6-config"
    case azureNotULA = "provider.azure-not-ula"
    // Overlaps.
    case overlapNodesPods = "overlap.nodes-pods"
    case overlapNodesServices = "overlap.nodes-services"
    case overlapPodsServices = "overlap.pods-services"
    case overlapSeed = "overlap.seed"
    case overlapPodCIDRs = "overlap.node-pod-cidrs"
    case podCIDROutsideRange = "pods.outside-range"
    case templateOutsideNodePrefix = "template.outside-node-prefix"
    case templateOverlapsReserved = "template.overlaps-reserved"
    case podCIDRNotFromTemplate = "template.mismatch"
    // Reserved and special ranges.
    case reservedVPN = "reserved.vpn"
    case reservedMapping = "reserved.mapping"
    case specialRange = "special.unroutable"
    case documentationRange = "special.documentation"
    // Sizes and capacity.
    case nodeMaskRange = "size.node-mask-range"
    case nodeMaskShorterThanPods = "size.node-mask-vs-pods"
    case maxPods = "size.max-pods"
    case serviceRangeTooLarge = "size.service-range"
    case maskDifference = "size.mask-difference"
    case capacityExceeded = "capacity.exceeded"
    case capacityHigh = "capacity.high"
    case nodeAddressesExhausted = "capacity.node-addresses"
    // Nodes.
    case nodeMissingFamily = "node.missing-family"
    case nodeAddressOutsideRange = "node.address-outside-nodes"
    case nodePodCIDRPlanned = "node.pod-cidr-planned"
    case duplicateNodeName = "node.duplicate-name"
    // Services.
    case servicesFamilyMissing = "services.family-missing"
    // OpenStack.
    case podsOutsideSubnet = "openstack.pods-outside-subnet"
    case poolOverlap = "openstack.pool-overlap"
    case servicesOutsideSubnet = "openstack.services-outside-subnet"
    case routeMissing = "route.missing"
    case routeStale = "route.stale"
    case routeWrongNexthop = "route.wrong-nexthop"
    case routeDuplicate = "route.duplicate"
    case routeQuota = "route.quota"
    case routeUnmanaged = "route.unmanaged"
    // A whole landscape (`shootnet landscape`): across shoots and seeds, never one shoot's plan.
    case landscapeIPv6Overlap = "landscape.ipv6-overlap"
    case landscapeIPv4Reuse = "landscape.ipv4-reuse"
    case landscapeShootFindings = "landscape.shoot-findings"
    case landscapeUnknownSeed = "landscape.unknown-seed"
    case landscapeSkipped = "landscape.skipped"
    case landscapeTruncated = "landscape.truncated"

    /// Reported by the landscape check over many shoots, never by planning one shoot.
    public var isLandscapeLevel: Bool { rawValue.hasPrefix("landscape.") }

    /// A finding about one node, route or pod prefix, reported once per object (100 nodes
    /// without a route give 100 `route.missing`). Such findings are usually consequences of
    /// a shoot-level finding (a route quota too small, ranges that overlap), so lists show
    /// them after the shoot-level findings of the same severity and group them by code.
    public var isPerObject: Bool {
        switch self {
        case .routeMissing, .routeStale, .routeWrongNexthop, .routeDuplicate, .routeUnmanaged,
             .nodeMissingFamily, .nodeAddressOutsideRange, .nodePodCIDRPlanned, .duplicateNodeName,
             .overlapPodCIDRs, .podCIDROutsideRange, .podCIDRNotFromTemplate:
            true
        default:
            false
        }
    }

    /// The stable code text (`route.missing`), wherever a code is printed.
    public var description: String { rawValue }

    /// The default severity (a few checks choose another one case by case, e.g. IPv4 seed
    /// overlaps, or overlaps Gardener does not check).
    public var severity: Severity {
        switch self {
        case .familiesInferred, .defaultsApplied, .documentationRange, .nodePodCIDRPlanned, .servicesOutsideSubnet, .routeUnmanaged,
             .landscapeIPv4Reuse, .landscapeSkipped:
            .info
        case .serviceRangeTooLarge, .maskDifference, .capacityHigh, .routeStale, .azureNotULA,
             .nodeAddressOutsideRange, .podCIDRNotFromTemplate, .landscapeUnknownSeed:
            .warning
        default:
            .error
        }
    }

    /// Where the rule comes from (a check may name another origin case by case, e.g. an
    /// overlap Gardener does not check). The upstream file of each is in docs/diagnostics.md.
    public var origin: DiagnosticOrigin {
        switch self {
        case .invalidCIDR, .hostBits, .familyMismatch, .ipFamilies, .overlapNodesPods,
             .overlapNodesServices, .overlapPodsServices, .overlapSeed, .reservedVPN, .reservedMapping,
             .nodeMaskRange, .maxPods, .defaultsApplied, .networkingRequired, .workerlessForbidden,
             .maskCombination, .workerMinimumAboveMaximum:
            .gardener
        case .missingRange, .capacityExceeded:
            .gardenlet
        case .autoMisplaced, .familiesInferred, .templateOutsideNodePrefix, .templateOverlapsReserved,
             .podCIDRNotFromTemplate, .podsOutsideSubnet, .servicesOutsideSubnet, .duplicateFamily:
            .proposal
        case .autoUnsupported, .singleStackUnsupported, .dualStackUnsupported, .overlayWithIPv6, .openStackIPv6Config, .azureNotULA, .poolOverlap,
             .routeDuplicate, .routeQuota, .routeMissing, .routeWrongNexthop, .routeStale, .routeUnmanaged:
            .provider
        case .overlapPodCIDRs, .podCIDROutsideRange, .nodeMaskShorterThanPods, .serviceRangeTooLarge, .maskDifference,
             .nodeMissingFamily, .nodePodCIDRPlanned, .duplicateNodeName, .servicesFamilyMissing:
            .kubernetes
        case .specialRange, .documentationRange, .nodeAddressOutsideRange, .capacityHigh, .nodeAddressesExhausted, .settingsInvalid,
             .landscapeIPv6Overlap, .landscapeIPv4Reuse, .landscapeShootFindings, .landscapeUnknownSeed, .landscapeSkipped,
             .landscapeTruncated:
            .shootnet
        }
    }
}

/// Who makes a rule. `gardener` means Gardener's API server rejects the shoot (validation or
/// admission): such an error appears exactly where Gardener rejects.
public enum DiagnosticOrigin: String, Sendable, Hashable, CaseIterable {
    /// Gardener's API server: static validation, mutating or validating admission.
    case gardener = "Gardener"
    /// gardenlet while reconciling (max nodes for cluster-autoscaler, network computation).
    case gardenlet
    /// A provider extension's admission or what its infrastructure and cloud controllers build.
    case provider
    /// Kubernetes itself (kube-controller-manager, kube-apiserver, the node objects).
    case kubernetes = "Kubernetes"
    /// The IPv6 proposal's layout rules.
    case proposal
    /// shootnet's own judgement (special ranges, head room).
    case shootnet
}
