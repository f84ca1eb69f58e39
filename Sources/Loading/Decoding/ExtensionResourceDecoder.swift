import Addressing
import Spec

/// Gardener's extension resources in the seed (`extensions.gardener.cloud/v1alpha1`), the
/// places the proposal names for the real CIDRs: an `Infrastructure`'s
/// `status.networking.{nodes,pods,services}` (gardener pkg/apis/extensions/v1alpha1
/// types_infrastructure.go `InfrastructureStatusNetworking`) and its `spec.providerConfig`
/// (the infrastructure config), and a `Network`'s `spec.podCIDR` / `spec.serviceCIDR`
/// (types_network.go). Both are written by Gardener and the extensions: a bad CIDR is a load error.
struct ExtensionResourceDecoder {
    let fields: FieldDecoder

    func decode(_ doc: DocNode) throws(LoadError) -> (NetworkingStatus, InfrastructureConfig?) {
        let spec = try fields.mapping(doc["spec"], "spec")
        if doc["kind"]?.text == "Network" {
            var status = NetworkingStatus()
            if let spec {
                status.pods = try fields.prefixes(spec["podCIDR"], "spec.podCIDR")
                status.services = try fields.prefixes(spec["serviceCIDR"], "spec.serviceCIDR")
            }
            return (status, nil)
        }
        var status = NetworkingStatus()
        if let s = try fields.mapping(doc["status"], "status"), let net = try fields.mapping(s["networking"], "status.networking") {
            status = NetworkingStatus(nodes: try fields.prefixes(net["nodes"], "status.networking.nodes"),
                                      pods: try fields.prefixes(net["pods"], "status.networking.pods"),
                                      services: try fields.prefixes(net["services"], "status.networking.services"))
        }
        let infrastructure = try spec.flatMap { (s) throws(LoadError) in try InfrastructureConfigDecoder(fields: fields).decode(s["providerConfig"]) }
        return (status, infrastructure)
    }
}
