import Addressing
import IPAM
import Spec

/// Everything about one editable field in one place: its stable key (commands, recovery
/// files), its label and current text, what an empty value means, how typed text is checked
/// and applied to the plan input, and where and how it is written into the file. The spec
/// pane, the line editor, saving, recovery and the tests all go through it.
public struct FieldDescriptor: Sendable {
    /// The document of the file the field lives in.
    public enum Document: Sendable, Hashable { case shoot, settings }
    /// One step of the field's path in its document.
    public enum PathStep: Sendable, Hashable { case key(String), index(Int) }
    /// How the typed text is written into the file.
    public enum FileForm: Sendable, Hashable {
        /// As a string (quoted when YAML would read it as something else).
        case text
        /// As a whole number.
        case number
        /// As a flow list of the comma-separated items (a block list stays one).
        case list
        /// A CIDR tuple: the comma-separated items as a string, or as a list where the file
        /// has one.
        case tuple
    }

    public let key: String
    public let document: Document
    public let path: [PathStep]
    public let form: FileForm
    public let placeholder: String
    /// An empty value removes the field from the file (and the setting from the plan input).
    public let allowsEmpty: Bool
    let label: @Sendable (PlanInput) -> String
    let read: @Sendable (PlanInput) -> String
    /// Applies trimmed, non-empty (or allowed empty) text; `validateOnly` checks without a real input.
    let apply: @Sendable (String, inout PlanInput, Bool) -> Result<Void, EditError>
}

extension SpecField {
    /// The field's descriptor: the one place that says everything about it.
    public var descriptor: FieldDescriptor {
        switch self {
        case .networks(let k):
            return FieldDescriptor(key: "networks.\(k.rawValue)", document: .shoot, path: [.key("spec"), .key("networking"), .key(k.rawValue)],
                                   form: .tuple, placeholder: "", allowsEmpty: true,
                                   label: { _ in k.rawValue }, read: { $0.shoot.networking.tupleText(k) },
                                   apply: { text, input, _ in
                                       input.shoot.networking[k] = text.isEmpty ? [] : CIDRSlot.parseTuple(text)
                                       return .success(())
                                   })
        case .ipFamilies:
            return FieldDescriptor(key: "ipFamilies", document: .shoot, path: [.key("spec"), .key("networking"), .key("ipFamilies")],
                                   form: .list, placeholder: "(IPv4, or the tuples' families)", allowsEmpty: true,
                                   label: { _ in "ipFamilies" }, read: { $0.shoot.networking.ipFamilies?.value.joined(separator: ", ") ?? "" },
                                   apply: { text, input, _ in
                                       if text.isEmpty { input.shoot.networking.ipFamilies = nil; return .success(()) }
                                       let names = Self.items(text)
                                       for n in names where IPFamily(kubernetesName: n) == nil {
                                           return .failure(EditError("\"\(n)\" is not IPv4 or IPv6"))
                                       }
                                       guard (1...2).contains(names.count), Set(names).count == names.count else {
                                           return .failure(EditError("give IPv4, IPv6, or both once each (primary first)"))
                                       }
                                       input.shoot.networking.ipFamilies = Located(names)
                                       return .success(())
                                   })
        case .provider:
            return FieldDescriptor(key: "provider.type", document: .shoot, path: [.key("spec"), .key("provider"), .key("type")],
                                   form: .text, placeholder: "", allowsEmpty: false,
                                   label: { _ in "provider.type" }, read: { $0.shoot.provider.value },
                                   apply: { text, input, _ in
                                       guard text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                                           return .failure(EditError("provider type is a word such as aws, gcp, azure, openstack"))
                                       }
                                       input.shoot.provider = Located(text)
                                       return .success(())
                                   })
        case .workerMinimum(let i), .workerMaximum(let i):
            let isMinimum = { if case .workerMinimum = self { return true } else { return false } }()
            let name = isMinimum ? "minimum" : "maximum"
            return FieldDescriptor(key: "workers[\(i)].\(name)", document: .shoot, path: Self.workerPath(i, name),
                                   form: .number, placeholder: "", allowsEmpty: false,
                                   label: { "workers[\(Self.pool(i, in: $0))].\(name)" },
                                   read: { input in
                                       guard input.shoot.workers.indices.contains(i) else { return "" }
                                       return String(isMinimum ? input.shoot.workers[i].minimum : input.shoot.workers[i].maximum)
                                   },
                                   apply: { text, input, validateOnly in
                                       guard validateOnly || input.shoot.workers.indices.contains(i) else { return .failure(EditError("no such worker pool")) }
                                       switch Self.number(text, 0...100_000) {
                                       case .failure(let e): return .failure(e)
                                       case .success(let n):
                                           guard let n, !validateOnly else { return .success(()) }
                                           if isMinimum { input.shoot.workers[i].minimum = n } else { input.shoot.workers[i].maximum = n }
                                           return .success(())
                                       }
                                   })
        case .workerZones(let i):
            return FieldDescriptor(key: "workers[\(i)].zones", document: .shoot, path: Self.workerPath(i, "zones"),
                                   form: .list, placeholder: "", allowsEmpty: false,
                                   label: { "workers[\(Self.pool(i, in: $0))].zones" },
                                   read: { $0.shoot.workers.indices.contains(i) ? $0.shoot.workers[i].zones.joined(separator: ", ") : "" },
                                   apply: { text, input, validateOnly in
                                       guard validateOnly || input.shoot.workers.indices.contains(i) else { return .failure(EditError("no such worker pool")) }
                                       let zones = Self.items(text)
                                       guard !zones.isEmpty else { return .failure(EditError("give at least one zone")) }
                                       if !validateOnly { input.shoot.workers[i].zones = zones }
                                       return .success(())
                                   })
        case .nodeMaskV4:
            return Self.optionalNumber(key: "nodeCIDRMaskSize", label: "nodeCIDRMaskSize",
                                       path: [.key("spec"), .key("kubernetes"), .key("kubeControllerManager"), .key("nodeCIDRMaskSize")],
                                       placeholder: "(from maxPods; 64 in IPv6 single-stack)", range: 0...128, field: \.shoot.nodeMaskV4)
        case .nodeMaskV6:
            return Self.optionalNumber(key: "nodeCIDRMaskSizeIPv6", label: "nodeCIDRMaskSizeIPv6",
                                       path: [.key("spec"), .key("kubernetes"), .key("kubeControllerManager"), .key("nodeCIDRMaskSizeIPv6")],
                                       placeholder: "(64 in dual-stack)", range: 0...128, field: \.shoot.nodeMaskV6)
        case .maxPods:
            return Self.optionalNumber(key: "maxPods", label: "kubelet.maxPods",
                                       path: [.key("spec"), .key("kubernetes"), .key("kubelet"), .key("maxPods")],
                                       placeholder: "(110)", range: 1...100_000, field: \.shoot.maxPods)
        case .podPrefixTemplate:
            return Self.setting(key: "podPrefixTemplate", placeholder: "(the provider's)", read: { $0.podPrefixTemplate?.value.text }) { text, s in
                switch PodPrefixTemplate.parse(text) {
                case .failure(let e): return .failure(EditError(e.description))
                case .success(let t): s.podPrefixTemplate = Located(t); return .success(())
                }
            } clear: { $0.podPrefixTemplate = nil }
        case .serviceStrategy:
            return Self.setting(key: "services.strategy", placeholder: "unique", read: { $0.serviceStrategy?.value.rawValue }) { text, s in
                guard let v = ServiceStrategy(rawValue: text) else { return .failure(EditError("use unique or well-known")) }
                s.serviceStrategy = Located(v)
                return .success(())
            } clear: { $0.serviceStrategy = nil }
        case .servicePolicy:
            return Self.setting(key: "services.ipFamilyPolicy", placeholder: ServicePreference.singleStack.rawValue,
                                read: { $0.servicePreference?.value.rawValue }) { text, s in
                guard let v = ServicePreference(rawValue: text) else {
                    return .failure(EditError("use SingleStack, PreferDualStack or RequireDualStack"))
                }
                s.servicePreference = Located(v)
                return .success(())
            } clear: { $0.servicePreference = nil }
        }
    }

    // MARK: The shapes fields share.

    /// An optional whole number of the shoot (empty removes it).
    private static func optionalNumber(key: String, label: String, path: [FieldDescriptor.PathStep], placeholder: String,
                                       range: ClosedRange<Int>, field: WritableKeyPath<PlanInput, Located<Int>?> & Sendable) -> FieldDescriptor {
        FieldDescriptor(key: key, document: .shoot, path: path, form: .number, placeholder: placeholder, allowsEmpty: true,
                        label: { _ in label }, read: { $0[keyPath: field].map { String($0.value) } ?? "" },
                        apply: { text, input, _ in
                            switch number(text, range) {
                            case .failure(let e): return .failure(e)
                            case .success(let n): input[keyPath: field] = n.map { Located($0) }; return .success(())
                            }
                        })
    }

    /// A field of the ShootnetSettings document (empty removes it).
    private static func setting(key: String, placeholder: String, read: @escaping @Sendable (Settings) -> String?,
                                set: @escaping @Sendable (String, inout Settings) -> Result<Void, EditError>,
                                clear: @escaping @Sendable (inout Settings) -> Void) -> FieldDescriptor {
        FieldDescriptor(key: key, document: .settings, path: key.split(separator: ".").map { .key(String($0)) },
                        form: .text, placeholder: placeholder, allowsEmpty: true,
                        label: { _ in key }, read: { read($0.settings) ?? "" },
                        apply: { text, input, _ in
                            if text.isEmpty { clear(&input.settings); return .success(()) }
                            return set(text, &input.settings)
                        })
    }

    private static func workerPath(_ i: Int, _ field: String) -> [FieldDescriptor.PathStep] {
        [.key("spec"), .key("provider"), .key("workers"), .index(i), .key(field)]
    }

    private static func pool(_ i: Int, in input: PlanInput) -> String {
        input.shoot.workers.indices.contains(i) ? input.shoot.workers[i].name : "#\(i)"
    }

    /// Comma-separated items, brackets and blanks trimmed.
    public static func items(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingCharacters(in: " \t[]") }.filter { !$0.isEmpty }
    }

    static func number(_ text: String, _ range: ClosedRange<Int>) -> Result<Int?, EditError> {
        if text.isEmpty { return .success(nil) }
        guard let n = Int(text), range.contains(n) else {
            return .failure(EditError("enter a whole number \(range.lowerBound)…\(range.upperBound)"))
        }
        return .success(n)
    }
}
