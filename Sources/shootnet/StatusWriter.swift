import IPAM
import Loading
import Spec

/// `plan -o yaml`: the Shoot document with `status.networking` filled in from the plan —
/// the proposal's "store the actual CIDRs in the shoot status". Everything else in the file
/// stays byte for byte as it was. Only known ranges go into the status; ranges shootnet made
/// up (simulated or assumed) are listed, marked as such, in the annotation
/// ``inventedAnnotation`` instead, so nothing reads them as the cluster's.
enum StatusWriter {
    static let inventedAnnotation = "shootnet.gardener.cloud/invented-ranges"

    static func shootWithStatus(_ loaded: LoadedInput, plan: IPAM.Plan) throws -> String {
        var edits = NetworkKind.allCases.map { kind in
            SpecEdit(.shoot, path: [.key("status"), .key("networking"), .key(kind.rawValue)],
                     value: .strings(plan.ranges(kind).filter { !$0.source.isInvented }.map(\.prefix.description)))
        }
        let invented = plan.networks.filter(\.source.isInvented)
            .map { "\($0.kind.rawValue) \($0.prefix) (\($0.source.rawValue))" }
        if !invented.isEmpty {
            edits.append(SpecEdit(.shoot, path: [.key("metadata"), .key("annotations"), .key(inventedAnnotation)],
                                  value: .string(invented.joined(separator: "; "))))
        }
        do {
            return try SpecEditor.apply(edits, to: loaded.source.text)
        } catch {
            throw failure("plan -o yaml: \(error.message)")
        }
    }
}
