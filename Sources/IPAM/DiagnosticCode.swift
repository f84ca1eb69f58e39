/// The catalogue of findings. Codes are stable: scripts and docs/diagnostics.md rely on them.
public enum DiagnosticCode: String, Sendable, CaseIterable {
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
    // Provider limits.
    case autoUnsupported = "provider.auto-unsupported"
    case singleStackUnsupported = "provider.ipv6-single-stack"
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

    /// The default severity (a few checks choose another one case by case, e.g. IPv4 seed overlaps).
    public var severity: Severity {
        switch self {
        case .familiesInferred, .defaultsApplied, .documentationRange, .nodePodCIDRPlanned, .servicesOutsideSubnet:
            .info
        case .singleStackUnsupported, .serviceRangeTooLarge, .maskDifference, .capacityHigh, .routeStale,
             .nodeAddressOutsideRange, .podCIDRNotFromTemplate:
            .warning
        default:
            .error
        }
    }

    /// Where the rule comes from.
    public var origin: String {
        switch self {
        case .invalidCIDR, .hostBits, .familyMismatch, .duplicateFamily, .ipFamilies, .overlapNodesPods,
             .overlapNodesServices, .overlapPodsServices, .overlapSeed, .reservedVPN, .reservedMapping,
             .nodeMaskRange, .maxPods, .capacityExceeded, .defaultsApplied, .missingRange:
            "Gardener"
        case .autoMisplaced, .familiesInferred, .templateOutsideNodePrefix, .templateOverlapsReserved,
             .podCIDRNotFromTemplate, .podsOutsideSubnet, .servicesOutsideSubnet, .routeMissing, .routeWrongNexthop, .routeStale:
            "proposal"
        case .autoUnsupported, .singleStackUnsupported, .poolOverlap, .routeDuplicate, .routeQuota:
            "provider"
        case .overlapPodCIDRs, .podCIDROutsideRange, .nodeMaskShorterThanPods, .serviceRangeTooLarge, .maskDifference,
             .nodeMissingFamily, .nodePodCIDRPlanned, .duplicateNodeName, .servicesFamilyMissing:
            "Kubernetes"
        case .specialRange, .documentationRange, .nodeAddressOutsideRange, .capacityHigh, .nodeAddressesExhausted:
            "shootnet"
        }
    }
}
