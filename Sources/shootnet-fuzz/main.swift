import Foundation

// shootnet-fuzz: seeded mutation fuzzing of every shootnet parser (see docs/reliability.md).
// Prints one summary line; exits 1 when an invariant broke (each input is printed, and
// written to --findings DIR), 2 on bad arguments.

func standardError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }

let arguments: FuzzArguments
do {
    arguments = try FuzzArguments.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    guard case .message(let m) = error else { exit(2) }
    standardError("shootnet-fuzz: \(m)\n\(FuzzArguments.usage)\ntargets: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))\n")
    exit(2)
}

if let path = arguments.saveLoop { exit(SaveLoop.run(path: path, count: arguments.saveCount)) }

var session = FuzzSession(options: arguments.options,
                          corpus: SeedCorpus.load(samplesFolder: arguments.samples, themesFolder: arguments.themes))
let report = session.run { progress in
    if arguments.verbose { standardError("… \(progress.inputs) inputs, \(progress.findings.count) findings, \(progress.elapsed)\n") }
}

for (i, f) in report.findings.enumerated() {
    var text = "FINDING \(i + 1): \(f.target.rawValue): \(f.finding)\n  input (\(f.input.count) bytes): \(Escaped.bytes(f.input, limit: 1500))\n"
    if let folder = arguments.findingsFolder {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = "\(folder)/finding-\(arguments.options.seed)-\(i + 1)-\(f.target.rawValue).bin"
        FileManager.default.createFile(atPath: path, contents: Data(f.input))
        text += "  saved as \(path)\n"
    }
    standardError(text)
}
if arguments.verbose {
    standardError("per target: " + FuzzTarget.allCases.compactMap { t in report.perTarget[t].map { "\(t.rawValue) \($0)" } }.joined(separator: ", ") + "\n")
}
let seconds = Double(report.elapsed.components.seconds) + Double(report.elapsed.components.attoseconds) / 1e18
let rate = seconds > 0 ? Int(Double(report.inputs) / seconds) : report.inputs
print("shootnet-fuzz: \(report.inputs) inputs, seed \(arguments.options.seed), \(report.findings.count) findings, "
      + String(format: "%.1f s (%d/s)", seconds, rate)
      + ", \(report.accepted) documents planned, slowest \(report.slowest.target.rawValue) \(report.slowest.duration)")
exit(report.findings.isEmpty ? 0 : 1)
