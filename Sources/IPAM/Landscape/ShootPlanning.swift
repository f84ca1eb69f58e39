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
    /// Plans the shoots of `units` units of input, which `read(u, shoot)` hands over in
    /// order (called once per unit, from any thread): each shoot's findings, and the real
    /// ranges of all shoots in shoot order, each owned by its shoot's index. The units are
    /// taken by whichever thread is free (fixed halves left one core idle whenever the other
    /// half was slower, as on a shared machine); each unit's results go to arrays of their
    /// own, merged in unit order. `spareRanges`: room the caller will append to the ranges
    /// (the seeds'), so that a 60,000-range array is not copied once more to grow.
    static func run(units: Int, read: @escaping @Sendable (Int, (Shoot) -> Void) -> Void, seeds: [String: SeedNetworks],
                    concurrency: Int, spareRanges: Int = 0) -> (findings: [ShootFindings], ranges: [LandscapeRange]) {
        let workers = max(1, min(concurrency, units))
        var perUnit = [[ShootFindings]](repeating: [], count: units)
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
                        var findings: [ShootFindings] = []
                        var ranges: [LandscapeRange] = []
                        read(u) { shoot in
                            findings.append(plan(shoot, owner: findings.count, seeds: seeds, ranges: &ranges))
                        }
                        results[u] = findings
                        perUnitRanges[u] = ranges
                    }
                }
                if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
            }
        }
        let findings = merged(perUnit, extra: 0, workers: workers) { _, _ in }
        var shootBase = [Int](repeating: 0, count: units)
        for u in 1..<max(1, units) { shootBase[u] = shootBase[u - 1] + perUnit[u - 1].count }
        let bases = shootBase
        let ranges = merged(unitRanges, extra: spareRanges, workers: workers) { u, range in range.owner += bases[u] }
        return (findings, ranges)
    }

    /// The parts in order, as one array with room for `extra` more, each element passed to
    /// `adjust` with its part's index. Copied by `workers` threads: the copy fills megabytes
    /// of new memory, and its page faults were a twentieth of a landscape on one thread.
    private static func merged<Element>(_ parts: [[Element]], extra: Int, workers: Int,
                                        adjust: @escaping @Sendable (Int, inout Element) -> Void) -> [Element] {
        var starts = [Int](repeating: 0, count: parts.count + 1)
        for (i, part) in parts.enumerated() { starts[i + 1] = starts[i] + part.count }
        let total = starts[parts.count]
        guard total > 0 else {
            var out: [Element] = []
            out.reserveCapacity(extra)
            return out
        }
        let next = Atomic<Int>(0)
        let offsets = starts
        return [Element](unsafeUninitializedCapacity: total + extra) { buffer, count in
            guard let start = buffer.baseAddress else { return }
            nonisolated(unsafe) let base = start
            nonisolated(unsafe) let parts = parts
            let copy: @Sendable (Int) -> Void = { _ in
                while case let p = next.wrappingAdd(1, ordering: .relaxed).oldValue, p < parts.count {
                    for (j, element) in parts[p].enumerated() {
                        var e = element
                        adjust(p, &e)
                        (base + offsets[p] + j).initialize(to: e)
                    }
                }
            }
            if workers > 1 && parts.count > 1 { DispatchQueue.concurrentPerform(iterations: workers, execute: copy) } else { copy(0) }
            count = total
        }
    }

    /// Plans one shoot; its real ranges are appended to `ranges`.
    static func plan(_ shoot: consuming Shoot, owner: Int, seeds: [String: SeedNetworks], ranges: inout [LandscapeRange]) -> ShootFindings {
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
        return ShootFindings(shoot: ref, errors: counts.errors, warnings: counts.warnings, infos: counts.infos,
                             first: first, location: location, seedName: seedName, seedKnown: seedKnown)
    }
}
