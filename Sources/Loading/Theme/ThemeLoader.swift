import Spec

/// Reads theme files into ``ThemeDocument``s, with `FILE:LINE:COL` errors.
public enum ThemeLoader {
    /// Loads a theme file. When `knownRoles` is given, other role names are errors.
    public static func load(path: String, knownRoles: Set<String>? = nil) throws(LoadError) -> ThemeDocument {
        let read = try DocumentReader.read(bytes: FileReader.read(path: path), file: path)
        return try decode(read, file: path, knownRoles: knownRoles)
    }

    /// Parses theme text held in memory; `file` names it in errors.
    public static func parse(text: String, file: String, knownRoles: Set<String>? = nil) throws(LoadError) -> ThemeDocument {
        let read = try DocumentReader.read(bytes: Array(text.utf8), file: file)
        return try decode(read, file: file, knownRoles: knownRoles)
    }

    static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// `red`, `bright-red` (also `brightred`, `bright_red`), `gray`, `default`; nil otherwise.
    public static func color(named name: String) -> ThemeDocument.Color? {
        let n = name.lowercased()
        if n == "default" || n == "none" { return .terminalDefault }
        if n == "gray" || n == "grey" { return .ansi(8) }
        if let i = colorNames.firstIndex(of: n) { return .ansi(i) }
        for prefix in ["bright-", "bright_", "bright"] where n.hasPrefix(prefix) {
            if let i = colorNames.firstIndex(of: String(n.dropFirst(prefix.count))) { return .ansi(8 + i) }
        }
        return nil
    }

    private static func decode(_ read: ReadDocuments, file: String, knownRoles: Set<String>?) throws(LoadError) -> ThemeDocument {
        try read.tape.withDocuments { (docs) throws(LoadError) -> ThemeDocument in
            let fields = FieldDecoder(file: file)
            guard let doc = docs.first(where: { !$0.isNull }) else {
                throw LoadError(file: file, line: 1, column: 1, message: "theme file is empty; expected name and roles")
            }
            guard doc.kind == .mapping else { throw fields.error(doc, "expected a theme (name, roles), found \(fields.found(doc))") }
            let name = try fields.string(doc["name"], "name") ?? FlagFileDecoder.stem(of: file)
            var styles: [String: ThemeDocument.Style] = [:]
            if let roles = try fields.mapping(doc["roles"], "roles") {
                for (key, value) in roles.pairs {
                    let role = key.text
                    if let knownRoles, !knownRoles.contains(role) {
                        let known = knownRoles.sorted().joined(separator: ", ")
                        throw fields.error(key, "unknown role \(fields.quoted(role)); roles are \(known)")
                    }
                    styles[role] = try style(value, "roles.\(role)", fields)
                }
            }
            return ThemeDocument(name: name, styles: styles)
        }
    }

    private static func style(_ node: DocNode, _ path: String, _ fields: FieldDecoder) throws(LoadError) -> ThemeDocument.Style {
        var style = ThemeDocument.Style(location: fields.location(node))
        if node.kind == .string || node.kind == .number {
            style.foreground = try color(node, path, fields)
            return style
        }
        guard let map = try fields.mapping(node, path) else { return style }
        for (key, value) in map.pairs {
            let attribute = key.text
            switch attribute {
            case "fg", "foreground": style.foreground = try color(value, "\(path).\(attribute)", fields)
            case "bg", "background": style.background = try color(value, "\(path).\(attribute)", fields)
            case "bold": style.bold = try fields.bool(value, "\(path).bold")
            case "reverse": style.reverse = try fields.bool(value, "\(path).reverse")
            case "underline": style.underline = try fields.bool(value, "\(path).underline")
            default:
                throw fields.error(key, "\(path): unknown attribute \(fields.quoted(attribute)); use fg, bg, bold, reverse or underline")
            }
        }
        return style
    }

    private static func color(_ node: DocNode, _ path: String, _ fields: FieldDecoder) throws(LoadError) -> ThemeDocument.Color? {
        if node.isNull { return nil }
        if node.kind == .number, let n = try fields.int(node, path, in: 0...255) { return .indexed(n.value) }
        guard node.kind == .string else { throw fields.error(node, "\(path): expected a colour, found \(fields.found(node))") }
        guard let c = color(named: node.text) else {
            throw fields.error(node, "\(path): unknown colour \(fields.quoted(node.text)); use black, red, green, yellow, blue, magenta, cyan, white, bright-…, default or a number 0–255")
        }
        return c
    }
}
