import Addressing

/// The `openstack router … route` commands shootnet suggests, with the router's name quoted
/// so that pasting a command runs nothing but what it says: POSIX single quotes, a quote
/// inside written `'\''`. A name with control characters gets no command at all.
struct RouterCommand {
    let router: String

    /// The name as one shell word, or nil when it holds control characters.
    var word: String? {
        if router.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }) { return nil }
        let plain = !router.isEmpty && router.utf8.allSatisfy { c in
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: ".")
        }
        if plain { return router }
        var quoted = "'"
        for c in router { quoted += c == "'" ? "'\\''" : String(c) }
        return quoted + "'"
    }

    /// A command and the clause that ends a finding's message with it.
    struct Fix {
        /// The command alone (what the UI copies); nil when none can be printed safely.
        let command: String?
        /// `; fix: COMMAND`, or why there is none.
        let clause: String
    }

    func fix(adding destination: IPPrefix, via hop: IPAddress) -> Fix {
        make("fix") { "openstack router add route --route destination=\(destination),gateway=\(hop) \($0)" }
    }

    func fix(removing destination: IPPrefix, via hop: IPAddress) -> Fix {
        make("remove it") { "openstack router remove route --route destination=\(destination),gateway=\(hop) \($0)" }
    }

    func fix(replacing destination: IPPrefix, from old: IPAddress, to new: IPAddress) -> Fix {
        make("fix") {
            "openstack router remove route --route destination=\(destination),gateway=\(old) \($0)"
                + " && openstack router add route --route destination=\(destination),gateway=\(new) \($0)"
        }
    }

    private func make(_ label: String, _ command: (String) -> String) -> Fix {
        guard let w = word else { return Fix(command: nil, clause: Self.noCommand) }
        let c = command(w)
        return Fix(command: c, clause: "; \(label): \(c)")
    }

    static let noCommand = "; no command printed: the router's name holds control characters"
}
