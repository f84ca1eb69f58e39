import App
import Loading
import Spec
import Testing
@testable import shootnet

/// What each UI edit becomes in the file: document, path and value, for every field kind.
@Suite struct SpecSavingTests {
    static func edit(_ field: SpecField, _ text: String) throws -> SpecEdit {
        try SpecSaving.specEdit(FieldEdit(field: field, text: text, previous: ""))
    }

    static func shoot(_ path: [SpecEdit.PathComponent], _ value: SpecEdit.Value) -> SpecEdit {
        SpecEdit(.shoot, path: path, value: value)
    }

    static let worker1: [SpecEdit.PathComponent] = [.key("spec"), .key("provider"), .key("workers"), .index(1)]
    static let kcm: [SpecEdit.PathComponent] = [.key("spec"), .key("kubernetes"), .key("kubeControllerManager")]

    @Test func networks() throws {
        for kind in [NetworkKind.nodes, .pods, .services] {
            let path: [SpecEdit.PathComponent] = [.key("spec"), .key("networking"), .key(kind.rawValue)]
            #expect(try Self.edit(.networks(kind), "AUTOv6, 10.0.0.0/16") == Self.shoot(path, .tuple(["AUTOv6", "10.0.0.0/16"])))
            #expect(try Self.edit(.networks(kind), "") == Self.shoot(path, .remove))
        }
    }

    @Test func listsAreSplitAndTrimmed() throws {
        let families: [SpecEdit.PathComponent] = [.key("spec"), .key("networking"), .key("ipFamilies")]
        #expect(try Self.edit(.ipFamilies, "[IPv6, IPv4]") == Self.shoot(families, .strings(["IPv6", "IPv4"])))
        #expect(try Self.edit(.ipFamilies, "") == Self.shoot(families, .remove))
        #expect(try Self.edit(.workerZones(1), "a, ,b,") == Self.shoot(Self.worker1 + [.key("zones")], .strings(["a", "b"])))
        // Zones are required (the descriptor says so): an empty list is refused, not written.
        #expect(throws: SpecEditError.self) { try Self.edit(.workerZones(1), "") }
    }

    @Test func numbers() throws {
        #expect(try Self.edit(.workerMinimum(1), "3") == Self.shoot(Self.worker1 + [.key("minimum")], .int(3)))
        #expect(try Self.edit(.workerMaximum(1), "12") == Self.shoot(Self.worker1 + [.key("maximum")], .int(12)))
        #expect(try Self.edit(.nodeMaskV4, "24") == Self.shoot(Self.kcm + [.key("nodeCIDRMaskSize")], .int(24)))
        #expect(try Self.edit(.nodeMaskV6, "") == Self.shoot(Self.kcm + [.key("nodeCIDRMaskSizeIPv6")], .remove))
        #expect(try Self.edit(.maxPods, "110") == Self.shoot([.key("spec"), .key("kubernetes"), .key("kubelet"), .key("maxPods")], .int(110)))
    }

    /// A number field whose text is no number is refused, never written as 0 or removed.
    @Test(arguments: [SpecField.workerMinimum(0), .workerMaximum(0), .nodeMaskV4, .nodeMaskV6, .maxPods])
    func textThatIsNoNumberIsRefused(_ field: SpecField) {
        #expect(throws: SpecEditError.self) { try Self.edit(field, "ten") }
        #expect(throws: SpecEditError.self) { try Self.edit(field, "99999999999999999999") }
    }

    @Test func providerAndSettings() throws {
        #expect(try Self.edit(.provider, "gcp") == Self.shoot([.key("spec"), .key("provider"), .key("type")], .string("gcp")))
        let cases: [(SpecField, [SpecEdit.PathComponent])] = [
            (.podPrefixTemplate, [.key("podPrefixTemplate")]),
            (.serviceStrategy, [.key("services"), .key("strategy")]),
            (.servicePolicy, [.key("services"), .key("ipFamilyPolicy")]),
        ]
        for (field, path) in cases {
            #expect(try Self.edit(field, "x") == SpecEdit(.settings, path: path, value: .string("x")))
            #expect(try Self.edit(field, "") == SpecEdit(.settings, path: path, value: .remove))
        }
    }

    @Test func aRefusedEditIsASaveFailureAndNoText() {
        let edits = [FieldEdit(field: .maxPods, text: "many", previous: "")]
        guard case .failure(let failure) = SpecSaving.apply(edits, to: "kind: Shoot\n", file: "f") else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.message.contains("maxPods"))
    }
}
