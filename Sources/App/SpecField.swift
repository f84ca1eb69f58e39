import Addressing
import IPAM
import Spec

/// A field of the spec the UI can edit. Each reads its current text from a ``PlanInput`` and
/// applies new text back, validating it the way the loader would.
public enum SpecField: Hashable, Sendable {
    case networks(NetworkKind)
    case ipFamilies
    case provider
    case workerMinimum(Int)
    case workerMaximum(Int)
    case workerZones(Int)
    case nodeMaskV4
    case nodeMaskV6
    case maxPods
    case podPrefixTemplate
    case serviceStrategy
    case servicePolicy

    /// The fields of `input` in display order (one group per worker pool).
    public static func all(for input: PlanInput) -> [SpecField] {
        var out: [SpecField] = [.ipFamilies, .networks(.nodes), .networks(.pods), .networks(.services), .provider]
        for i in input.shoot.workers.indices { out += [.workerMinimum(i), .workerMaximum(i), .workerZones(i)] }
        out += [.nodeMaskV4, .nodeMaskV6, .maxPods, .podPrefixTemplate, .serviceStrategy, .servicePolicy]
        return out
    }

    public func label(in input: PlanInput) -> String {
        func pool(_ i: Int) -> String { input.shoot.workers.indices.contains(i) ? input.shoot.workers[i].name : "#\(i)" }
        switch self {
        case .networks(let k): return k.rawValue
        case .ipFamilies: return "ipFamilies"
        case .provider: return "provider.type"
        case .workerMinimum(let i): return "workers[\(pool(i))].minimum"
        case .workerMaximum(let i): return "workers[\(pool(i))].maximum"
        case .workerZones(let i): return "workers[\(pool(i))].zones"
        case .nodeMaskV4: return "nodeCIDRMaskSize"
        case .nodeMaskV6: return "nodeCIDRMaskSizeIPv6"
        case .maxPods: return "kubelet.maxPods"
        case .podPrefixTemplate: return "podPrefixTemplate"
        case .serviceStrategy: return "services.strategy"
        case .servicePolicy: return "services.ipFamilyPolicy"
        }
    }

    /// The value as the user would type it; empty when unset.
    public func text(in input: PlanInput) -> String {
        let shoot = input.shoot, s = input.settings
        switch self {
        case .networks(let k): return shoot.networking.tupleText(k)
        case .ipFamilies: return shoot.networking.ipFamilies?.value.joined(separator: ", ") ?? ""
        case .provider: return shoot.provider.value
        case .workerMinimum(let i): return shoot.workers.indices.contains(i) ? String(shoot.workers[i].minimum) : ""
        case .workerMaximum(let i): return shoot.workers.indices.contains(i) ? String(shoot.workers[i].maximum) : ""
        case .workerZones(let i): return shoot.workers.indices.contains(i) ? shoot.workers[i].zones.joined(separator: ", ") : ""
        case .nodeMaskV4: return shoot.nodeMaskV4.map { String($0.value) } ?? ""
        case .nodeMaskV6: return shoot.nodeMaskV6.map { String($0.value) } ?? ""
        case .maxPods: return shoot.maxPods.map { String($0.value) } ?? ""
        case .podPrefixTemplate: return s.podPrefixTemplate?.value.text ?? ""
        case .serviceStrategy: return s.serviceStrategy?.value.rawValue ?? ""
        case .servicePolicy: return s.servicePreference?.value.rawValue ?? ""
        }
    }

    /// What an empty value means, shown greyed out.
    public var placeholder: String {
        switch self {
        case .ipFamilies: "(IPv4, or the tuples' families)"
        case .nodeMaskV4: "(from maxPods; 64 in IPv6 single-stack)"
        case .nodeMaskV6: "(64 in dual-stack)"
        case .maxPods: "(110)"
        case .podPrefixTemplate: "(the provider's)"
        case .serviceStrategy: "unique"
        case .servicePolicy: ServicePreference.singleStack.rawValue
        default: ""
        }
    }

    /// Whether an empty value is allowed (it removes the setting).
    var allowsEmpty: Bool {
        switch self {
        case .networks, .ipFamilies, .nodeMaskV4, .nodeMaskV6, .maxPods, .podPrefixTemplate, .serviceStrategy, .servicePolicy: true
        case .provider, .workerMinimum, .workerMaximum, .workerZones: false
        }
    }

    /// Why `text` cannot be applied, or nil when it can. CIDR mistakes in network fields are
    /// not rejected here: they become diagnostics, as when loaded from a file.
    public func validate(_ text: String) -> String? {
        var scratch = PlanInput(shoot: Shoot(name: "x", provider: Located("aws"), workers: [Worker(name: "w", minimum: 1, maximum: 1, zones: [])]))
        if case .failure(let e) = apply(text, to: &scratch, validateOnly: true) { return e.message }
        return nil
    }

    /// Applies `text`; the input is unchanged on failure.
    public func apply(_ text: String, to input: inout PlanInput) -> Result<Void, EditError> {
        apply(text, to: &input, validateOnly: false)
    }

    private func apply(_ raw: String, to input: inout PlanInput, validateOnly: Bool) -> Result<Void, EditError> {
        let text = raw.trimmingCharacters(in: " \t")
        if text.isEmpty && !allowsEmpty { return .failure(EditError("a value is required")) }
        func int(_ range: ClosedRange<Int>) -> Result<Int?, EditError> {
            if text.isEmpty { return .success(nil) }
            guard let n = Int(text), range.contains(n) else {
                return .failure(EditError("enter a whole number \(range.lowerBound)…\(range.upperBound)"))
            }
            return .success(n)
        }
        func worker(_ i: Int) -> Bool { validateOnly || input.shoot.workers.indices.contains(i) }
        switch self {
        case .networks(let k):
            if text.isEmpty { input.shoot.networking[k] = []; return .success(()) }
            input.shoot.networking[k] = CIDRSlot.parseTuple(text)
        case .ipFamilies:
            if text.isEmpty { input.shoot.networking.ipFamilies = nil; return .success(()) }
            let names = text.split(separator: ",").map { String($0).trimmingCharacters(in: " \t[]") }.filter { !$0.isEmpty }
            for n in names where IPFamily(kubernetesName: n) == nil {
                return .failure(EditError("\"\(n)\" is not IPv4 or IPv6"))
            }
            guard (1...2).contains(names.count), Set(names).count == names.count else {
                return .failure(EditError("give IPv4, IPv6, or both once each (primary first)"))
            }
            input.shoot.networking.ipFamilies = Located(names)
        case .provider:
            guard text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                return .failure(EditError("provider type is a word such as aws, gcp, azure, openstack"))
            }
            input.shoot.provider = Located(text)
        case .workerMinimum(let i), .workerMaximum(let i):
            guard worker(i) else { return .failure(EditError("no such worker pool")) }
            switch int(0...100_000) {
            case .failure(let e): return .failure(e)
            case .success(let n):
                guard let n, !validateOnly else { return .success(()) }
                if case .workerMinimum = self { input.shoot.workers[i].minimum = n } else { input.shoot.workers[i].maximum = n }
            }
        case .workerZones(let i):
            guard worker(i) else { return .failure(EditError("no such worker pool")) }
            let zones = text.split(separator: ",").map { String($0).trimmingCharacters(in: " \t[]") }.filter { !$0.isEmpty }
            guard !zones.isEmpty else { return .failure(EditError("give at least one zone")) }
            if !validateOnly { input.shoot.workers[i].zones = zones }
        case .nodeMaskV4:
            switch int(0...32) {
            case .failure(let e): return .failure(e)
            case .success(let n): input.shoot.nodeMaskV4 = n.map { Located($0) }
            }
        case .nodeMaskV6:
            switch int(0...128) {
            case .failure(let e): return .failure(e)
            case .success(let n): input.shoot.nodeMaskV6 = n.map { Located($0) }
            }
        case .maxPods:
            switch int(1...100_000) {
            case .failure(let e): return .failure(e)
            case .success(let n): input.shoot.maxPods = n.map { Located($0) }
            }
        case .podPrefixTemplate:
            if text.isEmpty { input.settings.podPrefixTemplate = nil; return .success(()) }
            switch PodPrefixTemplate.parse(text) {
            case .failure(let e): return .failure(EditError(e.description))
            case .success(let t): input.settings.podPrefixTemplate = Located(t)
            }
        case .serviceStrategy:
            if text.isEmpty { input.settings.serviceStrategy = nil; return .success(()) }
            guard let s = ServiceStrategy(rawValue: text) else { return .failure(EditError("use unique or well-known")) }
            input.settings.serviceStrategy = Located(s)
        case .servicePolicy:
            if text.isEmpty { input.settings.servicePreference = nil; return .success(()) }
            guard let p = ServicePreference(rawValue: text) else {
                return .failure(EditError("use SingleStack, PreferDualStack or RequireDualStack"))
            }
            input.settings.servicePreference = Located(p)
        }
        return .success(())
    }
}

/// Why an edit was refused; shown under the edit line while typing.
public struct EditError: Error, Hashable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension String {
    /// The string without leading and trailing characters from `set` (no Foundation needed).
    public func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
