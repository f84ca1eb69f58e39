import App
import Canvas
import IPAM
import Loading
import Spec
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// The edge of the Elm loop: feeds terminal events to the app model, draws its view and
/// performs its effects (saving, recovery files, reloading). Everything else is pure.
struct AppRuntime {
    let screen: TerminalScreen
    var loaded: LoadedInput
    let input: InputOptions
    var model: AppModel
    private var lastDiskCheck = 0

    init(screen: TerminalScreen, loaded: LoadedInput, input: InputOptions, readOnly: Bool) {
        self.screen = screen
        self.loaded = loaded
        self.input = input
        let size = screen.size
        model = AppModel(file: input.file, input: loaded.input, width: size.width, height: size.height,
                         glyphs: screen.capabilities.glyphs, readOnly: readOnly)
        let recovery = RecoveryFile(for: input.file).existing()
        if !recovery.refused.isEmpty {
            _ = model.update(.recoveryRefused(recovery.refused.joined(separator: "; ")))
        }
        if let path = recovery.path, let text = recovery.text {
            model.offerRecovery(path: path, edits: RecoveryFormat.decode(text))
        }
    }

    /// Runs until the app quits; returns the exit status.
    mutating func run() -> Int32 {
        while true {
            screen.draw(model.view(), cursor: model.cursorPosition)
            let event = screen.nextEvent(timeoutMilliseconds: 500)
            var effects = model.update(.input(event))
            if case .tick = event { effects += checkDisk() }
            if let status = perform(effects) { return status }
        }
    }

    /// Performs effects in order; a failed save stops the ones after it (no quit after a
    /// failed save). Returns an exit status when the app quits.
    private mutating func perform(_ effects: [AppEffect]) -> Int32? {
        // Said on stderr once the screen is closed: printed on the alternate screen, they
        // would vanish with it.
        var notices: [String] = []
        for effect in effects {
            switch effect {
            case .quit(let status):
                screen.close()
                for notice in notices { FileOutput.stderr(notice) }
                return status
            case .save(let edits, let force):
                let result = save(edits, force: force)
                if let status = perform(model.update(.saved(result))) { return status }
                if case .failure = result { return nil }
            case .writeRecovery(let edits):
                let recovery = RecoveryFile(for: input.file)
                let text = RecoveryFormat.encode(edits)
                if let path = recovery.write(text) {
                    _ = model.update(.recoveryWritten(path: path))
                    notices.append(RecoveryNotice.kept(edits.count, in: path))
                } else {
                    // Last resort: the edits go to the terminal, so they are not lost.
                    notices.append(RecoveryNotice.notKept(edits, places: [recovery.beside] + (recovery.fallback.map { [$0] } ?? [])))
                }
            case .deleteRecovery:
                RecoveryFile(for: input.file).remove()
            case .reload:
                do {
                    loaded = try InputLoader.load(file: input.file, nodes: input.nodes, routes: input.routes, seed: input.seed)
                    _ = model.update(.reloaded(.success(loaded.input)))
                } catch {
                    _ = model.update(.reloaded(.failure(SaveFailure(message: "\(error)"))))
                }
            }
        }
        return nil
    }

    private mutating func save(_ edits: [FieldEdit], force: Bool) -> Result<SaveSuccess, SaveFailure> {
        let text: String
        switch SpecSaving.apply(edits, to: loaded.source.text, file: input.file) {
        case .success(let t): text = t
        case .failure(let failure): return .failure(failure)
        }
        do {
            let expected = force ? DiskState.fingerprint(of: input.file) : loaded.source.fingerprint
            let saved = try SafeFile.write(text, to: input.file, expectedFingerprint: expected,
                                           byteOrderMark: loaded.source.hasByteOrderMark)
            loaded.source.text = text
            loaded.source.fingerprint = saved.fingerprint
            return .success(SaveSuccess(path: input.file, backup: saved.backup, notes: saved.notes))
        } catch {
            return .failure(SaveFailure(message: error.message, changedOnDisk: error.reason == .changedOnDisk))
        }
    }

    /// Every few seconds: has the file changed behind our back?
    private mutating func checkDisk() -> [AppEffect] {
        lastDiskCheck += 1
        guard lastDiskCheck % 4 == 0, let expected = loaded.source.fingerprint else { return [] }
        if DiskState.fingerprint(of: input.file) != expected {
            return model.update(.fileChangedOnDisk)
        }
        return []
    }
}
