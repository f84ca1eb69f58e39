/// Recognises a UTF-8 character set name as `nl_langinfo(CODESET)` reports it.
enum Codeset {
    static func isUTF8(_ name: String) -> Bool {
        let folded = name.lowercased().filter { $0 != "-" && $0 != "_" }
        return folded == "utf8"
    }
}
