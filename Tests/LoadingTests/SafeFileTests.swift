import Foundation
import Testing
@testable import Loading

@Suite struct SafeFileTests {
    private func listing(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    @Test func savesAtomicallyAndKeepsABackup() throws {
        let dir = try scratchDirectory()
        let path = dir + "/shoot.yaml"
        try write(minimalShoot, to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        let loaded = try InputLoader.load(file: path)
        let edited = try SpecEditor.apply([.workerMaximum(0, 9)], to: loaded.source.text)

        let fingerprint = try SafeFile.write(edited, to: path, expectedFingerprint: loaded.source.fingerprint).fingerprint
        #expect(try readText(path) == edited)
        #expect(try readText(path + ".bak") == minimalShoot)
        #expect(fingerprint == FileFingerprint(bytes: Array(edited.utf8)))
        #expect(listing(dir) == ["shoot.yaml", "shoot.yaml.bak"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try InputLoader.load(file: path).input.shoot.workers[0].maximum == 9)

        // The returned fingerprint allows the next save; the backup then holds the previous save.
        try SafeFile.write(edited + "# more\n", to: path, expectedFingerprint: fingerprint)
        #expect(try readText(path + ".bak") == edited)
    }

    @Test func refusesWhenTheFileChangedOnDisk() throws {
        let dir = try scratchDirectory()
        let path = dir + "/shoot.yaml"
        try write(minimalShoot, to: path)
        let loaded = try InputLoader.load(file: path)
        try write(minimalShoot + "# edited elsewhere\n", to: path)
        do {
            try SafeFile.write("new", to: path, expectedFingerprint: loaded.source.fingerprint)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.reason == .changedOnDisk)
            #expect(error.description == "\(path): error: the file changed on disk since it was loaded; not overwriting it (reload it, or save under another name)")
        }
        #expect(try readText(path) == minimalShoot + "# edited elsewhere\n")
        #expect(listing(dir) == ["shoot.yaml"])
        #expect(FileFingerprint(ofFile: path) != loaded.source.fingerprint)
        #expect(FileFingerprint(ofFile: path) == FileFingerprint(bytes: Array((minimalShoot + "# edited elsewhere\n").utf8)))
        #expect(FileFingerprint(ofFile: dir + "/missing.yaml") == nil)

        try FileManager.default.removeItem(atPath: path)
        #expect(throws: SaveError.self) { try SafeFile.write("new", to: path, expectedFingerprint: loaded.source.fingerprint) }
        #expect(listing(dir).isEmpty)
    }

    @Test func createsNewFilesButNeverClobbers() throws {
        let dir = try scratchDirectory()
        let path = dir + "/new.yaml"
        try SafeFile.write("a: 1\n", to: path, expectedFingerprint: nil)
        #expect(try readText(path) == "a: 1\n")
        #expect(listing(dir) == ["new.yaml"])
        do {
            try SafeFile.write("b: 2\n", to: path, expectedFingerprint: nil)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.reason == .alreadyExists)
        }
        #expect(try readText(path) == "a: 1\n")
    }

    @Test func failuresLeaveTheOriginalAndSayItInOneLine() throws {
        let dir = try scratchDirectory()
        let path = dir + "/gone/shoot.yaml"
        do {
            try SafeFile.write("x", to: path, expectedFingerprint: nil)
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("\n"))
            #expect(error.message.hasPrefix("cannot create a temporary file for the new version in \(dir)/gone"))
            #expect(error.message.hasSuffix("; the original file is unchanged"))
        }
        guard geteuid() != 0 else { return }  // root ignores folder permissions
        let file = dir + "/ro.yaml"
        try write(minimalShoot, to: file)
        let loaded = try InputLoader.load(file: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir) }
        do {
            try SafeFile.write("x", to: file, expectedFingerprint: loaded.source.fingerprint)
            Issue.record("expected an error")
        } catch {
            #expect(error.reason == .notWritable)
        }
        #expect(try readText(file) == minimalShoot)
    }

    @Test func writesTheByteOrderMarkBackAndFollowsSymlinks() throws {
        let dir = try scratchDirectory()
        let real = dir + "/real.yaml", link = dir + "/link.yaml"
        let bytes = UTF8Text.byteOrderMark + Array(minimalShoot.utf8)
        #expect(FileManager.default.createFile(atPath: real, contents: Data(bytes)))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let loaded = try InputLoader.load(file: link)
        try SafeFile.write(loaded.source.text + "# x\n", to: link, expectedFingerprint: loaded.source.fingerprint,
                           byteOrderMark: loaded.source.hasByteOrderMark)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        let saved = try Data(contentsOf: URL(fileURLWithPath: real))
        #expect(Array(saved) == bytes + Array("# x\n".utf8))
        #expect(listing(dir) == ["link.yaml", "real.yaml", "real.yaml.bak"])
    }
}
