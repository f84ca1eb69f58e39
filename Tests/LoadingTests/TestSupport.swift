import Foundation
@testable import Loading
import Spec

/// A minimal valid shoot; tests splice lines into it.
let minimalShoot = """
    apiVersion: core.gardener.cloud/v1beta1
    kind: Shoot
    metadata:
      name: demo
      namespace: garden-dev
    spec:
      region: eu-west-1
      provider:
        type: aws
        workers:
        - name: worker-a
          minimum: 2
          maximum: 6
          zones: [eu-west-1a, eu-west-1b]
      networking:
        type: calico
        nodes: AUTOv6, 10.250.0.0/16
        pods: AUTOv6, 100.96.0.0/11,
        services: 100.64.0.0/13

    """

/// Parses main-file text as `t.yaml`.
func parse(_ text: String) throws(LoadError) -> PlanInput {
    try InputLoader.parse(text: text, file: "t.yaml").input
}

/// The error loading `text` gives, or nil when it loads.
func loadError(_ text: String) -> LoadError? {
    do {
        _ = try InputLoader.parse(text: text, file: "t.yaml")
        return nil
    } catch {
        return error
    }
}

/// `line:column` of an error, for compact expectations.
func position(_ error: LoadError?) -> String {
    guard let error else { return "no error" }
    return "\(error.line.map(String.init) ?? "-"):\(error.column.map(String.init) ?? "-")"
}

/// Reads text into a tape and runs `body` on its documents.
func withDocuments<R>(_ text: String, file: String = "t.yaml", _ body: ([DocNode]) throws -> R) throws -> R {
    let read = try DocumentReader.read(bytes: Array(text.utf8), file: file)
    return try read.tape.withDocuments { docs in try body(docs) }
}

/// A fresh scratch folder under the system temp directory.
func scratchDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "shootnet-loading-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func readText(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
}
