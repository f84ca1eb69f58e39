import Foundation
import TestSupport

/// A shoot, node list and router whose names carry escape sequences, C0/C1 controls, bidi
/// overrides and 10,000-character strings: what a hostile (or broken) file can hold.
enum HostileInput {
    static let long = String(repeating: "L", count: 10_000)
    /// CSI colour, reset and an OSC that would retitle the terminal.
    static let escapeNode = "node-\u{1B}[31mred\u{1B}[0m\u{1B}]0;pwned\u{07}"
    /// Right-to-left override, isolates and a right-to-left mark.
    static let bidiNode = "node-\u{202E}lave\u{202C}-\u{2066}x\u{2069}\u{200F}"
    /// C1 CSI (U+009B), NEL, BEL, backspace, CR, LF, tab.
    static let shootName = "shoot-\u{9B}2J\u{85}\u{07}\u{08}\r\n\t-x"
    static let longNode = "node-" + long
    /// Looks like `node-a` but is not: a zero-width space, and a line separator.
    static let invisibleNode = "node\u{200B}-a\u{2028}"
    static let escapeZone = "\u{1B}[2J" + String(repeating: "z", count: 10_000)
    static let bidiZone = "zone-\u{202E}"
    static let router = "router-\u{1B}[5m\u{9B}6n\u{202E}" + long
    static let region = "region-\u{1B}[1;1H" + long

    static var nodeNames: [String] { [escapeNode, bidiNode, longNode, escapeNode, invisibleNode] }

    struct Files {
        var shoot: String
        var nodes: String
        var router: String
        var flags: [String] { ["--nodes", nodes, "--routes", router] }
    }

    static func write(in scratch: Scratch) throws -> Files {
        let shoot: [String: Any] = [
            "apiVersion": "core.gardener.cloud/v1beta1", "kind": "Shoot",
            "metadata": ["name": shootName],
            "spec": [
                "region": region,
                "provider": ["type": "openstack", "workers": [["name": "w", "minimum": 2, "maximum": 4, "zones": [bidiZone]]]],
                "kubernetes": ["kubeControllerManager": ["nodeCIDRMaskSize": 24, "nodeCIDRMaskSizeIPv6": 112]],
                "networking": ["ipFamilies": ["IPv4", "IPv6"], "nodes": "100.0.0.0/24, 2001:db8::/66",
                               "pods": "10.0.0.0/16, 2001:db8:0:0:4000::/66", "services": "10.1.0.0/16, 2001:db8:0:0:8000::/108"],
            ],
        ]
        func node(_ name: String, _ zone: String?, _ k: Int) -> [String: Any] {
            var metadata: [String: Any] = ["name": name]
            if let zone { metadata["labels"] = ["topology.kubernetes.io/zone": zone] }
            return ["kind": "Node", "metadata": metadata,
                    "spec": ["podCIDRs": ["10.0.\(k).0/24", "2001:db8::4000:0:\(k):0/112"]],
                    "status": ["addresses": [["type": "InternalIP", "address": "100.0.0.\(10 + k)"],
                                             ["type": "InternalIP", "address": "2001:db8::a\(k)"]]]]
        }
        let nodes: [String: Any] = ["apiVersion": "v1", "kind": "List", "items": [
            node(escapeNode, escapeZone, 0), node(bidiNode, bidiZone, 1), node(longNode, nil, 2), node(escapeNode, bidiZone, 3),
            node(invisibleNode, nil, 4),
        ]]
        let router: [String: Any] = ["name": router, "routes": [
            ["destination": "2001:db8::4000:0:0:0/112", "nexthop": "2001:db8::a0"],
            ["destination": "2001:db8::4000:0:9:0/112", "nexthop": "2001:db8::99"],
        ]]
        func json(_ object: Any) throws -> [UInt8] { [UInt8](try JSONSerialization.data(withJSONObject: object)) }
        return Files(shoot: try scratch.write("shoot.json", bytes: json(shoot)),
                     nodes: try scratch.write("nodes.json", bytes: json(nodes)),
                     router: try scratch.write("router.json", bytes: json(router)))
    }
}

/// What text for a terminal may contain.
enum TerminalText {
    /// C0 (tab included), DEL, C1, line/paragraph separators and the bidi marks.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
        switch v {
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        // Invisible: zero-width space / joiners, word joiner, zero-width no-break space.
        case 0x200B...0x200D, 0x2060, 0xFEFF: return true
        default: return false
        }
    }

    /// The first unsafe scalar of `text` (newlines allowed; with `sgr`, the colour sequences
    /// `ESC [ digits ; … m` that shootnet writes itself), with some context; nil when safe.
    static func firstUnsafe(in text: String, sgr: Bool = false) -> String? {
        var scalars = Array(text.unicodeScalars)
        if sgr { scalars = withoutSGR(scalars) }
        for (i, s) in scalars.enumerated() where s != "\n" && isControl(s) {
            let context = scalars[max(0, i - 20)..<min(scalars.count, i + 10)].map { isControl($0) ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
            return "U+\(String(s.value, radix: 16, uppercase: true)) at \(i): …\(context)…"
        }
        return nil
    }

    private static func withoutSGR(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < s.count {
            if s[i] == "\u{1B}", i + 1 < s.count, s[i + 1] == "[" {
                var j = i + 2
                while j < s.count, ("0"..."9").contains(s[j]) || s[j] == ";" { j += 1 }
                if j < s.count, s[j] == "m" {
                    i = j + 1
                    continue
                }
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    static func longestLine(_ text: String) -> Int {
        text.split(separator: "\n").map { $0.unicodeScalars.count }.max() ?? 0
    }
}
