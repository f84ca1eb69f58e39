import Dispatch
import Synchronization
import Spec

/// Plans every shoot of a landscape with the engine (``Planner/summary(_:)``, its seed as
/// `settings.seed`, no observed state) and keeps only what the landscape needs: the shoot's
/// name and place, its real ranges and the counts of its own findings. Each shoot is asked
/// for when it is planned and released after (a landscape's shoots are most of its memory).
/// Shoots are independent, so `concurrency` threads plan them in blocks (``run(count:shoot:seeds:concurrency:spareRanges:)``);
/// the output is in input order and the same for any `concurrency`.
enum ShootPlanning {
    /// One shoot's result, made on the planning thread: the landscape's own thread only
    /// gathers them (building them there, a seed looked up by name for each, was a serial
    /// twentieth of a 10,000-shoot landscape).
    struct Planned: Sendable {
        var findings: ShootFindings
        /// False when the shoot names a seed the input does not hold.
        var seedKnown: Bool
    }

    /// Plans shoot `i` of `count` as `shoot(i)` gives it (called once per index, from any
    /// thread); nil where it gives none. The real ranges of all shoots come back in one
    /// array, in shoot order. The shoots are taken in blocks, each by whichever thread is free
    /// (fixed halves left one core idle whenever the other half was slower, as on a shared
    /// machine); each block's ranges go to an array of its own, merged in block order.
    /// `spareRanges`: room the caller will append to the ranges (the seeds'), so that a
    /// 60,000-range array is not copied once more to grow.
    static func run(count n: Int, shoot: @escaping @Sendable (Int) -> Shoot?, seeds: [String: SeedNetworks],
                    concurrency: Int, spareRanges: Int = 0) -> (planned: [Planned?], ranges: [LandscapeRange]) {
        let blockSize = 64
        let blocks = (n + blockSize - 1) / blockSize
        let workers = max(1, min(concurrency, blocks))
        var out = [Planned?](repeating: nil, count: n)
        var blockRanges = [[LandscapeRange]](repeating: [], count: blocks)
        let next = Atomic<Int>(0)
        out.withUnsafeMutableBufferPointer { results in
            blockRanges.withUnsafeMutableBufferPointer { perBlock in
                nonisolated(unsafe) let results = results
                nonisolated(unsafe) let perBlock = perBlock
                // Block b holds the indices b * blockSize ..< (b + 1) * blockSize; only the thread
                // that took it writes them.
                let work: @Sendable (Int) -> Void = { _ in
                    while case let b = next.wrappingAdd(1, ordering: .relaxed).oldValue, b < blocks {
                        var ranges: [LandscapeRange] = []
                        ranges.reserveCapacity(blockSize * 6)
                        for i in (b * blockSize)..<min(n, (b + 1) * blockSize) {
                            guard let s = shoot(i) else { continue }
                            results[i] = plan(s, owner: i, seeds: seeds, ranges: &ranges)
                        }
                        perBlock[b] = ranges
                    }
                }
                if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
            }
        }
        // Merged into one array of the final size: growing the first block's copied it.
        var ranges: [LandscapeRange] = []
        ranges.reserveCapacity(blockRanges.reduce(spareRanges) { $0 + $1.count })
        for b in blockRanges.indices {
            ranges.append(contentsOf: blockRanges[b])
            blockRanges[b] = []
        }
        return (out, ranges)
    }

    /// Plans one shoot; its real ranges are appended to `ranges`.
    static func plan(_ shoot: consuming Shoot, owner: Int, seeds: [String: SeedNetworks], ranges: inout [LandscapeRange]) -> Planned {
        var settings = Settings()
        if let name = shoot.seedName { settings.seed = seeds[name] }
        let seedKnown = shoot.seedName == nil || settings.seed != nil
        let ref = ObjectRef.shoot(namespace: shoot.namespace ?? "", name: shoot.name)
        let location = shoot.location, seedName = shoot.seedName
        // Infos are only counted here: their text is left out. The shoot is handed over, not copied.
        let plan = Planner.summary(PlanInput(shoot: shoot, settings: settings, observed: ObservedState()))
        LandscapeRange.appendShoot(plan, owner: owner, to: &ranges)
        let counts = SeverityCounts(plan.diagnostics)
        // The engine orders errors first: the first finding is the one a summary quotes.
        let first = plan.diagnostics.first.flatMap { $0.severity > .info ? $0 : nil }
        return Planned(findings: ShootFindings(shoot: ref, errors: counts.errors, warnings: counts.warnings, infos: counts.infos,
                                               first: first, location: location, seedName: seedName),
                       seedKnown: seedKnown)
    }
}
