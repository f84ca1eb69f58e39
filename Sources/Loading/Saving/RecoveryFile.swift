import Foundation

/// Where unsaved edits go when the UI must leave without saving, and where the next start
/// looks for them: beside the spec (`FILE.shootnet-recovery`) or, when that folder cannot
/// take a file (read-only, full, not ours), in the user's state folder
/// (`$XDG_STATE_HOME/shootnet/recovery/`, by default `~/.local/state/shootnet/recovery/`).
///
/// Written like every file shootnet makes (``ExclusiveFile``, mode 600, renamed into place);
/// read without following a link or waiting on a FIFO, and only when it is a regular file of
/// the user's own, since anyone who can write in the spec's folder can put something there.
public struct RecoveryFile: Sendable {
    /// `FILE.shootnet-recovery`.
    public let beside: String
    /// `<state>/shootnet/recovery/<hash of the absolute path>-<file name>`; nil without a home.
    public let fallback: String?

    /// Recovery files are a few lines; anything larger is not one.
    static let maxBytes = 1 << 20

    public init(for file: String, environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) {
        beside = file + ".shootnet-recovery"
        let state = environment("XDG_STATE_HOME").flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? environment("HOME").flatMap { $0.hasPrefix("/") ? $0 + "/.local/state" : nil }
        if let state {
            let absolute = Self.absolutePath(of: file)
            let name = absolute.split(separator: "/").last.map(String.init) ?? "spec"
            // FNV-1a of the path, as IPAM's StableHash computes it: folder names stay stable.
            let hash = String(FileFingerprint(bytes: Array(absolute.utf8)).contentHash, radix: 16)
            fallback = "\(state)/shootnet/recovery/\(hash)-\(name).shootnet-recovery"
        } else {
            fallback = nil
        }
    }

    /// What the next start finds: the first usable recovery file (beside the spec first)
    /// and a one-line reason for each one that was there but refused.
    public struct Lookup: Sendable, Equatable {
        public var path: String?
        public var text: String?
        public var refused: [String] = []
    }

    public func existing() -> Lookup {
        var lookup = Lookup()
        for path in [beside] + (fallback.map { [$0] } ?? []) {
            switch Self.read(path) {
            case .missing: continue
            case .refused(let reason): lookup.refused.append("\(path): \(reason)")
            case .text(let text):
                if lookup.path == nil {
                    lookup.path = path
                    lookup.text = text
                }
            }
        }
        return lookup
    }

    /// Writes `text` beside the spec, else in the state folder; the path written, or nil
    /// when neither place takes it. A write that fails leaves no partial file behind.
    public func write(_ text: String) -> String? {
        write(text, tokens: { UInt64.random(in: .min ... .max) })
    }

    func write(_ text: String, tokens: () -> UInt64) -> String? {
        if Self.writeWhole(text, to: beside, tokens: tokens) { return beside }
        guard let fallback else { return nil }
        Self.makeFolders(for: fallback)
        return Self.writeWhole(text, to: fallback, tokens: tokens) ? fallback : nil
    }

    /// Removes the recovery files (after the replayed edits were saved, or were discarded).
    public func remove() {
        unlink(beside)
        if let fallback { unlink(fallback) }
    }

    enum ReadResult: Equatable {
        case missing
        case refused(String)
        case text(String)
    }

    /// Opens without following a link (`O_NOFOLLOW`) and without waiting for a FIFO's writer
    /// (`O_NONBLOCK`), then reads only a regular file of the user's own.
    static func read(_ path: String) -> ReadResult {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: return .missing
            case ELOOP: return .refused("is a symbolic link, not a recovery file; not reading it")
            default: return .refused("cannot read the recovery file: \(FileReader.systemMessage(code))")
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .refused("cannot read the recovery file: \(FileReader.systemMessage(errno))") }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .refused("is not a regular file (a FIFO, folder, socket or device); not reading it")
        }
        guard info.st_uid == geteuid() else {
            return .refused("belongs to another user (uid \(info.st_uid)); not replaying it")
        }
        guard Int(info.st_size) <= maxBytes else { return .refused("is larger than 1 MiB, not a recovery file; not reading it") }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        let failure = bytes.withUnsafeMutableBytes { raw -> Int32 in
            guard let base = raw.baseAddress else { return 0 }
            while count < raw.count {
                let n = Foundation.read(fd, base + count, raw.count - count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return errno }
                if n == 0 { break }
                count += n
            }
            return 0
        }
        if failure != 0 { return .refused("cannot read the recovery file: \(FileReader.systemMessage(failure))") }
        return .text(String(decoding: bytes[0..<min(count, maxBytes)], as: UTF8.self))
    }

    /// Writes to a fresh temporary name (mode 600), syncs, then renames over `path`.
    private static func writeWhole(_ text: String, to path: String, tokens: () -> UInt64) -> Bool {
        guard case .success(let created) = ExclusiveFile.createTemporary(near: path, mode: 0o600, tokens: tokens) else { return false }
        let written = ExclusiveFile.writeAll(created.fd, Array(text.utf8)) == 0
        let synced = written && fsync(created.fd) == 0
        let closed = close(created.fd) == 0
        guard synced, closed, rename(created.path, path) == 0 else {
            unlink(created.path)
            return false
        }
        return true
    }

    /// `mkdir -p` of the file's folder, private to the user.
    private static func makeFolders(for file: String) {
        var folder = ""
        for part in file.split(separator: "/").dropLast() {
            folder += "/" + part
            mkdir(folder, 0o700)
        }
    }

    private static func absolutePath(of file: String) -> String {
        if let resolved = realpath(file, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        if file.hasPrefix("/") { return file }
        guard let cwd = getcwd(nil, 0) else { return file }
        defer { free(cwd) }
        return String(cString: cwd) + "/" + file
    }
}
