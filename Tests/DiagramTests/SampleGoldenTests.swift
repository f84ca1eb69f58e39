import Canvas
import Diagram
import Foundation
import IPAM
import Loading
import Testing
import TestSupport

/// Every sample of `samples/`, loaded and planned as `shootnet render` does, drawn at 80 and
/// 160 columns and compared with `Tests/Golden/render-NAME-WIDTH.txt`, the file
/// RenderCLITests compares `shootnet render` with (and records): library and command agree.
@Suite("Sample diagrams")
struct SampleGoldenTests {
    static let samples: [String] = PackagePaths.shootSampleNames.map { $0 + ".yaml" }

    static func plan(_ name: String) throws -> Plan {
        let loaded = try InputLoader.load(file: PackagePaths.sample(name))
        return Planner.plan(loaded.input)
    }

    @Test("The samples are there")
    func samplesFound() {
        #expect(Self.samples.contains("gep-openstack.yaml"))
        #expect(Self.samples.count >= 10)
    }

    @Test("Sample renders match their golden files", arguments: samples)
    func golden(sample: String) throws {
        let plan = try Self.plan(sample)
        let base = String(sample.dropLast(".yaml".count))
        for width in [80, 160] {
            let canvas = DiagramRenderer.render(plan, width: width)
            for line in canvas.lines() { #expect(CellWidth.of(line) <= width) }
            Golden.expect(canvas.text() + "\n", matches: "render-\(base)-\(width).txt", recordedBy: "RenderCLITests")
        }
    }

    @Test("Sample renders in ASCII mode are pure ASCII", arguments: samples)
    func ascii(sample: String) throws {
        let text = DiagramRenderer.render(try Self.plan(sample), width: 80, glyphs: .ascii).text()
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test("The figure sample shows the figure with the missing route")
    func figure() throws {
        let canvas = DiagramRenderer.render(try Self.plan("gep-openstack.yaml"), width: 160)
        let text = canvas.text()
        for part in ["Upstream v4", "Upstream v6", "Routing Entries:", "Subnet v4", "Subnet v6", "Network", "Port",
                     "CIDR: 2001:db8::/64", "Allocation Pool: 2001:db8::/66", "IPv6: 2001:db8::a1/66",
                     "Assigned Pod CIDR:", "Shoot Properties", "Node CIDR: 100.0.0.0/24, 2001:db8::/66"] {
            #expect(text.contains(part), "\(part)")
        }
        guard let y = canvas.row(containing: "2001:db8::4000:0:1:0/112 via 2001:db8::b4") else {
            Issue.record("the missing route is not listed")
            return
        }
        #expect(canvas.roles(of: "✗ missing", row: y)?.allSatisfy { $0 == .error } == true)
    }
}
