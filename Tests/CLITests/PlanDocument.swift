import Foundation

/// The JSON `shootnet plan -o json` prints, read with Foundation's JSONSerialization (not with
/// the product's own code) into plain values the tests can compare.
struct PlanDocument {
    struct Range: Hashable {
        var cidr: String
        var family: String
        var source: String
    }

    struct Node: Hashable {
        var name: String
        var zone: String?
        var addresses: [String]
        var nodePrefix: String?
        var podCIDRs: [String]
    }

    struct Route: Hashable {
        var router: String
        var destination: String
        var nexthop: String
        var status: String
    }

    struct Finding: Hashable {
        var code: String
        var severity: String
        var path: String
        var message: String
        var objects: [String]
    }

    var ipFamilies: [String]
    var networks: [String: [Range]]
    /// A JSON number, or a decimal string when it does not fit a double exactly.
    var maxNodes: String?
    var nodes: [Node]
    var routes: [Route]
    var diagnostics: [Finding]

    func ranges(_ kind: String) -> [Range] { networks[kind] ?? [] }
    func range(_ kind: String, _ family: String) -> Range? { ranges(kind).first { $0.family == family } }
    func codes(_ severity: String) -> [String] { diagnostics.filter { $0.severity == severity }.map(\.code).sorted() }

    struct DecodeError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `plan -o json` output; any missing or mistyped field is an error naming its path.
    init(json text: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let root = try Self.object(object, "$")
        ipFamilies = try Self.strings(root["ipFamilies"], "ipFamilies")
        let nets = try Self.object(root["networks"], "networks")
        var networks: [String: [Range]] = [:]
        for (kind, value) in nets {
            networks[kind] = try Self.array(value, "networks.\(kind)").enumerated().map { i, item in
                let o = try Self.object(item, "networks.\(kind)[\(i)]")
                return Range(cidr: try Self.string(o["cidr"], "cidr"), family: try Self.string(o["family"], "family"),
                             source: try Self.string(o["source"], "source"))
            }
        }
        self.networks = networks
        switch root["maxNodes"] {
        case let n as NSNumber: maxNodes = n.stringValue
        case let s as String: maxNodes = s
        case is NSNull: maxNodes = nil
        default: throw DecodeError(description: "maxNodes: not a number, string or null")
        }
        nodes = try Self.array(root["nodes"], "nodes").enumerated().map { i, item in
            let o = try Self.object(item, "nodes[\(i)]")
            return Node(name: try Self.string(o["name"], "nodes[\(i)].name"),
                        zone: o["zone"] is NSNull ? nil : try Self.string(o["zone"], "nodes[\(i)].zone"),
                        addresses: try Self.strings(o["addresses"], "nodes[\(i)].addresses"),
                        nodePrefix: o["nodePrefix"] == nil ? nil : try Self.string(o["nodePrefix"], "nodes[\(i)].nodePrefix"),
                        podCIDRs: try Self.strings(o["podCIDRs"], "nodes[\(i)].podCIDRs"))
        }
        routes = try Self.array(root["routes"], "routes").enumerated().map { i, item in
            let o = try Self.object(item, "routes[\(i)]")
            return Route(router: try Self.string(o["router"], "router"), destination: try Self.string(o["destination"], "destination"),
                         nexthop: try Self.string(o["nexthop"], "nexthop"), status: try Self.string(o["status"], "status"))
        }
        diagnostics = try Self.findings(root["diagnostics"])
    }

    /// The `diagnostics` array of `plan -o json` or `check -o json`.
    static func findings(_ value: Any?) throws -> [Finding] {
        try array(value, "diagnostics").enumerated().map { i, item in
            let o = try object(item, "diagnostics[\(i)]")
            return Finding(code: try string(o["code"], "code"), severity: try string(o["severity"], "severity"),
                           path: try string(o["path"], "path"), message: try string(o["message"], "message"),
                           objects: try strings(o["objects"], "objects"))
        }
    }

    static func object(_ value: Any?, _ path: String) throws -> [String: Any] {
        guard let o = value as? [String: Any] else { throw DecodeError(description: "\(path): expected an object") }
        return o
    }

    static func array(_ value: Any?, _ path: String) throws -> [Any] {
        guard let a = value as? [Any] else { throw DecodeError(description: "\(path): expected an array") }
        return a
    }

    static func string(_ value: Any?, _ path: String) throws -> String {
        guard let s = value as? String else { throw DecodeError(description: "\(path): expected a string") }
        return s
    }

    static func strings(_ value: Any?, _ path: String) throws -> [String] {
        try array(value, path).enumerated().map { i, item in try string(item, "\(path)[\(i)]") }
    }
}
