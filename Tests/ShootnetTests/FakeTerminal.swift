import Canvas
@testable import shootnet

/// A screen for ``AppRuntime`` in process: hands out scripted events (running the script's
/// actions in between) and keeps every frame drawn. A script that runs out sends SIGTERM, so
/// a runtime that fails to quit ends anyway, and `ranOut` tells the test.
final class FakeTerminal: TerminalBackend {
    enum Step {
        case event(InputEvent)
        /// Done when the runtime asks for its next event at this point of the script.
        case action(() throws -> Void)
    }

    let size: (width: Int, height: Int)
    let glyphs: Glyphs = .unicode
    private var script: [Step]
    private(set) var frames: [String] = []
    private(set) var ranOut = false
    private(set) var closed = false
    private(set) var actionErrors: [any Error] = []

    init(width: Int = 160, height: Int = 45, script: [Step]) {
        size = (width, height)
        self.script = script
    }

    static func keys(_ keys: Key...) -> [Step] { keys.map { .event(.key($0)) } }
    static func type(_ text: String) -> [Step] { text.map { .event(.key(.char($0))) } }

    func draw(_ canvas: Canvas, cursor: (x: Int, y: Int)?) { frames.append(canvas.text()) }

    /// What was put on the clipboard; `takesClipboard` says whether this "terminal" takes it.
    var takesClipboard = false
    private(set) var clipboard: [String] = []

    func copyToClipboard(_ text: String) -> Bool {
        guard takesClipboard else { return false }
        clipboard.append(text)
        return true
    }

    func nextEvent(timeoutMilliseconds: Int) -> InputEvent {
        while !script.isEmpty {
            switch script.removeFirst() {
            case .event(let event): return event
            case .action(let action):
                do { try action() } catch { actionErrors.append(error) }
            }
        }
        ranOut = true
        return .signal(15)
    }

    func close() { closed = true }

    var lastFrame: String { frames.last ?? "" }
}
