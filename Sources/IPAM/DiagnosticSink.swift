import Spec

/// Where a planning step reports its findings. A memoised step reports here, from its inputs
/// alone, so replaying it from the memo gives exactly the same findings.
struct DiagnosticSink {
    var diagnostics: [Diagnostic] = []
    /// Where findings without a location of their own point (the Shoot document).
    let defaultLocation: SourceLocation?
    /// Whether infos get their message text (see ``Planner/summary(_:)``); the message is
    /// only written when it is kept.
    let infoText: Bool

    init(defaultLocation: SourceLocation?, infoText: Bool = true) {
        self.defaultLocation = defaultLocation
        self.infoText = infoText
    }

    mutating func report(_ code: DiagnosticCode, path: String, _ message: @autoclosure () -> String, objects: [ObjectRef] = [],
                         at location: SourceLocation? = nil, severity: Severity? = nil, origin: DiagnosticOrigin? = nil,
                         command: String? = nil) {
        let text = infoText || (severity ?? code.severity) > .info ? message() : ""
        diagnostics.append(Diagnostic(code: code, severity: severity, path: path, message: text,
                                      objects: objects, location: location ?? defaultLocation, origin: origin ?? code.origin,
                                      command: command))
    }
}
