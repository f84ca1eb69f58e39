import Addressing
import Spec

extension PlanBuilder {
    /// Decides the shoot's families (primary first) from `ipFamilies` or, when absent, from
    /// the tuples, and reports entries that contradict them.
    mutating func resolveFamilies() {
        let net = shoot.networking
        var families: [IPFamily] = []
        if let written = net.ipFamilies {
            for (i, name) in written.value.enumerated() {
                guard let f = IPFamily(kubernetesName: name) else {
                    report(.ipFamilies, path: "spec.networking.ipFamilies[\(i)]",
                           "unknown IP family \"\(name)\"; use IPv4 or IPv6", at: written.location)
                    continue
                }
                if families.contains(f) {
                    report(.ipFamilies, path: "spec.networking.ipFamilies[\(i)]",
                           "\(f) is listed twice in ipFamilies", at: written.location)
                    continue
                }
                families.append(f)
            }
        } else if !net.usesTupleNotation {
            // Gardener's form: `SetDefaults_Networking` (gardener pkg/apis/core/v1beta1/defaults_shoot.go)
            // sets an absent ipFamilies to [IPv4].
            families = [.v4]
            if net.isWritten {
                report(.defaultsApplied, path: "spec.networking.ipFamilies",
                       "ipFamilies not set; Gardener defaults it to [IPv4] (write [IPv4, IPv6] for dual-stack)")
            }
        } else {
            // The proposal's tuple notation names the families itself.
            let present = Set(NetworkKind.allCases.flatMap { net[$0].compactMap(\.family) })
            families = IPFamily.allCases.filter { present.contains($0) }
            if families.count == 2 {
                report(.familiesInferred, path: "spec.networking.ipFamilies",
                       "ipFamilies not set; inferred [IPv4, IPv6] from the tuple notation (IPv4 primary); set ipFamilies: [IPv6, IPv4] to make IPv6 primary")
            } else if families == [.v6] {
                report(.familiesInferred, path: "spec.networking.ipFamilies", "ipFamilies not set; inferred [IPv6] from the tuple notation")
            } else {
                report(.familiesInferred, path: "spec.networking.ipFamilies", "ipFamilies not set; inferred [IPv4] from the tuple notation")
            }
        }
        if families.isEmpty { families = [.v4] }
        plan.ipFamilies = families

        for kind in NetworkKind.allCases {
            // The first entry of each family (slots: a dictionary per field was a tenth of this
            // step for every shoot of a landscape).
            var first = SlotMap<IPFamily, Int>()
            for (i, slot) in net[kind].enumerated() {
                func path() -> String { "spec.networking.\(kind.rawValue)[\(i)]" }
                switch slot.value {
                case .invalid(let error):
                    if case .hostBitsSet(let masked) = error {
                        report(.hostBits, path: path(), "\(kind.rawValue) \(slot.text): host bits set; did you mean \(masked)?", at: slot.location)
                    } else {
                        report(.invalidCIDR, path: path(), "\(kind.rawValue) \"\(slot.text)\": \(error.message)", at: slot.location)
                    }
                    continue
                case .auto where !families.contains(.v6):
                    report(.autoMisplaced, path: path(),
                           "AUTOv6 in \(kind.rawValue) of a shoot without IPv6; add IPv6 to ipFamilies or remove AUTOv6", at: slot.location)
                    continue
                default:
                    break
                }
                guard let f = slot.family else { continue }
                if !families.contains(f) {
                    report(.familyMismatch, path: path(),
                           "\(kind.rawValue) \(slot.text) is \(f) but ipFamilies is [\(families.map(\.description).joined(separator: ", "))]",
                           at: slot.location)
                } else if let first = first[f] {
                    report(.duplicateFamily, path: path(),
                           "\(kind.rawValue) has two \(f) entries ([\(first)] and [\(i)]); give at most one prefix per family",
                           at: slot.location)
                } else {
                    first[f] = i
                }
            }
        }
    }
}
