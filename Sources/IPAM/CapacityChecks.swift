import Addressing
import Spec

extension PlanBuilder {
    /// Workers against gardenlet's max nodes. cluster-autoscaler stops at max nodes, so pools
    /// whose maxima add up to more cannot grow that far (warning); pools whose minima add up
    /// to more get machines that kube-controller-manager has no pod range for (error).
    mutating func checkCapacity() {
        guard let max = plan.maxNodes, plan.workersMaximum > 0 else { return }
        let want = UInt128(plan.workersMaximum)
        let minimum = UInt128(shoot.workers.reduce(0) { $0 &+ Swift.max(0, $1.minimum) })
        let objects = shoot.workers.map { ObjectRef.worker($0.name) }
        // Written into a message only when one is kept.
        let why = plan.maxNodesLimit
        let fix = "lower the maximum, enlarge the limiting range or change the node mask size"
        if minimum > max {
            report(.capacityExceeded, path: "spec.provider.workers",
                   "workers start with at least \(minimum) nodes but the shoot has room for \(max) (\(why)); nodes beyond that get no pod range; \(fix)",
                   objects: objects, at: shoot.workers.first?.location)
        } else if want > max {
            report(.capacityExceeded, path: "spec.provider.workers",
                   "workers may scale to \(plan.workersMaximum) nodes but gardenlet limits cluster-autoscaler to \(max) (\(why)); \(fix)",
                   objects: objects, at: shoot.workers.first?.location, severity: .warning)
        } else if case let (tenfold, o1) = want.multipliedReportingOverflow(by: 10),
                  case let (eightfold, o2) = max.multipliedReportingOverflow(by: 8), !o1, !o2, tenfold > eightfold {
            report(.capacityHigh, path: "spec.provider.workers",
                   "workers may scale to \(plan.workersMaximum) of \(max) possible nodes (over 80 %; \(why))",
                   objects: objects, at: shoot.workers.first?.location)
        }
    }
}
