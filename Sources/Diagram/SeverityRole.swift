import Canvas
import IPAM

extension Severity {
    /// The role a finding of this severity is drawn in, in the diagram and every view.
    public var role: Role {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        }
    }
}
