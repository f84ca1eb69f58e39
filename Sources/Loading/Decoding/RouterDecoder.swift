import Addressing
import Spec

/// `openstack router show -f json|yaml` (a document with `routes`), or a plain list of
/// `{destination, nexthop}` → ``ObservedRouter``.
struct RouterDecoder {
    let fields: FieldDecoder

    /// A router document; its name is `name`, else `id`, else `fallbackName`.
    func decodeRouter(_ doc: DocNode, fallbackName: String) throws(LoadError) -> ObservedRouter {
        var name = try fields.string(doc["name"], "name")
        if name == nil { name = try fields.string(doc["id"], "id") }
        return ObservedRouter(name: name ?? fallbackName, routes: try decodeRoutes(doc["routes"], "routes"))
    }

    /// A top-level list of routes (only accepted from `--routes`).
    func decodeRouteList(_ list: DocNode, name: String) throws(LoadError) -> ObservedRouter {
        ObservedRouter(name: name, routes: try decodeRoutes(list, "routes"))
    }

    private func decodeRoutes(_ node: DocNode?, _ path: String) throws(LoadError) -> [ObservedRoute] {
        guard let list = try fields.sequence(node, path) else { return [] }
        var routes: [ObservedRoute] = []
        routes.reserveCapacity(list.count)
        var i = 0
        for item in list.children {
            defer { i += 1 }
            guard let route = try fields.mapping(item, "\(path)[\(i)]") else {
                throw fields.error(item, "\(path)[\(i)]: expected a route {destination, nexthop}, found nothing (null)")
            }
            guard let destination = try fields.prefix(route["destination"], "\(path)[\(i)].destination") else {
                throw fields.error(route, "\(path)[\(i)].destination is missing")
            }
            guard let nexthop = try fields.address(route["nexthop"], "\(path)[\(i)].nexthop") else {
                throw fields.error(route, "\(path)[\(i)].nexthop is missing")
            }
            routes.append(ObservedRoute(destination: destination.value, nexthop: nexthop, location: fields.location(route)))
        }
        return routes
    }
}
