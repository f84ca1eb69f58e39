import Addressing
import IPAM
import Loading
import Spec

/// What must hold for every text given to the loaders: either a plan input, or one
/// `FILE:LINE:COL: error: …` line that points into the text; and whatever loads, plans.
enum LoaderInvariants {
    static let file = "fuzz-input.yaml"

    /// A load error names the file, a line and column inside the text (or none), and is one
    /// line with no control characters.
    static func loadError(_ error: LoadError, text: String, file: String = file) throws(Finding) {
        guard error.file == file else { throw Finding("error names \(error.file), not \(file)") }
        guard !error.message.isEmpty else { throw Finding("empty error message") }
        try TextInvariants.requireSafeOneLine(error.description, "load error")
        // Known issue (docs/reliability.md): libyaml also breaks lines at NEL, U+2028, U+2029
        // and a lone CR, so YAML positions after one of them count more lines than an editor.
        if let line = error.line, !hasYAMLOnlyLineBreak(text) {
            let lines = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            guard line >= 1, line <= lines + 1 else { throw Finding("error line \(line) outside the text (\(lines) lines): \(error)") }
        }
        if let column = error.column, column < 1 { throw Finding("error column \(column) < 1: \(error)") }
    }

    static func hasYAMLOnlyLineBreak(_ text: String) -> Bool {
        var previous: Unicode.Scalar = " "
        for s in text.unicodeScalars {
            if s == "\u{85}" || s == "\u{2028}" || s == "\u{2029}" || (previous == "\r" && s != "\n") { return true }
            previous = s
        }
        return previous == "\r"
    }

    /// The main file: parses (then plans) or fails with a proper error.
    static func main(_ text: String, planEvery: Bool) throws(Finding) -> PlanInput? {
        let loaded: LoadedInput
        do {
            loaded = try InputLoader.parse(text: text, file: file)
        } catch {
            try loadError(error, text: text)
            return nil
        }
        try plan(loaded.input, checkPurity: planEvery)
        return loaded.input
    }

    /// The engine must plan anything that loads, the same way twice, with canonical prefixes.
    static func plan(_ input: PlanInput, checkPurity: Bool) throws(Finding) {
        let plan = Planner.plan(input)
        if checkPurity && Planner.plan(input) != plan { throw Finding("Planner.plan is not deterministic") }
        for r in plan.networks + plan.vpc {
            try AddressInvariants.canonicalPrefix(r.prefix)
            guard plan.ipFamilies.contains(r.family) || plan.ipFamilies.isEmpty else {
                throw Finding("planned \(r.kind) range \(r.prefix) of a family not in \(plan.ipFamilies)")
            }
        }
        for n in plan.nodes {
            for p in n.podCIDRs { try AddressInvariants.canonicalPrefix(p) }
            if let p = n.nodePrefix { try AddressInvariants.canonicalPrefix(p) }
        }
        for r in plan.routes { try AddressInvariants.canonicalPrefix(r.destination) }
        for d in plan.diagnostics {
            guard !d.message.isEmpty else { throw Finding("a diagnostic without a message") }
            if let l = d.location, l.line < 1 || l.column < 1 { throw Finding("diagnostic \(d.code) at \(l.line):\(l.column)") }
        }
    }

    /// A flag file (`--nodes`, `--routes`, `--seed`) read from disk, and the same text
    /// embedded as a document of the main file.
    static func flagFile(_ text: String, kind: FlagKind, scratch: ScratchFile, shoot: String) throws(Finding) {
        let path = scratch.write(text)
        do {
            switch kind {
            case .nodes: _ = try InputLoader.loadNodes(file: path)
            case .routes: _ = try InputLoader.loadRouter(file: path)
            case .seed: _ = try InputLoader.loadSeed(file: path)
            }
        } catch {
            try loadError(error, text: text, file: path)
        }
        _ = try main(shoot + "\n---\n" + text, planEvery: false)
    }

    enum FlagKind {
        case nodes, routes, seed
    }

    /// Theme files: a document or one proper error.
    static func theme(_ text: String) throws(Finding) {
        do {
            _ = try ThemeLoader.parse(text: text, file: file, knownRoles: ["plain", "error", "address", "title", "frame"])
        } catch {
            try loadError(error, text: text)
        }
    }
}
