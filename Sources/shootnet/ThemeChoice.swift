import Canvas
import Loading
#if canImport(Glibc)
import Glibc
#endif

/// `--theme NAME|PATH`: a theme file by path, a name from `themes/` (next to the working
/// directory or the binary's package), or a built-in (`dark`, `mono`). NO_COLOR is honoured
/// by the terminal driver whatever the theme.
enum ThemeChoice {
    static func resolve(_ choice: String?) -> Theme {
        guard let choice else { return .dark }
        let candidates = choice.contains("/") || choice.hasSuffix(".yaml")
            ? [choice]
            : ["themes/\(choice).yaml"] + packageThemeFolders().map { "\($0)/\(choice).yaml" }
        for path in candidates where access(path, R_OK) == 0 {
            do {
                return theme(from: try ThemeLoader.load(path: path, knownRoles: Set(Role.allCases.map(\.name))))
            } catch {
                fail("--theme: \(error)")
            }
        }
        switch choice {
        case "dark": return .dark
        case "mono", "monochrome": return .monochrome
        default: fail("--theme: no theme \"\(choice)\" (looked for \(candidates.joined(separator: ", ")); built in: dark, mono)")
        }
    }

    /// `themes/` of the package when running from `.build/<config>/shootnet`.
    private static func packageThemeFolders() -> [String] {
        guard let exe = CommandLine.arguments.first, exe.contains("/") else { return [] }
        let dir = String(exe[..<(exe.lastIndex(of: "/") ?? exe.endIndex)])
        return ["\(dir)/../../themes", "\(dir)/../../../themes"]
    }

    static func theme(from doc: ThemeDocument) -> Theme {
        var styles: [Role: Theme.Style] = [:]
        for (name, s) in doc.styles {
            guard let role = Role(name: name) else { continue }
            styles[role] = Theme.Style(foreground: color(s.foreground), background: color(s.background),
                                       bold: s.bold ?? false, reverse: s.reverse ?? false, underline: s.underline ?? false)
        }
        return Theme(name: doc.name, styles: styles)
    }

    private static func color(_ c: ThemeDocument.Color?) -> Theme.Color {
        switch c {
        case nil, .terminalDefault: .none
        case .ansi(let n): .ansi(n)
        case .indexed(let n): .indexed(n)
        }
    }
}
