import Foundation

/// Saving without ever losing what the user had: refuses to overwrite a file that changed
/// since it was loaded, writes a temporary file in the same folder, flushes it to disk,
/// keeps the previous version as `FILE.bak`, then renames the new one over the original.
/// Any failure leaves the original untouched and says so in one line.
public enum SafeFile {
    /// The backup path for `path`.
    public static func backupPath(for path: String) -> String { path + ".bak" }

    /// Writes `text` to `path`.
    /// - Parameters:
    ///   - expectedFingerprint: what the file held when it was loaded; nil to create a new
    ///     file (refused when one exists).
    ///   - byteOrderMark: write a UTF-8 byte order mark first (when the loaded file had one).
    /// - Returns: the fingerprint of the saved file, for the next save.
    @discardableResult
    public static func write(_ text: String, to path: String, expectedFingerprint: FileFingerprint?,
                             byteOrderMark: Bool = false) throws(SaveError) -> FileFingerprint {
        let target = resolvedPath(path)
        var bytes: [UInt8] = byteOrderMark ? UTF8Text.byteOrderMark : []
        bytes.append(contentsOf: text.utf8)

        var current = stat()
        let exists = lstat(target, &current) == 0
        if let expectedFingerprint {
            guard exists else {
                throw SaveError(file: path, reason: .changedOnDisk, message: "the file was removed since it was loaded; not saving (nothing was written)")
            }
            let onDisk: [UInt8]
            do throws(LoadError) {
                onDisk = try FileReader.read(path: target)
            } catch {
                throw SaveError(file: path, reason: .other, message: "cannot read the file to check it before saving (\(error.message)); the file is unchanged")
            }
            guard FileFingerprint(bytes: onDisk) == expectedFingerprint else {
                throw SaveError(file: path, reason: .changedOnDisk,
                                message: "the file changed on disk since it was loaded; not overwriting it (reload it, or save under another name)")
            }
            try replace(target, displayName: path, with: bytes, mode: current.st_mode & 0o7777, backup: onDisk)
        } else {
            if exists {
                throw SaveError(file: path, reason: .alreadyExists, message: "a file with this name already exists; not overwriting it")
            }
            try replace(target, displayName: path, with: bytes, mode: 0o644, backup: nil)
        }
        return FileFingerprint(bytes: bytes)
    }

    /// Writes the backup (if any) and the new content through temporary files, then renames.
    private static func replace(_ target: String, displayName: String, with bytes: [UInt8], mode: mode_t, backup: [UInt8]?) throws(SaveError) {
        if let backup {
            let backupTarget = backupPath(for: target)
            let temp = try writeTemporary(backup, near: backupTarget, mode: mode, displayName: displayName, purpose: "the backup")
            guard rename(temp, backupTarget) == 0 else {
                let code = errno
                unlink(temp)
                throw failure(displayName, code, "cannot write the backup \(backupTarget)")
            }
        }
        let temp = try writeTemporary(bytes, near: target, mode: mode, displayName: displayName, purpose: "the new version")
        guard rename(temp, target) == 0 else {
            let code = errno
            unlink(temp)
            throw failure(displayName, code, "cannot replace the file")
        }
        syncDirectory(of: target)
    }

    /// Creates `.NAME.shootnet-XXXXXX` next to `path`, writes and fsyncs it; returns its path.
    private static func writeTemporary(_ bytes: [UInt8], near path: String, mode: mode_t, displayName: String, purpose: String) throws(SaveError) -> String {
        let (dir, base) = split(path)
        var template = Array("\(dir)/.\(base).shootnet-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw failure(displayName, errno, "cannot create a temporary file for \(purpose) in \(dir)") }
        let temp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var offset = 0
        var code: Int32 = 0
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while offset < raw.count {
                let n = Foundation.write(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    code = errno
                    return
                }
                offset += n
            }
        }
        if code == 0 && fchmod(fd, mode) != 0 { code = errno }
        if code == 0 && fsync(fd) != 0 { code = errno }
        if close(fd) != 0 && code == 0 { code = errno }
        if code != 0 {
            unlink(temp)
            throw failure(displayName, code, "cannot write \(purpose)")
        }
        return temp
    }

    private static func failure(_ file: String, _ code: Int32, _ what: String) -> SaveError {
        let reason: SaveError.Reason
        let detail: String
        switch code {
        case EACCES, EPERM, EROFS:
            reason = .notWritable
            detail = code == EROFS ? "read-only file system" : "no permission to write in that folder"
        case ENOSPC, EDQUOT:
            reason = .diskFull
            detail = code == ENOSPC ? "disk full" : "disk quota exceeded"
        default:
            reason = .other
            detail = FileReader.systemMessage(code)
        }
        return SaveError(file: file, reason: reason, message: "\(what): \(detail); the original file is unchanged")
    }

    /// Saving through a symbolic link replaces the file it points to, not the link.
    private static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func split(_ path: String) -> (dir: String, base: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let dir = String(path[..<slash])
        return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
    }

    private static func syncDirectory(of path: String) {
        let fd = open(split(path).dir, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
