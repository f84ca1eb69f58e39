import Canvas
import IPAM
import Spec
import Testing
@testable import App

@Suite("Headless UI")
struct AppFlowTests {
    @Test func opensOnTheFigureWithTheMissingRouteMarked() throws {
        let h = try AppHarness.sample("gep-openstack.yaml")
        let screen = h.screen
        #expect(screen.contains("Upstream v6"))
        #expect(screen.contains("Routing Entries:"))
        #expect(h.row(containing: "2001:db8::4000:0:1:0/112 via 2001:db8::b4")?.contains("missing") == true)
        #expect(screen.contains("gep-dualstack"))
        #expect(screen.contains("3E 2W"))
    }

    @Test func routesPaneListsTheMissingRouteFirst() throws {
        var h = try AppHarness.sample("gep-openstack.yaml")
        h.press(.char("5"))
        #expect(h.model.focus == .routes)
        let lines = h.model.view().lines()
        let header = try #require(lines.firstIndex { $0.contains("STATUS") && $0.contains("DESTINATION") })
        #expect(lines[header + 1].contains("missing"))
        #expect(lines[header + 1].contains("node-b4"))
        // Moving onto the row shows it in the topology; Enter opens it in full with its fix.
        h.press(.down, .up)
        #expect(h.model.selection == .route(router: h.model.plan.routes[1].router, destination: IPAMTestValues.b4Route))
        #expect(h.model.message?.text.contains("missing") == true)
        h.press(.enter)
        guard case .detail(let page) = h.model.mode else { Issue.record("no detail page: \(h.model.mode)"); return }
        #expect(page.title == "route 2001:db8::4000:0:1:0/112")
        #expect(page.command?.hasPrefix("openstack router add route --route destination=2001:db8::4000:0:1:0/112,gateway=2001:db8::b4") == true)
        #expect(h.screen.contains("c copies the fix command"))
        h.press(.char("c"))
        #expect(h.effects.last == .copy(page.command ?? ""))
        h.press(.escape)
        #expect(h.model.mode == .normal)
    }

    @Test func editIntoOverlapWarnsAndUndoRemovesIt() throws {
        var h = try AppHarness.sample("ipv4-default.yaml")
        #expect(!h.model.plan.diagnostics.contains { $0.code.rawValue == "overlap.pods-services" })
        let pods = try #require(h.model.plan.range(.pods, .v4)?.prefix.description)
        h.edit(.networks(.services), to: pods)
        #expect(h.model.plan.diagnostics.contains { $0.code.rawValue == "overlap.pods-services" })
        #expect(h.model.isDirty)
        #expect(h.screen.contains("● modified"))
        h.press(.char("3"))
        #expect(h.screen.contains("overlap.pods-services"))
        h.press(.char("u"))
        #expect(!h.model.plan.diagnostics.contains { $0.code.rawValue == "overlap.pods-services" })
        #expect(!h.model.isDirty)
        h.press(.ctrl("r"))
        #expect(h.model.plan.diagnostics.contains { $0.code.rawValue == "overlap.pods-services" })
    }

    @Test func fixingTheFiguresConflictClearsTheError() throws {
        var h = try AppHarness.sample("gep-openstack.yaml")
        #expect(h.model.plan.diagnostics.contains { $0.code.rawValue == "overlap.pods-services" })
        h.edit(.networks(.services), to: "10.1.0.0/16, 2001:db8:0:0:8000::/108")
        #expect(!h.model.plan.diagnostics.contains { $0.code.rawValue == "overlap.pods-services" })
        #expect(!h.model.plan.diagnostics.contains { $0.code.rawValue == "size.service-range" })
        #expect(h.model.message?.text.contains("re-planned") == true)
    }

    @Test func invalidTextIsKeptAndExplained() throws {
        var h = try AppHarness.sample("ipv4-default.yaml")
        h.goToField(.workerMaximum(0))
        h.press(.enter, .ctrl("u"))
        h.type("ten")
        #expect(h.screen.contains("enter a whole number"))
        h.press(.enter)
        guard case .editing(_, let line) = h.model.mode else {
            Issue.record("a refused edit must stay in the edit line")
            return
        }
        #expect(line.text == "ten")
        h.press(.escape)
        #expect(h.model.mode == .normal)
        #expect(!h.model.isDirty)
    }

    @Test func liveValidationOfCIDRsWhileTyping() throws {
        var h = try AppHarness.sample("ipv4-default.yaml")
        h.goToField(.networks(.nodes))
        h.press(.enter, .ctrl("u"))
        h.type("10.250.0.1/16")
        #expect(h.screen.contains("host bits set; did you mean 10.250.0.0/16?"))
    }

    @Test func quitAsksWhenThereAreUnsavedEdits() throws {
        var h = try AppHarness.sample("ipv4-default.yaml")
        h.press(.char("q"))
        #expect(h.effects == [.quit(0)])
        h.effects = []
        h.edit(.workerMaximum(0), to: "7")
        h.press(.char("q"))
        #expect(h.effects.isEmpty)
        #expect(h.model.mode == .confirmQuit)
        #expect(h.screen.contains("Unsaved edits"))
        h.press(.escape)
        #expect(h.model.mode == .normal)
        h.press(.char("q"), .char("y"))
        #expect(h.effects.count == 1)
        if case .save(let edits, false) = h.effects.first { #expect(edits.map(\.text) == ["7"]) } else { Issue.record("expected a save") }
        // The save's result decides: a failed save keeps the UI open, a successful one quits.
        #expect(h.model.update(.saved(.failure(SaveFailure(message: "disk full")))) == [])
        h.press(.char("q"), .char("y"))
        #expect(h.model.update(.saved(.success(SaveSuccess(path: "x", backup: nil)))) == [.quit(0)])
    }

    @Test func anOrdinarySaveDoesNotQuit() throws {
        var h = try AppHarness.sample("ipv4-default.yaml")
        h.edit(.workerMaximum(0), to: "7")
        h.press(.char("q"), .char("y"))
        _ = h.model.update(.saved(.failure(SaveFailure(message: "disk full"))))
        // The failed save-and-quit is forgotten: a later plain save does not quit.
        h.press(.char("w"))
        #expect(h.model.update(.saved(.success(SaveSuccess(path: "x", backup: nil)))) == [])
    }

    @Test func saveReportsAndClearsTheModifiedMark() throws {
        var h = try AppHarness.sample("ipv4-default.yaml")
        h.edit(.workerMaximum(0), to: "7")
        h.press(.char("w"))
        #expect(h.effects.last == .save(edits: h.model.edits, force: false))
        h.effects += h.model.update(.saved(.success(SaveSuccess(path: "x.yaml", backup: "x.yaml.bak"))))
        #expect(!h.model.isDirty)
        #expect(!h.screen.contains("● modified"))
        #expect(h.model.update(.saved(.failure(SaveFailure(message: "the file changed on disk", changedOnDisk: true)))) == [])
        #expect(h.model.mode == .confirmReload)
    }

    @Test func findAnAddress() throws {
        var h = try AppHarness.sample("gep-openstack.yaml")
        h.press(.char(":"))
        h.type("find 2001:db8::4000:0:1:5")
        h.press(.enter)
        #expect(h.model.message?.text.hasPrefix("2001:db8::4000:0:1:5 → pod CIDR 2001:db8::4000:0:1:0/112 of node node-b4") == true)
        #expect(h.model.highlight.contains(.node("node-b4")) || h.model.highlight.contains(.podCIDR(node: "node-b4", IPAMTestValues.b4Route)))
        // Every answer on a page, not cut to the status line.
        guard case .detail(let page) = h.model.mode else { Issue.record("no answers page: \(h.model.mode)"); return }
        #expect(page.lines.map(\.label).prefix(2) == ["pod CIDR", "node-reserved range"] || page.lines.first?.label == "pod CIDR")
        #expect(page.lines.contains { $0.label == "shoot range" && $0.text.hasPrefix("pods range") })
        h.press(.escape)
        h.press(.char(":"))
        h.type("find 2001:db8::zz")
        h.press(.enter)
        #expect(h.model.message?.role == .error)
    }

    @Test func signalWithEditsWritesRecoveryThenQuits() throws {
        var h = try AppHarness.sample("ipv4-default.yaml")
        h.edit(.workerMaximum(0), to: "7")
        h.send(.signal(15))
        #expect(h.effects.suffix(2) == [.writeRecovery(edits: h.model.edits), .quit(143)])
    }

    @Test func recoveryReplaysEdits() throws {
        var h = try AppHarness.sample("ipv4-default.yaml")
        let text = RecoveryFormat.encode([FieldEdit(field: .workerMaximum(0), text: "9", previous: "")])
        #expect(h.model.update(.recoveryFound(path: "x.shootnet-recovery", text: text)) == [])
        #expect(h.screen.contains("Unsaved edits found"))
        h.press(.char("r"))
        #expect(h.model.input.shoot.workers[0].maximum == 9)
        #expect(h.model.isDirty)
        // The recovery file stays until the replayed edits are saved.
        #expect(h.effects.isEmpty)
        h.effects += h.model.update(.saved(.success(SaveSuccess(path: "x", backup: "x.bak"))))
        #expect(h.effects == [.deleteRecovery])
    }

    @Test func nodesFilterAndSort() throws {
        var h = try AppHarness.sample("gep-openstack.yaml")
        h.press(.char("4"), .char("/"))
        h.type("b4")
        #expect(h.model.nodeRows.count == 1)
        h.press(.enter)
        #expect(h.screen.contains("/b4: 1"))
        h.press(.char("/"), .escape)
        #expect(h.model.nodeRows.count == 2)
        h.press(.char("s"))
        #expect(h.model.nodeSort == .name)
    }

    @Test func diagnosticSelectionHighlightsItsObjects() throws {
        var h = try AppHarness.sample("gep-openstack.yaml")
        h.press(.char("3"))
        let index = try #require(h.model.plan.diagnostics.firstIndex { $0.code.rawValue == "route.missing" })
        for _ in 0..<index { h.press(.down) }
        if index == 0 { h.press(.down, .up) }
        #expect(h.model.highlight.contains(.node("node-b4")))
        let canvas = h.model.view()
        #expect(canvas.cells.contains { $0.role == .highlight })
    }

    @Test func tooSmallTerminalSaysSo() throws {
        var h = try AppHarness.sample("gep-openstack.yaml")
        h.send(.resize(width: 40, height: 10))
        #expect(h.screen.contains("Terminal too small"))
        h.send(.resize(width: 120, height: 40))
        #expect(h.screen.contains("Upstream v6"))
    }

    @Test func helpOverlayAndCommandErrors() throws {
        var h = try AppHarness.sample("gep-openstack.yaml")
        h.press(.char("?"))
        #expect(h.screen.contains("shootnet keys"))
        h.press(.char("x"))
        #expect(h.model.mode == .normal)
        h.press(.char(":"))
        h.type("bogus")
        h.press(.enter)
        #expect(h.model.message?.text.contains("unknown command") == true)
    }

    @Test func mouseClickSelectsANode() throws {
        var h = try AppHarness.sample("gep-openstack.yaml", width: 170, height: 90)
        let lines = h.model.view().lines()
        let y = try #require(lines.firstIndex { $0.contains("node-b4") && $0.contains("│") })
        let x = try #require(lines[y].range(of: "node-b4")).lowerBound
        let column = lines[y].distance(from: lines[y].startIndex, to: x)
        h.send(.mouse(x: column, y: y, button: .left))
        #expect(h.model.selection == .node("node-b4"))
    }
}

enum IPAMTestValues {
    static var b4Route: Addressing.IPPrefix {
        guard let p = Addressing.IPPrefix("2001:db8::4000:0:1:0/112") else { preconditionFailure("test prefix") }
        return p
    }
}

import Addressing
