import Canvas
import Loading

extension Theme {
    /// A theme from a `themes/*.yaml` file read by the loader.
    init(document doc: ThemeDocument) {
        var styles: [Role: Theme.Style] = [:]
        for (name, s) in doc.styles {
            guard let role = Role(name: name) else { continue }
            styles[role] = Theme.Style(foreground: Self.color(s.foreground), background: Self.color(s.background),
                                       bold: s.bold ?? false, reverse: s.reverse ?? false, underline: s.underline ?? false)
        }
        self.init(name: doc.name, styles: styles)
    }

    private static func color(_ c: ThemeDocument.Color?) -> Theme.Color {
        switch c {
        case nil, .terminalDefault: .none
        case .ansi(let n): .ansi(n)
        case .indexed(let n): .indexed(n)
        }
    }

    /// Role names a theme file may use.
    static var roleNames: Set<String> { Set(Role.allCases.map(\.name)) }
}
