import Addressing
import IPAM

/// `shootnet landscape` output: a table for people, or
/// `{"shoots": N, "seeds": M, "diagnostics": [...], "free": [...]}` with the diagnostics in
/// the shape of `check -o json` (``PlanJSON/writeCheck(_:pretty:)``).
public enum LandscapeReport {
    /// The free prefixes asked for with `--free`, and where they were looked for.
    public struct FreeRanges: Sendable {
        public var length: Int
        public var pool: IPPrefix
        public var prefixes: [IPPrefix]

        public init(length: Int, pool: IPPrefix, prefixes: [IPPrefix]) {
            self.length = length
            self.pool = pool
            self.prefixes = prefixes
        }
    }

    /// `free` is always present: the prefixes `--free` found, `[]` without `--free`.
    public static func json(_ result: LandscapeResult, free: FreeRanges?, pretty: Bool = true) -> [UInt8] {
        var w = JSONWriter(pretty: pretty, capacity: 1 << 16 + result.diagnostics.count * 400)
        w.beginObject()
        w.field("shoots", result.shootCount)
        w.field("seeds", result.seedCount)
        w.key("diagnostics")
        PlanJSON.writeDiagnostics(result.diagnostics, into: &w)
        w.field("free", prefixes: free?.prefixes ?? [])
        w.endObject()
        return w.bytes + [0x0A]
    }

    public static func table(_ result: LandscapeResult, free: FreeRanges?, fallbackFile: String) -> String {
        var lines = result.diagnostics.map { CheckReport.line($0, fallbackFile: fallbackFile) }
        let withErrors = result.shootFindings.filter { $0.errors > 0 }.count
        let withWarnings = result.shootFindings.filter { $0.errors == 0 && $0.warnings > 0 }.count
        lines.append("\(result.shootCount) shoot\(result.shootCount == 1 ? "" : "s"), \(result.seedCount) seed\(result.seedCount == 1 ? "" : "s"): "
                     + CheckReport.summary(result.diagnostics))
        lines.append("shoots' own checks: \(withErrors) with errors, \(withWarnings) with warnings only, \(result.shootCount - withErrors - withWarnings) clean")
        if let free {
            if free.prefixes.isEmpty {
                lines.append("no free /\(free.length) in \(free.pool)")
            } else {
                lines.append("free /\(free.length) in \(free.pool) (the first \(free.prefixes.count)):")
                lines += free.prefixes.map { "  \($0)" }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
