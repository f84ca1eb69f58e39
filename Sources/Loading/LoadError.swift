import TextPolicy

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

    /// `message` is made safe for a terminal here, once for every error (see
    /// ``escaped(_:limit:)``); the file name is escaped the same way when printed.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = Self.escaped(message, limit: Self.maxMessageLength)
    }

    /// `text` safe for a terminal: control characters, line separators and bidi marks are
    /// written as `\u{…}` (`\t`, `\n`, `\r` for the common ones); more than `limit`
    /// characters are cut with `…`.
    public static func escaped(_ text: String, limit: Int? = nil) -> String { UnsafeText.escaped(text, limit: limit) }

    /// Longer messages are cut (a 10,000-character value quoted in a message stays readable).
    public static let maxMessageLength = 500

    public var description: String {
        let file = Self.escaped(file)
        if let line, let column { return "\(file):\(line):\(column): error: \(message)" }
        if let line { return "\(file):\(line): error: \(message)" }
        return "\(file): error: \(message)"
    }
}
