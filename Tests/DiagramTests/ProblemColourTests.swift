import Addressing
import Canvas
import Diagram
import IPAM
import Spec
import Testing

/// Every object a finding names is drawn in its severity's colour, not only routes.
@Suite struct ProblemColourTests {
    /// The roles of the cells where `text` is drawn on the first line that shows it.
    static func roles(of text: String, in canvas: Canvas) -> [Role]? {
        let lines = canvas.lines()
        for (y, line) in lines.enumerated() {
            guard let r = line.range(of: text) else { continue }
            let x = line.distance(from: line.startIndex, to: r.lowerBound)
            return (x..<(x + text.count)).map { canvas[$0, y].role }
        }
        return nil
    }

    @Test func anOverlappingRangeIsDrawnAsAnError() throws {
        var plan = PlanFixtures.openStackFigure()
        let pods = try #require(plan.range(.pods, .v4)?.prefix)
        let services = try #require(plan.range(.services, .v4)?.prefix)
        plan.diagnostics = [Diagnostic(code: .overlapPodsServices, severity: .error, path: "spec.networking.services[0]",
                                       message: "overlap", objects: [.network(.pods, pods), .network(.services, services)])]
        let canvas = DiagramRenderer.render(plan, width: 160)
        let roles = try #require(Self.roles(of: "\(services)", in: canvas))
        #expect(roles.allSatisfy { $0 == .error }, "\(roles)")
        // A range no finding names keeps its calm colour.
        let nodes = try #require(plan.range(.nodes, .v6)?.prefix)
        #expect(Self.roles(of: "\(nodes)", in: canvas)?.allSatisfy { $0 != .error && $0 != .warning } == true)
    }

    @Test func aWarningNamesItsObjectInTheWarningColour() throws {
        var plan = PlanFixtures.openStackFigure()
        let services = try #require(plan.range(.services, .v6)?.prefix)
        plan.diagnostics = [Diagnostic(code: .serviceRangeTooLarge, severity: .warning, path: "spec.networking.services[1]",
                                       message: "large", objects: [.network(.services, services)])]
        let canvas = DiagramRenderer.render(plan, width: 160)
        #expect(Self.roles(of: "\(services)", in: canvas)?.allSatisfy { $0 == .warning } == true)
    }

    @Test func infoFindingsColourNothing() throws {
        var plan = PlanFixtures.openStackFigure()
        let services = try #require(plan.range(.services, .v6)?.prefix)
        let before = DiagramRenderer.render(plan, width: 160)
        plan.diagnostics = [Diagnostic(code: .documentationRange, severity: .info, path: "spec.networking.services[1]",
                                       message: "docs", objects: [.network(.services, services)])]
        let after = DiagramRenderer.render(plan, width: 160)
        #expect(Self.roles(of: "\(services)", in: before) == Self.roles(of: "\(services)", in: after))
    }
}
