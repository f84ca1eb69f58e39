import Spec
import Testing
@testable import Loading

@Suite struct SpecEditorTests {
    static let original = """
        # prod shoot, exported 2025-06-01
        apiVersion: core.gardener.cloud/v1beta1
        kind: Shoot
        metadata:
          name: demo   # the name
          namespace: garden-dev
        spec:
          region: eu-west-1
          provider:
            type: aws
            workers:
            - name: worker-a
              minimum: 2
              maximum: 6  # cap
              zones: [eu-west-1a, eu-west-1b]
            - name: worker-b
              maximum: 3
          networking:
            type: calico
            nodes: AUTOv6, 10.250.0.0/16
            pods:            # pod ranges
            - AUTOv6
            - 100.96.0.0/11
            services: "100.64.0.0/13"
        ---
        # observed
        kind: NodeList
        items: []

        """

    private func edited(_ edits: [SpecEdit], _ text: String = original) throws -> String {
        try SpecEditor.apply(edits, to: text)
    }

    @Test func replacesValuesAndKeepsEverythingElse() throws {
        let result = try edited([
            .networking(.pods, "AUTOv6, 10.0.0.0/16"),
            .workerMaximum(0, 5),
            .networking(.services, "100.64.0.0/13, AUTOv6"),
            .workerZones(0, ["eu-west-1c"]),
            .providerType("gcp"),
        ])
        let expected = Self.original
            .replacingOccurrences(of: "    pods:            # pod ranges\n    - AUTOv6\n    - 100.96.0.0/11\n",
                                  with: "    pods: AUTOv6, 10.0.0.0/16            # pod ranges\n")
            .replacingOccurrences(of: "maximum: 6  # cap", with: "maximum: 5  # cap")
            .replacingOccurrences(of: "services: \"100.64.0.0/13\"", with: "services: \"100.64.0.0/13, AUTOv6\"")
            .replacingOccurrences(of: "zones: [eu-west-1a, eu-west-1b]", with: "zones: [eu-west-1c]")
            .replacingOccurrences(of: "type: aws", with: "type: gcp")
        #expect(result == expected)

        let reloaded = try parse(result)
        #expect(reloaded.shoot.networking.tupleText(.pods) == "AUTOv6, 10.0.0.0/16")
        #expect(reloaded.shoot.workers[0].maximum == 5 && reloaded.shoot.workers[0].zones == ["eu-west-1c"])
        #expect(reloaded.shoot.providerType == .gcp)
        #expect(reloaded.shoot.networking.tupleText(.nodes) == "AUTOv6, 10.250.0.0/16")
        #expect(reloaded.observed.nodes == [])
    }

    /// The list style the user wrote is kept: a block list stays a block list (a CIDR tuple
    /// written as a list too), a flow list a flow list, a string a string.
    @Test func keepsTheListStyleTheUserWrote() throws {
        let text = """
            kind: Shoot
            spec:
              provider:
                type: aws
                workers:
                - name: a
                  zones:   # where
                    - z1
                    - z2
              networking:
                ipFamilies:
                - IPv4
                nodes: [10.250.0.0/16]
                pods:
                - 100.96.0.0/11
                services: 100.64.0.0/13

            """
        let result = try edited([
            .init(.shoot, "spec.networking.pods", .tuple(["AUTOv6", "10.0.0.0/16"])),
            .init(.shoot, "spec.networking.nodes", .tuple(["10.250.0.0/16", "AUTOv6"])),
            .init(.shoot, "spec.networking.services", .tuple(["100.64.0.0/13", "AUTOv6"])),
            .init(.shoot, "spec.networking.ipFamilies", .strings(["IPv4", "IPv6"])),
            .workerZones(0, ["z3"]),
        ], text)
        #expect(result == """
            kind: Shoot
            spec:
              provider:
                type: aws
                workers:
                - name: a
                  zones:   # where
                    - z3
              networking:
                ipFamilies:
                - IPv4
                - IPv6
                nodes: [10.250.0.0/16, AUTOv6]
                pods:
                - AUTOv6
                - 10.0.0.0/16
                services: 100.64.0.0/13, AUTOv6

            """)
    }

    @Test func insertsMissingKeysWithTheSiblingsIndentation() throws {
        let result = try edited([.workerMinimum(1, 1), .nodeMaskV6(64), .ipFamilies(["IPv6", "IPv4"])])
        let expected = Self.original
            .replacingOccurrences(of: "      maximum: 3\n", with: "      maximum: 3\n      minimum: 1\n")
            .replacingOccurrences(of: "    services: \"100.64.0.0/13\"\n", with: """
                    services: "100.64.0.0/13"
                    ipFamilies: [IPv6, IPv4]
                  kubernetes:
                    kubeControllerManager:
                      nodeCIDRMaskSizeIPv6: 64

                """)
        #expect(result == expected)
        let shoot = try parse(result).shoot
        #expect(shoot.workers[1].minimum == 1 && shoot.nodeMaskV6?.value == 64)
        #expect(shoot.networking.ipFamilies?.value == ["IPv6", "IPv4"])
    }

    @Test func createsTheSettingsDocumentThenEditsIt() throws {
        let once = try edited([.setting("services.strategy", .string("well-known"))])
        #expect(once == Self.original + """
            ---
            apiVersion: shootnet.gardener.cloud/v1alpha1
            kind: ShootnetSettings
            services:
              strategy: well-known

            """)
        let twice = try edited([
            .setting("podPrefixTemplate", .string("<nodePrefix>::f000:0/100")),
            .setting("services.ipFamilyPolicy", .string("PreferDualStack")),
            .setting("simulation.vpcLength", .int(48)),
        ], once)
        #expect(twice == Self.original + """
            ---
            apiVersion: shootnet.gardener.cloud/v1alpha1
            kind: ShootnetSettings
            services:
              strategy: well-known
              ipFamilyPolicy: PreferDualStack
            podPrefixTemplate: "<nodePrefix>::f000:0/100"
            simulation:
              vpcLength: 48

            """)
        let settings = try parse(twice).settings
        #expect(settings.serviceStrategy?.value == .wellKnown && settings.servicePreference?.value == .preferDualStack)
        #expect(settings.podPrefixTemplate?.value == .standard && settings.vpcLength?.value == 48)
    }

    @Test func appendsSettingsToTextWithoutFinalNewline() throws {
        let text = String(minimalShoot.dropLast())
        let result = try edited([.setting("nodeReservedLength", .int(96))], text)
        #expect(result == minimalShoot + "---\napiVersion: shootnet.gardener.cloud/v1alpha1\nkind: ShootnetSettings\nnodeReservedLength: 96\n")
    }

    @Test func fillsEmptyValuesAndFlowMappings() throws {
        let text = minimalShoot + "  kubernetes:\n    kubelet: {failSwapOn: true}\n---\nkind: ShootnetSettings\nservices:\nopenstack: ~\n"
        let result = try edited([
            .maxPods(250),
            .setting("services.strategy", .string("unique")),
            .setting("openstack.routeQuota", .int(40)),
        ], text)
        #expect(result.contains("    kubelet: {failSwapOn: true, maxPods: 250}\n"))
        #expect(result.hasSuffix("kind: ShootnetSettings\nservices:\n  strategy: unique\nopenstack:\n  routeQuota: 40\n"))
        let input = try parse(result)
        #expect(input.shoot.maxPods?.value == 250 && input.settings.routeQuota?.value == 40)
    }

    @Test func writesIntoEmptyValues() throws {
        let text = minimalShoot.replacingOccurrences(of: "    pods: AUTOv6, 100.96.0.0/11,\n", with: "    pods:\n")
        let result = try edited([.networking(.pods, "100.96.0.0/11")], text)
        #expect(result == minimalShoot.replacingOccurrences(of: "    pods: AUTOv6, 100.96.0.0/11,\n", with: "    pods: 100.96.0.0/11\n"))
        let tilde = try edited([.networking(.pods, "AUTOv6")], text.replacingOccurrences(of: "    pods:\n", with: "    pods: ~\n"))
        #expect(tilde.contains("    pods: AUTOv6\n"))
    }

    @Test(arguments: [
        ("AUTOv6, 10.0.0.0/16,", "AUTOv6, 10.0.0.0/16,"),
        ("10.0.0.0/8 # not a comment", "\"10.0.0.0/8 # not a comment\""),
        ("key: value", "\"key: value\""),
        ("<nodePrefix>::/100", "\"<nodePrefix>::/100\""),
        ("110", "\"110\""),
        ("true", "\"true\""),
        ("", "\"\""),
        ("[a]", "\"[a]\""),
        ("say \"hi\"\n", "\"say \\\"hi\\\"\\n\""),
        ("2001:db8::/64", "2001:db8::/64"),
        ("-x", "\"-x\""),
    ])
    func quotesOnlyWhenNeeded(value: String, written: String) throws {
        let result = try edited([.setting("podPrefixTemplate", .string(value))], minimalShoot + "---\nkind: ShootnetSettings\npodPrefixTemplate: x\n")
        #expect(result.hasSuffix("podPrefixTemplate: \(written)\n"))
        try withDocuments(result) { docs in
            #expect(docs[1]["podPrefixTemplate"]?.text == value)
            #expect(docs[1]["podPrefixTemplate"]?.kind == .string)
        }
    }

    @Test func keepsSingleQuotes() throws {
        let text = minimalShoot.replacingOccurrences(of: "    services: 100.64.0.0/13\n", with: "    services: '100.64.0.0/13'\n")
        #expect(try edited([.networking(.services, "it's, AUTOv6")], text).contains("    services: 'it''s, AUTOv6'\n"))
    }

    @Test func removesKeys() throws {
        let text = minimalShoot.replacingOccurrences(of: "    type: calico\n", with: "    type: calico\n    ipFamilies:\n    - IPv4\n    # keep me\n")
        let result = try edited([.ipFamilies(nil), .maxPods(nil)], text)
        #expect(result == minimalShoot.replacingOccurrences(of: "    type: calico\n", with: "    type: calico\n    # keep me\n"))
        let settings = minimalShoot + "---\nkind: ShootnetSettings\nservices:\n  strategy: unique\n  family: IPv6\n"
        #expect(try edited([.setting("services.strategy", .remove)], settings) == minimalShoot + "---\nkind: ShootnetSettings\nservices:\n  family: IPv6\n")
        #expect(try edited([.setting("simulation.pool", .remove)], minimalShoot) == minimalShoot)
    }

    @Test func replacesBlockScalarsAndMultiLinePlainScalars() throws {
        let text = minimalShoot.replacingOccurrences(of: "    type: calico\n", with: "    type: |\n      calico\n      more\n    extra: 1\n")
            .replacingOccurrences(of: "    services: 100.64.0.0/13\n", with: "    services: 100.64.0.0/13,\n      AUTOv6\n")
        let result = try edited([.init(.shoot, "spec.networking.type", .string("cilium")), .networking(.services, "AUTOv6")], text)
        #expect(result.contains("    type: cilium\n    extra: 1\n"))
        #expect(result.hasSuffix("    services: AUTOv6\n"))
    }

    @Test func refusesWhatItCannotDo() {
        #expect(throws: SpecEditError("spec.provider.workers has no item 5; cannot set spec.provider.workers[5].maximum")) {
            try edited([.workerMaximum(5, 1)])
        }
        #expect(throws: SpecEditError("JSON files are not edited in place; convert the file to YAML to edit it")) {
            try edited([.maxPods(1)], "{\"kind\": \"Shoot\"}")
        }
        #expect(throws: SpecEditError("spec.region is a string, not a mapping; cannot set spec.region.x")) {
            try edited([.init(.shoot, "spec.region.x", .int(1))])
        }
        #expect(throws: SpecEditError.self) { try edited([.maxPods(1)], "a: [\n") }
        #expect(throws: SpecEditError("the file has no Shoot document")) { try edited([.maxPods(1)], "kind: ShootnetSettings\n") }
    }

    @Test func keepsCRLFLineEndings() throws {
        let crlf = minimalShoot.replacingOccurrences(of: "\n", with: "\r\n")
        let result = try edited([.workerMinimum(0, 1), .maxPods(64), .workerMaximum(0, 9), .setting("nodeReservedLength", .int(96))], crlf)
        #expect(!result.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(result.contains("      minimum: 1\r\n      maximum: 9\r\n"))
        #expect(result.hasSuffix("---\r\napiVersion: shootnet.gardener.cloud/v1alpha1\r\nkind: ShootnetSettings\r\nnodeReservedLength: 96\r\n"))
        let removed = try edited([.networking(.services, nil)], crlf)
        #expect(removed == crlf.replacingOccurrences(of: "    services: 100.64.0.0/13\r\n", with: ""))
        let input = try parse(result)
        #expect(input.shoot.maxPods?.value == 64 && input.shoot.workers[0].maximum == 9 && input.settings.nodeReservedLength?.value == 96)
    }

    @Test func parsesDottedPaths() {
        let edit = SpecEdit(.shoot, "spec.provider.workers[2].kubernetes.kubelet.maxPods", .int(1))
        #expect(edit.path == [.key("spec"), .key("provider"), .key("workers"), .index(2), .key("kubernetes"), .key("kubelet"), .key("maxPods")])
        #expect(edit.pathText == "spec.provider.workers[2].kubernetes.kubelet.maxPods")
    }

    @Test func editsEverySampleWithoutTouchingTheRest() throws {
        for path in SampleFileTests.samples {
            let text = try readText(path)
            let result = try SpecEditor.apply([.workerMaximum(0, 77), .networking(.pods, "AUTOv6, 100.96.0.0/11")], to: text)
            let shoot = try InputLoader.parse(text: result, file: path).input.shoot
            #expect(shoot.workers[0].maximum == 77, "\(path)")
            #expect(shoot.networking.tupleText(.pods) == "AUTOv6, 100.96.0.0/11", "\(path)")
            // Only lines of the two edited fields differ.
            let before = text.split(separator: "\n", omittingEmptySubsequences: false)
            let after = result.split(separator: "\n", omittingEmptySubsequences: false)
            let changed = after.filter { !before.contains($0) }
            #expect(changed.allSatisfy { $0.contains("maximum: 77") || $0.contains("pods: AUTOv6, 100.96.0.0/11") }, "\(path): \(changed)")
            #expect(before.count - after.count >= 0, "\(path)")
        }
    }

    /// Issue 13: a worker pool written once and used twice (`- &w {…}` then `- *w`) must not
    /// change both when one is edited; nor a field a merge key brings in. Refused, with why.
    @Test func editsThroughAliasesAndMergeKeysAreRefused() throws {
        let aliased = """
            kind: Shoot
            spec:
              provider:
                workers:
                - &w {name: a, minimum: 1, maximum: 3}
                - *w
              kubernetes:
                base: &kcm {nodeCIDRMaskSize: 24}
                kubeControllerManager:
                  <<: *kcm

            """
        for path in ["spec.provider.workers[1].maximum", "spec.provider.workers[0].maximum",
                     "spec.kubernetes.kubeControllerManager.nodeCIDRMaskSize",
                     "spec.kubernetes.kubeControllerManager.nodeCIDRMaskSizeIPv6"] {
            do {
                _ = try SpecEditor.apply(SpecEdit(.shoot, path, .int(5)), to: aliased)
                Issue.record("\(path): expected a refusal")
            } catch {
                #expect(error.message.contains("alias or merge key") || error.message.contains("merge key (<<)"), "\(path): \(error.message)")
            }
        }
        // A field outside the shared text is edited as usual.
        let edited = try SpecEditor.apply(SpecEdit(.shoot, "spec.kubernetes.kubelet.maxPods", .int(64)), to: aliased)
        #expect(edited.contains("maxPods: 64"))
    }

    /// Issue 13: text typed into a field that kubectl (YAML 1.1) would read as a boolean or a
    /// number is written quoted, so it stays a string.
    @Test(arguments: ["yes", "No", "on", "OFF", "y", "1:30", "0777", "1_000"])
    func yaml11LookalikesAreQuoted(_ value: String) throws {
        let text = "kind: Shoot\nspec:\n  provider:\n    type: aws\n"
        let edited = try SpecEditor.apply(SpecEdit(.shoot, "spec.provider.type", .string(value)), to: text)
        #expect(edited.contains("type: \"\(value)\""), "\(edited)")
    }
}
