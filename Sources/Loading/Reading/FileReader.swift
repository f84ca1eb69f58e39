import Foundation

/// Reads whole input files with checks that give one-line errors naming the file.
enum FileReader {
    /// Larger inputs are refused: a node list of 50,000 nodes is about 21 MB.
    static let maxBytes = 64 << 20

    /// A landscape's lists are larger (`kubectl get shoots -A -o json` of 100,000 shoots is
    /// about 160 MB). The JSON reader reserves (not touches) 8 bytes of tape per input byte,
    /// so this also bounds that reservation (4 GiB of address space).
    static let maxLandscapeBytes = 512 << 20

    static func read(path: String, maxBytes: Int = maxBytes) throws(LoadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LoadError(file: path, message: openFailure(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LoadError(file: path, message: "cannot read: \(systemMessage(errno))") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw LoadError(file: path, message: "is a directory, not a file") }
        if Int(info.st_size) > maxBytes { throw tooLarge(path, maxBytes) }
        // Read straight into the array; one spare byte tells whether the file grew meanwhile.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size) + 1) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < buffer.count {
                let n = Foundation.read(fd, base + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        var chunk = [UInt8](repeating: 0, count: bytes.count > Int(info.st_size) ? 1 << 16 : 0)
        while failure == 0 && !chunk.isEmpty {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno != EINTR { failure = errno }
                continue
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > maxBytes { throw tooLarge(path, maxBytes) }
        }
        if failure != 0 { throw LoadError(file: path, message: "cannot read: \(systemMessage(failure))") }
        return bytes
    }

    private static func tooLarge(_ path: String, _ maxBytes: Int) -> LoadError {
        LoadError(file: path, message: "file is larger than \(maxBytes >> 20) MiB")
    }

    /// All of standard input (named `name` in errors), up to `maxBytes`, in memory of its own
    /// that the caller frees (or hands to ``MappedFile/init(standardInput:)``). Grown with
    /// `realloc`, which moves a large block by remapping its pages: appending to an array
    /// copied a 16 MB list several times and touched every new page again.
    static func readStandardInput(name: String, maxBytes: Int) throws(LoadError) -> UnsafeMutableRawBufferPointer {
        var capacity = 1 << 16, count = 0
        guard var base = malloc(capacity) else { throw LoadError(file: name, message: "cannot read: out of memory") }
        while true {
            if count == capacity {
                guard capacity <= maxBytes else {
                    free(base)
                    throw tooLarge(name, maxBytes)
                }
                capacity *= 2
                guard let grown = realloc(base, capacity) else {
                    free(base)
                    throw LoadError(file: name, message: "cannot read: out of memory")
                }
                base = grown
            }
            let n = Foundation.read(0, base + count, capacity - count)
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                free(base)
                throw LoadError(file: name, message: "cannot read: \(systemMessage(code))")
            }
            if n == 0 { return UnsafeMutableRawBufferPointer(start: base, count: count) }
            count += n
            if count > maxBytes {
                free(base)
                throw tooLarge(name, maxBytes)
            }
        }
    }

    private static func openFailure(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES: "permission denied"
        case EISDIR: "is a directory, not a file"
        default: "cannot open: \(systemMessage(code))"
        }
    }

    static func systemMessage(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
