import IPAM
import Loading

/// `plan -o yaml`: the Shoot document with `status.networking` filled in from the plan —
/// the proposal's "store the actual CIDRs in the shoot status".
enum StatusWriter {
    static func shootWithStatus(_ loaded: LoadedInput, plan: IPAM.Plan) -> String {
        fail("plan -o yaml: not available in this build")
    }
}
