import App
import Canvas
import Foundation
import Loading
import Testing
import TestSupport

/// Nothing taken from an input file reaches the terminal raw: text output and the UI show
/// control characters as `�` and cut long strings; JSON keeps the exact text, escaped.
@Suite struct SanitisingTests {
    static let commands: [(name: String, args: [String], sgr: Bool)] = [
        ("plan -o table", ["plan", "-o", "table"], false),
        ("check", ["check"], false),
        ("routes", ["routes"], false),
        ("render", ["render", "--width", "160", "--color", "never", "--max-nodes", "0"], false),
        ("render --color always", ["render", "--width", "120", "--color", "always"], true),
    ]

    @Test(arguments: commands.indices)
    func textOutputCarriesNoControlCharacters(_ index: Int) throws {
        let command = Self.commands[index]
        let scratch = try Scratch()
        defer { scratch.remove() }
        let files = try HostileInput.write(in: scratch)
        let run = try ProcessRunner.shootnet([command.args[0], files.shoot] + command.args.dropFirst() + files.flags)
        #expect(run.signal == nil && !run.timedOut)
        #expect(run.exitCode == 0 || run.exitCode == 1, "\(command.name): exit \(run.exitCode): \(run.stderr.prefix(500))")
        #expect(run.stderrBytes.isEmpty, "\(command.name): \(run.stderr.prefix(500))")
        let text = run.stdout
        #expect(!text.isEmpty)
        if let bad = TerminalText.firstUnsafe(in: text, sgr: command.sgr) { Issue.record("\(command.name): \(bad)") }
        #expect(!text.contains(HostileInput.long), "\(command.name): a 10,000-character string reached the output whole")
        #expect(TerminalText.longestLine(text) <= 2_200, "\(command.name): a line of \(TerminalText.longestLine(text)) characters")
        // The names are shown (made safe), not dropped.
        #expect(text.contains("node-\u{FFFD}[31mred") || text.contains("node-\u{FFFD}"), "\(command.name): the hostile node name is not shown")
    }

    /// A file name is an argument, yet it may come from a directory listing: one with escape
    /// sequences or a bidi override is escaped in the error line, never sent raw.
    @Test(arguments: ["missing", "broken"])
    func fileNamesInErrorsAreEscaped(_ what: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let name = "shoot\u{1B}[2J\u{202E}lmay.yaml"
        if what == "broken" { try scratch.write(name, "kind: [\n") }
        let run = try ProcessRunner.shootnet(["check", scratch.path(name)])
        #expect(run.exitCode == 2)
        #expect(run.stderrLines.count == 1)
        #expect(TerminalText.firstUnsafe(in: run.stderr, sgr: false) == nil, "\(run.stderr)")
        #expect(run.stderr.hasPrefix(scratch.folder + "/shoot\\u{1b}[2J\\u{202e}lmay.yaml:"), "\(run.stderr)")
    }

    @Test func tablesShowEveryNameMadeSafe() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let files = try HostileInput.write(in: scratch)
        let plan = try ProcessRunner.shootnet(["plan", files.shoot, "-o", "table"] + files.flags).stdout
        #expect(plan.contains("Shoot shoot-\u{FFFD}2J\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}-x"))
        #expect(plan.contains("node-\u{FFFD}[31mred\u{FFFD}[0m\u{FFFD}]0;pwned\u{FFFD}"))
        #expect(plan.contains("node-\u{FFFD}lave\u{FFFD}-\u{FFFD}x\u{FFFD}\u{FFFD}"))
        #expect(plan.contains("node-" + String(repeating: "L", count: 200)) && plan.contains("…"))
        // `node\u{200B}-a` must not pass for `node-a`.
        #expect(plan.contains("node\u{FFFD}-a\u{FFFD}"))
        let routes = try ProcessRunner.shootnet(["routes", files.shoot] + files.flags).stdout
        #expect(routes.contains("router-\u{FFFD}[5m\u{FFFD}6n\u{FFFD}LLL"))
    }

    static let jsonCommands: [[String]] = [["plan", "-o", "json"], ["check", "-o", "json"], ["routes", "-o", "json"]]

    @Test(arguments: jsonCommands)
    func jsonKeepsTheExactTextEscaped(_ args: [String]) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let files = try HostileInput.write(in: scratch)
        let run = try ProcessRunner.shootnet([args[0], files.shoot] + args.dropFirst() + files.flags)
        #expect(run.signal == nil && run.stderrBytes.isEmpty, "\(run.stderr.prefix(300))")
        // Raw, the JSON is plain printable text: every control, C1 and bidi mark is a \u escape.
        if let bad = TerminalText.firstUnsafe(in: run.stdout) { Issue.record("\(args): raw \(bad)") }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdoutBytes)) as? [String: Any])
        let diagnostics = object["diagnostics"] as? [[String: Any]] ?? []
        switch args[0] {
        case "plan":
            let nodes = try #require(object["nodes"] as? [[String: Any]])
            #expect(nodes.compactMap { $0["name"] as? String }.sorted() == HostileInput.nodeNames.sorted())
            #expect(Set(nodes.compactMap { $0["zone"] as? String }) == [HostileInput.escapeZone, HostileInput.bidiZone])
            let routes = try #require(object["routes"] as? [[String: Any]])
            #expect(!routes.isEmpty && routes.allSatisfy { $0["router"] as? String == HostileInput.router })
            #expect(diagnostics.contains { ($0["message"] as? String)?.contains(HostileInput.escapeNode) == true })
        case "check":
            #expect(diagnostics.contains { ($0["code"] as? String) == "node.duplicate-name" })
            #expect(diagnostics.contains { ($0["message"] as? String)?.contains(HostileInput.bidiNode) == true })
        default:
            let routes = try #require(object["routes"] as? [[String: Any]])
            #expect(routes.contains { $0["node"] as? String == HostileInput.bidiNode })
            #expect(routes.allSatisfy { $0["router"] as? String == HostileInput.router })
        }
    }

    /// The UI's canvas (headless): every pane, two sizes.
    @Test(arguments: [(80, 24), (200, 60)])
    func theUIShowsNoControlCharacters(_ size: (Int, Int)) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let files = try HostileInput.write(in: scratch)
        let loaded = try InputLoader.load(file: files.shoot, nodes: files.nodes, routes: files.router)
        var model = AppModel(file: files.shoot, input: loaded.input, width: size.0, height: size.1)
        var seen = ""
        for key in ["1", "2", "3", "4", "5", "?"] as [Character] {
            _ = model.update(.input(.key(.char(key))))
            for _ in 0..<3 { _ = model.update(.input(.key(.down))) }
            let canvas = model.view()
            for y in 0..<canvas.height {
                for x in 0..<canvas.width where TerminalText.isControl(canvas[x, y].scalar) {
                    Issue.record("pane \(key): U+\(String(canvas[x, y].scalar.value, radix: 16)) at \(x),\(y)")
                }
            }
            seen += canvas.text()
            if key == "?" { _ = model.update(.input(.key(.escape))) }
        }
        #expect(seen.contains("shoot-\u{FFFD}2J"))
        #expect(seen.contains("node-\u{FFFD}"))
    }
}
