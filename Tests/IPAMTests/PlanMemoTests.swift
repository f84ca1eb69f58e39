import Addressing
import Spec
import Testing
@testable import IPAM

/// The memo's switch: an enabled memo remembers the node steps and the diagnostic order, a
/// disabled one never does (so the incremental tests' reference really plans from scratch).
@Suite("Plan memo switch")
struct PlanMemoTests {
    static var shoot: PlanInput {
        var b = ShootBuilder.openStackDualStack(nodes: "10.250.0.0/16, AUTOv6", pods: "100.96.0.0/11, AUTOv6",
                                                services: "100.64.0.0/13, AUTOv6")
        b.observedNodes = [ObservedNode(name: "node-1", addresses: [ip("10.250.0.5"), ip("2001:db8:0:1::5")])]
        return b.input
    }

    @Test("An enabled memo remembers what the next run may replay")
    func enabledRemembers() {
        var memo = PlanMemo()
        let plan = Planner.plan(Self.shoot, memo: &memo)
        #expect(memo.isEnabled)
        #expect(memo.nodes != nil && memo.routes != nil && memo.diagnosticOrder != nil)
        #expect(Planner.plan(Self.shoot, memo: &memo) == plan)
    }

    @Test("A disabled memo remembers nothing, run after run")
    func disabledForgets() {
        var memo = PlanMemo.disabled
        let first = Planner.plan(Self.shoot, memo: &memo)
        let second = Planner.plan(Self.shoot, memo: &memo)
        #expect(!memo.isEnabled)
        #expect(memo.nodes == nil && memo.routes == nil && memo.template == nil && memo.nodeIdentity == nil)
        #expect(memo.podCoverage == nil && memo.diagnosticOrder == nil)
        #expect(first == second && first == Planner.plan(Self.shoot))
    }
}
