import Addressing
import App
import Canvas
import Diagram
import IPAM
import Loading
import Report
import Spec
import Terminal
#if canImport(Glibc)
import Glibc
#endif

// The benchmark: medians over repeated runs of each stage, in a release build.
//   swift run -c release shootnet-bench DIR [DIR...]   (DIR from scripts/bench/gen_workload.py)
//   swift run -c release shootnet-bench --shapes       (the loader on pathological inputs)
//   swift run -c release shootnet-bench --landscape FILE...   (the landscape's stages)
// Prints load, plan and output times per workload, the UI's edit → re-plan → redraw time,
// the first frame, and peak memory.

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1_000_000
}

/// Median milliseconds of `runs` executions of `body`.
func measure(_ runs: Int, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let t0 = now()
        body()
        times.append(now() - t0)
    }
    times.sort()
    return times[times.count / 2]
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func format(_ ms: Double) -> String {
    let s = String(Int((ms * 100).rounded()))
    let padded = s.count < 3 ? String(repeating: "0", count: 3 - s.count) + s : s
    return "\(padded.dropLast(2)).\(padded.suffix(2)) ms"
}

/// The pods field's text with its IPv6 range moved two blocks of its own size up (free space
/// in the generated workload, outside every node's pod CIDRs); nil without an IPv6 range.
func movedIPv6PodRange(_ text: String) -> String? {
    var moved = false
    let parts = text.split(separator: ",").map { part -> String in
        let t = String(part).trimmingCharacters(in: " ")
        guard case .success(let p) = AddressParser.parsePrefix(Substring(t)), p.family == .v6, p.length >= 2, p.length <= 126,
              let up = p.network.adding(UInt128(2) << UInt128(128 - p.length)) else { return t }
        moved = true
        return "\(up)/\(p.length)"
    }
    return moved ? parts.joined(separator: ", ") : nil
}

/// `--shapes`: the loader on pathological inputs of growing size, so time per MB shows it is
/// linear whatever the line structure (issue 13: one long line of flow collections, deep
/// nesting, many documents, many keys, aliases within budget, a one-line JSON list).
func benchShapes() {
    let shapes: [(String, (Int) -> String)] = [
        ("one long line of flow lists", { n in "a: [" + String(repeating: "[], ", count: n / 4) + "[]]\n" }),
        ("deep flow nesting (900) per line", { n in
            let line = "k: " + String(repeating: "[", count: 900) + String(repeating: "]", count: 900) + "\n"
            return String(repeating: "---\n" + line, count: max(1, n / (line.utf8.count + 4)))
        }),
        ("many documents", { n in String(repeating: "---\nkind: x\n", count: n / 12) }),
        ("many keys", { n in (0..<(n / 16)).map { "key\($0): value\n" }.joined() }),
        ("aliases within budget", { n in "a: &a [x, y]\n" + (0..<(n / 12)).map { "b\($0): *a\n" }.joined() }),
        ("one-line JSON list", { n in "{\"items\": [" + String(repeating: "{}, ", count: n / 4) + "{}]}" }),
    ]
    for (name, make) in shapes {
        var line = "  \(name):"
        for mb in [1, 4] {
            let text = make(mb << 20)
            // Read whole, then refused for having no Shoot: the time is the reading.
            let t = measure(3) { _ = try? InputLoader.parse(text: text, file: "bench") }
            let size = text.utf8.count
            let perMB = t / (Double(size) / Double(1 << 20))
            line += "   \(size >> 10) KiB \(format(t)) (\(format(perMB))/MB)"
        }
        print(line)
    }
}

if CommandLine.arguments.dropFirst().first == "--shapes" {
    print("loader on pathological shapes, medians of 3:")
    benchShapes()
    exit(0)
}

/// `--terminal DIR` (run it in a terminal, e.g. a tmux pane of 160×50): what drawing a frame
/// costs on a real curses screen when only the changed cells are handed to curses (the own
/// ``FrameDiff``) and when every cell is, leaving the diff to curses. Frames alternate a
/// worker's maximum, as the UI bench's common edit; the figures print after the screen closes.
func benchTerminal(_ dir: String) {
    guard let loaded = try? InputLoader.load(file: dir + "/shoot.yaml", nodes: dir + "/nodes.json", routes: dir + "/router.json") else {
        FileOutput.err("shootnet-bench: cannot load \(dir)")
        exit(2)
    }
    let count = loaded.input.observed.nodes?.count ?? 0
    var results: [(String, Double, Double)] = []
    for changedOnly in [true, false] {
        guard let screen = try? TerminalScreen.open(options: TerminalOptions(mouse: false, writesChangedCellsOnly: changedOnly)) else {
            FileOutput.err("shootnet-bench: --terminal needs a terminal")
            exit(2)
        }
        let (width, height) = screen.size
        var model = AppModel(file: dir, input: loaded.input, width: width, height: height)
        screen.draw(model.view())
        var toggle = false
        let frames = [model.view(), { () -> Canvas in
            _ = model.benchEdit(.workerMaximum(0), text: "\(count + 1)")
            return model.view()
        }()]
        let edit = measure(201) {
            toggle.toggle()
            screen.draw(frames[toggle ? 1 : 0])
        }
        let same = measure(201) { screen.draw(frames[0]) }
        screen.close()
        results.append((changedOnly ? "changed cells only (FrameDiff)" : "every cell (curses diffs)", edit, same))
    }
    print("\(dir): \(count) nodes, terminal draw medians of 201")
    for (name, edit, same) in results {
        print("  \(name): edited frame \(format(edit))   unchanged frame \(format(same))")
    }
}

/// `--landscape FILE...` (from scripts/bench/gen_landscape.py): the landscape's stages one by
/// one on one thread (scan the lists, decode every shoot, plan every shoot, the checks across
/// the landscape, the JSON), so a change to one stage can be measured alone.
/// BENCH_PROFILE_LANDSCAPE=decode|plan|check repeats only that stage, for `perf record`.
func benchLandscape(_ paths: [String]) {
    guard let (input, shoots) = try? LandscapeLoader.open(paths: paths), let decoded = try? shoots.all() else {
        FileOutput.err("shootnet-bench: cannot load \(paths)")
        exit(2)
    }
    let seeds = LandscapeCheck.seedsByName(input.seeds)
    let runs = getenv("BENCH_RUNS").flatMap { Int(String(cString: $0)) } ?? 5
    let planOne = { (s: Shoot) -> Plan in
        var settings = Settings()
        if let name = s.seedName { settings.seed = seeds[name] }
        return Planner.summary(PlanInput(shoot: s, settings: settings, observed: ObservedState()))
    }
    if let stage = getenv("BENCH_PROFILE_LANDSCAPE").map({ String(cString: $0) }) {
        for _ in 0..<10 {
            switch stage {
            case "decode": _ = try? shoots.all()
            case "check": _ = LandscapeCheck.check(LandscapeInput(shoots: decoded, seeds: input.seeds, skipped: input.skipped))
            default: for s in decoded { _ = planOne(s) }
            }
        }
        return
    }
    let tOpen = measure(runs) { _ = try? LandscapeLoader.open(paths: paths) }
    let tDecode = measure(runs) { _ = try? shoots.all() }
    let tPlan = measure(runs) { for s in decoded { _ = planOne(s) } }
    var result = LandscapeCheck.check(input)
    let tCheck = measure(runs) { result = LandscapeCheck.check(LandscapeInput(shoots: decoded, seeds: input.seeds, skipped: input.skipped)) }
    var bytes = 0
    let tJSON = measure(runs) { bytes = LandscapeReport.json(result, free: nil).count }
    print("\(decoded.count) shoots, \(input.seeds.count) seeds, \(result.diagnostics.count) diagnostics, \(bytes / 1024) KiB JSON; one thread, medians of \(runs)")
    print("  open \(format(tOpen))   decode \(format(tDecode))   plan \(format(tPlan))   check (plan included) \(format(tCheck))   json \(format(tJSON))")
}

if CommandLine.arguments.dropFirst().first == "--landscape", CommandLine.arguments.count >= 3 {
    benchLandscape(Array(CommandLine.arguments.dropFirst(2)))
    exit(0)
}

if CommandLine.arguments.dropFirst().first == "--terminal", CommandLine.arguments.count == 3 {
    benchTerminal(CommandLine.arguments[2])
    exit(0)
}

let dirs = Array(CommandLine.arguments.dropFirst())
if dirs.isEmpty {
    FileOutput.err("usage: shootnet-bench DIR [DIR...]  (DIR written by scripts/bench/gen_workload.py N DIR) | --shapes | --terminal DIR")
    exit(2)
}

enum FileOutput {
    static func err(_ s: String) {
        let bytes = Array((s + "\n").utf8)
        _ = bytes.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
    }
}

for dir in dirs {
    let shoot = dir + "/shoot.yaml", nodes = dir + "/nodes.json", router = dir + "/router.json"
    let load: () -> LoadedInput? = { try? InputLoader.load(file: shoot, nodes: nodes, routes: router) }
    guard let loaded = load() else {
        FileOutput.err("shootnet-bench: cannot load \(dir)")
        exit(2)
    }
    let count = loaded.input.observed.nodes?.count ?? 0
    let runs = getenv("BENCH_RUNS").flatMap { Int(String(cString: $0)) } ?? (count > 20_000 ? 5 : 15)
    let tLoad = measure(runs) { _ = load() }
    var plan = Planner.plan(loaded.input)
    if getenv("BENCH_PROFILE_PLAN") != nil {
        // For `perf record`: nothing but the engine, many times.
        for _ in 0..<200 { plan = Planner.plan(loaded.input) }
        continue
    }
    let tPlan = measure(runs) { plan = Planner.plan(loaded.input) }
    var bytes = 0
    let tJSON = measure(runs) { bytes = PlanJSON.write(plan).count }
    print("\(dir): \(count) nodes, \(plan.routes.count) routes, \(plan.diagnostics.count) diagnostics, \(bytes / 1024) KiB JSON")
    print("  load \(format(tLoad))   plan \(format(tPlan))   json \(format(tJSON))   total \(format(tLoad + tPlan + tJSON))")

    // The UI at this size: first frame, then edit → re-plan → redraw.
    var model = AppModel(file: shoot, input: loaded.input, width: 160, height: 50)
    let tFirst = measure(runs) {
        let m = AppModel(file: shoot, input: loaded.input, width: 160, height: 50)
        _ = m.view()
    }
    // Two kinds of edit, as the spec editor applies them (Enter):
    //  - common: a worker's maximum, which leaves every node alone (capacity checks only);
    //  - CIDR: the IPv6 pods range moved away from the nodes' pod CIDRs and back, which
    //    re-checks every node (each pod CIDR against the pod range, routes, diagnostics).
    let podsText = SpecField.networks(.pods).text(in: loaded.input)
    let podsEdit = movedIPv6PodRange(podsText)
    var toggle = false
    let commonEdit = {
        toggle.toggle()
        _ = model.update(.input(.key(.char("2"))))
        _ = model.benchEdit(.workerMaximum(0), text: toggle ? "\(count + 1)" : "\(count)")
        _ = model.view()
    }
    var cidrToggle = false
    let cidrEdit = {
        guard let podsEdit else { return }
        cidrToggle.toggle()
        _ = model.update(.input(.key(.char("2"))))
        _ = model.benchEdit(.networks(.pods), text: cidrToggle ? podsEdit : podsText)
        _ = model.view()
    }
    if getenv("BENCH_PROFILE_EDIT") != nil {
        // For `perf record`: nothing but edits (BENCH_PROFILE_EDIT=cidr for the CIDR edit).
        let cidr = String(cString: getenv("BENCH_PROFILE_EDIT")) == "cidr"
        for _ in 0..<300 { if cidr { cidrEdit() } else { commonEdit() } }
        continue
    }
    let tEdit = measure(runs, commonEdit)
    let tCIDREdit = measure(runs, cidrEdit)
    let tDiagram = measure(runs) { _ = Diagram(plan: plan, width: 160) }
    let tView = measure(runs) { _ = model.view() }
    let tModel = measure(runs) { _ = AppModel(file: shoot, input: loaded.input, width: 160, height: 50) }
    print("  diagram \(format(tDiagram))   view \(format(tView))   model init \(format(tModel))")
    print("  ui first frame \(format(tFirst))   edit → re-plan → redraw: worker maximum \(format(tEdit))   pods CIDR \(podsEdit == nil ? "n/a" : format(tCIDREdit))")
}
print("peak memory \(Int(peakMemoryMB())) MB")
