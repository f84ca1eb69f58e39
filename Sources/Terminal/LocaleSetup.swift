#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Chooses the C locale curses works in, and whether Unicode glyphs can be shown.
enum LocaleSetup {
    /// Sets the locale from the environment, falling back to C.UTF-8 for the character type
    /// so the wide-character API works. Returns whether Unicode box drawing is usable.
    static func configure() -> Bool {
        _ = setlocale(LC_ALL, "")
        if currentCodesetIsUTF8() { return true }
        let candidates: [String] = ["C.UTF-8", "C.utf8", "en_US.UTF-8"]
        let fallback = candidates.contains { setlocale(LC_CTYPE, $0) != nil }
        let explicitlySet = ["LC_ALL", "LC_CTYPE", "LANG"].contains { name in
            guard let value = getenv(name) else { return false }
            return value.pointee != 0
        }
        return unicodeUsable(environmentIsUTF8: false, localeExplicitlySet: explicitlySet, utf8Available: fallback && currentCodesetIsUTF8())
    }

    /// The environment's own UTF-8 locale wins. Without one, Unicode is assumed only when no
    /// locale variable is set at all (CI, tmux and ssh often leave them unset on UTF-8
    /// terminals); a locale set on purpose to something else (LANG=C, ISO-8859-1) means ASCII.
    static func unicodeUsable(environmentIsUTF8: Bool, localeExplicitlySet: Bool, utf8Available: Bool) -> Bool {
        if environmentIsUTF8 { return true }
        return utf8Available && !localeExplicitlySet
    }

    private static func currentCodesetIsUTF8() -> Bool {
        guard let name = nl_langinfo(nl_item(CODESET)) else { return false }
        return Codeset.isUTF8(String(cString: name))
    }
}
