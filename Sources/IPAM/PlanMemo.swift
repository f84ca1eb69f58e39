import Addressing
import Spec

/// What the per-node steps of the last planning run read and produced, so the next run can
/// skip a step whose inputs did not change (the UI re-plans on every edit; most edits leave
/// the nodes alone).
///
/// Each remembered step is a function of one *inputs* value (slices of the input and results
/// of earlier steps) and nothing else — a static function that gets only that value and a
/// ``DiagnosticSink`` — and the inputs value is the memo key, so no key can miss an input. A step is skipped only when its key equals the
/// remembered one; its outputs and the diagnostics it reported are then put back exactly
/// where the step would have produced them, so a plan made with a memo is always equal to
/// ``Planner/plan(_:)`` of the same input. Keys compare node arrays with `==`, which is O(1)
/// while the arrays share storage (the usual case: edits do not touch the node list).
///
/// Opaque to callers: create an empty one and pass it to every ``Planner/plan(_:memo:)``.
/// ``disabled`` never replays anything (the tests' reference for "incremental = full").
public struct PlanMemo: Sendable {
    /// False for ``disabled``: every step runs and nothing is remembered.
    public let isEnabled: Bool
    var nodes: StepRecord<NodePlanKey, NodePlanOutput>?
    var routes: StepRecord<RoutePlanKey, RoutePlanOutput>?
    var template: StepRecord<TemplateCheckKey, Void>?
    var nodeIdentity: StepRecord<NodeIdentityCheckKey, Void>?
    var podCIDRPlacementV4: StepRecord<PodCIDRPlacementKey, Void>?
    var podCIDRPlacementV6: StepRecord<PodCIDRPlacementKey, Void>?
    var podCIDROverlapsV4: StepRecord<PodCIDROverlapKey, Void>?
    var podCIDROverlapsV6: StepRecord<PodCIDROverlapKey, Void>?
    /// The families some node of a node list has no pod prefix of (a pass over the list
    /// otherwise made for every ``NodePlanKey``).
    var podCoverage: (nodes: [ObservedNode], lacking: Set<IPFamily>)?
    /// The diagnostics as reported and in their final order (sorting 1,000 of them costs
    /// more than a re-plan that changed none).
    var diagnosticOrder: (reported: [Diagnostic], sorted: [Diagnostic])?

    // Literal key paths per family: no key path is built per run.
    static func podCIDRPlacement(_ family: IPFamily) -> WritableKeyPath<PlanMemo, StepRecord<PodCIDRPlacementKey, Void>?> {
        switch family {
        case .v4: \.podCIDRPlacementV4
        case .v6: \.podCIDRPlacementV6
        }
    }

    static func podCIDROverlaps(_ family: IPFamily) -> WritableKeyPath<PlanMemo, StepRecord<PodCIDROverlapKey, Void>?> {
        switch family {
        case .v4: \.podCIDROverlapsV4
        case .v6: \.podCIDROverlapsV6
        }
    }

    public init() { isEnabled = true }

    private init(disabled: Void) { isEnabled = false }

    /// A memo that remembers nothing: every run plans from scratch.
    public static var disabled: PlanMemo { PlanMemo(disabled: ()) }
}

/// One step's remembered run: what it read, what it produced and what it reported. A class
/// (never changed once made): a memo of records inline was a kilobyte, copied with every
/// builder, also by the landscape's thousands of runs that remember nothing.
final class StepRecord<Key: Equatable & Sendable, Output: Sendable>: Sendable {
    let key: Key
    let output: Output
    let diagnostics: [Diagnostic]

    init(key: Key, output: Output, diagnostics: [Diagnostic]) {
        self.key = key
        self.output = output
        self.diagnostics = diagnostics
    }
}

extension PlanBuilder {
    /// Runs a step that is a function of its inputs alone — `step` gets nothing but `inputs`
    /// and a sink for its findings — or replays its remembered run when the inputs are equal.
    /// The memo key *is* what the step reads, so it cannot forget an input. `slot` is made
    /// only when the memo is on: a key path with an argument (a family) is built at run time,
    /// which every shoot of a landscape, remembering nothing, paid for.
    mutating func memoized<Inputs, Output>(_ makeSlot: @autoclosure () -> WritableKeyPath<PlanMemo, StepRecord<Inputs, Output>?>,
                                           inputs: Inputs, step: (Inputs, inout DiagnosticSink) -> Output,
                                           restore: (inout PlanBuilder, Output) -> Void) {
        let slot = memo.isEnabled ? makeSlot() : nil
        if let slot, let record = memo[keyPath: slot], record.key == inputs {
            restore(&self, record.output)
            findings.append(record.diagnostics)
            return
        }
        var sink = newSink()
        let output = step(inputs, &sink)
        restore(&self, output)
        findings.append(sink.diagnostics)
        if let slot { memo[keyPath: slot] = StepRecord(key: inputs, output: output, diagnostics: sink.diagnostics) }
    }
}
