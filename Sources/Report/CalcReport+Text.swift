import Addressing

extension CalcReport {
    /// The report as text or JSON.
    public func render(_ format: Format) -> String {
        var out = ""
        write(format, to: &out)
        return out
    }

    /// Writes the report as text or JSON, streaming the subnet list.
    public func write(_ format: Format, to out: inout some TextOutputStream) {
        switch format {
        case .text: writeText(to: &out)
        case .json: writeJSON(to: &out)
        }
    }

    /// Text laid out like sipcalc / ipcalc-ng: one labelled fact per line.
    public func writeText(to out: inout some TextOutputStream) {
        func line(_ label: String, _ value: String) { out.write(Self.labelled(label, value)) }
        let p = prefix
        if let typedAddress { line("Address", "\(typedAddress) (host bits cleared)") }
        line("CIDR", "\(p)")
        line("Family", "\(p.family)")
        line("Prefix length", "\(p.length)")
        line("Network", "\(p.network)")
        line("Netmask", "\(p.netmask)")
        if p.family == .v4 { line("Wildcard", "\(p.hostmask)") }
        line("First address", "\(p.first)")
        line("Last address", "\(p.last)")
        line("Addresses", "\(p.addressCountText) (2^\(p.hostBits))")
        line("Usable hosts", "\(p.firstUsable) - \(p.lastUsable) (\(p.usableAddressCount))")
        line("Nibble aligned", nibbleText)
        let matches = p.specialRanges
        if matches.isEmpty {
            line("Special ranges", p.family == .v4 ? "none (public unicast space)" : "none (not assigned by IANA)")
        }
        for (i, m) in matches.enumerated() {
            let value = "\(m.range.name) \(m.range.prefix) (\(m.range.rfc))"
                + (m.relation == .contains ? ", contained in this prefix" : "")
            line(i == 0 ? "Special ranges" : "", value)
        }
        if let c = containment {
            var answer = c.result ? "yes" : "no"
            if c.target.family != p.family { answer += " (it is \(c.target.family), the prefix \(p.family))" }
            line("Contains", "\(c.isSingleAddress ? "\(c.target.network)" : "\(c.target)"): \(answer)")
        }
        if let s = split { writeSplitText(s, to: &out) }
    }

    /// `Label:` padded to a column, the value, a newline; an empty label continues a list.
    static func labelled(_ label: String, _ value: String) -> String {
        let head = label.isEmpty ? "" : label + ":"
        return head + String(repeating: " ", count: Swift.max(1, 18 - head.count)) + value + "\n"
    }

    private func writeSplitText(_ s: Split, to out: inout some TextOutputStream) {
        let listed = s.listed(of: prefix)
        let total = s.total(of: prefix)
        let truncated = String(listed) != total
        var head = "\(total) subnet\(total == "1" ? "" : "s") (2^\(s.length - prefix.length))"
        if truncated { head += listed == 0 ? ", none listed" : ", listing the first \(listed)" }
        out.write(Self.labelled("Split into /\(s.length)", head))
        forEachListedSubnet(s) { out.write("  \($0)\n") }
        if truncated {
            let last = IPPrefix(masking: prefix.last, length: s.length)
            out.write("  ... \(s.omitted(of: prefix)) more not listed (the last is \(last)); use --max N to list more\n")
        }
    }

    /// `yes`, or `no` with the nibble boundaries around the length.
    var nibbleText: String {
        if prefix.isNibbleAligned { return "yes" }
        let below = prefix.length - prefix.length % 4
        return "no (nearest nibble boundaries /\(below) and /\(below + 4))"
    }

    /// Calls `body` with each listed subnet, in order.
    func forEachListedSubnet(_ s: Split, _ body: (IPPrefix) -> Void) {
        var index: UInt128 = 0
        for _ in 0..<s.listed(of: prefix) {
            guard let subnet = prefix.subnet(index, length: s.length) else { return }
            body(subnet)
            index += 1
        }
    }
}
