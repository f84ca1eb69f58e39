import Canvas
import Foundation
import IPAM
import Loading
import Spec
import Testing
@testable import App
import TestSupport

/// The UI leads an operator to the problem (issue "UI for triage"), headless: keys in,
/// model and canvas out.
@Suite("Triage in the UI")
struct TriageUITests {
    /// The 5,000-node shoot whose route quota is the root cause, at `width`×`height`.
    static func largeShoot(width: Int = 80, height: Int = 24) throws -> AppHarness {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let f = try LargeShoot.write(nodes: 5000, into: scratch)
        let loaded = try InputLoader.load(file: f.shoot, nodes: f.nodes, routes: f.router)
        return AppHarness(model: AppModel(file: f.shoot, input: loaded.input, width: width, height: height))
    }

    @Test("At 80×24 the root cause leads, the header keeps the counts and the hints keep help and quit")
    func rootCauseFirstAt80x24() throws {
        let h = try Self.largeShoot()
        let lines = h.model.view().lines()
        #expect(lines[0].hasSuffix("101E 7W"), "\(lines[0])")
        #expect(lines[23].contains("? help") && lines[23].contains("q quit"), "\(lines[23])")
        let header = try #require(lines.firstIndex { $0.contains("SEVERITY  CODE") })
        #expect(lines[header + 1].contains("route.quota"))
        #expect(lines[header + 2].contains("route.missing ×100"))
        // The router the root cause names is in view, in the error colour.
        let canvas = h.model.view()
        let rect = try #require(h.model.diagram.rect(of: .router("large-5000-v6")))
        let y = rect.y - h.model.scrollY + h.model.layout.topology.y
        #expect(y >= 1 && y < header)
        let roles = (0..<80).map { canvas[$0, y + 2].role }
        #expect(roles.contains(.error), "\(lines[y + 2])")
    }

    @Test("Golden screens of the collapsed lists at 80×24: diagnostics, nodes, routes")
    func goldenCollapsedLists() throws {
        var h = try Self.largeShoot()
        Golden.expect(h.screen, matches: "ui-large-5000-80x24-diagnostics.txt")
        h.press(.char("4"))
        Golden.expect(h.screen, matches: "ui-large-5000-80x24-nodes.txt")
        h.press(.char("5"))
        Golden.expect(h.screen, matches: "ui-large-5000-80x24-routes.txt")
    }

    @Test("Two keys reach each failing object: ] steps through them, Enter opens the full text with its fix")
    func everyFailingObjectInTwoKeys() throws {
        var h = try Self.largeShoot()
        // Diagnostics: Enter on the root cause shows it in full.
        h.press(.char("3"), .enter)
        guard case .detail(let quota) = h.model.mode else { Issue.record("no detail: \(h.model.mode)"); return }
        #expect(quota.title == "error route.quota")
        #expect(quota.lines.contains { $0.label == "message" && $0.text.contains("needs 5000 routes") })
        h.press(.escape)
        // ] moves to the folded missing routes; Enter unfolds them, ] then walks them.
        h.press(.char("]"))
        #expect(h.model.rows[.diagnostics] == 1)
        h.press(.enter)
        #expect(h.model.expandedCodes == [.routeMissing])
        #expect(h.model.diagnosticRows.count > 100)
        h.press(.char("]"), .enter)
        guard case .detail(let missing) = h.model.mode else { Issue.record("no detail: \(h.model.mode)"); return }
        #expect(missing.command?.hasPrefix("openstack router add route --route destination=") == true)
        h.press(.escape)
        // Routes: the failing ones first; each in two keys (] then Enter).
        h.press(.char("5"))
        #expect(h.model.routeRows.first?.status == .missing)
        h.press(.char("]"), .char("]"))
        #expect(h.model.rows[.routes] == 2)
        h.press(.enter)
        guard case .detail(let route) = h.model.mode else { Issue.record("no detail: \(h.model.mode)"); return }
        #expect(route.lines.contains { $0.label == "status" && $0.text == "missing" })
        h.press(.char("c"))
        #expect(h.effects.last == .copy(route.command ?? "-"))
        h.press(.escape)
        // The topology: ] selects the objects findings name, root cause first.
        h.press(.char("1"), .escape, .char("]"))
        #expect(h.model.selection == .router("large-5000-v6"))
        h.press(.char("]"))
        guard case .route(_, let destination) = h.model.selection else { Issue.record("selected \(String(describing: h.model.selection))"); return }
        #expect(h.model.plan.routes.first { $0.destination == destination }?.status == .missing)
    }

    @Test("/ filters every list by any shown column; nodes show route status and problems")
    func filtersEveryList() throws {
        var h = try Self.largeShoot(width: 160, height: 45)
        h.press(.char("4"), .char("/"))
        h.type("missing")
        h.press(.enter)
        #expect(h.model.nodeRows.count == 100)
        #expect(h.screen.contains("/missing: 100"))
        let row = try #require(h.row(containing: "node-00007"))
        #expect(row.contains("missing") && row.contains("route.missing"))
        h.press(.char("5"), .char("/"))
        h.type("stale")
        h.press(.enter)
        #expect(h.model.routeRows.count == 5 && h.model.routeRows.allSatisfy { $0.status == .stale })
        h.press(.char("3"), .char("/"))
        h.type("quota")
        h.press(.enter)
        #expect(h.model.diagnosticRows == [.finding(0)])
        h.press(.char("/"), .escape)
        #expect(h.model.diagnosticRows.count > 1)
    }

    @Test("The nodes table starts problems first; s sorts by each column, S reverses")
    func sortByAnyColumn() throws {
        var h = try AppHarness.sample("gep-openstack.yaml")
        h.press(.char("4"))
        // node-b4's route is missing: problems first puts it before node-a1.
        #expect(h.model.nodeSort == .problem)
        let first = h.model.nodeRows.map { h.model.plan.nodes[$0].name }
        #expect(first == ["node-b4", "node-a1"])
        h.press(.char("S"))
        #expect(h.model.nodeSortDescending)
        #expect(h.model.nodeRows.map { h.model.plan.nodes[$0].name } == first.reversed())
        var seen: [NodeSort] = []
        for _ in NodeSort.allCases {
            h.press(.char("s"))
            seen.append(h.model.nodeSort)
        }
        #expect(Set(seen) == Set(NodeSort.allCases))
        h.press(.char("s"), .char("s"), .char("s"))
        #expect(h.model.nodeSort == .route)
        // node-b4's route is missing: it sorts first by route status.
        #expect(h.model.plan.nodes[h.model.nodeRows[0]].name == "node-b4")
    }

    @Test("The +N more marker has its own row")
    func moreMarkerOwnRow() throws {
        var h = try Self.largeShoot()
        h.press(.char("4"))
        let lines = h.model.view().lines()
        let marker = try #require(lines.firstIndex { $0.contains("more (PgDn") })
        #expect(lines[marker].trimmingCharacters(in: .whitespaces).hasPrefix("+"))
        #expect(lines[marker - 1].contains("node-"))
        #expect(!lines[marker].contains("node-"))
    }

    @Test("The selected finding stays selected across a re-plan that keeps it")
    func selectionSurvivesReplan() throws {
        var h = try AppHarness.sample("gep-openstack.yaml")
        h.press(.char("3"))
        let target = try #require(h.model.diagnosticRows.firstIndex {
            $0.diagnostic.map { h.model.plan.diagnostics[$0].code == .overlapPodsServices } ?? false
        })
        for _ in 0..<target { h.press(.down) }
        #expect(h.model.rows[.diagnostics] == target)
        // An edit that adds a finding before it (a huge maximum) keeps the overlap selected.
        h.edit(.workerMaximum(0), to: "100000")
        h.press(.char("3"))
        let row = try #require(h.model.rows[.diagnostics])
        let selected = try #require(h.model.diagnosticRows[row].diagnostic)
        #expect(h.model.plan.diagnostics[selected].code == .overlapPodsServices)
    }

    @Test("Undo and redo say what changed")
    func undoSaysWhatChanged() throws {
        var h = try AppHarness.sample("gep-openstack.yaml")
        let before = SpecField.networks(.services).text(in: h.model.input)
        h.edit(.networks(.services), to: "10.1.0.0/16, 2001:db8:0:0:8000::/108")
        h.press(.escape, .char("u"))
        #expect(h.model.message?.text == "undid services: 10.1.0.0/16, 2001:db8:0:0:8000::/108 → \(before)")
        h.press(.ctrl("r"))
        #expect(h.model.message?.text == "redid services: \(before) → 10.1.0.0/16, 2001:db8:0:0:8000::/108")
    }

    @Test(":w FILE writes a copy, :saveas FILE moves to it")
    func saveUnderAnotherName() throws {
        var h = try AppHarness.sample("gep-openstack.yaml")
        h.edit(.workerMaximum(0), to: "7")
        h.press(.escape, .char(":"))
        h.type("w /tmp/variant.yaml")
        h.press(.enter)
        #expect(h.effects.last == .saveAs(path: "/tmp/variant.yaml", edits: h.model.edits, force: false, adopt: false))
        h.effects += h.model.update(.savedAs(.success(SaveSuccess(path: "/tmp/variant.yaml", backup: nil)), adopt: false))
        #expect(h.model.isDirty)
        #expect(h.model.message?.text.hasPrefix("wrote /tmp/variant.yaml") == true)
        h.press(.char(":"))
        h.type("saveas /tmp/variant.yaml")
        h.press(.enter)
        #expect(h.effects.last == .saveAs(path: "/tmp/variant.yaml", edits: h.model.edits, force: false, adopt: true))
        h.effects += h.model.update(.savedAs(.success(SaveSuccess(path: "/tmp/variant.yaml", backup: nil)), adopt: true))
        #expect(h.model.file == "/tmp/variant.yaml" && !h.model.isDirty)
    }

    @Test("A file changed on disk is reloaded when nothing would be lost, and only offered otherwise")
    func changedOnDisk() throws {
        var h = try AppHarness.sample("gep-openstack.yaml")
        #expect(h.model.update(.fileChangedOnDisk) == [.reload])
        _ = h.model.update(.reloaded(.success(h.model.input)))
        #expect(h.model.message?.text.contains("changed on disk; reloaded it") == true)
        h.edit(.workerMaximum(0), to: "7")
        #expect(h.model.update(.fileChangedOnDisk) == [])
        #expect(h.model.message?.text.contains(":reload loads it") == true)
    }

    @Test("Help scrolls when it does not fit")
    func helpScrolls() throws {
        var h = try AppHarness.sample("gep-openstack.yaml", width: 80, height: 24)
        h.press(.char("?"))
        let first = h.screen
        #expect(first.contains("shootnet keys (1-"))
        let last = try #require(h.model.helpLines.last)
        #expect(!first.contains(last.trimmingCharacters(in: .whitespaces)))
        for _ in 0..<40 { h.press(.down) }
        #expect(h.screen.contains(last.trimmingCharacters(in: .whitespaces)))
        h.press(.char("x"))
        #expect(h.model.mode == .normal)
    }

    @Test("An ASCII screen gets nothing but ASCII", arguments: ["gep-openstack.yaml", "broken-overlap.yaml"])
    func asciiOnly(sample: String) throws {
        var h = try AppHarness.sample(sample, width: 80, height: 24)
        h.model.glyphs = .ascii
        for keys in [[Key.char("1")], [.char("3"), .enter], [.escape, .char("4")], [.char("5"), .enter], [.escape, .char("?")]] {
            h.press(keys[0])
            for k in keys.dropFirst() { h.press(k) }
            let text = h.screen
            let nonASCII = text.unicodeScalars.filter { !$0.isASCII }
            #expect(nonASCII.isEmpty, "\(nonASCII)")
        }
    }

    @Test("From 60 columns on the diagram fits the terminal's width")
    func narrowLayout() throws {
        for width in [60, 70, 79] {
            let h = try AppHarness.sample("gep-openstack.yaml", width: width, height: 24)
            #expect(h.model.diagram.width <= width, "width \(width): diagram \(h.model.diagram.width)")
            #expect(h.model.view().lines()[0].hasSuffix("3E 2W"), "\(h.model.view().lines()[0])")
        }
    }
}
