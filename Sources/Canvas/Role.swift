/// What a cell shows, not how it looks: a theme maps each role to colours.
///
/// Drawing code says "this is an address" or "this is an error"; the terminal driver and
/// the ANSI exporter decide the colour. That keeps layouts testable as plain text.
public enum Role: UInt8, Sendable, CaseIterable, Hashable {
    case plain
    case frame
    case title
    case label
    case address
    case simulated
    case ok
    case warning
    case error
    case info
    case dim
    case selected
    case highlight
    case hint
    case statusBar
    case input

    /// The name used in theme files (`themes/*.yaml`).
    public var name: String {
        switch self {
        case .plain: "plain"
        case .frame: "frame"
        case .title: "title"
        case .label: "label"
        case .address: "address"
        case .simulated: "simulated"
        case .ok: "ok"
        case .warning: "warning"
        case .error: "error"
        case .info: "info"
        case .dim: "dim"
        case .selected: "selected"
        case .highlight: "highlight"
        case .hint: "hint"
        case .statusBar: "statusBar"
        case .input: "input"
        }
    }

    public init?(name: String) {
        guard let role = Role.allCases.first(where: { $0.name == name }) else { return nil }
        self = role
    }
}
