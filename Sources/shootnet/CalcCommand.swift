import ArgumentParser

/// Placeholder; replaced by the subnet calculator.
struct Calc: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Subnet calculator.")
    @Argument var cidr: String
    func run() throws { print(cidr) }
}
