import Canvas
import Diagram
import IPAM
import Testing
import TestSupport

@Suite("Diagram golden files")
struct GoldenTests {
    static let plans: [(String, @Sendable () -> Plan)] = [
        ("openstack-figure", PlanFixtures.openStackFigure),
        ("aws-simulated", { PlanFixtures.awsSimulated() }),
        ("ipv4-only", PlanFixtures.ipv4Only),
    ]

    @Test("Unicode renders at 80 and 160 columns", arguments: [80, 160])
    func unicode(width: Int) {
        for (name, plan) in Self.plans {
            let canvas = DiagramRenderer.render(plan(), width: width)
            #expect(canvas.width == width)
            Golden.expect(canvas.text() + "\n", matches: "diagram-\(name)-\(width).txt")
        }
    }

    @Test("ASCII render of the figure")
    func ascii() {
        let canvas = DiagramRenderer.render(PlanFixtures.openStackFigure(), width: 160, glyphs: .ascii)
        Golden.expect(canvas.text() + "\n", matches: "diagram-openstack-figure-160-ascii.txt")
    }
}
