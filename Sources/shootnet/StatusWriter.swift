import IPAM
import Loading
import Spec

/// `plan -o yaml`: the Shoot document with `status.networking` filled in from the plan —
/// the proposal's "store the actual CIDRs in the shoot status". Everything else in the file
/// stays byte for byte as it was.
enum StatusWriter {
    static func shootWithStatus(_ loaded: LoadedInput, plan: IPAM.Plan) -> String {
        let edits = NetworkKind.allCases.map { kind in
            SpecEdit(.shoot, path: [.key("status"), .key("networking"), .key(kind.rawValue)],
                     value: .strings(plan.ranges(kind).map(\.prefix.description)))
        }
        do {
            return try SpecEditor.apply(edits, to: loaded.source.text)
        } catch {
            fail("plan -o yaml: \(error.message)")
        }
    }
}
