import Testing
@testable import Addressing

@Test func smoke() {
    #expect(IPPrefix("2001:db8::/64")?.description == "2001:db8::/64")
}
