import ArgumentParser
import IPAM
import Loading
import Report

extension Shootnet {
    /// `shootnet routes`: expected router routes against what the router has.
    struct Routes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "routes",
            abstract: "Compare the router routes the shoot needs with the router's (missing first).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

        @OptionGroup var input: InputOptions
        @Option(name: .shortAndLong, help: "Output format: table or json.")
        var output: Format = .table

        func run() throws {
            let (_, plan) = try input.plan()
            switch output {
            case .json: FileOutput.stdout(RoutesReport.json(plan.routes))
            case .table:
                if plan.routes.isEmpty {
                    FileOutput.stdout("no router routes: \(plan.providerName) does not route pod CIDRs through routers, or no node has a pod CIDR to route\n")
                } else {
                    FileOutput.stdout(RoutesReport.table(plan.routes) + "\n")
                }
            }
        }
    }
}
