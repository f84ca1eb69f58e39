import Foundation
import Testing
import TestSupport

/// One line of `Corpus/expected.tsv`: a bad input and the line shootnet must print for it.
struct CorpusEntry: Sendable, CustomTestStringConvertible {
    enum GivenAs: String, Sendable {
        case main, nodes = "--nodes", routes = "--routes", seed = "--seed"
    }

    /// A file in Corpus/, or `@name` for an input made at test time (``GeneratedInput``).
    var file: String
    var givenAs: GivenAs
    var exit: Int32
    /// A regular expression for the whole line; `FILE` stands for the path as given.
    var pattern: String

    var testDescription: String { "\(file) as \(givenAs.rawValue)" }
    var isGenerated: Bool { file.hasPrefix("@") }

    /// `check` and the arguments that give `path` the way the entry says.
    func arguments(path: String) -> [String] {
        switch givenAs {
        case .main: ["check", path]
        default: ["check", PackagePaths.sample("gep-openstack.yaml"), givenAs.rawValue, path]
        }
    }

    func regex(path: String) throws -> NSRegularExpression {
        let escaped = NSRegularExpression.escapedPattern(for: path)
        return try NSRegularExpression(pattern: pattern.replacingOccurrences(of: "FILE", with: escaped))
    }
}

enum CorpusManifest {
    static let folder = PackagePaths.path("Tests/ReliabilityTests/Corpus")
    static let path = folder + "/expected.tsv"

    /// The entries, in file order. A malformed line becomes an entry that fails its test.
    static let entries: [CorpusEntry] = {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line -> CorpusEntry? in
            guard !line.hasPrefix("#"), !line.allSatisfy({ $0 == " " }) else { return nil }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 4, let givenAs = CorpusEntry.GivenAs(rawValue: columns[1]), let exit = Int32(columns[2]) else {
                return CorpusEntry(file: "malformed line: \(line)", givenAs: .main, exit: -1, pattern: "")
            }
            return CorpusEntry(file: columns[0], givenAs: givenAs, exit: exit, pattern: columns[3])
        }
    }()
}
