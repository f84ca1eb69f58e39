import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// The `shootnet` command: plans and checks IPv6 / dual-stack address layouts of Gardener shoots.
@main
struct Shootnet: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "shootnet",
        abstract: "Plan, check and draw the IPv4/IPv6 address layout of Gardener shoot clusters.",
        discussion: "Run `shootnet FILE` to open the interactive UI on a shoot manifest.",
        version: version,
        subcommands: [TUI.self, Plan.self, Check.self, Render.self, Routes.self, Calc.self, Landscape.self],
        defaultSubcommand: TUI.self
    )

    /// Like ParsableCommand.main, but usage errors exit 2 ("unusable input"), as the README's command table
    /// fixes for every command, instead of swift-argument-parser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                FileOutput.stderr(message)
                Glibc.exit(ExitStatus.unusableInput)
            }
            exit(withError: error)
        }
    }
}

/// Exit codes every command shares.
enum ExitStatus {
    static let ok: Int32 = 0
    /// `check` found errors (or warnings with --strict).
    static let findings: Int32 = 1
    /// The input could not be read, parsed or understood.
    static let unusableInput: Int32 = 2
}
