import Canvas

/// Finds the rectangles that touch a band of rows without scanning them all.
///
/// Rows are grouped into buckets of ``bucketHeight``; a rectangle is listed in every
/// bucket it touches, unless it is taller than ``tallLimit`` (frames around the whole
/// shoot), in which case it goes to a short list that is always checked. Building is
/// O(n) with two passes and one flat array.
struct RowIndex: Sendable {
    static let bucketHeight = 8
    static let tallLimit = 64

    private let rects: [Rect]
    /// `items[starts[b]..<starts[b + 1]]` are the indices listed in bucket b.
    private let starts: [Int]
    private let items: [Int32]
    private let tall: [Int]

    init(_ rects: [Rect]) {
        self.rects = rects
        var maxBucket = -1
        for r in rects where !r.isEmpty && r.height <= Self.tallLimit {
            maxBucket = max(maxBucket, Self.bucket(r.maxY - 1))
        }
        var counts = [Int](repeating: 0, count: maxBucket + 2)
        var tall: [Int] = []
        for (i, r) in rects.enumerated() where !r.isEmpty {
            if r.height > Self.tallLimit { tall.append(i); continue }
            for b in Self.bucket(r.y)...Self.bucket(r.maxY - 1) { counts[b + 1] += 1 }
        }
        for b in counts.indices.dropFirst() { counts[b] += counts[b - 1] }
        var fill = counts
        var items = [Int32](repeating: 0, count: counts.last ?? 0)
        for (i, r) in rects.enumerated() where !r.isEmpty && r.height <= Self.tallLimit {
            for b in Self.bucket(r.y)...Self.bucket(r.maxY - 1) {
                items[fill[b]] = Int32(truncatingIfNeeded: i)
                fill[b] += 1
            }
        }
        self.starts = counts
        self.items = items
        self.tall = tall
    }

    private static func bucket(_ y: Int) -> Int { max(0, y) / bucketHeight }

    private var bucketCount: Int { starts.count - 1 }

    /// Indices of rectangles that may intersect `band` (each once, unordered).
    func candidates(intersecting band: Rect) -> [Int] {
        var out: [Int] = []
        for i in tall where rects[i].intersects(band) { out.append(i) }
        guard !band.isEmpty, bucketCount > 0, band.maxY > 0 else { return out }
        let first = Self.bucket(band.y)
        let last = min(bucketCount - 1, Self.bucket(band.maxY - 1))
        guard first <= last else { return out }
        for b in first...last {
            for k in starts[b]..<starts[b + 1] {
                let i = Int(items[k])
                // Listed in several buckets: take it only from the first one in the band.
                if max(Self.bucket(rects[i].y), first) == b { out.append(i) }
            }
        }
        return out
    }
}
