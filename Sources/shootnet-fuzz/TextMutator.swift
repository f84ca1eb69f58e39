/// Structure-aware mutations of YAML and JSON texts: a value replaced by a generated one,
/// lines duplicated, dropped, swapped or re-indented, documents added.
enum TextMutator {
    static func mutate(_ text: String, using r: inout FuzzRandom) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return TextGenerators.yamlValue(&r) }
        let i = r.below(lines.count)
        switch r.below(10) {
        case 0..<4:
            // `key: value` → `key: GENERATED`, or a JSON string value replaced.
            if let colon = lines[i].range(of: ": ") {
                let head = lines[i][..<colon.upperBound]
                let json = lines[i].contains("\"")
                lines[i] = head + (json ? TextGenerators.jsonString(&r) + (lines[i].hasSuffix(",") ? "," : "") : TextGenerators.yamlValue(&r))
            } else if lines[i].hasPrefix("- ") || lines[i].contains(" - ") {
                let dash = lines[i].range(of: "- ")
                if let dash { lines[i] = lines[i][..<dash.upperBound] + TextGenerators.yamlValue(&r) }
            } else {
                lines[i] += " " + TextGenerators.yamlValue(&r)
            }
        case 4:
            lines.insert(lines[i], at: i)
        case 5:
            lines.remove(at: i)
        case 6:
            let j = r.below(lines.count)
            lines.swapAt(i, j)
        case 7:
            switch r.below(4) {
            case 0: lines[i] = " " + lines[i]
            case 1: lines[i] = "\t" + lines[i]
            case 2: lines[i] = String(lines[i].drop { $0 == " " })
            default: lines[i] = String(repeating: " ", count: r.below(12)) + lines[i]
            }
        case 8:
            lines.insert(r.pick(["---", "...", "--- !!map", "%YAML 1.2", "%TAG ! tag:x,2000:", "# comment", "", "- a", "? k", ": v",
                                 "a: &x [1, 2]", "b: *x", "<<: *x", "kind: Node", "kind: Seed", "routes: []"]), at: i)
        default:
            let key = r.pick(["nodes", "pods", "services", "ipFamilies", "name", "type", "minimum", "maximum", "zones", "maxPods",
                              "nodeCIDRMaskSize", "nodeCIDRMaskSizeIPv6", "podPrefixTemplate", "strategy", "pool", "podCIDRs",
                              "destination", "nexthop", "address", "kind", "routes", "items", "networks"])
            let indent = String(lines[i].prefix { $0 == " " })
            lines.insert(indent + key + ": " + TextGenerators.yamlValue(&r), at: i)
        }
        return lines.joined(separator: "\n")
    }
}
