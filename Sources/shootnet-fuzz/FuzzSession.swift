/// The seeded mutation loop: picks a target, makes an input (generated, or a seed mutated
/// at byte level and structurally), runs the target's invariants, and keeps inputs that got
/// through a loader as further seeds. Same seed, same inputs, same order.
struct FuzzSession {
    struct Options {
        var iterations = 100_000
        var seed: UInt64 = 1
        var targets = FuzzTarget.allCases
        var maxLength = 256 << 10
        /// An input that takes longer than this is reported as a hang.
        var slowLimit: Duration = .seconds(5)
        var maxFindings = 10
    }

    struct Report {
        var inputs = 0
        var perTarget: [FuzzTarget: Int] = [:]
        var accepted = 0
        var findings: [(target: FuzzTarget, finding: Finding, input: [UInt8])] = []
        var slowest: (target: FuzzTarget, duration: Duration) = (.address, .zero)
        var elapsed: Duration = .zero
    }

    let options: Options
    private var r: FuzzRandom
    private let mutator: ByteMutator
    private var pools: [FuzzTarget: [String]] = [:]
    private var seedCounts: [FuzzTarget: Int] = [:]
    private let scratch = ScratchFile()
    private(set) var report = Report()

    init(options: Options, corpus: SeedCorpus) {
        self.options = options
        r = FuzzRandom(seed: options.seed)
        mutator = ByteMutator(maxLength: options.maxLength)
        var generator = FuzzRandom(seed: options.seed ^ 0x5EED)
        pools[.address] = (0..<64).map { _ in TextGenerators.address(&generator) }
        pools[.prefix] = (0..<64).map { _ in TextGenerators.prefix(&generator) }
        pools[.prefixOrAddress] = (0..<64).map { _ in generator.oneIn(2) ? TextGenerators.address(&generator) : TextGenerators.prefix(&generator) }
        pools[.tuple] = (0..<64).map { _ in TextGenerators.tuple(&generator) }
        pools[.template] = (0..<32).map { _ in TextGenerators.template(&generator) }
        pools[.mainYAML] = corpus.mainYAML
        pools[.mainJSON] = corpus.mainJSON
        pools[.nodes] = corpus.nodes
        pools[.routes] = corpus.routes
        pools[.seed] = corpus.seeds
        pools[.theme] = corpus.themes
        pools[.editor] = corpus.mainYAML
        for (t, p) in pools { seedCounts[t] = p.count }
    }

    /// Cheap targets get three turns for each turn of a document target.
    private var schedule: [FuzzTarget] {
        options.targets.flatMap { $0.isDocument ? [$0] : [$0, $0, $0] }
    }

    mutating func run(progress: (Report) -> Void = { _ in }) -> Report {
        let clock = ContinuousClock()
        let start = clock.now
        let order = schedule
        for i in 0..<options.iterations {
            guard !order.isEmpty, report.findings.count < options.maxFindings else { break }
            let target = order[i % order.count]
            let t0 = clock.now
            runOne(target)
            let took = t0.duration(to: clock.now)
            if took > report.slowest.duration { report.slowest = (target, took) }
            if took > options.slowLimit {
                report.findings.append((target, Finding("slow input: \(took) (limit \(options.slowLimit))"), lastInput))
            }
            report.inputs += 1
            report.perTarget[target, default: 0] += 1
            if report.inputs % 100_000 == 0 {
                report.elapsed = start.duration(to: clock.now)
                progress(report)
            }
        }
        report.elapsed = start.duration(to: clock.now)
        scratch.remove()
        return report
    }

    private var lastInput: [UInt8] = []

    private mutating func runOne(_ target: FuzzTarget) {
        if target == .editor { return runEditor() }
        let text = makeInput(target)
        lastInput = Array(text.utf8)
        do throws(Finding) {
            try FuzzChecks.check(target, text, scratch: scratch, planPurity: r.oneIn(16))
            if target.isDocument && r.oneIn(4) && loads(target, text) { keep(text, for: target) }
        } catch {
            report.findings.append((target, error, lastInput))
        }
    }

    private mutating func runEditor() {
        var text = pick(.editor)
        if r.oneIn(4) { text = TextMutator.mutate(text, using: &r) }
        let edit = EditorInvariants.randomEdit(&r)
        lastInput = Array("edit \(edit.pathText) = \(EditorInvariants.describe(edit.value)) on:\n\(text)".utf8)
        do throws(Finding) {
            try EditorInvariants.edit(edit, on: text)
        } catch {
            report.findings.append((.editor, error, lastInput))
        }
    }

    /// Whether a document input got all the way through its loader (worth mutating further).
    private mutating func loads(_ target: FuzzTarget, _ text: String) -> Bool {
        switch target {
        case .mainYAML, .mainJSON:
            let ok = (try? LoaderInvariants.main(text, planEvery: false)) != nil
            if ok { report.accepted += 1 }
            return ok
        default:
            return false
        }
    }

    private mutating func keep(_ text: String, for target: FuzzTarget) {
        var pool = pools[target] ?? []
        let seeds = seedCounts[target] ?? 0
        if pool.count < seeds + 64 {
            pool.append(text)
        } else {
            pool[seeds + r.below(pool.count - seeds)] = text
        }
        pools[target] = pool
    }

    private mutating func pick(_ target: FuzzTarget) -> String {
        r.pick(pools[target] ?? [], or: "")
    }

    private mutating func makeInput(_ target: FuzzTarget) -> String {
        if !target.isDocument && r.oneIn(2) {
            switch target {
            case .address: return TextGenerators.address(&r)
            case .prefix, .prefixOrAddress: return TextGenerators.prefix(&r)
            case .tuple: return TextGenerators.tuple(&r)
            default: return TextGenerators.template(&r)
            }
        }
        if target.isDocument && r.oneIn(150) { return TextGenerators.bomb(&r, json: target != .mainYAML && r.oneIn(2)) }
        if (target == .mainYAML || target == .editor) && r.oneIn(20) { return TextGenerators.aliasStructure(&r) }
        let base = pick(target)
        let other = Array(pick(target).utf8)
        let way = target.isDocument ? r.below(5) : 4
        if way < 2 {
            var text = base
            for _ in 0..<(1 + r.below(3)) { text = TextMutator.mutate(text, using: &r) }
            return text
        }
        if way == 2 {
            let text = TextMutator.mutate(base, using: &r)
            return String(decoding: mutator.mutate(Array(text.utf8), rounds: 1 + r.below(4), using: &r, other: other), as: UTF8.self)
        }
        return String(decoding: mutator.mutate(Array(base.utf8), rounds: 1 + r.below(8), using: &r, other: other), as: UTF8.self)
    }
}
