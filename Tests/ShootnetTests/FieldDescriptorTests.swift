import App
import Foundation
import Loading
import Spec
import Testing
import TestSupport
@testable import shootnet

/// Every editable field is driven by its descriptor: its key finds it again, and a value
/// written through the descriptor's file path is what the loader reads back for the field.
@Suite struct FieldDescriptorTests {
    static let values: [String: String] = [
        "networks.nodes": "10.251.0.0/16, AUTOv6", "networks.pods": "100.97.0.0/16", "networks.services": "100.65.0.0/16",
        "ipFamilies": "IPv4, IPv6", "provider.type": "gcp", "nodeCIDRMaskSize": "25", "nodeCIDRMaskSizeIPv6": "80",
        "maxPods": "64", "podPrefixTemplate": "<nodePrefix>::1:0/112", "services.strategy": "well-known",
        "services.ipFamilyPolicy": "PreferDualStack",
    ]

    @Test func everyFieldRoundTripsThroughTheFile() throws {
        let sample = PackagePaths.sample("ipv4-default.yaml")
        let loaded = try InputLoader.load(file: sample)
        for field in SpecField.all(for: loaded.input) {
            #expect(SpecField(key: field.key) == field, "\(field.key) does not find its field again")
            let value: String
            switch field {
            case .workerMinimum: value = "2"
            case .workerMaximum: value = "7"
            case .workerZones: value = "z-a, z-b"
            default: value = try #require(Self.values[field.key], "no test value for \(field.key)")
            }
            #expect(field.validate(value) == nil, "\(field.key) refuses \(value)")
            let text = try SpecEditor.apply([SpecSaving.specEdit(FieldEdit(field: field, text: value, previous: ""))], to: loaded.source.text)
            let reread = try InputLoader.parse(text: text, file: sample).input
            #expect(field.text(in: reread) == value, "\(field.key): wrote \(value), read back \(field.text(in: reread))")
            // Applying the same text to the input gives the same field text as the file.
            var applied = loaded.input
            _ = field.apply(value, to: &applied)
            #expect(field.text(in: applied) == field.text(in: reread), "\(field.key): the UI and the file disagree")
        }
    }
}
