import Spec

/// The shoots of a landscape, decoded on demand (by any thread, in any order): a JSON List's
/// shoot items stay in their mapped file until then, so a landscape's shoots are never all
/// in memory at once. Shoots of other inputs (YAML, standard input) are decoded already.
public final class LandscapeShoots: Sendable {
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

    let files: [MappedList]
    let entries: [Entry]

    init(files: [MappedList], entries: [Entry]) {
        self.files = files
        self.entries = entries
    }

    public var count: Int { entries.count }

    /// The `i`-th shoot, in input order, or why it cannot be decoded.
    public func shoot(_ i: Int) -> Result<Shoot, LoadError> {
        switch entries[i] {
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

    /// Every shoot, in input order.
    public func all() throws(LoadError) -> [Shoot] {
        var out: [Shoot] = []
        out.reserveCapacity(count)
        for i in 0..<count { out.append(try shoot(i).get()) }
        return out
    }
}
