import Foundation

/// The command line of shootnet-fuzz.
struct FuzzArguments {
    var options = FuzzSession.Options()
    var findingsFolder: String?
    var samples = SeedCorpus.packageFolder("samples")
    var themes = SeedCorpus.packageFolder("themes")
    var verbose = false
    var saveLoop: String?
    var saveCount = 0

    static let usage = """
        usage: shootnet-fuzz [--iterations N] [--seed S] [--target NAME,…] [--max-length BYTES] [--slow-ms MS]
                             [--max-findings N] [--findings DIR] [--samples DIR] [--themes DIR] [--verbose]
               shootnet-fuzz --save-loop FILE [--count N]
        """

    enum Failure: Error {
        case message(String)
    }

    static func parse(_ arguments: [String]) throws(Failure) -> FuzzArguments {
        var a = FuzzArguments()
        var args = arguments[...]
        func value(_ flag: String) throws(Failure) -> String {
            guard let v = args.popFirst() else { throw .message("\(flag) needs a value") }
            return v
        }
        func number(_ flag: String) throws(Failure) -> Int {
            let text = try value(flag).replacingOccurrences(of: "_", with: "")
            guard let n = Int(text), n >= 0 else { throw .message("\(flag): not a number: \(text)") }
            return n
        }
        while let arg = args.popFirst() {
            switch arg {
            case "--iterations", "-n": a.options.iterations = try number(arg)
            case "--seed", "-s": a.options.seed = UInt64(try number(arg))
            case "--max-length": a.options.maxLength = max(16, try number(arg))
            case "--slow-ms": a.options.slowLimit = .milliseconds(try number(arg))
            case "--max-findings": a.options.maxFindings = max(1, try number(arg))
            case "--findings": a.findingsFolder = try value(arg)
            case "--samples": a.samples = try value(arg)
            case "--themes": a.themes = try value(arg)
            case "--verbose", "-v": a.verbose = true
            case "--save-loop": a.saveLoop = try value(arg)
            case "--count": a.saveCount = try number(arg)
            case "--target", "-t":
                var chosen: [FuzzTarget] = []
                for name in try value(arg).split(separator: ",") {
                    guard let t = FuzzTarget(rawValue: String(name)) else { throw .message("unknown target \(name)") }
                    chosen.append(t)
                }
                a.options.targets = chosen
            case "--help", "-h": throw .message("seeded mutation fuzzing of the shootnet parsers")
            default: throw .message("unknown argument \(arg)")
            }
        }
        return a
    }
}
