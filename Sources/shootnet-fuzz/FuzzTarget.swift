/// The parsers under test. Each gets inputs built for it (generated or mutated from its
/// seeds) and checks its invariants; a trap kills the process, so surviving is a check too.
enum FuzzTarget: String, CaseIterable {
    case address, prefix, prefixOrAddress = "prefix-or-address", tuple, template
    case mainYAML = "main-yaml", mainJSON = "main-json", nodes, routes, seed, theme, editor

    /// Targets that read whole documents (slower; the session gives them fewer inputs).
    var isDocument: Bool {
        switch self {
        case .address, .prefix, .prefixOrAddress, .tuple, .template: false
        default: true
        }
    }
}

/// One libFuzzer-style entry: the first byte picks the target, the rest is its input. Used
/// by the libFuzzer harness that scripts/fuzz.sh builds; returns the finding, if any.
enum FuzzDispatch {
    static func run(_ data: [UInt8], scratch: ScratchFile) -> Finding? {
        guard let first = data.first else { return nil }
        let targets = FuzzTarget.allCases
        let target = targets[Int(first) % targets.count]
        let body = Array(data.dropFirst())
        do throws(Finding) {
            switch target {
            case .editor:
                // Eight bytes choose the edit, the rest is the file.
                var seed: UInt64 = 0
                for b in body.prefix(8) { seed = seed << 8 | UInt64(b) }
                var r = FuzzRandom(seed: seed)
                try EditorInvariants.edit(EditorInvariants.randomEdit(&r), on: String(decoding: body.dropFirst(8), as: UTF8.self))
            default:
                try FuzzChecks.check(target, String(decoding: body, as: UTF8.self), scratch: scratch, planPurity: false)
            }
        } catch {
            return error
        }
        return nil
    }
}

/// Runs the invariants of one target on one text.
enum FuzzChecks {
    static func check(_ target: FuzzTarget, _ text: String, scratch: ScratchFile, planPurity: Bool) throws(Finding) {
        switch target {
        case .address: try AddressInvariants.address(text)
        case .prefix: try AddressInvariants.prefix(text)
        case .prefixOrAddress: try AddressInvariants.prefixOrAddress(text)
        case .tuple: try AddressInvariants.tuple(text)
        case .template: try AddressInvariants.template(text)
        case .mainYAML, .mainJSON: _ = try LoaderInvariants.main(text, planEvery: planPurity)
        case .nodes: try LoaderInvariants.flagFile(text, kind: .nodes, scratch: scratch, shoot: SeedCorpus.shootYAML)
        case .routes: try LoaderInvariants.flagFile(text, kind: .routes, scratch: scratch, shoot: SeedCorpus.shootYAML)
        case .seed: try LoaderInvariants.flagFile(text, kind: .seed, scratch: scratch, shoot: SeedCorpus.shootYAML)
        case .theme: try LoaderInvariants.theme(text)
        case .editor: break
        }
    }
}
