import Foundation

/// Saving without ever losing what the user had: refuses to overwrite a file that changed
/// since it was loaded, writes a temporary file in the same folder, flushes it to disk,
/// keeps the previous version as `FILE.bak`, then renames the new one over the original.
/// Any failure leaves the original untouched and says so in one line.
///
/// Every file it creates goes through ``ExclusiveFile`` and is renamed into place, so a
/// symbolic link planted at `FILE.bak` or at a temporary name is replaced, never written
/// through. A link at `FILE` itself is followed only when it belongs to the user or root.
public enum SafeFile {
    /// The backup path for `path`.
    public static func backupPath(for path: String) -> String { path + ".bak" }

    /// Links longer than this chain are refused, as the kernel refuses them (ELOOP).
    static let maxLinkHops = 40

    /// Writes `text` to `path`.
    /// - Parameters:
    ///   - expectedFingerprint: what the file held when it was loaded; nil to create a new
    ///     file (refused when one exists).
    ///   - byteOrderMark: write a UTF-8 byte order mark first (when the loaded file had one).
    /// - Returns: the saved file's fingerprint (for the next save), the backup made and what
    ///   could not be kept.
    @discardableResult
    public static func write(_ text: String, to path: String, expectedFingerprint: FileFingerprint?,
                             byteOrderMark: Bool = false) throws(SaveError) -> SavedFile {
        try write(text, to: path, expectedFingerprint: expectedFingerprint, byteOrderMark: byteOrderMark,
                  tokens: { UInt64.random(in: .min ... .max) })
    }

    /// `tokens` picks the temporary names (tests plant links at the names it will give).
    static func write(_ text: String, to path: String, expectedFingerprint: FileFingerprint?,
                      byteOrderMark: Bool, tokens: () -> UInt64) throws(SaveError) -> SavedFile {
        let target = try followOwnLinks(path)
        var bytes: [UInt8] = byteOrderMark ? UTF8Text.byteOrderMark : []
        bytes.append(contentsOf: text.utf8)

        var current = stat()
        let exists = lstat(target, &current) == 0
        let kind = current.st_mode & S_IFMT
        if let expectedFingerprint {
            guard exists else {
                throw SaveError(file: path, reason: .changedOnDisk, message: "the file was removed since it was loaded; not saving (nothing was written)")
            }
            if kind != S_IFREG && kind != S_IFDIR {
                throw SaveError(file: path, reason: .changedOnDisk, message: "is no longer a regular file (a FIFO, socket or device); not saving (nothing was written)")
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
            return try replace(target, displayName: path, with: bytes, original: current, backup: onDisk, tokens: tokens)
        } else {
            if exists {
                throw SaveError(file: path, reason: .alreadyExists, message: "a file with this name already exists; not overwriting it")
            }
            return try replace(target, displayName: path, with: bytes, original: nil, backup: nil, tokens: tokens)
        }
    }

    /// Writes the backup (if any) and the new content through temporary files, then renames.
    /// Both get the original's owner, group and mode where the system allows it.
    private static func replace(_ target: String, displayName: String, with bytes: [UInt8], original: stat?,
                                backup: [UInt8]?, tokens: () -> UInt64) throws(SaveError) -> SavedFile {
        let attributes = original.map { FileAttributes(of: $0) } ?? .newFile
        var backupPath: String?
        if let backup {
            let backupTarget = Self.backupPath(for: target)
            let temp = try writeTemporary(backup, near: backupTarget, attributes: attributes, displayName: displayName,
                                          purpose: "the backup", tokens: tokens)
            guard rename(temp.path, backupTarget) == 0 else {
                let code = errno
                unlink(temp.path)
                throw failure(displayName, code, "cannot write the backup \(backupTarget)")
            }
            backupPath = backupTarget
        }
        let temp = try writeTemporary(bytes, near: target, attributes: attributes, displayName: displayName,
                                      purpose: "the new version", tokens: tokens)
        guard rename(temp.path, target) == 0 else {
            let code = errno
            unlink(temp.path)
            throw failure(displayName, code, "cannot replace the file")
        }
        syncDirectory(of: target)
        var notes: [String] = []
        if let ownerNote = temp.ownerNote { notes.append(ownerNote) }
        if let original, original.st_nlink > 1 {
            notes.append("it had \(original.st_nlink) hard links; saving made it a new file, the other names still hold the previous version")
        }
        return SavedFile(fingerprint: FileFingerprint(bytes: bytes), backup: backupPath, notes: notes)
    }

    /// Creates a temporary file next to `path`, writes and fsyncs it with `attributes`.
    private static func writeTemporary(_ bytes: [UInt8], near path: String, attributes: FileAttributes, displayName: String,
                                       purpose: String, tokens: () -> UInt64) throws(SaveError) -> (path: String, ownerNote: String?) {
        let created: ExclusiveFile.Created
        switch ExclusiveFile.createTemporary(near: path, mode: 0o600, tokens: tokens) {
        case .success(let c): created = c
        case .failure(let e):
            throw failure(displayName, e.code, "cannot create a temporary file for \(purpose) in \(PathParts.split(path).dir)")
        }
        var code = ExclusiveFile.writeAll(created.fd, bytes)
        var ownerNote: String?
        if code == 0 { ownerNote = attributes.applyOwner(to: created.fd) }
        // After fchown, which clears set-user-ID and set-group-ID bits.
        if code == 0 && fchmod(created.fd, attributes.mode) != 0 { code = errno }
        if code == 0 && fsync(created.fd) != 0 { code = errno }
        if close(created.fd) != 0 && code == 0 { code = errno }
        if code != 0 {
            unlink(created.path)
            throw failure(displayName, code, "cannot write \(purpose)")
        }
        return (created.path, ownerNote)
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
        case EEXIST:
            reason = .other
            detail = "\(ExclusiveFile.attempts) fresh names in a row were taken"
        default:
            reason = .other
            detail = FileReader.systemMessage(code)
        }
        return SaveError(file: file, reason: reason, message: "\(what): \(detail); the original file is unchanged")
    }

    /// Saving through a symbolic link replaces the file it points to, not the link — but
    /// only links owned by the user or root are followed: anyone who can write in the folder
    /// could otherwise plant one and have the save replace a file of their choosing.
    static func followOwnLinks(_ path: String) throws(SaveError) -> String {
        var current = path
        for _ in 0..<maxLinkHops {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            guard info.st_uid == geteuid() || info.st_uid == 0 else {
                throw SaveError(file: path, reason: .notWritable,
                                message: "\(current) is a symbolic link owned by another user (uid \(info.st_uid)); not following it, nothing was written")
            }
            guard let destination = readLink(current) else { return current }
            current = destination.hasPrefix("/") ? destination : PathParts.split(current).dir + "/" + destination
        }
        throw SaveError(file: path, reason: .other, message: "too many levels of symbolic links; nothing was written")
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func syncDirectory(of path: String) {
        let fd = open(PathParts.split(path).dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}

/// What a successful save did.
public struct SavedFile: Sendable, Hashable {
    /// The saved content's fingerprint, for the next save.
    public var fingerprint: FileFingerprint
    /// Where the previous version was kept; nil when there was no file to back up.
    public var backup: String?
    /// What could not be kept as it was (owner, hard links), one clause each.
    public var notes: [String]
}

/// Owner, group and mode a saved file should have: the original's, or a new file's.
struct FileAttributes {
    var uid: uid_t?
    var gid: gid_t?
    var mode: mode_t

    static let newFile = FileAttributes(uid: nil, gid: nil, mode: 0o644)

    init(uid: uid_t?, gid: gid_t?, mode: mode_t) {
        self.uid = uid
        self.gid = gid
        self.mode = mode
    }

    init(of original: stat) {
        self.init(uid: original.st_uid, gid: original.st_gid, mode: original.st_mode & 0o7777)
    }

    /// Gives `fd` the owner and group; nil when done (or nothing to do), else the note that
    /// says the owner changed. Only root may give a file away, so this fails for others.
    func applyOwner(to fd: Int32) -> String? {
        guard let uid, let gid else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return "its owner could not be checked: \(FileReader.systemMessage(errno))" }
        if info.st_uid == uid && info.st_gid == gid { return nil }
        guard fchown(fd, uid, gid) != 0 else { return nil }
        let reason = FileReader.systemMessage(errno)
        return "its owner could not be kept (\(reason)): it now belongs to uid \(info.st_uid) gid \(info.st_gid), it was uid \(uid) gid \(gid)"
    }
}
