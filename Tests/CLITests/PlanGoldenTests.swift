import Foundation
import Testing
import TestSupport

/// One `shootnet plan` invocation on the samples and the golden file its JSON must equal.
struct PlanCase: Sendable, CustomTestStringConvertible {
    var label: String
    var args: [String]
    var golden: String

    var testDescription: String { label }

    /// Every shoot sample, plus the OpenStack figure with its node list and router as flag files.
    static let all: [PlanCase] = SampleFiles.shootNames.map {
        PlanCase(label: $0, args: [SampleFiles.yaml($0)], golden: "plan-\($0).json")
    } + [
        PlanCase(label: "gep-openstack with --nodes/--routes",
                 args: [SampleFiles.yaml("gep-openstack"), "--nodes", SampleFiles.gepNodes, "--routes", SampleFiles.gepRouter],
                 golden: "plan-gep-openstack-flag-files.json"),
    ]
}

/// `shootnet plan -o json` on every sample: golden bytes, the exact field set of the README's contract, and
/// canonical addresses everywhere.
@Suite struct PlanGoldenTests {
    @Test func everySampleIsCovered() {
        // The samples README lists these; a new sample must get goldens and a verdict too.
        #expect(SampleFiles.shootNames.count >= 14, "\(SampleFiles.shootNames)")
        #expect(SampleFiles.shootNames.contains("gep-openstack"))
        #expect(!SampleFiles.shootNames.contains(SampleFiles.seedName))
    }

    @Test(arguments: PlanCase.all)
    func planJSONMatchesGolden(_ c: PlanCase) throws {
        let (text, _) = try ProcessRunner.planJSON(c.args)
        Golden.expect(text, matches: c.golden)
    }

    /// The field set at every level, checked on the raw JSON independently of the goldens, so
    /// a field added or dropped is caught even if someone re-records them.
    @Test(arguments: PlanCase.all)
    func planJSONHasExactlyTheContractFields(_ c: PlanCase) throws {
        let r = try ProcessRunner.shootnet(["plan"] + c.args + ["-o", "json"])
        #expect(r.exitCode == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(Set(root.keys) == ["ipFamilies", "networks", "maxNodes", "maxNodesReason", "nodes", "routes", "diagnostics"])

        let families = try #require(root["ipFamilies"] as? [String])
        #expect(!families.isEmpty && Set(families).isSubset(of: ["IPv4", "IPv6"]) && Set(families).count == families.count)

        let networks = try #require(root["networks"] as? [String: Any])
        #expect(Set(networks.keys) == ["nodes", "pods", "services"])
        for (kind, value) in networks {
            let ranges = try #require(value as? [[String: Any]], "networks.\(kind)")
            for range in ranges {
                #expect(Set(range.keys) == ["cidr", "family", "source"], "networks.\(kind): \(range.keys.sorted())")
                let cidr = try #require(range["cidr"] as? String)
                #expect(CanonicalForm.isCanonicalPrefix(cidr), "networks.\(kind) cidr \(cidr)")
                let family = try #require(range["family"] as? String)
                #expect(family == (cidr.contains(":") ? "IPv6" : "IPv4"), "\(cidr) has family \(family)")
                #expect(families.contains(family), "\(cidr): family \(family) not in ipFamilies \(families)")
                #expect(["spec", "status", "observed", "seed-default", "settings", "assumed", "simulated"].contains(range["source"] as? String ?? ""), "\(range)")
            }
            // At most one range per family in each field.
            let rangeFamilies = ranges.compactMap { $0["family"] as? String }
            #expect(Set(rangeFamilies).count == rangeFamilies.count, "networks.\(kind): \(rangeFamilies)")
        }

        // One type: an integer (gardenlet's value), or null with a stated reason (no limit).
        let reason = try #require(root["maxNodesReason"] as? String)
        switch root["maxNodes"] {
        case let n as NSNumber: #expect(n.int64Value > 0 && n.int64Value < Int64.max)
        case is NSNull: #expect(reason.hasPrefix("no limit"), "maxNodes null without a reason: \(reason)")
        default: Issue.record("maxNodes is neither an integer nor null")
        }

        let nodes = try #require(root["nodes"] as? [[String: Any]])
        for node in nodes {
            let keys = Set(node.keys)
            #expect(keys == ["name", "zone", "addresses", "podCIDRs"] || keys == ["name", "zone", "addresses", "nodePrefix", "podCIDRs"],
                    "node keys \(keys.sorted())")
            #expect(node["name"] is String)
            #expect(node["zone"] is String || node["zone"] is NSNull)
            for address in try #require(node["addresses"] as? [String]) {
                #expect(CanonicalForm.isCanonicalAddress(address), "node address \(address)")
            }
            if let prefix = node["nodePrefix"] {
                let p = try #require(prefix as? String)
                #expect(CanonicalForm.isCanonicalPrefix(p), "nodePrefix \(p)")
            }
            for pod in try #require(node["podCIDRs"] as? [String]) {
                #expect(CanonicalForm.isCanonicalPrefix(pod), "podCIDR \(pod)")
            }
        }

        let routes = try #require(root["routes"] as? [[String: Any]])
        for route in routes {
            #expect(Set(route.keys) == ["router", "destination", "nexthop", "status"], "route keys \(route.keys.sorted())")
            #expect(route["router"] is String)
            #expect(CanonicalForm.isCanonicalPrefix(route["destination"] as? String ?? ""), "\(route)")
            #expect(CanonicalForm.isCanonicalAddress(route["nexthop"] as? String ?? ""), "\(route)")
            #expect(["planned", "ok", "missing", "stale", "wrong-nexthop"].contains(route["status"] as? String ?? ""), "\(route)")
        }

        let diagnostics = try #require(root["diagnostics"] as? [[String: Any]])
        for d in diagnostics {
            #expect(Set(d.keys) == ["code", "severity", "origin", "path", "message", "objects"], "diagnostic keys \(d.keys.sorted())")
            #expect(["Gardener", "gardenlet", "provider", "Kubernetes", "proposal", "shootnet"].contains(d["origin"] as? String ?? ""), "\(d)")
            #expect(["error", "warning", "info"].contains(d["severity"] as? String ?? ""), "\(d)")
            let code = try #require(d["code"] as? String)
            #expect(code.contains(".") && !code.contains(" "), "code \(code)")
            #expect(!(d["path"] as? String ?? "").isEmpty, "\(code): empty path")
            let message = try #require(d["message"] as? String)
            #expect(!message.isEmpty && !message.contains("\n"), "\(code): \(message)")
            #expect(CanonicalForm.nonCanonicalTokens(in: message).isEmpty,
                    "\(code): non-canonical in message: \(CanonicalForm.nonCanonicalTokens(in: message))")
            for object in try #require(d["objects"] as? [String]) {
                let spaced = object.replacingOccurrences(of: "/", with: " ")
                #expect(CanonicalForm.nonCanonicalTokens(in: spaced).isEmpty, "\(code): non-canonical object \(object)")
            }
        }
    }

    /// Sources follow from what the sample gives: spec values are `spec`, and values that
    /// neither the spec nor the status nor a node list give are `simulated`.
    @Test(arguments: SampleFiles.shootNames)
    func rangesWrittenInTheSpecHaveSourceSpec(_ sample: String) throws {
        let (_, plan) = try ProcessRunner.planJSON([SampleFiles.yaml(sample)])
        let spec = try SampleFiles.text("\(sample).yaml")
        for kind in ["nodes", "pods", "services"] {
            for range in plan.ranges(kind) where range.source == "spec" {
                #expect(spec.contains(range.cidr), "\(sample): \(kind) \(range.cidr) has source spec but is not written in the sample")
            }
            for range in plan.ranges(kind) where range.source == "simulated" {
                #expect(spec.contains("AUTOv6"), "\(sample): \(kind) \(range.cidr) is simulated but nothing is AUTOv6")
            }
        }
    }
}
