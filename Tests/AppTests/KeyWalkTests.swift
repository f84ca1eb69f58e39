import Canvas
import IPAM
import Loading
import Spec
import Testing
@testable import App
import TestSupport

/// Seeded random walks of keys, mouse clicks and resizes over the UI and the landscape view:
/// nothing traps, the screen is always the terminal's size, and every selected row exists.
@Suite("Random key walks")
struct KeyWalkTests {
    static let keys: [Key] = [
        .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace,
        .char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("]"), .char("["), .char("/"), .char("s"),
        .char("S"), .char("n"), .char("N"), .char("o"), .char("c"), .char("u"), .char("?"), .char(":"), .char("j"),
        .char("k"), .char("g"), .char("G"), .char("x"), .char("1"), .char("0"), .char("."), .char(":"), .char("f"),
        .char("i"), .char("n"), .char("d"), .char(" "), .char("/"), .ctrl("r"), .ctrl("u"),
    ]

    static func event(_ rng: inout SplitMix64, width: Int, height: Int) -> InputEvent {
        switch rng.next() % 40 {
        case 0: return .mouse(x: Int(rng.next() % UInt64(max(1, width))), y: Int(rng.next() % UInt64(max(1, height))), button: .left)
        case 1: return .resize(width: [50, 60, 72, 80, 120, 200][Int(rng.next() % 6)], height: [12, 16, 24, 40][Int(rng.next() % 4)])
        default: return .key(keys[Int(rng.next() % UInt64(keys.count))])
        }
    }

    @Test("The shoot UI", arguments: ["gep-openstack.yaml", "broken-overlap.yaml", "broken-routes.yaml", "large"])
    func shootUI(sample: String) throws {
        var h: AppHarness
        if sample == "large" {
            let scratch = try Scratch()
            defer { scratch.remove() }
            let f = try LargeShoot.write(nodes: 300, into: scratch)
            let loaded = try InputLoader.load(file: f.shoot, nodes: f.nodes, routes: f.router)
            h = AppHarness(model: AppModel(file: f.shoot, input: loaded.input, width: 80, height: 24, readOnly: true))
        } else {
            h = try AppHarness.sample(sample, width: 80, height: 24)
        }
        var rng = SplitMix64(seed: 0x5EED)
        for step in 0..<1500 {
            let e = Self.event(&rng, width: h.model.width, height: h.model.height)
            // q would end the walk (the effect is only recorded, the model goes on).
            h.send(e)
            let canvas = h.model.view()
            #expect(canvas.width == h.model.width && canvas.height == h.model.height, "step \(step)")
            for pane in [Pane.diagnostics, .nodes, .routes, .spec] where h.model.rowCount(pane) > 0 {
                #expect((0..<h.model.rowCount(pane)).contains(h.model.rows[pane] ?? 0), "step \(step) \(pane)")
            }
        }
    }

    @Test("The landscape view")
    func landscape() throws {
        let text = LandscapeFixtures.list(
            LandscapeFixtures.shootItem("a", v6: "2001:db8:1::/64"), LandscapeFixtures.shootItem("b", v6: "2001:db8:2::/64"),
            LandscapeFixtures.shootItem("c", v6: "2001:db8:1::/64"), LandscapeFixtures.shootItem("d", seed: nil))
        let input = try LandscapeLoader.parse([(file: "l.yaml", text: text)])
        var m = LandscapeModel(result: LandscapeCheck.check(input), source: "l.yaml", width: 80, height: 24)
        var rng = SplitMix64(seed: 0xA11)
        for step in 0..<1500 {
            for effect in m.update(.input(Self.event(&rng, width: m.width, height: m.height))) {
                if case .loadShoot(let i) = effect {
                    _ = m.update(.shootLoaded(index: i, .success(PlanInput(shoot: input.shoots[i], settings: Settings(), observed: ObservedState()))))
                }
            }
            let canvas = m.view()
            #expect(canvas.width == m.width && canvas.height == m.height, "step \(step)")
            #expect(m.shown.isEmpty || m.shown.indices.contains(m.selected), "step \(step)")
        }
    }
}
