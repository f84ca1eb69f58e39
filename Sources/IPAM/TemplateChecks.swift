import Addressing
import Spec

extension PlanBuilder {
    /// Node-prefix mode: the pod prefix template must fall inside each node prefix and miss
    /// the node-reserved range; observed podCIDRs should be what the template gives.
    /// A function of ``TemplateCheckKey`` alone, replayed from the memo when it is unchanged.
    mutating func checkTemplate() {
        memoized(\.template, inputs: templateCheckKey, step: TemplateCheck.run, restore: { _, _ in })
    }
}

enum TemplateCheck {
    static func run(_ inputs: TemplateCheckKey, _ sink: inout DiagnosticSink) {
        guard inputs.nodePrefixMode, let template = inputs.template else { return }
        let location = inputs.templateLocation
        let path = "settings.podPrefixTemplate"
        // Check against a prefix of the provider's node prefix length at the start of the VPC.
        guard let base = inputs.vpc.first(where: { $0.family == .v6 })?.prefix,
              let sample = base.subnet(0, length: max(base.length, inputs.nodePrefixLength)) else { return }
        guard let pod = template.apply(to: sample) else {
            sink.report(.templateOutsideNodePrefix, path: path,
                        "pod prefix template \(template) does not fit in a /\(inputs.nodePrefixLength) node prefix; use an offset and length inside it, e.g. <nodePrefix>::f000:0/100",
                        at: location)
            return
        }
        if let reservedLength = inputs.reservedLength, reservedLength >= sample.length,
           let reserved = sample.subnet(0, length: min(reservedLength, 128)), reserved.overlaps(pod) {
            sink.report(.templateOverlapsReserved, path: path,
                        "pod prefix template \(template) overlaps the node-reserved first /\(reservedLength) of each node prefix; move the offset past it, e.g. <nodePrefix>::f000:0/100",
                        at: location)
        }
        var mismatched: [String] = []
        for node in inputs.nodes where node.source == .observed {
            guard let np = node.nodePrefix, let expected = template.apply(to: np), let got = node.podCIDR(.v6) else { continue }
            if got != expected { mismatched.append("\(node.name) has \(got), template gives \(expected)") }
        }
        if !mismatched.isEmpty {
            sink.report(.podCIDRNotFromTemplate, path: "nodes",
                        "\(mismatched.count) node(s) have an IPv6 pod CIDR the template would not give: " + mismatched.prefix(3).joined(separator: "; "),
                        at: location)
        }
    }
}

/// The inputs of ``TemplateCheck`` (it reads nothing else; nothing but the mode outside node-prefix mode).
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
