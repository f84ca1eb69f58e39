import Dispatch
import Synchronization
import Spec

/// Plans every shoot of a landscape with the engine (``Planner/summary(_:)``, its seed as
/// `settings.seed`, no observed state) and keeps only what the landscape needs: the shoot's
/// name and place, its real ranges and the counts of its own findings. Each shoot is read
/// when it is planned and released after (a landscape's shoots are most of its memory).
/// Shoots are independent, so `concurrency` threads plan them, a unit of the input at a time
/// (``run(units:read:seeds:concurrency:spareRanges:)``); the output is in input order and
/// the same for any `concurrency`.
enum ShootPlanning {
    /// One shoot's result, made on the planning thread: the landscape's own thread only
    /// gathers them (building them there, a seed looked up by name for each, was a serial
    /// twentieth of a 10,000-shoot landscape).
    struct Planned: Sendable {
        var findings: ShootFindings
        /// False when the shoot names a seed the input does not hold.
        var seedKnown: Bool
    }

    /// Plans the shoots of `units` units of input, which `read(u, shoot)` hands over in
    /// order (called once per unit, from any thread). The real ranges of all shoots come
    /// back in one array, in shoot order, each owned by its shoot's index. The units are
    /// taken by whichever thread is free (fixed halves left one core idle whenever the other
    /// half was slower, as on a shared machine); each unit's results go to arrays of their
    /// own, merged in unit order. `spareRanges`: room the caller will append to the ranges
    /// (the seeds'), so that a 60,000-range array is not copied once more to grow.
    static func run(units: Int, read: @escaping @Sendable (Int, (Shoot) -> Void) -> Void, seeds: [String: SeedNetworks],
                    concurrency: Int, spareRanges: Int = 0) -> (planned: [Planned], ranges: [LandscapeRange]) {
        let workers = max(1, min(concurrency, units))
        var perUnit = [[Planned]](repeating: [], count: units)
        var unitRanges = [[LandscapeRange]](repeating: [], count: units)
        let next = Atomic<Int>(0)
        perUnit.withUnsafeMutableBufferPointer { results in
            unitRanges.withUnsafeMutableBufferPointer { perUnitRanges in
                nonisolated(unsafe) let results = results
                nonisolated(unsafe) let perUnitRanges = perUnitRanges
                // Only the thread that took unit u writes its slots. Owners are counted within
                // the unit here and made absolute when the units are merged.
                let work: @Sendable (Int) -> Void = { _ in
                    while case let u = next.wrappingAdd(1, ordering: .relaxed).oldValue, u < units {
                        var planned: [Planned] = []
                        var ranges: [LandscapeRange] = []
                        read(u) { shoot in
                            planned.append(plan(shoot, owner: planned.count, seeds: seeds, ranges: &ranges))
                        }
                        results[u] = planned
                        perUnitRanges[u] = ranges
                    }
                }
                if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
            }
        }
        // Merged into arrays of their final size: growing the first unit's copied it.
        var planned: [Planned] = []
        planned.reserveCapacity(perUnit.reduce(0) { $0 + $1.count })
        var ranges: [LandscapeRange] = []
        ranges.reserveCapacity(unitRanges.reduce(spareRanges) { $0 + $1.count })
        for u in 0..<units {
            let base = planned.count
            planned.append(contentsOf: perUnit[u])
            perUnit[u] = []
            for var r in unitRanges[u] {
                r.owner += base
                ranges.append(r)
            }
            unitRanges[u] = []
        }
        return (planned, ranges)
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
