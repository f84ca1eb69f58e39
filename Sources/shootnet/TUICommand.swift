import App
import ArgumentParser
import Canvas
import Loading
import Terminal
#if canImport(Glibc)
import Glibc
#endif

extension Shootnet {
    /// `shootnet [tui] FILE`: the interactive UI.
    struct TUI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tui",
            abstract: "Open the interactive UI (the default: `shootnet FILE`).")

        @OptionGroup var input: InputOptions
        @Option(help: "Colour theme: a name from themes/ (dark, light, mono) or a path to a theme YAML file.")
        var theme: String?
        @Flag(help: "Open without editing or saving.")
        var readonly = false
        @Flag(help: "Draw with ASCII characters only.")
        var ascii = false

        func run() throws {
            let loaded = try input.load()
            let chosenTheme = try ThemeChoice.resolve(theme)
            let screen: TerminalScreen
            do {
                screen = try TerminalScreen.open(theme: chosenTheme, options: TerminalOptions(asciiOnly: ascii))
            } catch {
                throw failure("cannot open the terminal UI: \(error)")
            }
            var runtime = AppRuntime(screen: screen, loaded: loaded, input: input, readOnly: readonly)
            let status = runtime.run()
            screen.close()
            if status != 0 { throw ExitCode(status) }
        }
    }
}
