import Addressing
import Spec

extension PlanBuilder {
    /// Every check on the resolved plan. Each check lives in its own file.
    mutating func runChecks() {
        checkShootValidation()
        checkSettings()
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
