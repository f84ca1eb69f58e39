import Dispatch
import Spec

/// Plans every shoot of a landscape with the engine (``Planner/plan(_:)``, its seed as
/// `settings.seed`, no observed state) and keeps only what the landscape needs: the real
/// ranges and the counts of the shoot's own findings. Shoots are independent, so they are
/// split into `concurrency` contiguous chunks planned in parallel; the output is in input
/// order and the same for any `concurrency`.
enum ShootPlanning {
    struct Planned: Sendable {
        var ranges: [LandscapeRange] = []
        var errors = 0, warnings = 0, infos = 0
        /// The plan's first diagnostic (the engine orders errors first).
        var first: Diagnostic?
    }

    static func run(_ shoots: [Shoot], seeds: [String: SeedNetworks], concurrency: Int) -> [Planned] {
        let n = shoots.count
        let workers = max(1, min(concurrency, n / 64))
        if workers == 1 { return shoots.indices.map { plan(shoots[$0], owner: $0, seeds: seeds) } }
        var out = [Planned](repeating: Planned(), count: n)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let results = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                // Chunk w: every index i with i * workers / n == w, written by this worker only.
                for i in (n * w / workers)..<(n * (w + 1) / workers) {
                    results[i] = plan(shoots[i], owner: i, seeds: seeds)
                }
            }
        }
        return out
    }

    static func plan(_ shoot: Shoot, owner: Int, seeds: [String: SeedNetworks]) -> Planned {
        var settings = Settings()
        if let name = shoot.seedName { settings.seed = seeds[name] }
        let plan = Planner.plan(PlanInput(shoot: shoot, settings: settings, observed: ObservedState()))
        var p = Planned(ranges: LandscapeRange.ofShoot(plan, owner: owner), first: plan.diagnostics.first)
        for d in plan.diagnostics {
            switch d.severity {
            case .error: p.errors += 1
            case .warning: p.warnings += 1
            case .info: p.infos += 1
            }
        }
        return p
    }
}
