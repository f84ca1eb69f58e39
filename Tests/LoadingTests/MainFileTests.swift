import Foundation
import Spec
import Testing
import TestSupport
@testable import Loading

/// Which documents a main file may hold, and the errors when it holds others.
@Suite struct MainFileTests {
    @Test(arguments: [
        ("", "1:1", "file is empty; expected a Shoot manifest (kind: Shoot)"),
        ("# only a comment\n\n", "1:1", "file is empty; expected a Shoot manifest (kind: Shoot)"),
        ("---\n---\n", "1:1", "file is empty; expected a Shoot manifest (kind: Shoot)"),
        ("kind: ShootnetSettings\n", "1:1", "no Shoot document (kind: Shoot) in this file"),
    ])
    func filesWithoutAShoot(text: String, expectedPosition: String, expectedMessage: String) {
        let error = loadError(text)
        #expect(position(error) == expectedPosition)
        #expect(error?.message == expectedMessage)
    }

    @Test func twoShootsAreAnError() {
        let error = loadError(minimalShoot + "---\n" + minimalShoot)
        #expect(error?.description == "t.yaml:21:1: error: a second Shoot document (the first starts at line 1); a file holds exactly one Shoot")
    }

    @Test(arguments: [
        ("---\nkind: Pod\nmetadata: {name: x}\n", "21:7",
         "unknown kind \"Pod\"; expected kind Shoot, ShootnetSettings, NodeList, List, Node, Seed, ManagedSeed, Gardenlet, Infrastructure or Network, or an OpenStack router with routes"),
        ("---\nfoo: bar\n", "21:1",
         "document has no kind; expected kind Shoot, ShootnetSettings, NodeList, List, Node, Seed, ManagedSeed, Gardenlet, Infrastructure or Network, or an OpenStack router with routes"),
        ("---\n- a\n- b\n", "21:1",
         "expected a mapping document, found a list; expected kind Shoot, ShootnetSettings, NodeList, List, Node, Seed, ManagedSeed, Gardenlet, Infrastructure or Network, or an OpenStack router with routes"),
        ("---\nkind: [Shoot]\n", "21:7", "kind: expected a string, found a list"),
        ("---\nkind: Seed\nspec: {}\n", "21:1", "spec.networks is missing"),
    ])
    func otherDocumentsAreErrors(extra: String, expectedPosition: String, expectedMessage: String) {
        let error = loadError(minimalShoot + extra)
        #expect(position(error) == expectedPosition)
        #expect(error?.message == expectedMessage)
    }

    @Test func documentsMayComeInAnyOrderAndEmptyOnesAreSkipped() throws {
        let text = "---\n---\nkind: ShootnetSettings\nnodeReservedLength: 96\n---\n" + minimalShoot + "---\n"
        let input = try parse(text)
        #expect(input.shoot.name == "demo" && input.settings.nodeReservedLength?.value == 96)
        #expect(input.shoot.location?.line == 6)
    }

    @Test func jsonMainFileLoads() throws {
        let json = #"{"apiVersion": "core.gardener.cloud/v1beta1", "kind": "Shoot", "metadata": {"name": "j"}, "spec": {"provider": {"type": "gcp"}, "networking": {"pods": "AUTOv6, 10.0.0.0/16"}}}"#
        let loaded = try InputLoader.parse(text: json, file: "s.json")
        #expect(loaded.source.isJSON && loaded.input.shoot.providerType == .gcp)
        #expect(loaded.input.shoot.networking.pods.map { $0.location?.column } == [153, 161])
    }

    @Test func loadErrorPrintsLikeACompiler() {
        #expect(LoadError(file: "a.yaml", line: 3, column: 9, message: "boom").description == "a.yaml:3:9: error: boom")
        #expect(LoadError(file: "a.yaml", message: "no such file").description == "a.yaml: error: no such file")
    }
}

@Suite struct FileLoadingTests {
    @Test func missingFile() {
        do {
            _ = try InputLoader.load(file: "/nonexistent/dir/shoot.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/nonexistent/dir/shoot.yaml: error: no such file")
            #expect(error.line == nil)
        }
    }

    @Test func directory() throws {
        let dir = try scratchDirectory()
        #expect(throws: LoadError(file: dir, message: "is a directory, not a file")) { try InputLoader.load(file: dir) }
    }

    @Test func tooLarge() throws {
        let path = try scratchDirectory() + "/huge.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(FileReader.maxBytes + 1))  // sparse: no real disk use
        try handle.close()
        #expect(throws: LoadError(file: path, message: "file is larger than 64 MiB")) { try InputLoader.load(file: path) }
    }

    @Test func missingFlagFileNamesThatFile() throws {
        let dir = try scratchDirectory()
        try write(minimalShoot, to: dir + "/shoot.yaml")
        #expect(throws: LoadError(file: dir + "/nodes.json", message: "no such file")) {
            try InputLoader.load(file: dir + "/shoot.yaml", nodes: dir + "/nodes.json")
        }
    }

    @Test func loadKeepsTextFingerprintAndByteOrderMark() throws {
        let dir = try scratchDirectory()
        let bytes = UTF8Text.byteOrderMark + Array(minimalShoot.utf8)
        #expect(FileManager.default.createFile(atPath: dir + "/s.yaml", contents: Data(bytes)))
        let loaded = try InputLoader.load(file: dir + "/s.yaml")
        #expect(loaded.source.text == minimalShoot)
        #expect(loaded.source.hasByteOrderMark && !loaded.source.isJSON)
        #expect(loaded.source.fingerprint == FileFingerprint(bytes: bytes))
        #expect(loaded.source.file == dir + "/s.yaml")
        #expect(loaded.input.shoot.location?.file == dir + "/s.yaml")
    }
}

/// Every bundled sample must load (the engine judges their content; loading must not fail).
@Suite struct SampleFileTests {
    static let samples: [String] = {
        PackagePaths.shootSampleNames.map { PackagePaths.sample($0 + ".yaml") }
    }()

    @Test func samplesExist() {
        #expect(Self.samples.count >= 5)
    }

    @Test(arguments: samples)
    func sampleLoads(path: String) throws {
        let loaded = try InputLoader.load(file: path)
        #expect(!loaded.input.shoot.name.isEmpty)
    }

    @Test func flagSamplesLoad() throws {
        let dir = PackagePaths.samples.path
        let loaded = try InputLoader.load(file: dir + "/gep-openstack.yaml", nodes: dir + "/gep-openstack-nodes.json",
                                          routes: dir + "/gep-openstack-router.json", seed: dir + "/seed.yaml")
        #expect(loaded.input.observed.nodes?.map(\.name) == ["node-a1", "node-b4"])
        #expect(loaded.input.observed.router?.routes.count == 1)
        #expect(loaded.input.settings.seed?.name == "os-eu-de-1")
    }
}
