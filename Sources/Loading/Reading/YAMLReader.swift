import Yams

/// Reads a YAML stream (several `---` documents) through Yams' composer into a
/// ``DocumentTape``, and turns every Yams error into `FILE:LINE:COL: error: …`.
///
/// Aliases are expanded while copying into the tape; a budget on expanded nodes and scalar
/// bytes (proportional to the file size) stops alias bombs ("billion laughs").
enum YAMLReader {
    /// Deepest nesting accepted, aliases included (libyaml alone stops at 1000 in the text).
    static let maxDepth = 1000

    static func read(text: String, file: String) throws(LoadError) -> DocumentTape {
        try YAMLPrecheck.rejectAliasKeys(in: text, file: file)
        let parser: Parser
        do {
            parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
        } catch {
            throw YAMLErrorTranslation.translate(error, text: text, file: file)
        }
        let size = text.utf8.count
        var converter = Converter(file: file, index: TextIndex(text), lines: YAMLLineMap(text), nodesLeft: 2 * size + 100_000, bytesLeft: 2 * size + 1 << 20)
        while true {
            let root: Node?
            do {
                root = try parser.nextRoot()
            } catch {
                throw YAMLErrorTranslation.translate(error, text: text, file: file)
            }
            guard let root else { break }
            converter.builder.beginDocument()
            try converter.add(root, depth: 0)
        }
        return converter.builder.finish(source: [])
    }

    /// Copies Yams nodes into the tape, expanding aliases within a budget.
    private struct Converter {
        let file: String
        /// Yams reports block and flow collections alike; the text tells them apart.
        let index: TextIndex
        let lines: YAMLLineMap
        var nodesLeft: Int
        var bytesLeft: Int
        var builder = TapeBuilder()

        init(file: String, index: TextIndex, lines: YAMLLineMap, nodesLeft: Int, bytesLeft: Int) {
            self.file = file
            self.index = index
            self.lines = lines
            self.nodesLeft = nodesLeft
            self.bytesLeft = bytesLeft
        }

        mutating func add(_ node: Node, depth: Int) throws(LoadError) {
            let (line, column) = position(node)
            try checkLine(line, column)
            nodesLeft -= 1
            guard nodesLeft >= 0 else { throw expansionError(line, column) }
            guard depth <= YAMLReader.maxDepth else {
                throw LoadError(file: file, line: line, column: column,
                                message: "nesting is deeper than \(YAMLReader.maxDepth) levels")
            }
            switch node {
            case .scalar(let scalar):
                bytesLeft -= scalar.string.utf8.count
                guard bytesLeft >= 0 else { throw expansionError(line, column) }
                builder.appendScalar(Self.kind(of: scalar), style: Self.style(of: scalar), line: line, column: column, text: scalar.string)
            case .sequence(let sequence):
                let index = builder.open(.sequence, style: collectionStyle(line, column), line: line, column: column)
                for child in sequence { try add(child, depth: depth + 1) }
                builder.close(index, count: sequence.count)
            case .mapping(let mapping):
                let index = builder.open(.mapping, style: collectionStyle(line, column), line: line, column: column)
                var count = 0
                var merges: [Node] = []
                var written: Set<String> = []
                for i in mapping.indices {
                    let pair = mapping[i]
                    if Self.isMergeKey(pair.key) {
                        merges.append(pair.value)
                        continue
                    }
                    if case .scalar(let s) = pair.key { written.insert(s.string) }
                    try addKey(pair.key)
                    try add(pair.value, depth: depth + 1)
                    count += 1
                }
                count += try merge(merges, skipping: written, depth: depth, at: (line, column))
                builder.close(index, count: count)
            case .alias:
                throw LoadError(file: file, line: line, column: column, message: "unresolved alias")
            }
        }

        /// A YAML merge key (`<<: *base`, `<<: [*a, *b]`): its mappings' pairs join this mapping
        /// unless written here already; with a list, earlier mappings win (YAML merge type).
        /// The merged pairs keep their places in the text: the editor refuses to edit them there.
        private mutating func merge(_ values: [Node], skipping written: Set<String>, depth: Int, at: (Int, Int)) throws(LoadError) -> Int {
            var taken = written
            var count = 0
            for value in values {
                let sources: [Node.Mapping]
                switch value {
                case .mapping(let m): sources = [m]
                case .sequence(let s):
                    var maps: [Node.Mapping] = []
                    for item in s {
                        guard case .mapping(let m) = item else { throw mergeError(item) }
                        maps.append(m)
                    }
                    sources = maps
                default: throw mergeError(value)
                }
                for source in sources {
                    for i in source.indices {
                        let pair = source[i]
                        guard !Self.isMergeKey(pair.key) else { throw mergeError(pair.key) }
                        guard case .scalar(let s) = pair.key, taken.insert(s.string).inserted else { continue }
                        try addKey(pair.key)
                        try add(pair.value, depth: depth + 1)
                        count += 1
                    }
                }
            }
            return count
        }

        private func mergeError(_ node: Node) -> LoadError {
            let (line, column) = position(node)
            return LoadError(file: file, line: line, column: column,
                             message: "a merge key (<<) takes a mapping or a list of mappings, without merge keys of their own")
        }

        static func isMergeKey(_ node: Node) -> Bool {
            guard case .scalar(let s) = node, s.string == "<<" else { return false }
            return s.style == .plain || s.style == .any
        }

        /// Keys are stored as strings with their text (`80: x` has the key "80").
        private mutating func addKey(_ key: Node) throws(LoadError) {
            let (line, column) = position(key)
            try checkLine(line, column)
            nodesLeft -= 1
            guard nodesLeft >= 0 else { throw expansionError(line, column) }
            guard case .scalar(let scalar) = key else {
                throw LoadError(file: file, line: line, column: column,
                                message: "mapping keys must be plain strings, found \(key.mapping != nil ? "a mapping" : "a list")")
            }
            builder.appendScalar(.string, style: Self.style(of: scalar), line: line, column: column, text: scalar.string)
        }

        private func collectionStyle(_ line: Int, _ column: Int) -> NodeStyle {
            var offset = index.offset(line: line, column: column)
            // A node's mark is at its anchor or tag (`&p {type: gcp}`, `!!map {…}`): skip them.
            while let c = index.byte(at: offset), c == UInt8(ascii: "&") || c == UInt8(ascii: "!") {
                while let c = index.byte(at: offset), c != 0x20, c != 0x09, c != 0x0A, c != 0x0D { offset += 1 }
                while let c = index.byte(at: offset), c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { offset += 1 }
            }
            let c = index.byte(at: offset)
            return c == UInt8(ascii: "[") || c == UInt8(ascii: "{") ? .flow : .block
        }

        private func checkLine(_ line: Int, _ column: Int) throws(LoadError) {
            guard line > TapeEntry.maxLine else { return }
            throw LoadError(file: file, line: line, column: column,
                            message: "more than \(TapeEntry.maxLine) lines; shootnet reads files of at most that many lines")
        }

        private func expansionError(_ line: Int, _ column: Int) -> LoadError {
            LoadError(file: file, line: line, column: column,
                      message: "aliases expand this document far beyond the file's size (an alias bomb?); refusing to load it")
        }

        private func position(_ node: Node) -> (Int, Int) {
            guard let mark = node.mark else { return (1, 1) }
            return lines.position(line: mark.line, column: mark.column)
        }

        private static func style(of scalar: Node.Scalar) -> NodeStyle {
            switch scalar.style {
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            case .any, .plain: .plain
            }
        }

        private static func kind(of scalar: Node.Scalar) -> NodeKind {
            switch scalar.tag.description {
            case "":
                return scalar.style == .plain || scalar.style == .any ? YAMLScalarKind.resolve(plain: scalar.string) : .string
            case "tag:yaml.org,2002:null": return .null
            case "tag:yaml.org,2002:bool": return .bool
            case "tag:yaml.org,2002:int", "tag:yaml.org,2002:float": return .number
            default: return .string
            }
        }
    }
}
