import ArgumentParser
import Report
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `shootnet calc CIDR [--split LEN] [--contains ADDR] [--max N] [-o text|json]`.
struct Calc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract: "Subnet calculator: range, size and special ranges of a prefix; split it; test containment.",
        discussion: """
            Host bits are cleared (10.0.0.1/8 is 10.0.0.0/8) and a bare address counts as /32 or \
            /128. Output is canonical (RFC 5952). A split lists at most --max subnets (default \
            \(CalcReport.defaultListLimit)) and says how many it left out. Unusable input exits 2 \
            with a one-line reason on stderr.
            """
    )

    @Argument(help: ArgumentHelp("An IPv4 or IPv6 prefix or address, e.g. 2001:db8::/64.", valueName: "CIDR"))
    var cidr: String

    @Option(parsing: .unconditional, help: ArgumentHelp("Split into subnets of this prefix length.", valueName: "LEN"))
    var split: String?

    @Option(help: ArgumentHelp("Tell whether the prefix contains this address (or prefix).", valueName: "ADDR"))
    var contains: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("List at most N subnets of a split (default \(CalcReport.defaultListLimit)).", valueName: "N"))
    var max: String?

    @Option(name: .customShort("o"), help: ArgumentHelp("Output format: text or json.", valueName: "text|json"))
    var output: String = "text"

    func run() throws {
        let report: CalcReport
        switch CalcReport.make(cidr: cidr, split: split, contains: contains, max: max) {
        case .success(let r): report = r
        case .failure(let e): throw Self.unusable(e)
        }
        let format: CalcReport.Format
        switch CalcReport.parseFormat(output) {
        case .success(let f): format = f
        case .failure(let e): throw Self.unusable(e)
        }
        var stdout = StandardOutput()
        report.write(format, to: &stdout)
    }

    /// Prints `shootnet: calc: <reason>` on stderr and exits 2.
    private static func unusable(_ error: CalcArgumentError) -> ExitCode {
        let bytes = Array("shootnet: calc: \(error.message)\n".utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        return ExitCode(2)
    }
}

/// Standard output as a `TextOutputStream`.
private struct StandardOutput: TextOutputStream {
    mutating func write(_ string: String) { print(string, terminator: "") }
}
