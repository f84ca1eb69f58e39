import Addressing
import Spec

extension PlanBuilder {
    /// The parts of Gardener's static shoot validation that concern networking and are not a
    /// single range (gardener pkg/api/core/validation/shoot.go: `validateNetworking`,
    /// `ValidateKubeControllerManager`, `validateKubernetes` for workerless shoots, `ValidateWorker`).
    mutating func checkShootValidation() {
        let net = shoot.networking
        if shoot.isWorkerless {
            let message = "this field is forbidden for a workerless shoot; remove it or add a worker pool"
            if net.isWritten {
                if net.type != nil { report(.workerlessForbidden, path: "spec.networking.type", message) }
                if let pc = net.providerConfig { report(.workerlessForbidden, path: "spec.networking.providerConfig", message, at: pc.location) }
                for kind in [NetworkKind.pods, .nodes] where !net[kind].isEmpty {
                    report(.workerlessForbidden, path: "spec.networking.\(kind.rawValue)", message, at: net.fieldLocations[kind])
                }
            }
            if let m = shoot.nodeMaskV4 { report(.workerlessForbidden, path: Self.maskFieldV4, message, at: m.location) }
            if let m = shoot.nodeMaskV6 { report(.workerlessForbidden, path: Self.maskFieldV6, message, at: m.location) }
            if let p = shoot.maxPods { report(.workerlessForbidden, path: "spec.kubernetes.kubelet", message, at: p.location) }
            return
        }
        if !net.isWritten {
            report(.networkingRequired, path: "spec.networking", "networking should not be nil for a Shoot with workers")
        } else if (net.type ?? "").isEmpty {
            report(.networkingRequired, path: "spec.networking.type",
                   "networking type must be provided (the CNI extension: calico or cilium)")
        } else if let type = net.type, !Self.isLabelName(type) {
            report(.networkingRequired, path: "spec.networking.type",
                   "type must be a valid label name (it becomes the label networking.extensions.gardener.cloud/<type>); use the CNI extension's name, e.g. calico or cilium")
        }
        for (i, w) in shoot.workers.enumerated() where w.maximum < w.minimum {
            report(.workerMinimumAboveMaximum, path: "spec.provider.workers[\(i)].maximum",
                   "worker pool \(w.name): maximum value \(w.maximum) must not be less than minimum value \(w.minimum)",
                   objects: [.worker(w.name)], at: w.location)
        }
    }

    /// A Kubernetes label name part: 1 to 63 of `[A-Za-z0-9-_.]`, alphanumeric at both ends
    /// (what `metav1validation.ValidateLabelName` asks of the name after the prefix).
    static func isLabelName(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard (1...63).contains(u.count) else { return false }
        func alnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        guard alnum(u[0]), alnum(u[u.count - 1]) else { return false }
        return u.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }
}
