import Bytes
import Foundation

/// A file mapped read-only into memory, whose pages can be let go of once read: a landscape's
/// 160 MB list is then never resident at once (the kernel reads pages again if touched).
/// Cut short while it is read, it ends the process with a one-line error (``TruncationGuard``).
///
/// Standard input, read whole into memory of its own, is held the same way
/// (``init(standardInput:)``): read like a mapping, never let go of (there is no file to read
/// its pages again from).
final class MappedFile: @unchecked Sendable {  // immutable; madvise is thread-safe
    /// The mapping; valid while this object lives.
    let bytes: ByteSpan
    private let base: UnsafeMutableRawPointer
    private let length: Int
    /// Standard input's memory, freed at the end, not a mapping.
    let isStandardInput: Bool
    private static let pageSize = max(4096, sysconf(Int32(_SC_PAGESIZE)))

    /// nil when the file cannot be mapped (empty, not a regular file, too large): the caller
    /// then reads it the ordinary way, which words any error.
    init?(path: String, maxBytes: Int) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0, Int(info.st_size) <= maxBytes else { return nil }
        let length = Int(info.st_size)
        guard let p = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        base = p
        self.length = length
        isStandardInput = false
        bytes = ByteSpan(UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: length))
        TruncationGuard.watch(p, length: length, file: path)
    }

    /// Standard input as ``FileReader/readStandardInput(name:maxBytes:)`` read it; this object
    /// frees it.
    init?(standardInput buffer: UnsafeMutableRawBufferPointer) {
        guard let start = buffer.baseAddress else { return nil }
        base = start
        length = buffer.count
        isStandardInput = true
        bytes = ByteSpan(UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: buffer.count))
    }

    /// Lets go of the whole pages before `offset`.
    func release(before offset: Int) {
        guard !isStandardInput else { return }
        let end = (min(offset, length) / Self.pageSize) * Self.pageSize
        guard end > 0 else { return }
        _ = madvise(base, end, MADV_DONTNEED)
    }

    /// Lets go of the whole pages inside `range`.
    func release(_ range: Range<Int>) {
        guard !isStandardInput else { return }
        let from = (max(0, range.lowerBound) + Self.pageSize - 1) / Self.pageSize * Self.pageSize
        let to = min(range.upperBound, length) / Self.pageSize * Self.pageSize
        guard to > from else { return }
        _ = madvise(base + from, to - from, MADV_DONTNEED)
    }

    /// Lets go of the 1 MiB block before the one `end` lies in, when `start..<end` crosses
    /// into a new block (items read in order let go of what lies behind them; a page
    /// another thread still reads is simply read again).
    func releaseBlock(crossedBy start: Int, _ end: Int) {
        guard !isStandardInput else { return }
        let block = 1 << 20
        guard start / block != end / block, end / block > 0 else { return }
        let from = (end / block - 1) * block
        _ = madvise(base + from, block, MADV_DONTNEED)
    }

    deinit {
        if isStandardInput {
            free(base)
        } else {
            TruncationGuard.forget(base)
            munmap(base, length)
        }
    }
}
