import Addressing
import Spec
import Testing
@testable import Loading

/// Every form `spec.networking.{nodes,pods,services}` may take (SCHEMA.md §1).
@Suite struct CIDRFieldTests {
    /// `minimalShoot` with its `pods:` line (line 18) replaced by `podsLines`.
    private func shoot(pods podsLines: String) -> String {
        minimalShoot.replacingOccurrences(of: "    pods: AUTOv6, 100.96.0.0/11,\n", with: podsLines + "\n")
    }

    /// A slot as (text, value, line, column) with the value spelled `prefix`, `auto` or the parse error.
    private func describe(_ slot: CIDRSlot) -> String {
        let value: String
        switch slot.value {
        case .prefix(let p): value = "prefix \(p)"
        case .auto: value = "auto"
        case .invalid(let e): value = "invalid: \(e.message)"
        }
        return "\(slot.text) | \(value) | \(slot.location?.line ?? 0):\(slot.location?.column ?? 0)"
    }

    @Test(arguments: [
        ("    pods: 100.96.0.0/11", ["100.96.0.0/11 | prefix 100.96.0.0/11 | 18:11"]),
        ("    pods: AUTOv6, 100.96.0.0/11,", ["AUTOv6 | auto | 18:11", "100.96.0.0/11 | prefix 100.96.0.0/11 | 18:19"]),
        ("    pods: \"  AUTOv6 ,100.96.0.0/11 \"", ["AUTOv6 | auto | 18:14", "100.96.0.0/11 | prefix 100.96.0.0/11 | 18:22"]),
        ("    pods: 2001:DB8:0:0:4000::/66", ["2001:DB8:0:0:4000::/66 | prefix 2001:db8:0:0:4000::/66 | 18:11"]),
        ("    pods:\n    - AUTOv6\n    - 100.96.0.0/11", ["AUTOv6 | auto | 19:7", "100.96.0.0/11 | prefix 100.96.0.0/11 | 20:7"]),
        ("    pods: [AUTOv6, \"2001:db8::/64\"]", ["AUTOv6 | auto | 18:12", "2001:db8::/64 | prefix 2001:db8::/64 | 18:21"]),
        ("    pods: 10.250.0/16, 2001:db8::1::/64, 10.0.0.1/8", [
            "10.250.0/16 | invalid: IPv4 address needs 4 octets, found 3 | 18:11",
            "2001:db8::1::/64 | invalid: more than one \"::\" in IPv6 address | 18:24",
            "10.0.0.1/8 | invalid: host bits set; did you mean 10.0.0.0/8? | 18:42",
        ]),
        ("    pods: AUTOv6,,", ["AUTOv6 | auto | 18:11"]),
        ("    pods:", []),
        ("    pods: \"\"", []),
        ("    pods: ~", []),
    ])
    func decodesEveryForm(podsLines: String, expected: [String]) throws {
        let input = try parse(shoot(pods: podsLines))
        #expect(input.shoot.networking.pods.map(describe) == expected)
        #expect(input.shoot.networking.fieldLocations[.pods].map { "\($0.line):\($0.column)" } == "18:5")
    }

    @Test(arguments: [
        ("    pods: {a: 1}", "18:11", "spec.networking.pods: expected a list of CIDRs or a comma-separated string, found a mapping"),
        ("    pods: 42", "18:11", "spec.networking.pods: expected a list of CIDRs or a comma-separated string, found a number (\"42\")"),
        ("    pods: true", "18:11", "spec.networking.pods: expected a list of CIDRs or a comma-separated string, found a boolean (\"true\")"),
        ("    pods: [10.0.0.0/8, {a: 1}]", "18:24", "spec.networking.pods[1]: expected a CIDR string, found a mapping"),
        ("    pods:\n    - 10.0.0.0/8\n    - 7", "20:7", "spec.networking.pods[1]: expected a CIDR string, found a number (\"7\")"),
    ])
    func wrongTypesAreLoadErrors(podsLines: String, expectedPosition: String, expectedMessage: String) {
        let error = loadError(shoot(pods: podsLines))
        #expect(position(error) == expectedPosition)
        #expect(error?.message == expectedMessage)
        #expect(error?.file == "t.yaml")
    }

    @Test(arguments: [
        ("    ipFamilies: [IPv6, IPv4]", ["IPv6", "IPv4"], "17:17"),
        ("    ipFamilies:\n    - IPv4", ["IPv4"], "18:5"),
        ("    ipFamilies: IPv6", ["IPv6"], "17:17"),
    ])
    func readsIPFamilies(line: String, expected: [String], at: String) throws {
        let text = minimalShoot.replacingOccurrences(of: "    type: calico\n", with: "    type: calico\n" + line + "\n")
        let families = try #require(try parse(text).shoot.networking.ipFamilies)
        #expect(families.value == expected)
        #expect(families.location.map { "\($0.line):\($0.column)" } == at)
    }

    @Test func ipFamiliesOfTheWrongTypeAreErrors() {
        let text = minimalShoot.replacingOccurrences(of: "    type: calico\n", with: "    type: calico\n    ipFamilies: {v: 6}\n")
        #expect(loadError(text)?.message == "spec.networking.ipFamilies: expected a list of strings, found a mapping")
    }

    @Test func absentIPFamiliesStayNil() throws {
        #expect(try parse(minimalShoot).shoot.networking.ipFamilies == nil)
    }
}
