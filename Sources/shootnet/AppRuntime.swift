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
        if let found = RecoveryFile(for: input.file).existing() {
            model.offerRecovery(path: found.path, edits: RecoveryFormat.decode(found.text))
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
                _ = model.update(.saved(result))
                if case .failure = result { return nil }
            case .writeRecovery(let edits):
                let recovery = RecoveryFile(for: input.file)
                let text = RecoveryFormat.encode(edits)
                if let path = recovery.write(text) {
                    _ = model.update(.recoveryWritten(path: path))
                    notices.append("shootnet: \(edits.count) unsaved edit(s) kept in \(path); the next start offers to replay them")
                } else {
                    // Last resort: the edits go to the terminal, so they are not lost.
                    let places = ([recovery.beside] + (recovery.fallback.map { [$0] } ?? [])).joined(separator: " or ")
                    notices.append("shootnet: cannot write \(places); your \(edits.count) unsaved edit(s), one field<TAB>value a line:\n"
                                   + text.split(separator: "\n").dropFirst().map { "  " + $0 }.joined(separator: "\n"))
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

    private mutating func save(_ edits: [FieldEdit], force: Bool) -> Result<String, SaveFailure> {
        let text: String
        switch SpecSaving.apply(edits, to: loaded.source.text, file: input.file) {
        case .success(let t): text = t
        case .failure(let failure): return .failure(failure)
        }
        do {
            let expected = force ? DiskState.fingerprint(of: input.file) : loaded.source.fingerprint
            let fingerprint = try SafeFile.write(text, to: input.file, expectedFingerprint: expected,
                                                 byteOrderMark: loaded.source.hasByteOrderMark)
            loaded.source.text = text
            loaded.source.fingerprint = fingerprint
            return .success(input.file)
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

extension String {
    /// The file's text, or nil when it cannot be read.
    init?(contentsOfFileAt path: String) {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > 1 << 20 { return nil }
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}
