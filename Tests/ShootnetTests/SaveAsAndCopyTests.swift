import App
import Canvas
import Foundation
import Loading
import TestSupport
import Testing
@testable import shootnet

/// `:w FILE`, `:saveas FILE` and copying a fix command, performed by the runtime in process.
@Suite struct SaveAsAndCopyTests {
    let runtimeTests: AppRuntimeTests

    init() throws { runtimeTests = try AppRuntimeTests() }

    @Test(":w FILE writes the variant there, leaves the loaded file alone and refuses to replace a file without !")
    func writeACopy() throws {
        let t = runtimeTests
        defer { t.removeFolder() }
        let original = try #require(t.text(t.file))
        let variant = t.folder + "/variant.yaml"
        let script = AppRuntimeTests.editMaximum(to: "9")
            + FakeTerminal.type(":w \(variant)") + FakeTerminal.keys(.enter)
            + FakeTerminal.type(":w \(variant)") + FakeTerminal.keys(.enter)
            + FakeTerminal.type(":q!") + FakeTerminal.keys(.enter)
        let (status, runtime, screen) = try t.run(script)
        #expect(status == 0 && !screen.ranOut)
        #expect(t.text(t.file) == original)
        #expect(t.text(variant) == original.replacingOccurrences(of: "maximum: 5", with: "maximum: 9"))
        #expect(screen.frames.contains { $0.contains("wrote \(variant)") })
        #expect(screen.frames.contains { $0.contains("not saved: \(variant) exists; :w! ") })
        #expect(runtime.model.isDirty)
    }

    @Test(":saveas FILE saves there and edits that file from then on")
    func saveAs() throws {
        let t = runtimeTests
        defer { t.removeFolder() }
        let original = try #require(t.text(t.file))
        let variant = t.folder + "/variant.yaml"
        let script = AppRuntimeTests.editMaximum(to: "9")
            + FakeTerminal.type(":saveas \(variant)") + FakeTerminal.keys(.enter)
            + AppRuntimeTests.editMaximum(to: "11")
            + FakeTerminal.keys(.escape, .char("w"))
            + FakeTerminal.keys(.char("q"))
        let (status, runtime, screen) = try t.run(script)
        #expect(status == 0 && !screen.ranOut)
        #expect(t.text(t.file) == original)
        #expect(t.text(variant)?.contains("maximum: 11") == true)
        #expect(runtime.model.file == variant && runtime.input.file == variant)
    }

    @Test("c in a detail page copies the fix: to the clipboard where the terminal takes it, always to a file")
    func copyTheFix() throws {
        for takesClipboard in [true, false] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("shootnet-copy-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let file = folder + "/shoot.yaml"
            try FileManager.default.copyItem(atPath: PackagePaths.sample("gep-openstack.yaml"), toPath: file)
            let screen = FakeTerminal(script: FakeTerminal.keys(.char("5"), .enter, .char("c"), .escape, .char("q")))
            screen.takesClipboard = takesClipboard
            var runtime = AppRuntime(screen: screen, loaded: try InputLoader.load(file: file), input: try InputOptions.parse([file]),
                                     readOnly: false)
            #expect(runtime.run() == 0)
            let said = try #require(screen.frames.compactMap { frame in frame.split(separator: "\n").first { $0.contains("written to /") } }.first)
            let path = try #require(said.split(separator: " ").first { $0.hasPrefix("/") && $0.hasSuffix(".sh") }.map(String.init))
            defer { try? FileManager.default.removeItem(atPath: path) }
            let command = try String(contentsOfFile: path, encoding: .utf8)
            #expect(command.hasPrefix("#!/bin/sh\nopenstack router add route --route destination=2001:db8::4000:0:1:0/112,gateway=2001:db8::b4 "))
            #expect(screen.clipboard == (takesClipboard ? [String(command.dropFirst("#!/bin/sh\n".count).dropLast())] : []))
            #expect(said.contains(takesClipboard ? "copied to the clipboard" : "takes no clipboard writes"))
        }
    }
}
