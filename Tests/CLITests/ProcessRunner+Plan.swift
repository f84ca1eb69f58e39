import Foundation
import Testing
import TestSupport

extension ProcessRunner {
    /// Runs `shootnet plan ARGS -o json`, expects success with nothing on stderr, and parses it.
    static func planJSON(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> (text: String, plan: PlanDocument) {
        let r = try shootnet(["plan"] + args + ["-o", "json"])
        #expect(r.exitCode == 0 && !r.timedOut, "plan \(args): exit \(r.exitCode), stderr: \(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.isEmpty, "plan \(args): stderr: \(r.stderr)", sourceLocation: sourceLocation)
        return (r.stdout, try PlanDocument(json: r.stdout))
    }

    /// Runs `shootnet check ARGS -o json` and parses its diagnostics.
    static func checkJSON(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> (result: ProcessResult, diagnostics: [PlanDocument.Finding]) {
        let r = try shootnet(["check"] + args + ["-o", "json"])
        #expect(!r.timedOut && (r.exitCode == 0 || r.exitCode == 1), "check \(args): exit \(r.exitCode), stderr: \(r.stderr)",
                sourceLocation: sourceLocation)
        let root = try PlanDocument.object(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)), "$")
        #expect(Set(root.keys) == ["diagnostics"], "check -o json keys: \(root.keys.sorted())", sourceLocation: sourceLocation)
        return (r, try PlanDocument.findings(root["diagnostics"]))
    }
}
