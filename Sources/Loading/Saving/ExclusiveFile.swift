#if canImport(Glibc)
import Glibc
#endif

/// The one way shootnet creates a file: a fresh, unpredictable name next to the file it
/// will replace, opened with `O_CREAT | O_EXCL | O_NOFOLLOW`, so nothing already at that name
/// — a file, a symbolic link planted by someone who can write in the folder, a FIFO — is
/// opened, followed or truncated. The caller writes it, then renames it into place (a rename
/// replaces the directory entry, a link included, and never writes through it).
enum ExclusiveFile {
    /// Names tried before giving up; each is taken only if someone guessed 48 random bits.
    static let attempts = 16

    /// A newly created file: its open descriptor and its path.
    struct Created {
        var fd: Int32
        var path: String
    }

    /// `.BASE.shootnet-XXXXXXXXXXXX` in `path`'s folder, from 48 bits of `token`.
    static func temporaryName(near path: String, token: UInt64) -> String {
        let (dir, base) = PathParts.split(path)
        let hex = String(token & 0xFFFF_FFFF_FFFF, radix: 16)
        return "\(dir)/.\(base).shootnet-\(String(repeating: "0", count: 12 - hex.count))\(hex)"
    }

    /// Creates a temporary file near `path` with `mode`, trying up to ``attempts`` names
    /// drawn from `tokens` while they exist.
    static func createTemporary(near path: String, mode: mode_t,
                                tokens: () -> UInt64 = { UInt64.random(in: .min ... .max) }) -> Result<Created, Errno> {
        var code = EEXIST
        for _ in 0..<attempts {
            let name = temporaryName(near: path, token: tokens())
            let fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 { return .success(Created(fd: fd, path: name)) }
            code = errno
            if code != EEXIST && code != EINTR { break }
        }
        return .failure(Errno(code: code))
    }

    /// Writes all of `bytes` to `fd`; 0, or the `errno` that stopped it.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return 0 }
            var offset = 0
            while offset < raw.count {
                let n = write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { return EIO }
                offset += n
            }
            return 0
        }
    }

    struct Errno: Error, Equatable {
        var code: Int32
    }
}

enum PathParts {
    /// The folder (`.` for a bare name) and the last component.
    static func split(_ path: String) -> (dir: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }
}
