import ArgumentParser
import Canvas
import Diagram
import IPAM
import Loading
import Terminal
#if canImport(Glibc)
import Glibc
#endif

extension Shootnet {
    /// `shootnet render`: the UI's topology diagram as text.
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "render",
            abstract: "Draw the shoot's topology (the UI's diagram) as text.")

        enum ColorMode: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

        @OptionGroup var input: InputOptions
        @Option(parsing: .unconditional, help: "Width in columns (default: the terminal's, else 160).")
        var width: Int?
        @Option(help: "Colour: auto (a terminal with colour, without NO_COLOR), always or never.")
        var color: ColorMode = .auto
        @Flag(help: "Draw with ASCII characters only.")
        var ascii = false
        @Option(parsing: .unconditional, help: "Show at most this many nodes; the rest are counted (0: all).")
        var maxNodes: Int = 200

        func validate() throws {
            if let width, width < 40 || width > 10_000 {
                throw ValidationError("--width must be between 40 and 10000")
            }
            if maxNodes < 0 { throw ValidationError("--max-nodes must not be negative") }
        }

        func run() throws {
            let (_, plan) = try input.plan()
            let columns = width ?? TerminalWidth.current ?? 160
            let canvas = DiagramRenderer.render(plan, width: columns, glyphs: ascii ? .ascii : .unicode,
                                                nodeLimit: maxNodes == 0 ? nil : maxNodes)
            let useColor: Bool
            switch color {
            case .always: useColor = true
            case .never: useColor = false
            case .auto: useColor = ColorDecision.usesColor(onFileDescriptor: 1)
            }
            let lines = useColor ? ANSIExport.lines(of: canvas, theme: .dark) : canvas.lines()
            var text = lines.joined(separator: "\n")
            while text.hasSuffix("\n") { text.removeLast() }
            FileOutput.stdout(text + "\n")
        }
    }
}

/// The width of the terminal on stdout, if it is one.
enum TerminalWidth {
    static var current: Int? {
        var ws = winsize()
        guard isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 else { return nil }
        return Int(ws.ws_col)
    }
}
