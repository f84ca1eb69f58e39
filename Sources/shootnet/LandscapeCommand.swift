import Addressing
import App
import ArgumentParser
import IPAM
import Loading
import Report
import Spec
import Terminal
#if canImport(Glibc)
import Glibc
#endif

extension Shootnet {
    /// `shootnet landscape FILE...`: IPv6 uniqueness across every shoot and seed, each
    /// shoot's own findings summarised, and free prefixes for new shoots.
    struct Landscape: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "landscape",
            abstract: "Check IPv6 uniqueness across every shoot and seed; list free prefixes for new shoots.",
            discussion: """
                Reads files, directories (their *.yaml, *.yml and *.json files, not recursing) and - \
                (standard input): Shoots and Seeds, or Lists of them as `kubectl get shoots -A -o yaml|json` \
                and `kubectl get seeds -o yaml|json` print them; other kinds are skipped with an info. \
                Without -o, on a terminal (and not reading standard input), opens the landscape view: \
                collisions first, Enter opens a shoot's topology. \
                Exit 0 when clean, 1 on errors, 2 on unusable input.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

        @Argument(help: ArgumentHelp("Shoot and Seed manifests, Lists of them, directories of them, or - for standard input.", valueName: "FILE"))
        var files: [String]

        @Option(name: .shortAndLong, help: "Output format: table or json (default: the landscape view on a terminal, else table).")
        var output: Format?

        @Option(name: .customLong("free"), parsing: .unconditional,
                help: ArgumentHelp("List free prefixes of this length (e.g. /56) inside the pool given with --in.", valueName: "/LEN"))
        var freeLength: String?

        @Option(name: .customLong("in"), help: ArgumentHelp("The pool --free looks in, e.g. 2001:db8::/40.", valueName: "CIDR"))
        var pool: String?

        @Option(parsing: .unconditional, help: ArgumentHelp("How many free prefixes to list (default 10).", valueName: "N"))
        var count: String?

        func run() throws {
            let request = try freeRequest()
            // Shoots are read while they are planned, on every core; a shoot that cannot be
            // decoded is an unusable input (the first in input order is reported).
            let concurrency = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
            let result: LandscapeResult, input: LandscapeInput, shoots: LandscapeShoots
            do {
                (result, input, shoots) = try LandscapeLoader.read(LandscapeLoader.open(paths: files)) { input, shoots in
                    LandscapeCheck.check(units: shoots.unitCount, read: { shoots.read(unit: $0, $1) },
                                         seeds: input.seeds, skipped: input.skipped, concurrency: concurrency)
                }
            } catch {
                throw unusable(error)
            }
            do {
                let findings = result.shootFindings
                try LandscapeLoader.checkUniqueShoots(count: findings.count) { i in
                    guard case .shoot(let namespace, let name) = findings[i].shoot else { return ("", "", findings[i].location) }
                    return (namespace, name, findings[i].location)
                }
            } catch {
                throw unusable(error)
            }
            var free: LandscapeReport.FreeRanges?
            if let request {
                switch FreePrefixes.find(length: request.length, in: request.pool, count: request.count, used: result.ranges.map(\.prefix)) {
                case .success(let prefixes): free = LandscapeReport.FreeRanges(length: request.length, pool: request.pool, prefixes: prefixes)
                case .failure(let e): throw failure("landscape: \(e)")
                }
            }
            if output == nil && free == nil && !files.contains("-") && isatty(0) == 1 && FileOutput.stdoutIsTerminal {
                try openView(result, shoots: shoots, seeds: input.seeds)
                return
            }
            switch output ?? .table {
            case .json: FileOutput.stdout(LandscapeReport.json(result, free: free))
            case .table: FileOutput.stdout(LandscapeReport.table(result, free: free, fallbackFile: files.first ?? "-"))
            }
            FileOutput.finish(result.diagnostics.contains { $0.severity == .error } ? ExitStatus.findings : ExitStatus.ok)
        }

        /// The landscape view, until it quits (its status is the exit status).
        private func openView(_ result: LandscapeResult, shoots: LandscapeShoots, seeds: [SeedNetworks]) throws {
            let screen: TerminalScreen
            do {
                screen = try TerminalScreen.open()
            } catch {
                throw failure("cannot open the terminal UI: \(error)")
            }
            let source = files.count == 1 ? files[0] : "\(files.count) inputs"
            var runtime = LandscapeRuntime(screen: screen, result: result, shoots: shoots, seeds: seeds, source: source)
            let status = runtime.run()
            screen.close()
            if status != 0 { throw ExitCode(status) }
        }

        /// `--free /LEN --in CIDR [--count N]`, checked before any file is read.
        private func freeRequest() throws -> (length: Int, pool: IPPrefix, count: Int)? {
            guard let freeLength else {
                if pool != nil { throw failure("landscape: --in needs --free /LEN") }
                if count != nil { throw failure("landscape: --count needs --free /LEN") }
                return nil
            }
            guard let pool else { throw failure("landscape: --free needs --in CIDR (the pool to look in, e.g. 2001:db8::/40)") }
            let poolPrefix: IPPrefix
            switch AddressParser.parsePrefix(Substring(pool)) {
            case .success(let p): poolPrefix = p
            case .failure(let e): throw failure("landscape: --in \(LoadError.escaped(pool, limit: 60)) is not a valid CIDR: \(e.message)")
            }
            let lengthText = freeLength.hasPrefix("/") ? freeLength.dropFirst() : Substring(freeLength)
            let length: Int
            switch AddressParser.parseLength(lengthText, max: poolPrefix.bits) {
            case .success(let l): length = l
            case .failure(let e): throw failure("landscape: --free \(LoadError.escaped(freeLength, limit: 60)): \(e.message)")
            }
            var n = 10
            if let count {
                guard let v = Int(count), (1...1_000_000).contains(v) else {
                    throw failure("landscape: --count \(LoadError.escaped(count, limit: 60)) must be a whole number from 1 to 1000000")
                }
                n = v
            }
            return (length, poolPrefix, n)
        }
    }
}
