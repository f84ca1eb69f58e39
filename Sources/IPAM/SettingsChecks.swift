import Addressing
import Spec

extension PlanBuilder {
    /// Settings that cannot work together are findings, never silently dropped ranges.
    mutating func checkSettings() {
        guard let pool = settings.simulationPool else { return }
        let path = "settings.simulation.pool"
        if pool.value.family != .v6 {
            report(.settingsInvalid, path: path,
                   "simulation.pool \(pool.value) is \(pool.value.family); AUTOv6 ranges are drawn from it, so it must be an IPv6 prefix (e.g. 2001:db8::/32)",
                   at: pool.location)
            return
        }
        let length = profile.provider == .openstack ? profile.subnetLength : profile.vpcLength
        if plan.ipFamilies.contains(.v6) && pool.value.length > length {
            report(.settingsInvalid, path: path,
                   "simulation.pool \(pool.value) is smaller than the /\(length) it must hold; use a pool of /\(length) or larger",
                   at: pool.location)
        }
    }
}
