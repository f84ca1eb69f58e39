import Addressing

extension CalcReport {
    /// One JSON object: the contract fields `cidr, family, prefixLength, network, first, last,
    /// addresses` (a decimal string: 2^128 fits no JSON number), then extras; with a split
    /// `subnetLength`, `subnetsTotal` (decimal string), `subnetsListed`, `subnetsTruncated` and
    /// `subnets`; with a containment test `contains`.
    public func writeJSON(to out: inout some TextOutputStream) {
        let p = prefix
        var w = JSONWriter(pretty: true, capacity: 1024 + (split.map { $0.listed(of: p) } ?? 0) * 48)
        w.beginObject()
        w.field("cidr", "\(p)")
        w.field("family", "\(p.family)")
        w.field("prefixLength", p.length)
        w.field("network", "\(p.network)")
        w.field("first", "\(p.first)")
        w.field("last", "\(p.last)")
        w.field("addresses", p.addressCountText)
        w.field("netmask", "\(p.netmask)")
        w.field("firstUsable", "\(p.firstUsable)")
        w.field("lastUsable", "\(p.lastUsable)")
        w.field("usableAddresses", String(p.usableAddressCount))
        w.field("nibbleAligned", p.isNibbleAligned)
        w.key("specialRanges")
        w.beginArray()
        for m in p.specialRanges {
            w.beginObject()
            w.field("name", m.range.name)
            w.field("prefix", "\(m.range.prefix)")
            w.field("rfc", m.range.rfc)
            w.field("relation", m.relation.rawValue)
            w.endObject()
        }
        w.endArray()
        if let c = containment { w.field("contains", c.result) }
        if let s = split {
            let listed = s.listed(of: p)
            let total = s.total(of: p)
            w.field("subnetLength", s.length)
            w.field("subnetsTotal", total)
            w.field("subnetsListed", listed)
            w.field("subnetsTruncated", String(listed) != total)
            w.key("subnets")
            w.beginArray()
            forEachListedSubnet(s) { w.string("\($0)") }
            w.endArray()
        }
        w.endObject()
        // JSONWriter's pretty mode starts the document with a newline; the object starts the output.
        out.write(String(w.text.drop { $0 == "\n" }))
    }
}
