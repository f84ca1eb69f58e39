import Addressing
import Canvas
import Diagram
import IPAM
import Spec

/// What the landscape view hears: terminal input, and a shoot the runtime decoded for Enter.
public enum LandscapeMessage: Sendable {
    case input(InputEvent)
    /// The shoot at `index`, ready to plan (with its seed as `settings.seed`), or why not.
    case shootLoaded(index: Int, Result<PlanInput, SaveFailure>)
    /// A copy the open shoot's detail page asked for, done (see ``AppMessage/copied(clipboard:file:failure:)``).
    case copied(clipboard: Bool, file: String?, failure: String?)
}

/// What the landscape view asks the runtime for.
public enum LandscapeEffect: Equatable, Sendable {
    /// Decode shoot `index` of the input and answer with ``LandscapeMessage/shootLoaded(index:_:)``.
    case loadShoot(Int)
    case copy(String)
    case quit(Int32)
}

/// The landscape UI (Elm-style, like ``AppModel``): every seed and shoot with its IPv6
/// ranges and problem counts, collisions first; `/` filters, Enter opens a shoot's topology
/// (an ``AppModel``, read-only) and `q` there comes back; `:find` looks across the landscape.
public struct LandscapeModel: Sendable {
    public let result: LandscapeResult
    /// Where the shoots came from (the title, and the opened shoot's "file").
    public let source: String
    public private(set) var rows: [LandscapeRow]
    /// Indices into ``rows`` that match the filter, in order.
    public private(set) var shown: [Int]
    public internal(set) var selected = 0
    public internal(set) var filter = ""
    public internal(set) var mode: LandscapeMode = .normal
    public internal(set) var message: AppModel.StatusMessage?
    /// The shoot opened with Enter; keys go to it until it quits.
    public internal(set) var shoot: AppModel?
    public private(set) var width: Int
    public private(set) var height: Int
    public var glyphs: Glyphs

    public init(result: LandscapeResult, source: String, width: Int, height: Int, glyphs: Glyphs = .unicode) {
        self.result = result
        self.source = source
        self.width = width
        self.height = height
        self.glyphs = glyphs
        rows = LandscapeRow.rows(of: result)
        shown = Array(rows.indices)
    }

    /// The row under the selection.
    public var selectedRow: LandscapeRow? { shown.indices.contains(selected) ? rows[shown[selected]] : nil }

    public mutating func update(_ message: LandscapeMessage) -> [LandscapeEffect] {
        switch message {
        case .input(let event):
            if var open = shoot {
                // The landscape keeps the terminal's size while a shoot is open, for coming back.
                if case .resize(let w, let h) = event { (width, height) = (max(0, w), max(0, h)) }
                return forward(.input(event), to: &open)
            }
            return handle(event)
        case .shootLoaded(let index, .success(let input)):
            let name = rows.first { $0.shootIndex == index }?.name ?? source
            var model = AppModel(file: name, input: input, width: width, height: height, glyphs: glyphs, readOnly: true)
            model.say("\(name): q or Esc goes back to the landscape", .info)
            shoot = model
        case .shootLoaded(_, .failure(let failure)):
            say("cannot open the shoot: \(failure.message)", .error)
        case .copied(let clipboard, let file, let failure):
            if var open = shoot { return forward(.copied(clipboard: clipboard, file: file, failure: failure), to: &open) }
        }
        return []
    }

    /// Runs the open shoot's update; its quit closes it (back to the landscape), its copy is
    /// done by the runtime, and what a read-only view cannot ask for is not asked.
    private mutating func forward(_ message: AppMessage, to open: inout AppModel) -> [LandscapeEffect] {
        var effects: [LandscapeEffect] = []
        var back = false
        for effect in open.update(message) {
            switch effect {
            case .quit(let status):
                // A signal ends everything; q in the shoot goes back.
                if status >= 128 { return [.quit(status)] }
                back = true
            case .copy(let text): effects.append(.copy(text))
            case .save, .saveAs, .writeRecovery, .deleteRecovery, .reload: break
            }
        }
        if back {
            shoot = nil
            say("back in the landscape view", .info)
        } else {
            shoot = open
        }
        return effects
    }

    mutating func say(_ text: String, _ role: Role = .info) { message = AppModel.StatusMessage(text: text, role: role) }

    // MARK: Keys

    private mutating func handle(_ event: InputEvent) -> [LandscapeEffect] {
        switch event {
        case .resize(let w, let h):
            width = max(0, w)
            height = max(0, h)
            return []
        case .signal(let n): return [.quit(128 + n)]
        case .tick: return []
        case .mouse(_, let y, let button):
            if button == .left, mode == .normal, y >= listTop, y < listTop + listHeight {
                select(firstShown + y - listTop)
            } else if button == .scrollDown { select(selected + 3) } else if button == .scrollUp { select(selected - 3) }
            return []
        case .key(let key):
            switch mode {
            case .normal: return handleNormal(key)
            case .filter(let line): handleFilter(key, line)
            case .command(let line): handleCommand(key, line)
            case .detail(let page): handleDetail(key, page)
            case .help: mode = .normal
            }
            return []
        }
    }

    private mutating func handleNormal(_ key: Key) -> [LandscapeEffect] {
        message = nil
        switch key {
        case .char("q"), .ctrl("c"): return [.quit(0)]
        case .up, .char("k"): select(selected - 1)
        case .down, .char("j"): select(selected + 1)
        case .pageUp: select(selected - max(1, listHeight - 1))
        case .pageDown, .char(" "): select(selected + max(1, listHeight - 1))
        case .home, .char("g"): select(0)
        case .end, .char("G"): select(shown.count - 1)
        case .char("]"): jump(1)
        case .char("["): jump(-1)
        case .char("/"): mode = .filter(LineEditor(filter))
        case .char(":"): mode = .command(LineEditor())
        case .char("?"), .function(1): mode = .help
        case .escape:
            if !filter.isEmpty { setFilter("") }
        case .enter:
            guard let row = selectedRow else { return [] }
            if let index = row.shootIndex {
                say("opening \(row.name)…")
                return [.loadShoot(index)]
            }
            mode = .detail(detail(of: row))
        default: break
        }
        return []
    }

    private mutating func select(_ row: Int) {
        selected = max(0, min(shown.count - 1, row))
    }

    /// `]` / `[`: the next row with a collision or errors.
    private mutating func jump(_ step: Int) {
        guard !shown.isEmpty else { return }
        for k in 1...shown.count {
            let i = ((selected + step * k) % shown.count + shown.count) % shown.count
            let r = rows[shown[i]]
            if r.collisions > 0 || r.errors > 0 { return select(i) }
        }
        say("no collisions and no shoot with errors", .ok)
    }

    private mutating func setFilter(_ text: String) {
        filter = text
        let needle = text.lowercased()
        shown = rows.indices.filter { needle.isEmpty || rows[$0].searchText.contains(needle) }
        selected = 0
    }

    private mutating func handleFilter(_ key: Key, _ line: LineEditor) {
        var line = line
        switch line.handle(key) {
        case .cancel: setFilter(""); mode = .normal
        case .submit: setFilter(line.text); mode = .normal
        case .editing: setFilter(line.text); mode = .filter(line)
        }
    }

    private mutating func handleCommand(_ key: Key, _ line: LineEditor) {
        var line = line
        switch line.handle(key) {
        case .cancel: mode = .normal
        case .editing: mode = .command(line)
        case .submit:
            mode = .normal
            let words = line.text.split(separator: " ", maxSplits: 1).map(String.init)
            switch words.first {
            case "find", "f": find(words.count > 1 ? words[1] : "")
            case "q", "quit": break
            case nil: break
            default: say("unknown command :\(words[0]) (:find ADDR|CIDR)", .error)
            }
        }
    }

    private mutating func handleDetail(_ key: Key, _ page: DetailPage) {
        var page = page
        if page.scroll(key, box: DetailPage.box(width: width, height: height)) {
            mode = .detail(page)
        } else if key == .escape || key == .enter || key == .char("q") {
            mode = .normal
        }
    }

    // MARK: What the landscape holds

    /// `:find ADDR|CIDR`: every range of every shoot and seed that holds the address (or
    /// overlaps the CIDR), on a page.
    mutating func find(_ raw: String) {
        let text = raw.trimmingCharacters(in: " \t")
        let query: FindQuery
        switch FindQuery.parse(text) {
        case .success(let q): query = q
        case .failure(let e): return say("find: \"\(SafeText.terminal(text, maxLength: 60))\": \(e.message) (give an address or a CIDR)", .error)
        }
        let hits = result.ranges.filter { $0.prefix.overlaps(query.range) }
        guard !hits.isEmpty else { return say("\(query.text): in no range of the landscape", .warning) }
        let lines = hits.map { r in
            DetailPage.Line(objectName(r.owner), "\(r.kind.rawValue) \(r.prefix)  \(r.fieldPath)", role: .address)
        }
        mode = .detail(DetailPage(title: "find \(text): \(hits.count) range\(hits.count == 1 ? "" : "s")", lines: lines))
        say("\(text) → \(objectName(hits[0].owner)) \(hits[0].kind.rawValue) \(hits[0].prefix)", .ok)
    }

    private func objectName(_ owner: Int) -> String {
        guard result.objects.indices.contains(owner) else { return "?" }
        switch result.objects[owner] {
        case .shoot(let namespace, let name): return "shoot \(namespace)/\(name)"
        case .seed(let name): return "seed \(name)"
        default: return result.objects[owner].description
        }
    }

    /// A seed (or a shoot's summary): its ranges and the landscape findings naming it.
    func detail(of row: LandscapeRow) -> DetailPage {
        var lines: [DetailPage.Line] = [.init(row.kind.rawValue, SafeText.terminal(row.name))]
        if row.kind == .shoot, let seed = row.seed { lines.append(.init("seed", SafeText.terminal(seed))) }
        for r in row.ipv6 { lines.append(.init("IPv6", r, role: .address)) }
        for d in result.diagnostics where d.objects.contains(row.ref) {
            lines.append(.init(d.severity.rawValue, "[\(d.code.rawValue)] " + SafeText.terminal(d.message, maxLength: 4000), role: d.severity.role))
        }
        return DetailPage(title: "\(row.kind.rawValue) \(SafeText.terminal(row.name))", lines: lines)
    }
}

/// What the keyboard does in the landscape view.
public enum LandscapeMode: Equatable, Sendable {
    case normal
    case filter(LineEditor)
    case command(LineEditor)
    case detail(DetailPage)
    case help
}
