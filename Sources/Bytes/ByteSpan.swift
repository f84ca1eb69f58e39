#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Borrowed bytes, indexed from 0: the one place the readers' speed tricks live.
///
/// The address parser and the JSON and YAML readers walk every byte of a 50,000-node list.
/// A generic collection or an `ArraySlice` costs a range check and sometimes a retain per
/// byte; a raw buffer pointer does not, but spreads `rebasing:`, unaligned loads and
/// `memcmp` over every reader. A span wraps the pointer once and names each trick. It is
/// only valid inside the closure that lent it (``with(_:_:)``), like the pointer it holds.
@frozen
public struct ByteSpan {
    @usableFromInline let buffer: UnsafeBufferPointer<UInt8>

    @inlinable @inline(__always)
    public init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    /// No bytes.
    @inlinable public static var empty: ByteSpan { ByteSpan(UnsafeBufferPointer(start: nil, count: 0)) }

    /// Lends the bytes of `array[range]` (all of it when `range` is nil) as a span.
    @inlinable
    public static func with<R, E: Error>(_ array: [UInt8], _ range: Range<Int>? = nil,
                                         _ body: (ByteSpan) throws(E) -> R) throws(E) -> R {
        try array.withUnsafeBufferPointer { (whole) throws(E) -> R in
            let span = ByteSpan(whole)
            return try body(range.map { span.span($0) } ?? span)
        }
    }

    /// Lends the UTF-8 of `text`, in place when it is contiguous (it nearly always is).
    @inlinable
    public static func with<R>(utf8 text: Substring, _ body: (ByteSpan) -> R) -> R {
        if let result = text.utf8.withContiguousStorageIfAvailable({ body(ByteSpan($0)) }) { return result }
        return with(Array(text.utf8), nil, body)
    }

    /// Lends the UTF-8 of `text` (in place, or from a stack copy for a small string).
    @inlinable
    public static func with<R>(utf8 text: String, _ body: (ByteSpan) -> R) -> R {
        var text = text
        return text.withUTF8 { body(ByteSpan($0)) }
    }

    /// Lends the bytes of a static string literal.
    @inlinable
    public static func with<R>(literal: StaticString, _ body: (ByteSpan) -> R) -> R {
        guard literal.hasPointerRepresentation else {
            return with(Array(literal.description.utf8), nil, body)
        }
        return body(ByteSpan(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)))
    }

    /// `self[range]` as a span of its own, indexed from 0.
    @inlinable @inline(__always)
    public func span(_ range: Range<Int>) -> ByteSpan { ByteSpan(UnsafeBufferPointer(rebasing: buffer[range])) }

    /// Eight bytes from `i` as one little-endian word, for scanning eight at a time (SWAR).
    /// The caller checks `i + 8 <= count`.
    @inlinable @inline(__always)
    public func word(at i: Int) -> UInt64 {
        guard let base = buffer.baseAddress else { return 0 }
        return UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
    }

    /// The first index of `byte` (memchr).
    @inlinable
    public func firstIndex(of byte: UInt8) -> Int? {
        guard let base = buffer.baseAddress, let hit = memchr(base, Int32(byte), buffer.count) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// The last index of `byte`: eight bytes at a time while none of them matches (SWAR, the
    /// "has a zero byte" trick), as a chunk of a landscape's list looks back to its line's
    /// start across up to a quarter megabyte of one-line JSON.
    @inlinable
    public func lastIndex(of byte: UInt8) -> Int? {
        var i = buffer.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i >= 8 {
            let x = word(at: i - 8) ^ (ones &* UInt64(byte))
            if (x &- ones) & ~x & highs != 0 { break }
            i -= 8
        }
        while i > 0 {
            i -= 1
            if buffer[i] == byte { return i }
        }
        return nil
    }

    /// Byte-wise equality (memcmp).
    @inlinable
    public func equals(_ other: ByteSpan) -> Bool {
        guard count == other.count else { return false }
        guard let a = buffer.baseAddress, let b = other.buffer.baseAddress else { return count == 0 }
        return memcmp(a, b, count) == 0
    }

    /// True when the bytes are exactly `literal`'s UTF-8.
    @inlinable
    public func equals(_ literal: StaticString) -> Bool {
        ByteSpan.with(literal: literal) { equals($0) }
    }

    /// True when the bytes are exactly `text`'s UTF-8.
    @inlinable
    public func equals(_ text: String) -> Bool { buffer.elementsEqual(text.utf8) }

    /// True when the bytes from `i` on begin with `literal`.
    @inlinable
    public func hasPrefix(_ literal: StaticString, at i: Int) -> Bool {
        ByteSpan.with(literal: literal) { word in
            i >= 0 && i + word.count <= count && span(i..<i + word.count).equals(word)
        }
    }

    /// The bytes decoded as UTF-8 (ill-formed sequences become U+FFFD).
    @inlinable public var string: String { String(decoding: buffer, as: UTF8.self) }

    /// Appends the bytes to `out` in one copy.
    @inlinable
    public func append(to out: inout [UInt8]) { out.append(contentsOf: buffer) }

    /// The bytes as an array of their own.
    @inlinable public var array: [UInt8] { Array(buffer) }
}

extension ByteSpan: RandomAccessCollection {
    public typealias Index = Int
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { buffer.count }
    @inlinable public var count: Int { buffer.count }

    /// The byte at `i` (checked in debug builds only, like a buffer pointer).
    @inlinable @inline(__always)
    public subscript(i: Int) -> UInt8 { buffer[i] }

    @inlinable
    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try body(buffer)
    }
}
