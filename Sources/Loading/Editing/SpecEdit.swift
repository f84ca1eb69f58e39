import Spec

/// One change to the main file, addressed by document and path
/// (`spec.provider.workers[0].maximum` in the Shoot, `services.strategy` in the settings).
public struct SpecEdit: Sendable, Hashable {
    /// Which document of the file the path starts in.
    public enum Document: Sendable, Hashable {
        /// The `kind: Shoot` document.
        case shoot
        /// The `kind: ShootnetSettings` document; created when the file has none.
        case settings
    }

    /// One step of a path: a mapping key or a list index.
    public enum PathComponent: Sendable, Hashable, CustomStringConvertible {
        case key(String)
        case index(Int)

        public var description: String {
            switch self {
            case .key(let k): k
            case .index(let i): "[\(i)]"
            }
        }
    }

    /// What to write.
    public enum Value: Sendable, Hashable {
        /// A string; quoted only when YAML needs it.
        case string(String)
        case int(Int)
        case bool(Bool)
        /// A list of strings, written as a flow list `[a, b]` (a block list stays one).
        case strings([String])
        /// A CIDR tuple: `a, b` where the file has a string, a list where it has a list
        /// (block or flow, as written).
        case tuple([String])
        /// Removes the key (and its value) from the file.
        case remove
    }

    public var document: Document
    public var path: [PathComponent]
    public var value: Value

    public init(_ document: Document, path: [PathComponent], value: Value) {
        self.document = document
        self.path = path
        self.value = value
    }

    /// `path` in dotted form with list indices: `spec.provider.workers[0].maximum`.
    /// Keys cannot contain dots or brackets in this form; use ``init(_:path:value:)`` for those.
    public init(_ document: Document, _ dottedPath: String, _ value: Value) {
        var components: [PathComponent] = []
        for part in dottedPath.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                let key = rest[..<bracket]
                if !key.isEmpty { components.append(.key(String(key))) }
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    if let i = Int(rest[rest.index(after: rest.startIndex)..<close]) { components.append(.index(i)) }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                components.append(.key(String(rest)))
            }
        }
        self.init(document, path: components, value: value)
    }

    /// The path as text, for messages.
    public var pathText: String {
        var out = ""
        for c in path {
            switch c {
            case .key(let k): out += out.isEmpty ? k : "." + k
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }
}

/// The fields the UI edits, as edits of the file.
extension SpecEdit {
    /// `spec.networking.nodes|pods|services`, e.g. the tuple `AUTOv6, 10.0.0.0/16`; nil removes the field.
    public static func networking(_ kind: NetworkKind, _ text: String?) -> SpecEdit {
        SpecEdit(.shoot, path: [.key("spec"), .key("networking"), .key(kind.rawValue)], value: text.map { .string($0) } ?? .remove)
    }

    /// `spec.networking.ipFamilies`; nil removes it (families are then inferred).
    public static func ipFamilies(_ families: [String]?) -> SpecEdit {
        SpecEdit(.shoot, "spec.networking.ipFamilies", families.map { .strings($0) } ?? .remove)
    }

    /// `spec.provider.type`.
    public static func providerType(_ type: String) -> SpecEdit {
        SpecEdit(.shoot, "spec.provider.type", .string(type))
    }

    public static func workerMinimum(_ index: Int, _ value: Int) -> SpecEdit {
        SpecEdit(.shoot, path: workerPath(index, "minimum"), value: .int(value))
    }

    public static func workerMaximum(_ index: Int, _ value: Int) -> SpecEdit {
        SpecEdit(.shoot, path: workerPath(index, "maximum"), value: .int(value))
    }

    public static func workerZones(_ index: Int, _ zones: [String]) -> SpecEdit {
        SpecEdit(.shoot, path: workerPath(index, "zones"), value: .strings(zones))
    }

    /// `kubeControllerManager.nodeCIDRMaskSize`; nil removes it.
    public static func nodeMaskV4(_ value: Int?) -> SpecEdit {
        SpecEdit(.shoot, "spec.kubernetes.kubeControllerManager.nodeCIDRMaskSize", value.map { .int($0) } ?? .remove)
    }

    /// `kubeControllerManager.nodeCIDRMaskSizeIPv6`; nil removes it.
    public static func nodeMaskV6(_ value: Int?) -> SpecEdit {
        SpecEdit(.shoot, "spec.kubernetes.kubeControllerManager.nodeCIDRMaskSizeIPv6", value.map { .int($0) } ?? .remove)
    }

    /// `spec.kubernetes.kubelet.maxPods`; nil removes it.
    public static func maxPods(_ value: Int?) -> SpecEdit {
        SpecEdit(.shoot, "spec.kubernetes.kubelet.maxPods", value.map { .int($0) } ?? .remove)
    }

    /// A field of the ShootnetSettings document (`podPrefixTemplate`, `services.strategy`,
    /// `services.ipFamilyPolicy`, `simulation.pool`, …); `.remove` unsets it.
    public static func setting(_ dottedPath: String, _ value: Value) -> SpecEdit {
        SpecEdit(.settings, dottedPath, value)
    }

    private static func workerPath(_ index: Int, _ field: String) -> [PathComponent] {
        [.key("spec"), .key("provider"), .key("workers"), .index(index), .key(field)]
    }
}

/// Why an edit could not be made; the text is then unchanged.
public struct SpecEditError: Error, CustomStringConvertible, Sendable, Hashable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
