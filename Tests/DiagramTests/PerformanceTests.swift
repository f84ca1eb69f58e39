import Canvas
import Diagram
import IPAM
import Testing

/// The UI re-lays out on every edit: layout plus drawing the visible viewport must stay
/// within 5 ms at 5,000 nodes in a release build (`swift test -c release --filter Performance`).
/// Debug builds only report the time.
@Suite("Diagram performance")
struct PerformanceTests {
    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// Median time of layout + one 200×60 viewport draw in the middle of the diagram.
    static func measure(_ plan: Plan, width: Int, runs: Int = 15) -> (median: Double, elements: Int) {
        let clock = ContinuousClock()
        var times: [Double] = []
        var elements = 0
        var canvas = Canvas(width: 200, height: 60)
        for _ in 0..<runs {
            let t = clock.measure {
                let d = Diagram(plan: plan, width: width)
                canvas.clear(canvas.bounds)
                d.draw(into: &canvas, viewport: Rect(x: 0, y: d.height / 2, width: 200, height: 60),
                       highlight: [.node("node-2500")], selection: .node("node-2501"))
                elements = d.elements(intersecting: Rect(x: 0, y: d.height / 2, width: 200, height: 60)).count
            }
            times.append(milliseconds(t))
        }
        return (times.sorted()[runs / 2], elements)
    }

    @Test("Layout and viewport drawing at 5,000 nodes")
    func fiveThousandNodes() {
        let budget = 5.0
        for (name, plan) in [("openstack", PlanFixtures.openStackLarge(5000, missingEvery: 10)), ("aws", PlanFixtures.awsLarge(5000))] {
            let (median, elements) = Self.measure(plan, width: 200)
            print("diagram \(name) 5000 nodes: \(elements) elements visible, layout + viewport \(median) ms (median)")
            #if !DEBUG
            #expect(median <= budget, "\(name): \(median) ms over the \(budget) ms budget")
            #endif
        }
    }
}
