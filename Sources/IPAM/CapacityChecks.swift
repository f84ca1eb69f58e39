import Addressing
import Spec

extension PlanBuilder {
    mutating func checkCapacity() {
        guard let max = plan.maxNodes, plan.workersMaximum > 0 else { return }
        let want = UInt128(plan.workersMaximum)
        let objects = shoot.workers.map { ObjectRef.worker($0.name) }
        let binding = plan.maxNodesByFamily.min { $0.value < $1.value }?.key
        let why = binding.map { f -> String in
            if let pods = plan.range(.pods, f), let mask = plan.nodeMasks[f], plan.podModes[f] == .clusterRange {
                return "\(f) pods \(pods.prefix) hold \(max) blocks of /\(mask)"
            }
            return "\(f) ranges allow \(max) nodes"
        } ?? ""
        if want > max {
            report(.capacityExceeded, path: "spec.provider.workers",
                   "workers may scale to \(plan.workersMaximum) nodes but the shoot has room for \(max) (\(why)); lower the maximum, enlarge the pod range or raise the node mask size",
                   objects: objects, at: shoot.workers.first?.location)
        } else if case let (tenfold, o1) = want.multipliedReportingOverflow(by: 10),
                  case let (eightfold, o2) = max.multipliedReportingOverflow(by: 8), !o1, !o2, tenfold > eightfold {
            report(.capacityHigh, path: "spec.provider.workers",
                   "workers may scale to \(plan.workersMaximum) of \(max) possible nodes (over 80 %; \(why))",
                   objects: objects, at: shoot.workers.first?.location)
        }
    }
}
