import Foundation
import Testing
@testable import Loading

/// Files shootnet creates (temporary files, `FILE.bak`, recovery files) are never opened
/// through something planted at their names, and saving keeps owner, group and mode.
@Suite struct FileSafetyTests {
    /// Deterministic temporary-name tokens 1, 2, 3 …, so a test knows the names tried.
    final class Counter: @unchecked Sendable {
        var next: UInt64 = 0
        func token() -> UInt64 { next += 1; return next }
    }

    /// A file that a planted link points at, with content that must stay as it is.
    struct Victim {
        let path: String
        static let content = "not yours to write\n"
        init(_ path: String) throws {
            self.path = path
            try write(Self.content, to: path)
        }
        var untouched: Bool { (try? readText(path)) == Self.content }
    }

    private func plantLink(at path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    private func fileType(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    private func info(_ path: String) throws -> stat {
        var info = stat()
        try #require(stat(path, &info) == 0)
        return info
    }

    /// Runs `body` on a thread and waits at most 10 s: a blocked open fails the test
    /// instead of hanging it; `release` then unblocks the thread.
    private func withDeadline<T: Sendable>(release: @escaping @Sendable () -> Void, _ body: @escaping @Sendable () -> T) -> T? {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.value = body()
            done.signal()
        }
        guard done.wait(timeout: .now() + 10) == .success else {
            release()
            _ = done.wait(timeout: .now() + 10)
            return nil
        }
        return box.value
    }

    /// Opening the FIFO for writing without blocking lets a reader blocked in open(2) go on.
    private func releaseFIFO(_ path: String) -> @Sendable () -> Void {
        { let fd = open(path, O_WRONLY | O_NONBLOCK); if fd >= 0 { close(fd) } }
    }

    @Test func temporaryNamesNeverFollowAPlantedLink() throws {
        let dir = try scratchDirectory()
        let near = dir + "/shoot.yaml"
        let victim = try Victim(dir + "/victim")
        let counter = Counter()
        // Links at the first 15 names, one of them dangling (O_CREAT would create its target).
        for token in UInt64(1)...15 {
            try plantLink(at: ExclusiveFile.temporaryName(near: near, token: token), to: token == 7 ? dir + "/created-through-link" : victim.path)
        }
        let created = try ExclusiveFile.createTemporary(near: near, mode: 0o600, tokens: counter.token).get()
        #expect(created.path == ExclusiveFile.temporaryName(near: near, token: 16))
        #expect(ExclusiveFile.writeAll(created.fd, Array("mine\n".utf8)) == 0)
        close(created.fd)
        #expect(victim.untouched)
        #expect(!FileManager.default.fileExists(atPath: dir + "/created-through-link"))
        #expect(fileType(created.path) == S_IFREG)
        #expect(try info(created.path).st_mode & 0o7777 == 0o600)

        // Every name taken: a bounded number of tries, then EEXIST (said as such by SafeFile).
        let full = Counter()
        full.next = 100
        for token in UInt64(101)...UInt64(100 + ExclusiveFile.attempts) {
            try plantLink(at: ExclusiveFile.temporaryName(near: near, token: token), to: victim.path)
        }
        #expect(throws: ExclusiveFile.Errno(code: EEXIST)) { try ExclusiveFile.createTemporary(near: near, mode: 0o600, tokens: full.token).get() }
        #expect(full.next == 100 + UInt64(ExclusiveFile.attempts))
        #expect(victim.untouched)
    }

    @Test func savingReplacesLinksPlantedAtTheBackupAndTemporaryNames() throws {
        let dir = try scratchDirectory()
        let path = dir + "/shoot.yaml"
        try write(minimalShoot, to: path)
        let loaded = try InputLoader.load(file: path)
        let backupVictim = try Victim(dir + "/backup-victim")
        let tempVictim = try Victim(dir + "/temp-victim")
        try plantLink(at: path + ".bak", to: backupVictim.path)
        // The backup's temporary file draws tokens 1…5 (taken), the new version's 7…10.
        for token in UInt64(1)...5 {
            try plantLink(at: ExclusiveFile.temporaryName(near: path + ".bak", token: token), to: tempVictim.path)
        }
        for token in UInt64(7)...10 {
            try plantLink(at: ExclusiveFile.temporaryName(near: path, token: token), to: tempVictim.path)
        }
        let counter = Counter()
        let saved = try SafeFile.write(minimalShoot + "# saved\n", to: path, expectedFingerprint: loaded.source.fingerprint,
                                       byteOrderMark: false, tokens: counter.token)
        #expect(counter.next == 11, "both temporary files met the planted links")
        #expect(backupVictim.untouched && tempVictim.untouched)
        #expect(saved.backup == path + ".bak")
        #expect(fileType(path + ".bak") == S_IFREG, "the link at FILE.bak was replaced, not followed")
        #expect(try readText(path + ".bak") == minimalShoot)
        #expect(try readText(path) == minimalShoot + "# saved\n")
    }

    @Test func aNewFileHasNoBackup() throws {
        let dir = try scratchDirectory()
        let saved = try SafeFile.write("a: 1\n", to: dir + "/new.yaml", expectedFingerprint: nil)
        #expect(saved.backup == nil && saved.notes.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir + "/new.yaml.bak"))
    }

    /// Root follows no link another user planted at the file's name (it could point anywhere).
    @Test(.enabled(if: geteuid() == 0, "only root can make a link owned by another user"))
    func aLinkAtTheFileOwnedByAnotherUserIsNotFollowed() throws {
        let dir = try scratchDirectory()
        let victim = try Victim(dir + "/victim.yaml")
        let path = dir + "/shoot.yaml"
        try write(minimalShoot, to: path)
        let loaded = try InputLoader.load(file: path)
        // Swapped in after loading, with the same content so the fingerprint check passes.
        try FileManager.default.removeItem(atPath: path)
        try write(minimalShoot, to: victim.path)
        try plantLink(at: path, to: victim.path)
        #expect(lchown(path, 12345, 12345) == 0)
        do {
            try SafeFile.write(minimalShoot + "# x\n", to: path, expectedFingerprint: loaded.source.fingerprint)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.message == "\(path) is a symbolic link owned by another user (uid 12345); not following it, nothing was written")
        }
        #expect(try readText(victim.path) == minimalShoot)
        #expect(fileType(path) == S_IFLNK)
        #expect(!FileManager.default.fileExists(atPath: victim.path + ".bak"))
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give a file to another owner"))
    func ownerGroupAndModeAreKept() throws {
        let dir = try scratchDirectory()
        let path = dir + "/shoot.yaml"
        try write(minimalShoot, to: path)
        #expect(chown(path, 12345, 23456) == 0 && chmod(path, 0o640) == 0)
        let loaded = try InputLoader.load(file: path)
        let saved = try SafeFile.write(minimalShoot + "# x\n", to: path, expectedFingerprint: loaded.source.fingerprint)
        #expect(saved.notes.isEmpty)
        for file in [path, path + ".bak"] {
            let now = try info(file)
            #expect(now.st_uid == 12345 && now.st_gid == 23456, "\(file): uid \(now.st_uid) gid \(now.st_gid)")
            #expect(now.st_mode & 0o7777 == 0o640)
        }
    }

    @Test func anOwnerThatCannotBeKeptIsSaid() throws {
        // Only the note's wording can be checked as root; the refusal itself needs a normal user.
        let attributes = FileAttributes(uid: 12345, gid: 23456, mode: 0o644)
        let fd = open(try scratchDirectory() + "/f", O_CREAT | O_WRONLY, 0o600)
        defer { close(fd) }
        let note = attributes.applyOwner(to: fd)
        if geteuid() == 0 {
            #expect(note == nil)
        } else {
            #expect(note?.hasPrefix("its owner could not be kept (Operation not permitted): it now belongs to uid \(geteuid())") == true)
        }
    }

    /// Saving renames a new file into place, so other hard links keep the previous version;
    /// the result says so.
    @Test func aHardLinkedFileIsReplacedAndTheNoteSaysSo() throws {
        let dir = try scratchDirectory()
        let path = dir + "/shoot.yaml", other = dir + "/other-name.yaml"
        try write(minimalShoot, to: path)
        #expect(link(path, other) == 0)
        let loaded = try InputLoader.load(file: path)
        let saved = try SafeFile.write(minimalShoot + "# x\n", to: path, expectedFingerprint: loaded.source.fingerprint)
        #expect(saved.notes == ["it had 2 hard links; saving made it a new file, the other names still hold the previous version"])
        #expect(try readText(path) == minimalShoot + "# x\n")
        #expect(try readText(other) == minimalShoot)
        #expect(try info(path).st_nlink == 1)
    }

    @Test func aFIFOSwappedInForTheFileDoesNotBlockTheSave() throws {
        let dir = try scratchDirectory()
        let path = dir + "/shoot.yaml"
        try write(minimalShoot, to: path)
        let loaded = try InputLoader.load(file: path)
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
        let fingerprint = loaded.source.fingerprint
        let outcome = withDeadline(release: releaseFIFO(path)) { () -> String in
            do {
                try SafeFile.write("x", to: path, expectedFingerprint: fingerprint)
                return "saved"
            } catch {
                return "\(error)"
            }
        }
        #expect(outcome == "\(path): error: is no longer a regular file (a FIFO, socket or device); not saving (nothing was written)")
    }

    // MARK: Recovery files

    @Test func recoveryFilesReplaceLinksPlantedAtTheirNames() throws {
        let dir = try scratchDirectory()
        let file = dir + "/shoot.yaml"
        let victim = try Victim(dir + "/victim")
        let recovery = RecoveryFile(for: file, environment: { _ in nil })
        try plantLink(at: recovery.beside, to: victim.path)
        // The name an earlier version used (FILE.shootnet-recovery.tmp-PID), and the first fresh names.
        try plantLink(at: recovery.beside + ".tmp-\(getpid())", to: victim.path)
        for token in UInt64(1)...5 {
            try plantLink(at: ExclusiveFile.temporaryName(near: recovery.beside, token: token), to: victim.path)
        }
        let counter = Counter()
        #expect(recovery.write("# edits\n", tokens: counter.token) == recovery.beside)
        #expect(counter.next == 6)
        #expect(victim.untouched)
        #expect(fileType(recovery.beside) == S_IFREG)
        #expect(try info(recovery.beside).st_mode & 0o7777 == 0o600)
        #expect(try readText(recovery.beside) == "# edits\n")
    }

    @Test func theStateFolderFallbackReplacesALinkPlantedThere() throws {
        let dir = try scratchDirectory()
        let victim = try Victim(dir + "/victim")
        // The spec's folder does not exist, so the recovery file goes to the state folder.
        let recovery = RecoveryFile(for: dir + "/missing-folder/shoot.yaml", environment: { $0 == "XDG_STATE_HOME" ? dir + "/state" : nil })
        let fallback = try #require(recovery.fallback)
        try FileManager.default.createDirectory(atPath: dir + "/state/shootnet/recovery", withIntermediateDirectories: true)
        try plantLink(at: fallback, to: victim.path)
        #expect(recovery.write("# edits\n") == fallback)
        #expect(victim.untouched)
        #expect(fileType(fallback) == S_IFREG)
        #expect(try info(fallback).st_mode & 0o7777 == 0o600)
    }

    @Test func aFIFOAtTheRecoveryPathDoesNotBlock() throws {
        let dir = try scratchDirectory()
        let file = dir + "/shoot.yaml"
        let recovery = RecoveryFile(for: file, environment: { $0 == "XDG_STATE_HOME" ? dir + "/state" : nil })
        #expect(mkfifo(recovery.beside, 0o600) == 0)
        let lookup = withDeadline(release: releaseFIFO(recovery.beside)) { recovery.existing() }
        #expect(lookup == RecoveryFile.Lookup(
            path: nil, text: nil,
            refused: ["\(recovery.beside): is not a regular file (a FIFO, folder, socket or device); not reading it"]))
        // A real recovery file in the state folder is still offered.
        let fallback = try #require(recovery.fallback)
        try FileManager.default.createDirectory(atPath: dir + "/state/shootnet/recovery", withIntermediateDirectories: true)
        try write("# edits\n", to: fallback)
        let again = withDeadline(release: releaseFIFO(recovery.beside)) { recovery.existing() }
        #expect(again?.path == recovery.fallback && again?.text == "# edits\n")
        #expect(again?.refused.count == 1)
    }

    @Test func aLinkAtTheRecoveryPathIsNotRead() throws {
        let dir = try scratchDirectory()
        let victim = try Victim(dir + "/victim")
        let recovery = RecoveryFile(for: dir + "/shoot.yaml", environment: { _ in nil })
        try plantLink(at: recovery.beside, to: victim.path)
        #expect(recovery.existing() == RecoveryFile.Lookup(
            path: nil, text: nil, refused: ["\(recovery.beside): is a symbolic link, not a recovery file; not reading it"]))
    }

    @Test(.enabled(if: geteuid() == 0, "only root can make a file owned by another user"))
    func anotherUsersRecoveryFileIsNotReplayed() throws {
        let dir = try scratchDirectory()
        let recovery = RecoveryFile(for: dir + "/shoot.yaml", environment: { _ in nil })
        try write("# edits\nnetworks.pods\t10.0.0.0/8\n", to: recovery.beside)
        #expect(chown(recovery.beside, 12345, 12345) == 0)
        #expect(recovery.existing().refused == ["\(recovery.beside): belongs to another user (uid 12345); not replaying it"])
    }
}

/// Carries a thread's result back; written before the semaphore is signalled, read after.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
