import Synchronization

/// Where a value stands in an input file (1-based line and column).
///
/// The file is held as an interned ``File`` handle, so a location is plain integers: every
/// range, node and finding carries one, and a landscape copies hundreds of thousands of them
/// while planning; with the name as a `String` each copy retained and released it.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var fileName: File
    // Lines and columns of inputs up to 512 MiB fit 32 bits: a location is 12 bytes, and it
    // is in every range, finding and field of every planned shoot.
    private var storedLine: UInt32
    private var storedColumn: UInt32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.init(file: File(file), line: line, column: column)
    }

    public init(file: File, line: Int, column: Int) {
        self.fileName = file
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
    }

    /// The file's name as the user gave it.
    public var file: String {
        get { fileName.name }
        set { fileName = File(newValue) }
    }

    /// `file:line:column`, the form compilers and editors understand.
    public var description: String { "\(file):\(line):\(column)" }

    /// A file name, interned for the life of the process (a run reads a handful of files;
    /// names are never forgotten, so a handle stays valid). Equal names give equal handles.
    public struct File: Hashable, Sendable, CustomStringConvertible {
        private let id: UInt32

        public init(_ name: String) { id = Self.names.withLock { $0.id(of: name) } }

        public var name: String { Self.names.withLock { $0.names[Int(id)] } }
        public var description: String { name }

        private struct Table {
            var names: [String] = []
            var ids: [String: UInt32] = [:]

            mutating func id(of name: String) -> UInt32 {
                if let id = ids[name] { return id }
                let id = UInt32(truncatingIfNeeded: names.count)
                names.append(name)
                ids[name] = id
                return id
            }
        }

        private static let names = Mutex(Table())
    }
}

/// A value together with the place it was read from (nil for defaults and edits not yet saved).
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    public var location: SourceLocation?

    public init(_ value: Value, at location: SourceLocation? = nil) {
        self.value = value
        self.location = location
    }
}
