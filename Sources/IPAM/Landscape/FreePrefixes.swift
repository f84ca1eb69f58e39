import Addressing

/// The first prefixes of a length inside a pool that no used range overlaps, in address
/// order. Exact 128-bit arithmetic; walks the gaps between the used ranges (sorted and
/// merged once), so the cost is O(u log u + count) for u used ranges — never the pool's size.
public enum FreePrefixes {
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The wanted length is shorter than the pool's or longer than the family allows.
        case lengthOutOfRange(length: Int, pool: IPPrefix)

        public var description: String {
            switch self {
            case .lengthOutOfRange(let length, let pool):
                "--free /\(length) does not fit in --in \(pool): the length must be \(pool.length)…\(pool.bits)"
            }
        }
    }

    public static func find(length: Int, in pool: IPPrefix, count: Int, used: [IPPrefix]) -> Result<[IPPrefix], Failure> {
        guard length >= pool.length, length <= pool.bits else { return .failure(.lengthOutOfRange(length: length, pool: pool)) }
        guard count > 0 else { return .success([]) }
        let merged = mergedIntervals(used.filter { $0.family == pool.family && $0.overlaps(pool) })
        let hostBits = pool.bits - length
        // step - 1, computed without overflow (a /0 of IPv6 has 2^128 addresses).
        let stepMinusOne: UInt128 = hostBits >= 128 ? .max : (UInt128(1) << UInt128(hostBits)) - 1
        let poolLast = pool.last.value
        var cursor = pool.network.value
        var i = 0
        var out: [IPPrefix] = []
        while out.count < count {
            while i < merged.count && merged[i].last < cursor { i += 1 }
            let candidateLast = cursor | stepMinusOne
            if i < merged.count && merged[i].first <= candidateLast {
                // Jump past the used interval to the next boundary of `length`.
                let usedLast = merged[i].last
                guard usedLast < poolLast else { break }
                let (next, overflow) = (usedLast | stepMinusOne).addingReportingOverflow(1)
                guard !overflow, next <= poolLast else { break }
                cursor = next
                continue
            }
            out.append(IPPrefix(masking: IPAddress(family: pool.family, value: cursor), length: length))
            guard candidateLast < poolLast else { break }
            cursor = candidateLast + 1
        }
        return .success(out)
    }

    /// The prefixes as closed intervals, sorted and merged where they overlap or touch.
    static func mergedIntervals(_ prefixes: [IPPrefix]) -> [(first: UInt128, last: UInt128)] {
        let sorted = prefixes.map { (first: $0.network.value, last: $0.last.value) }.sorted { $0.first < $1.first }
        var out: [(first: UInt128, last: UInt128)] = []
        out.reserveCapacity(sorted.count)
        for r in sorted {
            if let top = out.last, top.last == .max || r.first <= top.last + 1 {
                if r.last > top.last { out[out.count - 1].last = r.last }
            } else {
                out.append(r)
            }
        }
        return out
    }
}
