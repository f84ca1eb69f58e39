import Canvas
import IPAM
import Spec

/// `check -o text`: one line per finding, like a compiler, then a summary.
public enum CheckReport {
    /// `FILE:LINE:COL: error: message [code]`; without a location, the fallback file name.
    public static func line(_ d: Diagnostic, fallbackFile: String) -> String {
        let place = d.location.map { "\($0)" } ?? fallbackFile
        return "\(SafeText.terminal(place)): \(d.severity.rawValue): \(SafeText.terminal(d.message, maxLength: 2000)) [\(d.code)]"
    }

    public static func text(_ diagnostics: [Diagnostic], fallbackFile: String) -> String {
        var lines = diagnostics.map { line($0, fallbackFile: fallbackFile) }
        lines.append(summary(diagnostics))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2 errors, 1 warning, 0 info`.
    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let counts = SeverityCounts(diagnostics)
        let e = counts.errors, w = counts.warnings, i = counts.infos
        return "\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s"), \(i) info"
    }
}
