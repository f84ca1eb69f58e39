/// Why an input file could not be loaded. One line, the way compilers report:
/// `FILE:LINE:COL: error: message`, or `FILE: error: message` when the problem is the
/// file itself (missing, unreadable, too large).
public struct LoadError: Error, CustomStringConvertible, Sendable, Hashable {
    public var file: String
    /// 1-based; nil for whole-file problems.
    public var line: Int?
    /// 1-based, counted in Unicode scalars; nil for whole-file problems.
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        if let line, let column { return "\(file):\(line):\(column): error: \(message)" }
        if let line { return "\(file):\(line): error: \(message)" }
        return "\(file): error: \(message)"
    }
}
