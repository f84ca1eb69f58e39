import Testing
@testable import Addressing

/// A prefix from canonical text; fails the test when the text is not one.
func prefix(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> IPPrefix {
    try #require(IPPrefix(text), "not a canonical prefix: \(text)", sourceLocation: sourceLocation)
}

/// An address from text; fails the test when the text is not one.
func address(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> IPAddress {
    try #require(IPAddress(text), "not an address: \(text)", sourceLocation: sourceLocation)
}
