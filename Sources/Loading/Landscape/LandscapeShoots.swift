import Spec
import Synchronization

/// The shoots of a landscape, read while they are planned: in units (``read(unit:_:)``) by
/// any thread and in any order, then once each by index (``shoot(_:)``, the view's Enter).
/// A JSON List's shoots stay in their mapped file until then, so a landscape's shoots are
/// never all in memory at once. Shoots of other inputs (YAML, standard input) are decoded
/// already.
///
/// A List whose first item is a Shoot is not even scanned for its items before: it is read
/// in chunks (``ListChunks``), and its items are known once every unit was read and
/// ``finishReading()`` found the chunks right. When they are not, the loader scans the list
/// as it does every other (``LandscapeLoader/rescan(_:)``) and the units are read again.
public final class LandscapeShoots: @unchecked Sendable {  // `outcomes`: one slot per unit, written by its reader only, read after every unit
    enum Entry: Sendable {
        // Boxed: an entry stays as small as an item's place, not a whole Shoot.
        indirect case decoded(Shoot)
        case item(file: Int, JSONListItems.Item)
    }

    struct MappedList: Sendable {
        let name: String
        let file: MappedFile
        /// After a byte order mark.
        let start: Int
        /// Decodes the items, made once: it interns the file's name.
        let fields: FieldDecoder

        init(name: String, file: MappedFile, start: Int) {
            self.name = name
            self.file = file
            self.start = start
            fields = FieldDecoder(file: name)
        }
    }

    /// One input file (or standard input), in input order.
    enum Part: Sendable {
        /// Seeds and skipped documents found, and the shoots as entries.
        case read(LandscapeInput, [Entry])
        /// A List of shoots read in chunks (``ListChunks``), of `files[file]`.
        case chunked(file: Int, ListChunks)
    }

    /// What planning reads: up to ``entriesPerUnit`` entries of a part, or a chunk.
    enum Unit: Sendable {
        case entries(part: Int, Range<Int>)
        case chunk(part: Int, Int)
    }

    private enum Outcome {
        case entries(failure: LoadError?)
        case chunk(ListChunks.Outcome)
    }

    static let entriesPerUnit = 64

    let files: [MappedList]
    let parts: [Part]
    private let units: [Unit]
    private let outcomes: UnsafeMutablePointer<Outcome?>
    /// Set when a chunk stopped: the other chunks stop too (the list is scanned instead).
    private let abandoned = Atomic<Bool>(false)
    /// Every shoot in input order, as runs: a part's entries, or a chunk's items (known at
    /// once unless a part is chunked, else once read). Not one array of them all: copying
    /// 10,000 places into it was a serial millisecond after planning.
    private enum Run {
        case entries([Entry])
        case items(file: Int, [JSONListItems.Item])

        var count: Int {
            switch self {
            case .entries(let e): e.count
            case .items(_, let i): i.count
            }
        }
    }
    private var runs: [Run] = []
    /// The index of each run's first shoot, then the count of all.
    private var runStarts: [Int] = [0]

    init(files: [MappedList], parts: [Part]) {
        self.files = files
        self.parts = parts
        var units: [Unit] = []
        var runs: [Run] = []
        for (p, part) in parts.enumerated() {
            switch part {
            case .read(_, let partEntries):
                runs.append(.entries(partEntries))
                for from in stride(from: 0, to: partEntries.count, by: Self.entriesPerUnit) {
                    units.append(.entries(part: p, from..<min(partEntries.count, from + Self.entriesPerUnit)))
                }
            case .chunked(_, let chunks):
                units += chunks.starts.indices.map { .chunk(part: p, $0) }
            }
        }
        self.units = units
        outcomes = .allocate(capacity: max(units.count, 1))
        outcomes.initialize(repeating: nil, count: max(units.count, 1))
        setRuns(runs)
    }

    deinit {
        outcomes.deinitialize(count: max(units.count, 1))
        outcomes.deallocate()
    }

    /// How many units ``read(unit:_:)`` reads.
    public var unitCount: Int { units.count }

    /// Reads unit `u` (once, from any thread): hands each of its shoots to `shoot`, in input
    /// order. A shoot that cannot be decoded ends the unit; ``finishReading()`` tells why.
    public func read(unit u: Int, _ shoot: (Shoot) -> Void) {
        switch units[u] {
        case .entries(let p, let range):
            guard case .read(_, let partEntries) = parts[p] else { return }
            for j in range {
                switch decode(partEntries[j]) {
                case .success(let s):
                    shoot(s)
                case .failure(let error):
                    outcomes[u] = .entries(failure: error)
                    return
                }
            }
            outcomes[u] = .entries(failure: nil)
        case .chunk(let p, let k):
            guard case .chunked(let f, let chunks) = parts[p] else { return }
            let outcome = chunks.read(k, of: files[f], abandoned: { abandoned.load(ordering: .relaxed) }, shoot: shoot)
            if case .stopped = outcome { abandoned.store(true, ordering: .relaxed) }
            outcomes[u] = .chunk(outcome)
        }
    }

    /// After every unit was read: false when a chunked List was not read as it is (it held
    /// more than Shoots, a chunk started at a wrong guess, or something is malformed) — then
    /// ``LandscapeLoader/rescan(_:)`` and read every unit again. Throws the first shoot, in
    /// input order, that cannot be decoded. Once it returns true, ``count`` and ``shoot(_:)``
    /// know every shoot.
    public func finishReading() throws(LoadError) -> Bool {
        var listed: [Int: [[JSONListItems.Item]]] = [:]
        for (p, part) in parts.enumerated() {
            guard case .chunked(let f, let chunks) = part else { continue }
            let read = units.indices.compactMap { u -> ListChunks.Outcome? in
                guard case .chunk(p, _) = units[u], case .chunk(let outcome)? = outcomes[u] else { return nil }
                return outcome
            }
            guard let items = chunks.verify(read, in: files[f].file.bytes) else { return false }
            listed[p] = items
        }
        for u in units.indices {
            if case .entries(let failure?)? = outcomes[u] { throw failure }
        }
        if !listed.isEmpty {
            setRuns(parts.indices.flatMap { p -> [Run] in
                switch parts[p] {
                case .read(_, let partEntries): [.entries(partEntries)]
                case .chunked(let f, _): (listed[p] ?? []).map { .items(file: f, $0) }
                }
            })
        }
        return true
    }

    private func setRuns(_ runs: [Run]) {
        self.runs = runs
        runStarts = [0]
        runStarts.reserveCapacity(runs.count + 1)
        for run in runs { runStarts.append(runStarts[runStarts.count - 1] + run.count) }
    }

    /// How many shoots there are (every one, once ``finishReading()`` returned true).
    public var count: Int { runStarts[runStarts.count - 1] }

    /// The `i`-th shoot (0..<``count``), in input order, or why it cannot be decoded.
    public func shoot(_ i: Int) -> Result<Shoot, LoadError> {
        // The last run starting at or before i.
        var low = 0, high = runs.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if runStarts[mid] <= i { low = mid } else { high = mid - 1 }
        }
        guard i >= 0, i < count else { return .failure(LoadError(file: "", message: "no shoot \(i) in the landscape")) }
        switch runs[low] {
        case .entries(let entries): return decode(entries[i - runStarts[low]])
        case .items(let f, let items): return decode(.item(file: f, items[i - runStarts[low]]))
        }
    }

    private func decode(_ entry: Entry) -> Result<Shoot, LoadError> {
        switch entry {
        case .decoded(let shoot):
            return .success(shoot)
        case .item(let f, let item):
            let list = files[f]
            do throws(LoadError) {
                var one = LandscapeInput()
                try LandscapeLoader.decodeItem(item, of: list, into: &one)
                list.file.releaseBlock(crossedBy: item.start, item.end)
                // Moved out, not copied (an item holds one document, so one shoot at most).
                guard let shoot = one.shoots.popLast() else {
                    return .failure(LoadError(file: list.name, line: item.line, message: "expected a Shoot"))
                }
                return .success(shoot)
            } catch {
                return .failure(error)
            }
        }
    }

    /// Every shoot, in input order (reads every unit first when a List is chunked).
    public func all() throws(LoadError) -> [Shoot] {
        if parts.contains(where: { if case .chunked = $0 { true } else { false } }) {
            return try LandscapeLoader.read((LandscapeInput(), self)) { _, shoots in
                var all: [Shoot] = []
                for u in 0..<shoots.unitCount { shoots.read(unit: u) { all.append($0) } }
                return all
            }.0
        }
        var shoots: [Shoot] = []
        shoots.reserveCapacity(count)
        for i in 0..<count { shoots.append(try shoot(i).get()) }
        return shoots
    }
}
