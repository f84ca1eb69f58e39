import Foundation
import Loading
import Spec
import Testing
import TestSupport

/// Saving (SpecEditor + SafeFile, as the UI's save effect does) when the world fights back:
/// the original file stays byte for byte what it was, and the failure is one clear line.
@Suite struct SaveFaultTests {
    /// The edit the UI makes in the README walkthrough.
    static let edit = SpecEdit.networking(.services, "10.1.0.0/16, 2001:db8:0:0:8000::/108")

    struct Loaded {
        var path: String
        var original: [UInt8]
        var loaded: LoadedInput
        var edited: String
    }

    static func load(_ path: String) throws -> Loaded {
        let original = try #require(FileManager.default.contents(atPath: path).map { [UInt8]($0) })
        let loaded = try InputLoader.load(file: path)
        return Loaded(path: path, original: original, loaded: loaded, edited: try SpecEditor.apply(edit, to: loaded.source.text))
    }

    static func save(_ l: Loaded) -> SaveError? {
        do {
            try SafeFile.write(l.edited, to: l.path, expectedFingerprint: l.loaded.source.fingerprint,
                               byteOrderMark: l.loaded.source.hasByteOrderMark)
            return nil
        } catch {
            return error
        }
    }

    static func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }

    static func copySample(to path: String) throws {
        try FileManager.default.copyItem(atPath: PackagePaths.sample("gep-openstack.yaml"), toPath: path)
    }

    @Test(.enabled(if: FaultMount.available, "needs root allowed to mount a tmpfs"))
    func diskFull() throws {
        let disk = try FaultMount(sizeKiB: 64)
        defer { disk.unmount() }
        try Self.copySample(to: disk.path("shoot.yaml"))
        let l = try Self.load(disk.path("shoot.yaml"))
        disk.fill()
        let error = try #require(Self.save(l))
        #expect(error.reason == .diskFull, "\(error)")
        #expect(error.description.contains("disk full") && error.description.contains("the original file is unchanged"))
        #expect(!error.description.contains("\n"))
        #expect(Self.bytes(l.path) == l.original)
        #expect(disk.strayFiles(expected: ["shoot.yaml", "shoot.yaml.bak"]).isEmpty, "temporary files left behind")
        // With room again, the same save goes through: the disk was the only problem.
        try FileManager.default.removeItem(atPath: disk.path(".filler"))
        #expect(Self.save(l) == nil)
        #expect(Self.bytes(l.path) == Array(l.edited.utf8))
        #expect(Self.bytes(l.path + ".bak") == l.original)
    }

    @Test(.enabled(if: FaultMount.available, "needs root allowed to mount a tmpfs"))
    func readOnlyFileSystem() throws {
        let disk = try FaultMount(sizeKiB: 256)
        defer { disk.unmount() }
        try Self.copySample(to: disk.path("shoot.yaml"))
        let l = try Self.load(disk.path("shoot.yaml"))
        try disk.makeReadOnly()
        let error = try #require(Self.save(l))
        #expect(error.reason == .notWritable, "\(error)")
        #expect(error.description.contains("read-only file system"))
        #expect(Self.bytes(l.path) == l.original)
        #expect(!FileManager.default.fileExists(atPath: l.path + ".bak"))
    }

    @Test func fileChangedBehindOurBack() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.copySample(to: scratch.path("shoot.yaml"))
        let l = try Self.load(scratch.path("shoot.yaml"))
        // Someone else saves a different version (same size, different content: a touch is not enough).
        var theirs = l.original
        if let i = theirs.firstIndex(of: UInt8(ascii: "#")) { theirs[i + 1] = UInt8(ascii: "!") }
        try scratch.write("shoot.yaml", bytes: theirs)
        let error = try #require(Self.save(l))
        #expect(error.reason == .changedOnDisk)
        #expect(error.description.contains("changed on disk"))
        #expect(Self.bytes(l.path) == theirs)
        #expect(!FileManager.default.fileExists(atPath: l.path + ".bak"))
    }

    @Test func fileRemovedBehindOurBack() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.copySample(to: scratch.path("shoot.yaml"))
        let l = try Self.load(scratch.path("shoot.yaml"))
        try FileManager.default.removeItem(atPath: l.path)
        let error = try #require(Self.save(l))
        #expect(error.reason == .changedOnDisk && error.description.contains("removed"))
        #expect(!FileManager.default.fileExists(atPath: l.path))
    }

    @Test func fileReplacedByAFolder() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.copySample(to: scratch.path("shoot.yaml"))
        let l = try Self.load(scratch.path("shoot.yaml"))
        try FileManager.default.removeItem(atPath: l.path)
        try FileManager.default.createDirectory(atPath: l.path, withIntermediateDirectories: false)
        let error = try #require(Self.save(l))
        #expect(error.description.contains("is a directory") && error.description.contains("unchanged"), "\(error)")
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: l.path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test func backupCannotBeWritten() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.copySample(to: scratch.path("shoot.yaml"))
        let l = try Self.load(scratch.path("shoot.yaml"))
        // FILE.bak is a folder with something in it: the backup cannot be renamed into place.
        try FileManager.default.createDirectory(atPath: l.path + ".bak", withIntermediateDirectories: false)
        try scratch.write("shoot.yaml.bak/keep", "x")
        let error = try #require(Self.save(l))
        #expect(error.description.contains("cannot write the backup") && error.description.contains("unchanged"), "\(error)")
        #expect(Self.bytes(l.path) == l.original)
        let stray = try FileManager.default.contentsOfDirectory(atPath: scratch.folder).filter { $0.contains("shootnet-") }
        #expect(stray.isEmpty, "temporary files left behind: \(stray)")
    }

    /// SIGKILL at random moments while saving in a loop: the file is always one whole
    /// version (rename is atomic), never a mix or a truncated file.
    @Test func killedWhileSavingLeavesAWholeVersion() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("shoot.yaml")
        try Self.copySample(to: path)
        let original = try #require(Self.bytes(path))
        let saved = original + Array("# saved by shootnet-fuzz --save-loop\n".utf8)
        let helper = try BuiltProduct.path("shootnet-fuzz")
        var killedMidway = 0
        for round in 0..<6 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: helper)
            p.arguments = ["--save-loop", path]
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            usleep(UInt32(20_000 + 37_000 * round))
            if p.isRunning { killedMidway += 1 }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let now = try #require(Self.bytes(path))
            #expect(now == original || now == saved, "round \(round): \(now.count) bytes, neither version")
            if let backup = Self.bytes(path + ".bak") { #expect(backup == original || backup == saved, "round \(round): backup torn") }
            // Temporary files of an interrupted save may stay (named .shoot.yaml.shootnet-*); never the file itself.
        }
        #expect(killedMidway > 0)
        #expect((try? InputLoader.load(file: path)) != nil)
    }
}
