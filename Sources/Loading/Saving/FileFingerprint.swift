/// What a file held when it was read, to notice changes made behind the program's back.
/// Compares size and a 64-bit FNV-1a hash of the content (a `touch` alone is no change).
public struct FileFingerprint: Sendable, Hashable, CustomStringConvertible {
    public var size: Int
    public var contentHash: UInt64

    public init(size: Int, contentHash: UInt64) {
        self.size = size
        self.contentHash = contentHash
    }

    public init(bytes: [UInt8]) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        bytes.withUnsafeBufferPointer { buffer in
            for b in buffer {
                hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01B3
            }
        }
        self.init(size: bytes.count, contentHash: hash)
    }

    /// What the file at `path` holds now (raw bytes, a byte order mark included); nil when it
    /// is missing or unreadable. Compare with the fingerprint taken at load to notice changes.
    public init?(ofFile path: String) {
        guard let bytes = try? FileReader.read(path: path) else { return nil }
        self.init(bytes: bytes)
    }

    public var description: String { "\(size) bytes, fnv1a64 \(String(contentHash, radix: 16))" }
}
