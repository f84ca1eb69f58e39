import Addressing
import Spec

extension LandscapeCheck {
    /// One error per pair of objects whose IPv6 ranges overlap (the first overlapping pair of
    /// ranges named, the others counted); at most `maxPairs`, then one `landscape.truncated`.
    static func ipv6Overlaps(_ all: [LandscapeRange], objects: [ObjectRef], maxPairs: Int) -> [Diagnostic] {
        struct Pair { var a: Int, b: Int, more: Int }
        var pairs: [Pair] = []
        var index: [UInt64: Int] = [:]
        func key(_ a: Int, _ b: Int) -> UInt64 {
            let (x, y) = (all[a].owner, all[b].owner)
            return UInt64(min(x, y)) << 32 | UInt64(max(x, y))
        }
        let sweep = RangeSweep(ranges: all) { $0.prefix.family == .v6 }
        let unlisted = sweep.sweep(wantPairs: { pairs.count < maxPairs }, isNew: { a, b in index[key(a, b)] == nil }) { a, b in
            let key = key(a, b)
            if let i = index[key] {
                pairs[i].more += 1
            } else {
                index[key] = pairs.count
                pairs.append(Pair(a: a, b: b, more: 0))
            }
        }
        var out = pairs.map { p -> Diagnostic in
            let a = all[p.a], b = all[p.b]
            let oa = objects[a.owner], ob = objects[b.owner]
            let more = p.more == 0 ? "" : " (and \(p.more) more overlapping range\(p.more == 1 ? "" : "s") of these two)"
            return report(.landscapeIPv6Overlap, path: b.fieldPath,
                          "IPv6 overlap: \(kindName(oa)) \(name(oa)) \(a.fieldPath) \(a.prefix) and \(kindName(ob)) \(name(ob)) \(b.fieldPath) \(b.prefix)\(more); IPv6 is routed without NAT, so no two shoots and no shoot and seed may share it — give one of them a range `--free` lists",
                          objects: [oa, ob, rangeRef(a, oa), rangeRef(b, ob)], at: b.location ?? a.location)
        }
        if unlisted > 0 {
            out.append(report(.landscapeTruncated, path: "",
                              "\(unlisted) more IPv6 range\(unlisted == 1 ? "" : "s") overlap another object's; only the first \(maxPairs) colliding pairs are listed — fix those and run again",
                              at: nil))
        }
        return out
    }

    /// The range as the objects list names it: `network/pods/…` for a shoot's, `seed/pods/…` for a seed's.
    static func rangeRef(_ r: LandscapeRange, _ owner: ObjectRef) -> ObjectRef {
        if case .seed = owner { return .seedNetwork(r.kind, r.prefix) }
        return .network(r.kind, r.prefix)
    }

    /// IPv4 ranges shared by shoots are normal (Gardener's VPN NATs IPv4): one info at most.
    static func ipv4Reuse(_ all: [LandscapeRange], objects: [ObjectRef]) -> Diagnostic? {
        let sweep = RangeSweep(ranges: all) { r in
            guard r.prefix.family == .v4, case .shoot = objects[r.owner] else { return false }
            return true
        }
        let overlapping = sweep.sweep(wantPairs: { false }) { _, _ in }
        guard overlapping > 0 else { return nil }
        let example = mostShared(sweep).map { " (\($0.prefix) alone is used by \($0.owners) shoots)" } ?? ""
        return report(.landscapeIPv4Reuse, path: "spec.networking",
                      "\(overlapping) IPv4 range\(overlapping == 1 ? "" : "s") of shoots overlap another shoot's\(example): normal, Gardener's VPN NATs IPv4, so it need not be unique across shoots — only IPv6 must be",
                      at: nil)
    }

    /// The prefix the most owners use (the lowest of those), and how many: equal prefixes
    /// are adjacent in the sweep's order, in the order given — by owner, as the landscape
    /// gives them — so one pass counts them (a set of owners per prefix hashed every range
    /// of the landscape, after planning).
    static func mostShared(_ sweep: RangeSweep) -> (prefix: IPPrefix, owners: Int)? {
        let ranges = sweep.ranges, order = sweep.order
        var best: (prefix: IPPrefix, owners: Int)?
        var i = 0
        while i < order.count {
            let prefix = ranges[order[i]].prefix
            var j = i, owners = 0, last = -1, ascending = true
            while j < order.count && ranges[order[j]].prefix == prefix {
                let owner = ranges[order[j]].owner
                if owner < last { ascending = false }
                if owner != last { owners += 1; last = owner }
                j += 1
            }
            // Ranges given out of owner order: count this run's owners the long way.
            if !ascending { owners = Set((i..<j).map { ranges[order[$0]].owner }).count }
            if owners > best?.owners ?? 0 { best = (prefix, owners) }
            i = j
        }
        return best
    }
}
