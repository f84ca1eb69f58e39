import Spec

/// Where a planning step reports its findings. A memoised step reports here, from its inputs
/// alone, so replaying it from the memo gives exactly the same findings.
struct DiagnosticSink {
    var diagnostics: [Diagnostic] = []
    /// Where findings without a location of their own point (the Shoot document).
    let defaultLocation: SourceLocation?

    init(defaultLocation: SourceLocation?) {
        self.defaultLocation = defaultLocation
    }

    mutating func report(_ code: DiagnosticCode, path: String, _ message: String, objects: [ObjectRef] = [],
                         at location: SourceLocation? = nil, severity: Severity? = nil, origin: DiagnosticOrigin? = nil,
                         command: String? = nil) {
        diagnostics.append(Diagnostic(code: code, severity: severity, path: path, message: message,
                                      objects: objects, location: location ?? defaultLocation, origin: origin ?? code.origin,
                                      command: command))
    }
}
