import App
import Canvas
import IPAM
import Loading
import Spec

/// The edge of the Elm loop: feeds terminal events to the app model, draws its view and
/// performs its effects (saving, recovery files, reloading). Every effect `update` returns
/// is performed, and what it did goes back through `update`. Everything else is pure.
struct AppRuntime {
    let screen: any TerminalBackend
    var loaded: LoadedInput
    /// The files loaded; `:saveas` moves the spec file.
    var input: InputOptions
    var model: AppModel
    private var lastDiskCheck = 0
    /// Said on stderr once the screen is closed: printed on the alternate screen, they
    /// would vanish with it.
    private var notices: [String] = []

    init(screen: any TerminalBackend, loaded: LoadedInput, input: InputOptions, readOnly: Bool) {
        self.screen = screen
        self.loaded = loaded
        self.input = input
        let size = screen.size
        model = AppModel(file: input.file, input: loaded.input, width: size.width, height: size.height,
                         glyphs: screen.glyphs, readOnly: readOnly)
    }

    /// Runs until the app quits; returns the exit status.
    mutating func run() -> Int32 {
        for message in startMessages() {
            if let status = send(message) { return status }
        }
        while true {
            screen.draw(model.view(), cursor: model.cursorPosition)
            let event = screen.nextEvent(timeoutMilliseconds: 500)
            if let status = send(.input(event)) { return status }
            if case .tick = event, diskChanged(), let status = send(.fileChangedOnDisk) { return status }
        }
    }

    /// What the model hears before the first key: recovery files of an earlier session.
    private func startMessages() -> [AppMessage] {
        let recovery = RecoveryFile(for: input.file).existing()
        var messages: [AppMessage] = []
        if !recovery.refused.isEmpty { messages.append(.recoveryRefused(recovery.refused.joined(separator: "; "))) }
        if let path = recovery.path, let text = recovery.text { messages.append(.recoveryFound(path: path, text: text)) }
        return messages
    }

    /// Updates the model with `message` and performs the effects it returns; the exit status
    /// when the app quits.
    private mutating func send(_ message: AppMessage) -> Int32? {
        for effect in model.update(message) {
            if let status = perform(effect) { return status }
        }
        return nil
    }

    private mutating func perform(_ effect: AppEffect) -> Int32? {
        switch effect {
        case .quit(let status):
            screen.close()
            for notice in notices { FileOutput.stderr(notice) }
            notices = []
            return status
        case .save(let edits, let force):
            return send(.saved(save(edits, force: force)))
        case .saveAs(let path, let edits, let force, let adopt):
            return send(.savedAs(saveAs(path, edits, force: force, adopt: adopt), adopt: adopt))
        case .copy(let text):
            let done = FixFile.copy(text, screen: screen)
            return send(.copied(clipboard: done.clipboard, file: done.file, failure: done.failure))
        case .writeRecovery(let edits):
            let recovery = RecoveryFile(for: input.file)
            guard let path = recovery.write(RecoveryFormat.encode(edits)) else {
                // Last resort: the edits go to the terminal, so they are not lost.
                notices.append(RecoveryNotice.notKept(edits, places: [recovery.beside] + (recovery.fallback.map { [$0] } ?? [])))
                return nil
            }
            notices.append(RecoveryNotice.kept(edits.count, in: path))
            return send(.recoveryWritten(path: path))
        case .deleteRecovery:
            RecoveryFile(for: input.file).remove()
            return nil
        case .reload:
            do {
                loaded = try InputLoader.load(file: input.file, nodes: input.nodes, routes: input.routes, seed: input.seed)
                return send(.reloaded(.success(loaded.input)))
            } catch {
                return send(.reloaded(.failure(SaveFailure(message: "\(error)"))))
            }
        }
    }

    private mutating func save(_ edits: [FieldEdit], force: Bool) -> Result<SaveSuccess, SaveFailure> {
        let expected = force ? DiskState.fingerprint(of: input.file) : loaded.source.fingerprint
        return write(edits, to: input.file, expecting: expected).map { text, saved in
            loaded.source.text = text
            loaded.source.fingerprint = saved.fingerprint
            return SaveSuccess(path: input.file, backup: saved.backup, notes: saved.notes)
        }
    }

    /// Writes the spec with `edits` to `path`, leaving the loaded file as it is. With `adopt`,
    /// `path` is the file edited (and watched) from now on.
    private mutating func saveAs(_ path: String, _ edits: [FieldEdit], force: Bool, adopt: Bool) -> Result<SaveSuccess, SaveFailure> {
        let existing = DiskState.fingerprint(of: path)
        if existing != nil && !force {
            return .failure(SaveFailure(message: "\(path) exists; :w! \(path) (or :saveas! \(path)) replaces it"))
        }
        return write(edits, to: path, expecting: existing).map { text, saved in
            if adopt {
                input.file = path
                loaded.source.text = text
                loaded.source.fingerprint = saved.fingerprint
            }
            return SaveSuccess(path: path, backup: saved.backup, notes: saved.notes)
        }
    }

    /// The loaded text with `edits` applied, written to `path` safely (`expected`: what the
    /// file must hold, nil for a new file); the text and what the write did.
    private func write(_ edits: [FieldEdit], to path: String, expecting expected: FileFingerprint?)
        -> Result<(text: String, saved: SavedFile), SaveFailure> {
        let text: String
        switch SpecSaving.apply(edits, to: loaded.source.text, file: path) {
        case .success(let t): text = t
        case .failure(let failure): return .failure(failure)
        }
        do {
            let saved = try SafeFile.write(text, to: path, expectedFingerprint: expected, byteOrderMark: loaded.source.hasByteOrderMark)
            return .success((text, saved))
        } catch {
            return .failure(SaveFailure(message: error.message, changedOnDisk: error.reason == .changedOnDisk))
        }
    }

    /// Every fourth tick (about two seconds): has the file changed behind our back?
    private mutating func diskChanged() -> Bool {
        lastDiskCheck += 1
        guard lastDiskCheck % 4 == 0, let expected = loaded.source.fingerprint else { return false }
        return DiskState.fingerprint(of: input.file) != expected
    }
}
