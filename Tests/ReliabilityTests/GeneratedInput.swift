import Foundation
import TestSupport

/// Corpus inputs made at test time: too big to commit, or not regular files.
enum GeneratedInput {
    /// A valid shoot, for inputs whose problem is not their content.
    static let validShoot = """
        apiVersion: core.gardener.cloud/v1beta1
        kind: Shoot
        metadata:
          name: generated
        spec:
          provider:
            type: aws
            workers:
            - name: w
              maximum: 1
          networking:
            type: calico
            nodes: 10.250.0.0/16

        """

    /// The path to give shootnet for `@name`, created in `scratch` when it is a file.
    static func make(_ name: String, in scratch: Scratch) throws -> String {
        switch name {
        case "@deep-yaml-100000.yaml":
            return try scratch.write("deep.yaml", "a: " + String(repeating: "[", count: 100_000) + "\n")
        case "@deep-json-100000.json":
            return try scratch.write("deep.json", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        case "@nodes-deep-json-100000.json":
            return try scratch.write("nodes.json", "{\"kind\": \"List\", \"items\": " + String(repeating: "[", count: 100_000)
                                                     + String(repeating: "]", count: 100_000) + "}")
        case "@huge-100mb.yaml":
            // Real content, written out: a shoot followed by 100 MB of comment lines.
            let path = scratch.path("huge.yaml")
            FileManager.default.createFile(atPath: path, contents: Data(validShoot.utf8))
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            let chunk = Data(String(repeating: "# padding padding padding padding padding padding padding padding\n", count: 16_384).utf8)
            for _ in 0..<(100_000_000 / chunk.count + 1) { try handle.write(contentsOf: chunk) }
            return path
        case "@huge-100mb.json":
            // A sparse file: 100 MB by size; the cap must refuse it before reading.
            let path = try scratch.write("huge.json", "{\"kind\": \"List\", \"items\": []}")
            guard truncate(path, 100_000_000) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return path
        case "@dev-zero":
            return "/dev/zero"
        case "@directory":
            return scratch.folder
        case "@missing.yaml":
            return scratch.path("missing.yaml")
        case "@proc-self-mem":
            // Opens fine, but reading at offset 0 fails (EIO) for every user, root included.
            return "/proc/self/mem"
        case "@unreadable.yaml":
            let path = try scratch.write("unreadable.yaml", validShoot)
            guard chmod(path, 0) == 0 else { throw CocoaError(.fileWriteNoPermission) }
            return path
        default:
            throw CocoaError(.fileNoSuchFile)
        }
    }

    /// Root reads a mode-000 file anyway (DAC override), so for root an `@unreadable` file
    /// is simply a valid shoot: the honest expectation is that it loads.
    static var permissionsBindUs: Bool { geteuid() != 0 }
}
