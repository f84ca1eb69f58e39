import Canvas

/// `--theme NAME|PATH`: a built-in theme by name; NO_COLOR is honoured by the terminal driver.
enum ThemeChoice {
    static func resolve(_ name: String?) -> Theme {
        switch name {
        case nil, "dark": return .dark
        case "mono", "monochrome": return .monochrome
        default: fail("--theme: unknown theme \"\(name ?? "")\" (dark, mono)")
        }
    }
}
