import Foundation
import Testing
import TestSupport

/// One sample rendered at one width.
struct RenderCase: Sendable, CustomTestStringConvertible {
    var sample: String
    var width: Int

    var golden: String { "render-\(sample)-\(width).txt" }
    var testDescription: String { "\(sample) @\(width)" }

    static let all: [RenderCase] = SampleFiles.shootNames.flatMap { s in [80, 160].map { RenderCase(sample: s, width: $0) } }
}

/// `shootnet render` through the binary: goldens at widths 80 and 160, ASCII and colour modes,
/// and the figure's missing route.
@Suite struct RenderCLITests {
    private func render(_ sample: String, _ options: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try ProcessRunner.shootnet(["render", SampleFiles.yaml(sample)] + options)
        #expect(r.exitCode == 0 && r.stderr.isEmpty && !r.timedOut, "exit \(r.exitCode): \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    @Test(arguments: RenderCase.all)
    func renderMatchesGolden(_ c: RenderCase) throws {
        let text = try render(c.sample, ["--width", "\(c.width)", "--color", "never"])
        Golden.expect(text, matches: c.golden)
    }

    /// Nothing wider than asked, no escape sequences without colour, addresses canonical, and
    /// every node and per-node pod prefix of the plan drawn (the samples are small enough).
    @Test(arguments: RenderCase.all)
    func renderFitsAndShowsEveryNode(_ c: RenderCase) throws {
        let text = try render(c.sample, ["--width", "\(c.width)", "--color", "never"])
        #expect(text.hasSuffix("\n") && !text.isEmpty)
        for line in text.split(separator: "\n") {
            #expect(line.count <= c.width, "line of \(line.count) columns: \(line)")
        }
        #expect(!text.contains("\u{1B}"), "escape sequence with --color never")
        #expect(CanonicalForm.nonCanonicalTokens(in: text).isEmpty, "\(CanonicalForm.nonCanonicalTokens(in: text))")
        let (_, plan) = try ProcessRunner.planJSON([SampleFiles.yaml(c.sample)])
        for node in plan.nodes {
            #expect(text.contains(node.name), "node \(node.name) not drawn")
            for pod in node.podCIDRs { #expect(text.contains(pod), "\(node.name): pod CIDR \(pod) not drawn") }
        }
    }

    /// Every route of the plan is drawn whole — `DEST via NEXTHOP` followed by a space or a
    /// border — so no next hop is cut off ("2001:db8:20::…") or glued to its status ("::14ok").
    @Test(arguments: RenderCase.all)
    func everyRouteIsDrawnWhole(_ c: RenderCase) throws {
        let text = try render(c.sample, ["--width", "\(c.width)", "--color", "never"])
        let (_, plan) = try ProcessRunner.planJSON([SampleFiles.yaml(c.sample)])
        for route in plan.routes {
            let entry = "\(route.destination) via \(route.nexthop)"
            var whole = false
            var rest = text[...]
            while let found = rest.range(of: entry) {
                let next = rest[found.upperBound...].first
                if next == nil || next == " " || next == "\n" || next == "│" { whole = true }
                rest = rest[found.upperBound...]
            }
            #expect(whole, "route \(entry) (\(route.status)) is not drawn whole")
        }
    }

    /// Text never runs over the bottom border of a box: between `└` and its `┘` on a line there
    /// are only border characters.
    @Test(arguments: RenderCase.all)
    func bottomBordersAreUnbroken(_ c: RenderCase) throws {
        let text = try render(c.sample, ["--width", "\(c.width)", "--color", "never"])
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var inside: String?
            for ch in line {
                if ch == "└" { inside = "" } else if ch == "┘" {
                    if let run = inside, !run.allSatisfy({ "─┴┬┼".contains($0) }) {
                        Issue.record("line \(number + 1): text on a bottom border: └\(run)┘")
                    }
                    inside = nil
                } else if inside != nil {
                    inside?.append(ch)
                }
            }
        }
    }

    @Test(arguments: SampleFiles.shootNames)
    func asciiHasNoNonASCIIByte(_ sample: String) throws {
        for width in [80, 160] {
            let text = try render(sample, ["--width", "\(width)", "--color", "never", "--ascii"])
            let offending = text.utf8.firstIndex { $0 >= 0x80 }
            #expect(offending == nil, "non-ASCII byte at \(text.utf8.distance(from: text.utf8.startIndex, to: offending ?? text.utf8.endIndex))")
            #expect(!text.isEmpty)
        }
    }

    @Test func colourModes() throws {
        let sample = "gep-openstack"
        let always = try render(sample, ["--width", "120", "--color", "always"])
        #expect(always.contains("\u{1B}["), "--color always without ESC[")
        // Colour only adds escape sequences: stripped, it is the plain drawing.
        let plain = try render(sample, ["--width", "120", "--color", "never"])
        #expect(stripEscapes(always) == plain)
        // auto: stdout is a file here, not a terminal, so no colour.
        let auto = try render(sample, ["--width", "120"])
        #expect(!auto.contains("\u{1B}"))
        let noColor = try ProcessRunner.shootnet(["render", SampleFiles.yaml(sample), "--width", "120", "--color", "auto"],
                                           environment: ["NO_COLOR": "1"])
        #expect(noColor.exitCode == 0 && !noColor.stdout.contains("\u{1B}"))
    }

    /// Issue 5's "done when": the figure at 160 columns marks node-b4's route missing.
    @Test func figureAt160MarksTheMissingRoute() throws {
        let text = try render("gep-openstack", ["--width", "160", "--color", "never"])
        let lines = text.split(separator: "\n").map(String.init)
        let missing = lines.filter { $0.contains("2001:db8::4000:0:1:0/112") && $0.contains("✗ missing") }
        #expect(missing.count == 1, "no line with 2001:db8::4000:0:1:0/112 and ✗ missing")
        #expect(missing.first?.contains("via 2001:db8::b4") == true)
        let ok = lines.filter { $0.contains("2001:db8:0:0:4000::/112 via 2001:db8::a1") }
        #expect(ok.count == 1 && ok.first?.contains("missing") == false)
        for label in ["Upstream v4", "Upstream v6", "Router", "Subnet v4", "Subnet v6", "Network", "node-a1", "node-b4",
                      "CIDR: 2001:db8::/64", "Allocation Pool: 2001:db8::/66", "Shoot Properties"] {
            #expect(text.contains(label), "missing \(label)")
        }
    }

    /// Simulated values are marked (`~`), values from the spec or the status are not.
    @Test(arguments: ["aws-dualstack", "aws-ipv6", "gcp-dualstack", "ipv4-default"])
    func simulatedValuesAreMarked(_ sample: String) throws {
        let text = try render(sample, ["--width", "160", "--color", "never"])
        let (_, plan) = try ProcessRunner.planJSON([SampleFiles.yaml(sample)])
        for kind in ["nodes", "pods", "services"] {
            for range in plan.ranges(kind) {
                if range.source == "simulated" {
                    #expect(text.contains("~" + range.cidr), "\(kind) \(range.cidr) simulated but not marked")
                } else {
                    #expect(text.contains(range.cidr) && !text.contains("~" + range.cidr), "\(kind) \(range.cidr) (\(range.source))")
                }
            }
        }
    }

    private func stripEscapes(_ s: String) -> String {
        var out = ""
        var chars = s.makeIterator()
        while let c = chars.next() {
            if c == "\u{1B}" {
                // CSI: ESC [ parameters final-byte (a letter).
                _ = chars.next()
                while let n = chars.next(), !n.isLetter {}
            } else {
                out.append(c)
            }
        }
        return out
    }
}
