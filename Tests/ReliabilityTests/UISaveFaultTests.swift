import Foundation
import Testing
import TestSupport

/// Saving from the real UI (under tmux) when saving cannot work: the file on disk stays
/// byte for byte as it was, the UI says why, and the edits survive the session.
@Suite(.serialized) struct UISaveFaultTests {
    /// The spec field of workers[0].maximum in ipv4-default.yaml.
    static let firstWorkerMaximum = "workers[worker-m5].maximum"

    /// Opens `file`, sets workers[0].maximum to 9 in the spec editor (ipv4-default.yaml). The
    /// caller closes the pane (`defer { pane.close() }`).
    static func openAndEdit(_ file: String, environment: [String: String] = [:]) throws -> ShellPane {
        let pane = try ShellPane(width: 250, height: 45)
        try pane.startShootnet([file], environment: environment)
        try pane.waitFor("Tab pane")
        try pane.setSpecField(firstWorkerMaximum, to: "9")
        return pane
    }

    static let recoveredEdit = "workers[0].maximum\t9"

    /// Puts a copy of ipv4-default.yaml at `file`; returns its bytes.
    static func placeSample(at file: String) throws -> [UInt8] {
        try FileManager.default.copyItem(atPath: PackagePaths.sample("ipv4-default.yaml"), toPath: file)
        return try #require(bytes(file))
    }

    /// Presses `w`, waits until the UI says `failure`, then stops it with SIGTERM; returns
    /// the screen once it has ended with status 143.
    static func saveFailsThenTerminate(_ pane: ShellPane, failure: String) throws -> String {
        try pane.keys("w", thenWaitFor: failure)
        kill(try #require(try pane.programPID()), SIGTERM)
        let (status, screen) = try pane.waitForExit()
        #expect(status == 143)
        return screen
    }

    static func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }

    @Test func fileReplacedBehindTheUIsBack() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("shoot.yaml")
        try FileManager.default.copyItem(atPath: PackagePaths.sample("ipv4-default.yaml"), toPath: file)
        let pane = try Self.openAndEdit(file)
        defer { pane.close() }
        // A colleague's version replaces the file (same length, other content).
        var theirs = try #require(Self.bytes(file))
        theirs[0] = UInt8(ascii: theirs[0] == UInt8(ascii: "#") ? "%" : "#")
        let replacement = scratch.path("theirs.yaml")
        try scratch.write("theirs.yaml", bytes: theirs)
        #expect(rename(replacement, file) == 0)
        try pane.keys("w", thenWaitFor: "not saved: the file changed on disk")
        #expect(Self.bytes(file) == theirs)
        #expect(!FileManager.default.fileExists(atPath: file + ".bak"))
        // Leaving now keeps the edit for the next start.
        kill(try #require(try pane.programPID()), SIGTERM)
        #expect(try pane.waitForExit().status == 143)
        let recovery = try String(contentsOfFile: file + ".shootnet-recovery", encoding: .utf8)
        #expect(recovery.contains(Self.recoveredEdit))
        #expect(Self.bytes(file) == theirs)
    }

    @Test(.enabled(if: FaultMount.available, "needs root allowed to mount a tmpfs"))
    func diskFullInTheUI() throws {
        let disk = try FaultMount(sizeKiB: 64)
        defer { disk.unmount() }
        let file = disk.path("shoot.yaml")
        try FileManager.default.copyItem(atPath: PackagePaths.sample("ipv4-default.yaml"), toPath: file)
        let original = try #require(Self.bytes(file))
        // Three pages left: the backup fits (two pages), the new version then does not, a
        // recovery file (one page) does.
        disk.fill(leaving: 12_288)
        let pane = try Self.openAndEdit(file)
        defer { pane.close() }
        try pane.keys("w", thenWaitFor: "cannot write the new version: disk full; the original file is unchanged")
        #expect(Self.bytes(file) == original)
        kill(try #require(try pane.programPID()), SIGTERM)
        let (status, screen) = try pane.waitForExit()
        #expect(status == 143)
        #expect(screen.contains("kept in \(file).shootnet-recovery"))
        #expect(try String(contentsOfFile: file + ".shootnet-recovery", encoding: .utf8).contains(Self.recoveredEdit))
        #expect(Self.bytes(file) == original)
        // The backup was made before the disk ran out (it holds the original); no temporary file is left.
        #expect(Self.bytes(file + ".bak") == original)
        #expect(disk.strayFiles(expected: ["shoot.yaml", "shoot.yaml.bak", "shoot.yaml.shootnet-recovery"]).isEmpty)
    }

    /// The spec's folder is read-only: the edits go to the user's state folder, and the next
    /// start offers them from there.
    @Test(.enabled(if: FaultMount.available, "needs root allowed to mount a tmpfs"))
    func readOnlyFolderKeepsTheEditsInTheStateFolder() throws {
        let disk = try FaultMount(sizeKiB: 256)
        defer { disk.unmount() }
        let scratch = try Scratch()
        defer { scratch.remove() }
        let environment = ["XDG_STATE_HOME": scratch.path("state")]
        let file = disk.path("shoot.yaml")
        let original = try Self.placeSample(at: file)
        try disk.makeReadOnly()
        let pane = try Self.openAndEdit(file, environment: environment)
        defer { pane.close() }
        let screen = try Self.saveFailsThenTerminate(pane, failure: "read-only file system; the original file is unchanged")
        #expect(Self.bytes(file) == original)
        let folder = scratch.path("state/shootnet/recovery")
        let kept = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first)
        #expect(kept.hasSuffix("-shoot.yaml.shootnet-recovery"))
        let recovery = folder + "/" + kept
        #expect(screen.contains("1 unsaved edit(s) kept in \(recovery)"), "\(screen)")
        #expect(try String(contentsOfFile: recovery, encoding: .utf8).contains(Self.recoveredEdit))
        // The next start finds them there and replays them.
        try pane.startShootnet([file], environment: environment)
        try pane.waitFor("Unsaved edits found")
        try pane.keys("r", thenWaitFor: "replayed 1 unsaved edit(s)")
        // Replayed but not saved (the folder is read-only): the recovery file stays for the next try.
        #expect(FileManager.default.fileExists(atPath: recovery), "a replayed recovery file is kept until the edits are saved")
        kill(try #require(try pane.programPID()), SIGTERM)
        #expect(try pane.waitForExit().status == 143)
    }

    /// A disk without a free page: not even a recovery file fits beside the spec, so it goes
    /// to the state folder, whole (no empty or partial file is left on the full disk).
    @Test(.enabled(if: FaultMount.available, "needs root allowed to mount a tmpfs"))
    func fullDiskKeepsTheEditsInTheStateFolder() throws {
        let disk = try FaultMount(sizeKiB: 64)
        defer { disk.unmount() }
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = disk.path("shoot.yaml")
        let original = try Self.placeSample(at: file)
        disk.fill(leaving: 0)
        let pane = try Self.openAndEdit(file, environment: ["XDG_STATE_HOME": scratch.path("state")])
        defer { pane.close() }
        let screen = try Self.saveFailsThenTerminate(pane, failure: "disk full; the original file is unchanged")
        #expect(Self.bytes(file) == original)
        #expect(screen.contains("kept in \(scratch.path("state"))/shootnet/recovery/"), "\(screen)")
        #expect(disk.strayFiles(expected: ["shoot.yaml", "shoot.yaml.bak"]).isEmpty)
    }

    /// Neither the spec's folder nor the state folder takes a file: the edits are printed
    /// on the terminal rather than lost.
    @Test(.enabled(if: FaultMount.available, "needs root allowed to mount a tmpfs"))
    func nowhereToKeepTheEditsPrintsThem() throws {
        let disk = try FaultMount(sizeKiB: 256)
        defer { disk.unmount() }
        let file = disk.path("shoot.yaml")
        let original = try Self.placeSample(at: file)
        try disk.makeReadOnly()
        let pane = try Self.openAndEdit(file, environment: ["XDG_STATE_HOME": disk.path("state")])
        defer { pane.close() }
        let screen = try Self.saveFailsThenTerminate(pane, failure: "read-only file system; the original file is unchanged")
        #expect(Self.bytes(file) == original)
        #expect(screen.contains("cannot write \(file).shootnet-recovery or \(disk.path("state"))/shootnet/recovery/"), "\(screen)")
        #expect(screen.split(separator: "\n").contains { $0.hasPrefix("  workers[0].maximum") && $0.hasSuffix(" 9") }, "\(screen)")
    }

    /// SIGTERM right as `w` is pressed: whichever comes first, either the file holds the edit
    /// (and there is nothing to recover) or it is untouched and the edit is in the recovery file.
    @Test(arguments: [0, 15, 40])
    func sigtermDuringASave(_ delayMilliseconds: Int) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("shoot.yaml")
        try FileManager.default.copyItem(atPath: PackagePaths.sample("ipv4-default.yaml"), toPath: file)
        let original = try #require(Self.bytes(file))
        let pane = try Self.openAndEdit(file)
        defer { pane.close() }
        let pid = try #require(try pane.programPID())
        try pane.keys("w")
        usleep(UInt32(delayMilliseconds * 1000))
        kill(pid, SIGTERM)
        let (status, _) = try pane.waitForExit()
        #expect(status == 143)
        let now = try #require(Self.bytes(file))
        let recovery = try? String(contentsOfFile: file + ".shootnet-recovery", encoding: .utf8)
        if now == original {
            #expect(recovery?.contains(Self.recoveredEdit) == true, "not saved and not recovered")
        } else {
            #expect(String(decoding: now, as: UTF8.self).contains("maximum: 9"), "saved something else")
            #expect(Self.bytes(file + ".bak") == original)
            #expect(recovery == nil, "saved, yet a recovery file was written")
        }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: scratch.folder))?.contains { $0.contains(".shootnet-") && $0.hasPrefix(".") } == false)
    }
}
