import Addressing
import Spec

extension PlanBuilder {
    /// Every check of DESIGN §1 on the resolved plan. Each check lives in its own file.
    mutating func runChecks() {
        checkOverlaps()
        checkSpecialRanges()
        checkSizes()
        checkTemplate()
        checkNodes()
        checkOpenStack()
        checkProvider()
        checkCapacity()
    }
}
