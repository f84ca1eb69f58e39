import App
import Canvas
import Foundation
import Loading
import Spec
import Testing
import TestSupport

/// The recovery file outlives a replay until the edits are saved; what the UI and stderr say
/// about saving and recovery is true and safe to print.
@Suite struct RecoverySafetyTests {
    static func model() throws -> AppModel {
        let path = PackagePaths.sample("ipv4-default.yaml")
        return AppModel(file: path, input: try InputLoader.load(file: path).input, width: 140, height: 45)
    }

    @Test func aReplayedRecoveryFileIsDeletedOnlyOnceTheEditsAreSaved() throws {
        var m = try Self.model()
        #expect(m.update(.recoveryFound(path: "shoot.yaml.shootnet-recovery", text: RecoveryFormat.encode([FieldEdit(field: .workerMaximum(0), text: "9", previous: "")]))) == [])
        #expect(m.update(.input(.key(.char("r")))) == [])
        #expect(m.isDirty && m.recoveryAwaitingSave)
        #expect(m.update(.input(.key(.char("w")))) == [.save(edits: m.edits, force: false)])
        // A failed save keeps the recovery file: the edits are still only in memory.
        #expect(m.update(.saved(.failure(SaveFailure(message: "disk full; the original file is unchanged")))) == [])
        #expect(m.update(.saved(.success(SaveSuccess(path: "shoot.yaml", backup: "shoot.yaml.bak")))) == [.deleteRecovery])
        #expect(!m.recoveryAwaitingSave)
        // Later saves have nothing more to delete.
        _ = m.update(.input(.key(.char("u"))))
        #expect(m.update(.saved(.success(SaveSuccess(path: "shoot.yaml", backup: "shoot.yaml.bak")))) == [])
    }

    @Test func discardingDeletesAtOnce() throws {
        var m = try Self.model()
        #expect(m.update(.recoveryFound(path: "r", text: RecoveryFormat.encode([FieldEdit(field: .workerMaximum(0), text: "9", previous: "")]))) == [])
        #expect(m.update(.input(.key(.char("d")))) == [.deleteRecovery])
        #expect(!m.isDirty)
    }

    @Test func aReplayThatLeavesNothingToSaveDeletesAtOnce() throws {
        var m = try Self.model()
        let current = SpecField.workerMaximum(0).text(in: m.input)
        #expect(m.update(.recoveryFound(path: "r", text: RecoveryFormat.encode([FieldEdit(field: .workerMaximum(0), text: current, previous: "")]))) == [])
        #expect(m.update(.input(.key(.char("r")))) == [.deleteRecovery])
    }

    @Test func aReloadAfterAReplayKeepsTheRecoveryFileForTheNextStart() throws {
        var m = try Self.model()
        #expect(m.update(.recoveryFound(path: "r", text: RecoveryFormat.encode([FieldEdit(field: .workerMaximum(0), text: "9", previous: "")]))) == [])
        _ = m.update(.input(.key(.char("r"))))
        _ = m.update(.reloaded(.success(try InputLoader.load(file: PackagePaths.sample("ipv4-default.yaml")).input)))
        #expect(!m.recoveryAwaitingSave)
        #expect(m.update(.saved(.success(SaveSuccess(path: "shoot.yaml", backup: nil)))) == [])
    }

    @Test func theSaveMessageSaysWhetherThereIsABackup() throws {
        var m = try Self.model()
        _ = m.update(.saved(.success(SaveSuccess(path: "a.yaml", backup: "a.yaml.bak"))))
        #expect(m.message?.text == "saved a.yaml (previous version kept as a.yaml.bak)")
        _ = m.update(.saved(.success(SaveSuccess(path: "a.yaml", backup: nil, notes: ["it had 2 hard links; …"]))))
        #expect(m.message?.text == "saved a.yaml (there was no file, so no backup); it had 2 hard links; …")
        #expect(m.message?.role == .warning)
    }

    static let hostileName = "/tmp/a\u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E}b.yaml.shootnet-recovery"

    static func isTerminalSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0 != "\n" && $0 != "\t" && CellWidth.isUnsafe($0) }
    }

    @Test func recoveryNoticesSanitiseThePath() throws {
        let kept = RecoveryNotice.kept(1, in: Self.hostileName)
        #expect(kept == "shootnet: 1 unsaved edit(s) kept in /tmp/a\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}[2J\u{FFFD}b.yaml.shootnet-recovery; the next start offers to replay them")
        let edit = FieldEdit(field: .networks(.pods), text: "10.0.0.0/8\u{1B}[31m", previous: "")
        let notKept = RecoveryNotice.notKept([edit], places: [Self.hostileName, "/state/x"])
        #expect(Self.isTerminalSafe(kept) && Self.isTerminalSafe(notKept))
        #expect(notKept.split(separator: "\n").last == "  networks.pods\t10.0.0.0/8\u{FFFD}[31m")
        #expect(notKept.contains(" or /state/x; your 1 unsaved edit(s)"))
    }
}
