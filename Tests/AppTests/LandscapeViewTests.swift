import Canvas
import IPAM
import Loading
import Spec
import Testing
@testable import App
import TestSupport

/// The landscape view headless: collisions first, the filter, a shoot opened and closed,
/// `:find` across the landscape.
@Suite("Landscape view")
struct LandscapeViewTests {
    /// Three shoots on an unknown seed: a and c share an IPv6 range, b is on its own.
    static func model() throws -> (LandscapeModel, LandscapeInput) {
        let text = LandscapeFixtures.list(
            LandscapeFixtures.shootItem("a", v6: "2001:db8:1::/64"),
            LandscapeFixtures.shootItem("b", v6: "2001:db8:2::/64"),
            LandscapeFixtures.shootItem("c", v6: "2001:db8:1::/64"))
        let input = try LandscapeLoader.parse([(file: "shoots.yaml", text: text)])
        let result = LandscapeCheck.check(input)
        return (LandscapeModel(result: result, source: "shoots.yaml", width: 120, height: 30), input)
    }

    @Test("The shoots in a collision come first, with their count")
    func collisionsFirst() throws {
        let (m, _) = try Self.model()
        #expect(m.rows.prefix(2).map(\.name) == ["garden-a/a", "garden-a/c"])
        #expect(m.rows.prefix(2).allSatisfy { $0.collisions == 1 })
        #expect(m.rows[2].name == "garden-a/b" && m.rows[2].collisions == 0)
        let lines = m.view().lines()
        #expect(lines[0].contains("1 collision"))
        #expect(lines[2].contains("garden-a/a") && lines[2].contains("1 collision"))
        #expect(lines[2].contains("pods 2001:db8:1::/64"))
    }

    @Test("/ filters by any column; Esc clears it")
    func filter() throws {
        var (m, _) = try Self.model()
        _ = m.update(.input(.key(.char("/"))))
        for c in "db8:2::" { _ = m.update(.input(.key(.char(c)))) }
        _ = m.update(.input(.key(.enter)))
        #expect(m.shown.map { m.rows[$0].name } == ["garden-a/b"])
        _ = m.update(.input(.key(.escape)))
        #expect(m.shown.count == 3)
    }

    @Test("Enter opens the shoot's topology, read-only; q comes back to the landscape")
    func openAShootAndComeBack() throws {
        var (m, input) = try Self.model()
        _ = m.update(.input(.key(.down)))
        let effects = m.update(.input(.key(.enter)))
        #expect(effects == [.loadShoot(2)])
        let shoot = input.shoots[2]
        _ = m.update(.shootLoaded(index: 2, .success(PlanInput(shoot: shoot, settings: Settings(), observed: ObservedState()))))
        #expect(m.shoot?.readOnly == true)
        #expect(m.view().lines()[0].contains("shootnet  c ·"))
        // Keys go to the shoot: 3 is its diagnostics pane.
        _ = m.update(.input(.key(.char("3"))))
        #expect(m.shoot?.focus == .diagnostics)
        // Read-only: :reload is refused in words, not passed on.
        for key in [Key.char(":")] + "reload".map(Key.char) + [.enter] { #expect(m.update(.input(.key(key))) == []) }
        #expect(m.shoot?.message?.text.hasPrefix("read-only") == true)
        #expect(m.update(.input(.key(.char("q")))) == [])
        #expect(m.shoot == nil)
        #expect(m.view().lines()[0].contains("shootnet landscape"))
        #expect(m.message?.text == "back in the landscape view")
        // A signal in the shoot ends everything.
        _ = m.update(.shootLoaded(index: 0, .success(PlanInput(shoot: input.shoots[0], settings: Settings(), observed: ObservedState()))))
        #expect(m.update(.input(.signal(15))) == [.quit(143)])
    }

    @Test(":find names every range of the landscape that holds the address")
    func findAcrossTheLandscape() throws {
        var (m, _) = try Self.model()
        m.find("2001:db8:1::5")
        guard case .detail(let page) = m.mode else { Issue.record("no page: \(m.mode)"); return }
        #expect(page.title == "find 2001:db8:1::5: 4 ranges")
        #expect(Set(page.lines.map(\.label)) == ["shoot garden-a/a", "shoot garden-a/c"])
        m.find("2001:db8:2::/48")
        guard case .detail(let wide) = m.mode else { Issue.record("no page: \(m.mode)"); return }
        #expect(wide.lines.allSatisfy { $0.label == "shoot garden-a/b" })
        m.find("2001:db8:9::1")
        #expect(m.message?.role == .warning)
    }
}
