/// Why a save did not happen. One line; the original file is always left as it was.
public struct SaveError: Error, CustomStringConvertible, Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// The file on disk is not what was loaded (edited elsewhere, replaced or removed).
        case changedOnDisk
        /// Saving a new file, but one already exists at the path.
        case alreadyExists
        /// The folder (or file) may not be written.
        case notWritable
        /// The disk or quota is full.
        case diskFull
        case other
    }

    public var file: String
    public var reason: Reason
    public var message: String

    public init(file: String, reason: Reason, message: String) {
        self.file = file
        self.reason = reason
        self.message = message
    }

    public var description: String { "\(file): error: \(message)" }
}
