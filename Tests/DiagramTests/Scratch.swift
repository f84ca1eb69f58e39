import Testing
import Canvas
import Diagram
import IPAM
import Spec
import Foundation
@Test func scratch() throws {
    var out = ""
    var plan = Plan(shootName: "empty", provider: .openstack, providerName: "openstack")
    plan.ipFamilies = [.v6]
    out += DiagramRenderer.render(plan, width: 80).text() + "\n"
    plan.provider = .gcp
    out += DiagramRenderer.render(plan, width: 80).text() + "\n"
    out += DiagramRenderer.render(PlanFixtures.openStackLarge(9, missingEvery: 3), width: 160, nodeLimit: 5).text() + "\n"
    out += DiagramRenderer.render(PlanFixtures.awsSimulated(nodesPerZone: [3, 1, 1], zones: ["a", "b", "c"]), width: 120, nodeLimit: 3).text() + "\n"
    try out.write(toFile: "/tmp/scratch.txt", atomically: true, encoding: .utf8)
}
