import Spec

/// How bad a finding is. Errors mirror what Gardener's admission or the cloud would reject.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding of the engine: a stable code, where in the spec, what it concerns, and a
/// message that says what is wrong and how to fix it.
public struct Diagnostic: Sendable, Hashable {
    /// Stable identifier, e.g. `overlap.pods-services` (see docs/diagnostics.md).
    public var code: DiagnosticCode
    public var severity: Severity
    /// Spec path such as `spec.networking.pods[1]`, `nodes[node-b4].podCIDRs[1]`, `router.routes[3]`.
    public var path: String
    public var message: String
    /// The objects this finding concerns (see ``ObjectRef``), used to highlight them.
    public var objects: [ObjectRef]
    /// Where in the input the offending value was written, when known.
    public var location: SourceLocation?
    /// Who makes the rule (see ``DiagnosticOrigin``).
    public var origin: DiagnosticOrigin
    /// The shell command that fixes it, when there is one (also quoted in the message).
    public var command: String?

    public init(code: DiagnosticCode, severity: Severity? = nil, path: String, message: String, objects: [ObjectRef] = [],
                location: SourceLocation? = nil, origin: DiagnosticOrigin? = nil, command: String? = nil) {
        self.command = command
        self.code = code
        self.origin = origin ?? code.origin
        self.severity = severity ?? code.severity
        self.path = path
        self.message = message
        self.objects = objects
        self.location = location
    }
}
