import Addressing
import Foundation
import IPAM
import Loading
import Spec
import Testing
@testable import App
import TestSupport

/// Re-planning with a ``PlanMemo`` must give exactly the plan made with every memo disabled:
/// for every sample and every edit the spec editor can make, whatever the memo remembered
/// before. The walks run twice, memo on and memo off, so the disabled path is walked too.
@Suite("Incremental re-planning")
struct IncrementalPlanTests {
    /// Every sample (the seed too, as a shoot-less input is refused by the loader anyway), the
    /// figure with its flag files, and a generated OpenStack shoot with a drifted router.
    static let inputs: [(name: String, input: PlanInput)] = {
        let dir = AppHarness.repo.appendingPathComponent("samples")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") && $0 != "seed.yaml" }.sorted()
        var out: [(String, PlanInput)] = names.compactMap { name in
            (try? InputLoader.load(file: dir.appendingPathComponent(name).path)).map { (name, $0.input) }
        }
        if let flags = try? InputLoader.load(file: dir.appendingPathComponent("gep-openstack.yaml").path,
                                             nodes: dir.appendingPathComponent("gep-openstack-nodes.json").path,
                                             routes: dir.appendingPathComponent("gep-openstack-router.json").path) {
            out.append(("gep-openstack.yaml + flags", flags.input))
        }
        // With a seed whose shootDefaults fill pods and services left out (Gardener's mutator),
        // and whose networks the shoot's are checked against.
        let seed = dir.appendingPathComponent("seed.yaml").path
        for name in ["ipv4-default.yaml", "gcp-dualstack.yaml", "gep-openstack.yaml"] {
            if let seeded = try? InputLoader.load(file: dir.appendingPathComponent(name).path, seed: seed) {
                out.append(("\(name) + seed", seeded.input))
            }
        }
        out.append(("generated openstack", generatedOpenStack(nodes: 120)))
        return out
    }()

    /// Texts to try in each field: valid and invalid values, and values that move ranges.
    static func texts(for field: SpecField, in input: PlanInput) -> [String] {
        let current = field.text(in: input)
        switch field {
        case .networks:
            return ["", current, movedIPv6(current), "10.0.0.0/16, fd00:1::/64", "AUTOv6, 100.96.0.0/11",
                    "10.0.0.0/33", "2001:db8::/66, 2001:db8::/66"]
        case .ipFamilies: return ["", "IPv4", "IPv6", "IPv4, IPv6", "IPv6, IPv4"]
        case .provider: return ["aws", "gcp", "azure", "openstack", "alicloud", current]
        case .workerMinimum: return ["0", "1", "7", current]
        case .workerMaximum: return ["1", "100", "100000", current]
        case .workerZones: return ["z1", "z1, z2, z3", current]
        case .nodeMaskV4: return ["", "24", "26", "30"]
        case .nodeMaskV6: return ["", "64", "112", "120"]
        case .maxPods: return ["", "110", "250", "5000"]
        case .podPrefixTemplate: return ["", "<nodePrefix>::f000:0/100", "<nodePrefix>::/100", "<nodePrefix>::1:0/112"]
        case .serviceStrategy: return ["", "unique", "well-known"]
        case .servicePolicy: return ["", "SingleStack", "PreferDualStack", "RequireDualStack"]
        }
    }

    /// `text` with each IPv6 prefix moved two blocks of its size up.
    static func movedIPv6(_ text: String) -> String {
        text.split(separator: ",").map { part -> String in
            let t = String(part).trimmingCharacters(in: " ")
            guard case .success(let p) = AddressParser.parsePrefix(Substring(t)), p.family == .v6, p.length >= 2, p.length <= 126,
                  let up = p.network.adding(UInt128(2) << UInt128(128 - p.length)) else { return t }
            return "\(up)/\(p.length)"
        }.joined(separator: ", ")
    }

    /// Plans `input` with `memo` and checks the result against a plan made with no memo at all.
    static func check(_ input: PlanInput, memo: inout PlanMemo, _ what: @autoclosure () -> String) {
        let incremental = Planner.plan(input, memo: &memo)
        var none = PlanMemo.disabled
        let full = Planner.plan(input, memo: &none)
        #expect(incremental == full, "\(what())")
    }

    /// The walks' memo: one that remembers, or one that never does.
    static func memo(_ memoizing: Bool) -> PlanMemo { memoizing ? PlanMemo() : .disabled }

    static let inputsBothWays: [(String, Bool)] = inputs.flatMap { [($0.name, true), ($0.name, false)] }

    @Test("Every edit of every field, and its undo, re-plans exactly", arguments: inputsBothWays)
    func everyFieldEdit(name: String, memoizing: Bool) throws {
        let base = try #require(Self.inputs.first { $0.name == name }).input
        var memo = Self.memo(memoizing)
        Self.check(base, memo: &memo, "\(name) as loaded")
        for field in SpecField.all(for: base) {
            for text in Self.texts(for: field, in: base) {
                var edited = base
                guard case .success = field.apply(text, to: &edited) else { continue }
                Self.check(edited, memo: &memo, "\(name): \(field) = \(text)")
                Self.check(base, memo: &memo, "\(name): \(field) = \(text), undone")
            }
        }
    }

    @Test("A random walk of edits re-plans exactly at every step", arguments: inputsBothWays)
    func randomWalk(name: String, memoizing: Bool) throws {
        var input = try #require(Self.inputs.first { $0.name == name }).input
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: name.utf8.reduce(5381) { $0 &* 33 &+ Int($1) }))
        var memo = Self.memo(memoizing)
        for step in 0..<150 {
            let fields = SpecField.all(for: input)
            let field = fields[Int(rng.next() % UInt64(fields.count))]
            let texts = Self.texts(for: field, in: input)
            let text = texts[Int(rng.next() % UInt64(texts.count))]
            _ = field.apply(text, to: &input)
            Self.check(input, memo: &memo, "\(name) step \(step): \(field) = \(text)")
        }
    }

    @Test("Changed node lists and routers re-plan exactly", arguments: [true, false])
    func observedChanges(memoizing: Bool) {
        let base = Self.generatedOpenStack(nodes: 60)
        var memo = Self.memo(memoizing)
        Self.check(base, memo: &memo, "generated")
        var variants: [(String, PlanInput)] = []
        var copy = base
        // Equal content in fresh storage, as after a reload.
        copy.observed.nodes = base.observed.nodes.map { Array($0.reversed().reversed()) }
        variants.append(("reloaded", copy))
        copy = base
        copy.observed.nodes?.removeLast()
        variants.append(("node removed", copy))
        copy = base
        copy.observed.nodes?[3].podCIDRs = []
        variants.append(("pod CIDRs cleared", copy))
        copy = base
        copy.observed.nodes?[5].addresses.reverse()
        variants.append(("addresses reversed", copy))
        copy = base
        copy.observed.nodes?[7].name = "node-8"
        variants.append(("duplicate name", copy))
        copy = base
        copy.observed.router?.routes.removeFirst()
        variants.append(("route removed", copy))
        copy = base
        copy.observed.router = nil
        variants.append(("no router", copy))
        copy = base
        copy.observed.nodes = nil
        variants.append(("simulated", copy))
        copy = base
        copy.shoot.location = SourceLocation(file: "elsewhere.yaml", line: 3, column: 1)
        variants.append(("moved shoot", copy))
        for (what, input) in variants {
            Self.check(input, memo: &memo, what)
            Self.check(base, memo: &memo, "\(what), back")
        }
    }

    @Test("The UI's plan after edits, undo and redo is the plan of its input")
    func appModelPlansExactly() throws {
        var h = try AppHarness.sample("broken-routes.yaml")
        let pods = SpecField.networks(.pods).text(in: h.model.input)
        h.edit(.networks(.pods), to: Self.movedIPv6(pods))
        #expect(h.model.plan == Planner.plan(h.model.input))
        h.edit(.workerMaximum(0), to: "50")
        #expect(h.model.plan == Planner.plan(h.model.input))
        h.press(.char("u"))
        #expect(h.model.plan == Planner.plan(h.model.input))
        h.press(.char("u"))
        #expect(h.model.plan == Planner.plan(h.model.input))
        #expect(SpecField.networks(.pods).text(in: h.model.input) == pods)
    }

    @Test("The UI's diagram and tables after each edit are those of a fresh model without memos", arguments: inputsBothWays)
    func appModelRedrawsExactly(name: String, memoizing: Bool) throws {
        let base = try #require(Self.inputs.first { $0.name == name }).input
        var model = AppModel(file: name, input: base, width: 120, height: 40, memoizing: memoizing)
        var rng = SplitMix64(seed: 7)
        for step in 0..<40 {
            let fields = model.fields
            let field = fields[Int(rng.next() % UInt64(fields.count))]
            let texts = Self.texts(for: field, in: model.input)
            let text = texts[Int(rng.next() % UInt64(texts.count))]
            _ = model.applyEdit(field, text: text)
            if step % 5 == 4 {
                model.nodeSort = model.nodeSort.next
                model.nodeFilter = step % 10 == 9 ? "1" : ""
                model.refreshTables()
            }
            var fresh = AppModel(file: name, input: model.input, width: 120, height: 40, memoizing: false)
            fresh.nodeSort = model.nodeSort
            fresh.nodeFilter = model.nodeFilter
            fresh.refreshTables()
            let what = "\(name) step \(step): \(field) = \(text)"
            #expect(model.plan == fresh.plan, "\(what)")
            #expect(model.diagram.allElements() == fresh.diagram.allElements(), "\(what)")
            #expect(model.diagram.width == fresh.diagram.width && model.diagram.height == fresh.diagram.height, "\(what)")
            #expect(model.nodeRows == fresh.nodeRows, "\(what)")
            #expect(model.routeRows == fresh.routeRows && model.routeProblemCount == fresh.routeProblemCount, "\(what)")
        }
    }

    /// An OpenStack dual-stack shoot with `nodes` observed nodes: every 10th without an IPv6
    /// pod CIDR, a router missing every 7th route, one wrong next hop and one stale route.
    static func generatedOpenStack(nodes count: Int) -> PlanInput {
        func address(_ text: String) -> IPAddress {
            guard case .success(let a) = AddressParser.parseAddress(Substring(text)) else { return IPAddress(v6: 0) }
            return a
        }
        let location = SourceLocation(file: "nodes.json", line: 1, column: 1)
        var nodes: [ObservedNode] = []
        var routes: [ObservedRoute] = []
        for i in 0..<count {
            let v4 = address("10.250.\(i / 200).\(10 + i % 200)")
            let v6 = address("2001:db8:1000::\(String(0x100 + i, radix: 16))")
            let pod4 = IPPrefix(masking: address("100.96.\(i).0"), length: 24)
            let pod6 = IPPrefix(masking: IPAddress(v6: address("2001:db8:1000:0:4000::").value | (UInt128(i) << 16)), length: 112)
            let hasV6Pod = i % 10 != 9
            nodes.append(ObservedNode(name: "node-\(i)", zone: "z\(i % 3)", addresses: [v4, v6],
                                      podCIDRs: hasV6Pod ? [pod4, pod6] : [pod4],
                                      location: SourceLocation(file: location.file, line: i + 1, column: 1)))
            if hasV6Pod && i % 7 != 3 {
                routes.append(ObservedRoute(destination: pod6, nexthop: i == 4 ? address("2001:db8:1000::ffff") : v6,
                                            location: SourceLocation(file: "router.json", line: i + 1, column: 1)))
            }
        }
        routes.append(ObservedRoute(destination: IPPrefix(masking: address("2001:db8:1000:0:4000:0:ffff:0"), length: 112),
                                    nexthop: address("2001:db8:1000::99")))
        let networking = Networking(type: "calico", ipFamilies: Located(["IPv4", "IPv6"]),
                                    nodes: CIDRSlot.parseTuple("10.250.0.0/16, 2001:db8:1000::/66"),
                                    pods: CIDRSlot.parseTuple("100.96.0.0/11, 2001:db8:1000:0:4000::/66"),
                                    services: CIDRSlot.parseTuple("100.64.0.0/13, 2001:db8:1000:0:8000::/66"))
        let shoot = Shoot(name: "generated", namespace: "garden-test", provider: Located("openstack"), region: "r1",
                          workers: [Worker(name: "pool", minimum: count, maximum: count, zones: ["z0", "z1", "z2"])],
                          networking: networking, nodeMaskV4: Located(24), nodeMaskV6: Located(112))
        return PlanInput(shoot: shoot, observed: ObservedState(nodes: nodes, router: ObservedRouter(name: "router-v6", routes: routes)))
    }
}
