import App
import Canvas
import Loading
#if canImport(Glibc)
import Glibc
#endif

/// `--theme NAME|PATH`: a theme file by path, a name from `themes/` (next to the working
/// directory or the binary's package), or a built-in (`dark`, `mono`). NO_COLOR is honoured
/// by the terminal driver whatever the theme.
enum ThemeChoice {
    static func resolve(_ choice: String?) throws -> Theme {
        guard let choice else { return .dark }
        let candidates = choice.contains("/") || choice.hasSuffix(".yaml")
            ? [choice]
            : ["themes/\(choice).yaml"] + packageThemeFolders().map { "\($0)/\(choice).yaml" }
        for path in candidates where access(path, R_OK) == 0 {
            do {
                return Theme(document: try ThemeLoader.load(path: path, knownRoles: Theme.roleNames))
            } catch {
                throw failure("--theme: \(error)")
            }
        }
        switch choice {
        case "dark": return .dark
        case "mono", "monochrome": return .monochrome
        default: throw failure("--theme: no theme \"\(choice)\" (looked for \(candidates.joined(separator: ", ")); built in: dark, mono)")
        }
    }

    /// `themes/` of the package when running from `.build/<config>/shootnet`.
    private static func packageThemeFolders() -> [String] {
        guard let exe = CommandLine.arguments.first, exe.contains("/") else { return [] }
        let dir = String(exe[..<(exe.lastIndex(of: "/") ?? exe.endIndex)])
        return ["\(dir)/../../themes", "\(dir)/../../../themes"]
    }
}
