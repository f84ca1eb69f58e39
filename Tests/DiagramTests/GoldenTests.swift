import Canvas
import Diagram
import IPAM
import Testing

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
            Golden.check(canvas.text(), named: "\(name)-\(width).txt")
        }
    }

    @Test("ASCII render of the figure")
    func ascii() {
        let canvas = DiagramRenderer.render(PlanFixtures.openStackFigure(), width: 160, glyphs: .ascii)
        Golden.check(canvas.text(), named: "openstack-figure-160-ascii.txt")
    }
}
