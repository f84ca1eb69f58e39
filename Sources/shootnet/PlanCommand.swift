import ArgumentParser
import IPAM
import Loading
import Report

extension Shootnet {
    /// `shootnet plan`: every resolved range, node, pod prefix and route.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Resolve every range, per-node prefix and router route of a shoot.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, yaml, json }

        @OptionGroup var input: InputOptions
        @Option(name: .shortAndLong, help: "Output format: table, yaml (the Shoot with status.networking filled in) or json.")
        var output: Format = .table

        func run() throws {
            let (loaded, plan) = try input.plan()
            switch output {
            case .json: PlanJSON.write(plan) { FileOutput.stdout($0) }
            case .table: FileOutput.stdout(PlanTable.render(plan))
            case .yaml: FileOutput.stdout(try StatusWriter.shootWithStatus(loaded, plan: plan))
            }
            FileOutput.finish()
        }
    }
}
