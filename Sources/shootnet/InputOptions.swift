import ArgumentParser
import IPAM
import Loading
import Spec

/// The input files every planning command takes.
struct InputOptions: ParsableArguments {
    @Argument(help: "A Shoot manifest (kubectl get shoot NAME -o yaml), optionally with ShootnetSettings, node list and router documents.")
    var file: String

    @Option(help: "A node list: kubectl get nodes -o json (or -o yaml).")
    var nodes: String?

    @Option(help: "Router state: openstack router show -f json, or a list of {destination, nexthop}.")
    var routes: String?

    @Option(help: "A Gardener Seed manifest (kubectl get seed NAME -o yaml) whose networks the shoot must avoid.")
    var seed: String?

    /// Loads the files, or says `FILE:LINE:COL: error: …` and throws exit 2.
    func load() throws -> LoadedInput {
        do {
            return try InputLoader.load(file: file, nodes: nodes, routes: routes, seed: seed)
        } catch {
            throw unusable(error)
        }
    }

    func plan() throws -> (LoadedInput, IPAM.Plan) {
        let loaded = try load()
        return (loaded, Planner.plan(loaded.input))
    }
}

#if canImport(Glibc)
import Glibc
#endif
