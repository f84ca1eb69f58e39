import ArgumentParser

/// The `shootnet` command: plans and checks IPv6 / dual-stack address layouts of Gardener shoots.
@main
struct Shootnet: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "shootnet",
        abstract: "Plan, check and draw the IPv4/IPv6 address layout of Gardener shoot clusters.",
        version: version,
        subcommands: [Calc.self]
    )
}
