import Addressing
import IPAM
import Spec

/// A field of the spec the UI can edit. Each reads its current text from a ``PlanInput`` and
/// applies new text back, validating it the way the loader would. Everything about a field
/// is in its ``FieldDescriptor`` (SpecField+Descriptor.swift): adding a field is a case here
/// and one descriptor there.
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

    public func label(in input: PlanInput) -> String { descriptor.label(input) }

    /// The current text of the field in `input`.
    public func text(in input: PlanInput) -> String { descriptor.read(input) }

    /// What an empty value means, shown greyed out.
    public var placeholder: String { descriptor.placeholder }

    /// Whether an empty value is allowed (it removes the setting).
    var allowsEmpty: Bool { descriptor.allowsEmpty }

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
        return descriptor.apply(text, &input, validateOnly)
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
