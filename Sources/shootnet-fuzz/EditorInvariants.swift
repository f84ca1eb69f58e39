import Loading
import Spec

/// SpecEditor never corrupts a file: an edit is refused with one line, or the result
/// loads whenever the original did and the edited field reads back as written.
enum EditorInvariants {
    /// A random edit of a field the UI edits (or a setting), with hostile values now and then.
    static func randomEdit(_ r: inout FuzzRandom) -> SpecEdit {
        func text() -> String {
            switch r.below(4) {
            case 0: return r.pick(TextGenerators.oddStrings)
            case 1: return TextGenerators.tuple(&r)
            default: return TextGenerators.prefix(&r)
            }
        }
        func number() -> Int { r.oneIn(4) ? r.pick([-1, 0, 1, 129, Int(Int32.max), Int.max, Int.min], or: 0) : r.below(200) }
        switch r.below(12) {
        case 0, 1: return .networking(r.pick(NetworkKind.allCases, or: .pods), r.oneIn(8) ? nil : (r.oneIn(2) ? TextGenerators.tuple(&r) : text()))
        case 2: return .ipFamilies(r.oneIn(6) ? nil : (0..<r.below(3)).map { _ in r.pick(["IPv4", "IPv6", "ipv6", "", "IPv6 "] + TextGenerators.oddStrings) })
        case 3: return .providerType(r.oneIn(2) ? r.pick(["aws", "gcp", "azure", "openstack", "alicloud"]) : text())
        case 4: return .workerMinimum(r.below(3), number())
        case 5: return .workerMaximum(r.below(3), number())
        case 6: return .workerZones(r.below(3), (0..<r.below(4)).map { _ in text() })
        case 7: return .nodeMaskV4(r.oneIn(5) ? nil : number())
        case 8: return .nodeMaskV6(r.oneIn(5) ? nil : number())
        case 9: return .maxPods(r.oneIn(5) ? nil : number())
        case 10: return .setting("podPrefixTemplate", r.oneIn(6) ? .remove : .string(r.oneIn(2) ? TextGenerators.template(&r) : text()))
        default:
            let path = r.pick(["services.strategy", "services.ipFamilyPolicy", "simulation.pool", "simulation.vpcLength", "openstack.routeQuota", "x.y.z"])
            return .setting(path, r.oneIn(6) ? .remove : r.oneIn(3) ? .int(number()) : .string(text()))
        }
    }

    static func edit(_ edit: SpecEdit, on text: String) throws(Finding) {
        let before = try? InputLoader.parse(text: text, file: LoaderInvariants.file)
        let edited: String
        do {
            edited = try SpecEditor.apply(edit, to: text)
        } catch {
            try TextInvariants.requireSafeOneLine(error.message, "editor error")
            return
        }
        guard let before else { return }
        let after: LoadedInput
        do {
            after = try InputLoader.parse(text: edited, file: LoaderInvariants.file)
        } catch {
            // Values the loader validates (ranges, enumerations, templates) may be refused on load.
            if loaderMayRefuse(edit) { return }
            throw Finding("edit \(edit.pathText) = \(describe(edit.value)) leaves a file that no longer loads: \(error)")
        }
        try readsBack(edit, before: before.input.shoot, after: after.input.shoot)
    }

    private static func loaderMayRefuse(_ edit: SpecEdit) -> Bool {
        switch edit.document {
        case .settings: return true
        case .shoot:
            if case .int = edit.value { return true }
            return false
        }
    }

    /// What Yams reads back for a scalar written as `s`: it decodes scalars with Foundation's
    /// `String(bytes:encoding:)`, which drops a leading U+FEFF (a known quirk, see
    /// docs/reliability.md), even when it was written as the escape `\uFEFF`.
    static func yamsReading(_ s: String) -> String {
        s.unicodeScalars.first == "\u{FEFF}" ? String(String.UnicodeScalarView(s.unicodeScalars.dropFirst())) : s
    }

    /// The value read back is the value written (strings exactly, tuples entry by entry).
    private static func readsBack(_ edit: SpecEdit, before: Shoot, after: Shoot) throws(Finding) {
        let path = edit.pathText
        func mismatch(_ got: String) -> Finding {
            Finding("edit \(path) = \(describe(edit.value)) reads back as \(Escaped.text(got, limit: 200))")
        }
        switch edit.value {
        case .string(let s):
            if path == "spec.provider.type" {
                guard after.provider.value == yamsReading(s) else { throw mismatch(after.provider.value) }
            } else if path.hasPrefix("spec.networking."), let kind = NetworkKind(rawValue: String(path.dropFirst("spec.networking.".count))) {
                let expected = CIDRSlot.parseTuple(yamsReading(s)).map(\.text)
                let got = after.networking[kind].map(\.text)
                guard got == expected else { throw mismatch(got.joined(separator: " | ")) }
            }
        case .tuple(let items):
            if path.hasPrefix("spec.networking."), let kind = NetworkKind(rawValue: String(path.dropFirst("spec.networking.".count))) {
                let got = after.networking[kind].map(\.text)
                guard got == items.map(yamsReading) else { throw mismatch(got.joined(separator: " | ")) }
            }
        case .strings(let items):
            if path.hasSuffix("ipFamilies") {
                guard after.networking.ipFamilies?.value == items.map(yamsReading) else { throw mismatch("\(after.networking.ipFamilies?.value ?? [])") }
            } else if path.hasSuffix("zones"), case .index(let i)? = edit.path.dropLast().last, i < after.workers.count {
                guard after.workers[i].zones == items.map(yamsReading) else { throw mismatch("\(after.workers[i].zones)") }
            }
        case .remove:
            if path.hasPrefix("spec.networking."), let kind = NetworkKind(rawValue: String(path.dropFirst("spec.networking.".count))) {
                guard after.networking[kind].isEmpty else { throw mismatch("still set") }
            }
        case .int, .bool:
            break
        }
        // Other fields are untouched.
        if !path.hasPrefix("spec.provider") {
            guard after.workers.map(\.maximum) == before.workers.map(\.maximum), after.provider.value == before.provider.value else {
                throw Finding("edit \(path) changed other fields")
            }
        }
        guard after.name == before.name else { throw Finding("edit \(path) changed metadata.name") }
    }

    static func describe(_ v: SpecEdit.Value) -> String {
        switch v {
        case .string(let s): "\"" + Escaped.text(s, limit: 200) + "\""
        case .int(let n): String(n)
        case .bool(let b): String(b)
        case .strings(let items): "[" + items.map { "\"" + Escaped.text($0, limit: 100) + "\"" }.joined(separator: ", ") + "]"
        case .tuple(let items): "tuple(" + items.map { "\"" + Escaped.text($0, limit: 100) + "\"" }.joined(separator: ", ") + ")"
        case .remove: "(remove)"
        }
    }
}
