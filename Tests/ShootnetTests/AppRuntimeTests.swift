import App
import Canvas
import Foundation
import Loading
import TestSupport
import Testing
@testable import shootnet

/// The runtime in process, with scripted keys instead of a terminal and a copy of
/// samples/ipv4-default.yaml (workers[0].maximum: 5) in a fresh folder: every effect the
/// model asks for is performed, and its result goes back through `update`.
@Suite struct AppRuntimeTests {
    let folder: String
    let file: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("shootnet-runtime-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        file = folder + "/shoot.yaml"
        try FileManager.default.copyItem(atPath: PackagePaths.root.appendingPathComponent("samples/ipv4-default.yaml").path,
                                         toPath: file)
    }

    func removeFolder() { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs the UI on `file` with `script`; the exit status and the runtime as it ended.
    func run(_ script: [FakeTerminal.Step], screen: FakeTerminal? = nil) throws -> (status: Int32, runtime: AppRuntime, screen: FakeTerminal) {
        let screen = screen ?? FakeTerminal(script: script)
        let options = try InputOptions.parse([file])
        var runtime = AppRuntime(screen: screen, loaded: try InputLoader.load(file: file), input: options, readOnly: false)
        let status = runtime.run()
        #expect(screen.actionErrors.isEmpty, "\(screen.actionErrors)")
        return (status, runtime, screen)
    }

    /// workers[0].maximum set to `value` through the spec pane.
    static func editMaximum(to value: String) -> [FakeTerminal.Step] {
        FakeTerminal.keys(.char("2"), .home) + Array(repeating: .event(.key(.down)), count: 6)
            + FakeTerminal.keys(.enter, .ctrl("u")) + FakeTerminal.type(value) + FakeTerminal.keys(.enter)
    }

    func text(_ path: String) -> String? { FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } }

    @Test func saveAndQuitQuitsOnceTheSaveSucceeded() throws {
        defer { removeFolder() }
        let (status, runtime, screen) = try run(Self.editMaximum(to: "9") + FakeTerminal.type(":wq") + FakeTerminal.keys(.enter))
        #expect(status == 0)
        #expect(!screen.ranOut, "the quit came from the save's result, not from the end of the script")
        #expect(screen.closed)
        #expect(text(file)?.contains("maximum: 9") == true)
        #expect(!runtime.model.isDirty)
    }

    @Test func aFailedSaveAndQuitStaysAndTheReloadIsShown() throws {
        defer { removeFolder() }
        let original = try #require(text(file))
        let theirs = original.replacingOccurrences(of: "maximum: 5", with: "maximum: 6")
        let script = Self.editMaximum(to: "9")
            + [.action { try theirs.write(toFile: file, atomically: true, encoding: .utf8) }]
            + FakeTerminal.type(":wq") + FakeTerminal.keys(.enter)
            + FakeTerminal.keys(.char("r"))
            + FakeTerminal.keys(.char("q"))
        let (status, runtime, screen) = try run(script)
        #expect(status == 0)
        #expect(!screen.ranOut)
        #expect(screen.frames.contains { $0.contains("not saved: ") && $0.contains("File changed on disk") })
        #expect(screen.frames.contains { $0.contains("reloaded \(file)") })
        // Their version stays on disk and is what the UI showed after the reload.
        #expect(text(file) == theirs)
        #expect(runtime.model.input.shoot.workers[0].maximum == 6)
        #expect(!FileManager.default.fileExists(atPath: file + ".bak"))
    }

    @Test func aFailedReloadIsShown() throws {
        defer { removeFolder() }
        let script: [FakeTerminal.Step] = [.action { try "spec: [".write(toFile: file, atomically: true, encoding: .utf8) }]
            + FakeTerminal.type(":reload") + FakeTerminal.keys(.enter) + FakeTerminal.keys(.char("q"))
        let (status, runtime, screen) = try run(script)
        #expect(status == 0)
        #expect(!screen.ranOut)
        #expect(screen.lastFrame.contains("reload failed: "))
        #expect(runtime.model.input.shoot.workers[0].maximum == 5)
    }

    @Test func theRecoveryFileIsOfferedAtStartAndDeletedOnceTheReplayIsSaved() throws {
        defer { removeFolder() }
        let recovery = file + ".shootnet-recovery"
        try RecoveryFormat.encode([FieldEdit(field: .workerMaximum(0), text: "9", previous: "")])
            .write(toFile: recovery, atomically: true, encoding: .utf8)
        let (status, _, screen) = try run(FakeTerminal.keys(.char("r"), .char("w"), .char("q")))
        #expect(status == 0)
        #expect(!screen.ranOut)
        #expect(screen.frames.first?.contains("Unsaved edits found") == true)
        #expect(text(file)?.contains("maximum: 9") == true)
        #expect(!FileManager.default.fileExists(atPath: recovery))
    }

    @Test func aSignalWithUnsavedEditsKeepsThemInARecoveryFile() throws {
        defer { removeFolder() }
        let original = try #require(text(file))
        let (status, runtime, screen) = try run(Self.editMaximum(to: "9") + [.event(.signal(2))])
        #expect(status == 130)
        #expect(!screen.ranOut)
        #expect(screen.closed)
        #expect(text(file + ".shootnet-recovery")?.contains("workers[0].maximum\t9\n") == true)
        #expect(runtime.model.message?.text == "unsaved edits kept in \(file).shootnet-recovery")
        #expect(text(file) == original)
    }
}
