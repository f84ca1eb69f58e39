import ArgumentParser
import IPAM
import Loading
import Report

extension Shootnet {
    /// `shootnet check`: diagnostics only, with an exit code CI can trust.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Report conflicts; exit 0 when clean, 1 on errors (or warnings with --strict), 2 on unusable input.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var input: InputOptions
        @Option(name: .shortAndLong, help: "Output format: text (FILE:LINE:COL: severity: message [code]) or json.")
        var output: Format = .text
        @Flag(help: "Treat warnings as errors.")
        var strict = false

        func run() throws {
            let (_, plan) = try input.plan()
            switch output {
            case .json: FileOutput.stdout(PlanJSON.writeCheck(plan))
            case .text: FileOutput.stdout(CheckReport.text(plan.diagnostics, fallbackFile: input.file))
            }
            let failing: Severity = strict ? .warning : .error
            if plan.diagnostics.contains(where: { $0.severity >= failing }) {
                throw ExitCode(ExitStatus.findings)
            }
        }
    }
}
