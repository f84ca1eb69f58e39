import Addressing
import Spec

/// The IPAM engine: a pure function from what the user wrote and what the cloud reported to
/// a complete ``Plan``. Same input, same plan; no I/O.
public enum Planner {
    public static func plan(_ input: PlanInput) -> Plan {
        var memo = PlanMemo()
        return plan(input, memo: &memo)
    }

    /// The plan of `input`, equal to ``plan(_:)``, with the per-node steps whose inputs are
    /// unchanged since the run that filled `memo` replayed instead of run; `memo` then holds
    /// this run. For re-planning after an edit (see ``PlanMemo``).
    public static func plan(_ input: PlanInput, memo: inout PlanMemo) -> Plan {
        run(input, memo: &memo, infoText: true)
    }

    /// ``plan(_:)`` for a caller that counts the infos but never shows them (a landscape's
    /// per-shoot summary): the same plan, but infos carry no message text. Writing the text
    /// of every info of 10,000 shoots (prefixes formatted, lists joined) was about a twelfth
    /// of planning them.
    public static func summary(_ input: consuming PlanInput) -> Plan {
        var memo = PlanMemo.disabled
        return run(input, memo: &memo, infoText: false)
    }

    /// `input` is consumed: the builder keeps it, and a copy of a 2 KB input (and a retain
    /// per reference in it) per planned shoot is what a landscape can do without.
    private static func run(_ input: consuming PlanInput, memo: inout PlanMemo, infoText: Bool) -> Plan {
        var b = PlanBuilder(input: input, memo: memo, infoText: infoText)
        memo = memo.isEnabled ? PlanMemo() : .disabled
        b.resolveFamilies()
        b.resolveRanges()
        b.resolveNodeMasks()
        b.layoutSubnets()
        b.planNodes()
        b.planRoutes()
        b.computeCapacity()
        b.runChecks()
        let plan = b.finish()
        memo = b.memo
        return plan
    }
}

/// Working state of one planning run. Each step lives in its own file as an extension.
struct PlanBuilder {
    /// The run's input, held by reference: steps call the builder's own helpers, and each
    /// such call may copy the builder, which with 2 KB of input inline was a large copy.
    private let inputBox: InputBox
    var input: PlanInput { inputBox.input }
    let profile: ProviderProfile
    var plan: Plan
    /// Per-family pod prefix template in node-prefix mode.
    let template: PodPrefixTemplate
    /// The node-reserved first part of each node prefix (the proposal's /100); nil where the
    /// provider's own layout reserves nothing.
    let reservedLength: Int?
    /// The previous run's per-node steps, replaced by this run's as it goes.
    var memo: PlanMemo
    /// ``zones(of:)`` of the shoot.
    let zones: [String]
    /// Whether infos get their message text (see ``Planner/summary(_:)``).
    let infoText: Bool
    /// The findings of this run, in report order (see ``report(_:path:_:objects:at:severity:origin:)``).
    let findings = Findings()

    final class InputBox: Sendable {
        let input: PlanInput
        init(_ input: PlanInput) { self.input = input }
    }

    /// A run's findings, held by reference so reporting does not mutate the builder.
    final class Findings {
        private(set) var list: [Diagnostic] = []
        func append(_ more: [Diagnostic]) { list.append(contentsOf: more) }
    }

    init(input: consuming PlanInput, memo: PlanMemo = PlanMemo(), infoText: Bool = true) {
        let box = InputBox(input)
        inputBox = box
        self.memo = memo
        self.infoText = infoText
        // Fields read through the box, not the shoot or the settings copied out of it (a copy
        // retains every reference they hold, for every shoot of a landscape).
        let providerType = box.input.shoot.providerType
        profile = ProviderProfile.profile(for: providerType).applying(box.input.settings)
        plan = Plan(shootName: box.input.shoot.name, provider: providerType, providerName: box.input.shoot.provider.value,
                    region: box.input.shoot.region)
        template = box.input.settings.podPrefixTemplate?.value ?? profile.defaultTemplate ?? .standard
        // The proposal's reservation; AWS and GCP reserve nothing unless the settings say so.
        reservedLength = box.input.settings.nodeReservedLength?.value ?? (profile.defaultTemplate == nil ? 100 : nil)
        plan.workersMaximum = box.input.shoot.workers.reduce(0) { $0 &+ max(0, $1.maximum) }
        zones = Self.zones(of: box)
    }

    var shoot: Shoot { input.shoot }
    var settings: Settings { input.settings }

    /// Reports a finding. Not `mutating`, so a message may read the builder's state and is
    /// still only written when it is kept (``infoText``).
    func report(_ code: DiagnosticCode, path: String, _ message: @autoclosure () -> String, objects: [ObjectRef] = [],
                at location: SourceLocation? = nil, severity: Severity? = nil, origin: DiagnosticOrigin? = nil) {
        var sink = newSink()
        sink.report(code, path: path, message(), objects: objects, at: location, severity: severity, origin: origin)
        findings.append(sink.diagnostics)
    }

    /// The findings reported so far, in report order.
    var reported: [Diagnostic] { findings.list }

    /// Where a step reports: findings without a location point at the Shoot document.
    func newSink() -> DiagnosticSink { DiagnosticSink(defaultLocation: shoot.location, infoText: infoText) }

    /// A stable key for simulated choices: the same shoot always gets the same ranges.
    var simulationKey: String { "\(shoot.namespace ?? "")/\(shoot.name)" }

    /// Zones of all worker pools, in order of first appearance.
    /// The infrastructure config's zones come first, in their order (AWS numbers its subnets
    /// by that position).
    static func zones(of box: InputBox) -> [String] {
        var out: [String] = []
        out.reserveCapacity(box.input.shoot.workers.reduce(box.input.shoot.infrastructure?.zones.count ?? 1) { $0 + $1.zones.count })
        // A shoot names a few zones: comparing is cheaper than hashing until there are many.
        var seen: Set<String>?
        func add(_ zone: String) {
            if seen == nil && out.count >= 16 { seen = Set(out) }
            if seen != nil {
                if seen!.insert(zone).inserted { out.append(zone) }
            } else if !out.contains(zone) {
                out.append(zone)
            }
        }
        for z in box.input.shoot.infrastructure?.zones ?? [] { add(z.name) }
        for w in box.input.shoot.workers { for z in w.zones { add(z) } }
        if out.isEmpty { out.append(box.input.shoot.region ?? "zone-1") }
        return out
    }

    /// The plan with its diagnostics in their final order (the memo's when they are the
    /// diagnostics it last ordered: O(n) while they share their strings with those).
    mutating func finish() -> Plan {
        var p = plan
        p.diagnostics = reported
        if memo.isEnabled, let order = memo.diagnosticOrder, order.reported == p.diagnostics {
            p.diagnostics = order.sorted
            return p
        }
        let reported = p.diagnostics
        // Most shoots of a landscape have one finding or none: nothing to order.
        guard reported.count > 1 else {
            if memo.isEnabled { memo.diagnosticOrder = (reported, reported) }
            return p
        }
        // Errors first; within a severity the shoot-level findings (a route quota, a range
        // conflict) before the per-object ones they explain (each missing route); then by
        // code and path, then as reported: a stable order users and tests can rely on.
        // Positions are sorted, not diagnostics (moving one costs its references).
        let order = reported.withUnsafeBufferPointer { d in
            d.indices.sorted { a, b in
                if d[a].severity != d[b].severity { return d[a].severity > d[b].severity }
                let perObjectA = d[a].code.isPerObject, perObjectB = d[b].code.isPerObject
                if perObjectA != perObjectB { return perObjectB }
                if d[a].code != d[b].code { return d[a].code.rawValue < d[b].code.rawValue }
                if d[a].path != d[b].path { return d[a].path < d[b].path }
                return a < b
            }
        }
        p.diagnostics = order.map { reported[$0] }
        if memo.isEnabled { memo.diagnosticOrder = (reported, p.diagnostics) }
        return p
    }
}
