import Addressing
import Spec

extension PlanBuilder {
    /// Node-prefix mode: the pod prefix template must fall inside each node prefix and miss
    /// the node-reserved range; observed podCIDRs should be what the template gives.
    /// Replayed from the memo when ``TemplateCheckKey`` is unchanged.
    mutating func checkTemplate() {
        memoized(\.template, key: templateCheckKey) { $0.checkTemplateAndNodes() }
    }

    private mutating func checkTemplateAndNodes() {
        guard plan.podModes[.v6] == .nodePrefix else { return }
        let location = settings.podPrefixTemplate?.location
        let path = "settings.podPrefixTemplate"
        // Check against a prefix of the provider's node prefix length at the start of the VPC.
        guard let base = plan.vpc.first(where: { $0.family == .v6 })?.prefix,
              let sample = base.subnet(0, length: max(base.length, profile.nodePrefixLength)) else { return }
        guard let pod = applyTemplate(to: sample) else {
            report(.templateOutsideNodePrefix, path: path,
                   "pod prefix template \(template) does not fit in a /\(profile.nodePrefixLength) node prefix; use an offset and length inside it, e.g. <nodePrefix>::f000:0/100",
                   at: location)
            return
        }
        if let reservedLength, reservedLength >= sample.length, let reserved = sample.subnet(0, length: min(reservedLength, 128)), reserved.overlaps(pod) {
            report(.templateOverlapsReserved, path: path,
                   "pod prefix template \(template) overlaps the node-reserved first /\(reservedLength) of each node prefix; move the offset past it, e.g. <nodePrefix>::f000:0/100",
                   at: location)
        }
        var mismatched: [String] = []
        for node in plan.nodes where node.source == .observed {
            guard let np = node.nodePrefix, let expected = applyTemplate(to: np), let got = node.podCIDR(.v6) else { continue }
            if got != expected { mismatched.append("\(node.name) has \(got), template gives \(expected)") }
        }
        if !mismatched.isEmpty {
            report(.podCIDRNotFromTemplate, path: "nodes",
                   "\(mismatched.count) node(s) have an IPv6 pod CIDR the template would not give: " + mismatched.prefix(3).joined(separator: "; "),
                   at: location)
        }
    }
}

/// Everything the template check reads (nothing but the mode outside node-prefix mode).
struct TemplateCheckKey: Equatable, Sendable {
    var nodePrefixMode: Bool
    var template: PodPrefixTemplate?
    var templateLocation: SourceLocation?
    var vpc: [PlannedRange]
    var nodePrefixLength: Int
    var reservedLength: Int?
    var nodes: [PlannedNode]
    /// Where diagnostics without a location of their own point.
    var shootLocation: SourceLocation?
}

extension PlanBuilder {
    var templateCheckKey: TemplateCheckKey {
        guard plan.podModes[.v6] == .nodePrefix else {
            return TemplateCheckKey(nodePrefixMode: false, vpc: [], nodePrefixLength: 0, reservedLength: 0, nodes: [])
        }
        return TemplateCheckKey(nodePrefixMode: true, template: template, templateLocation: settings.podPrefixTemplate?.location,
                                vpc: plan.vpc, nodePrefixLength: profile.nodePrefixLength, reservedLength: reservedLength,
                                nodes: plan.nodes, shootLocation: shoot.location)
    }
}
