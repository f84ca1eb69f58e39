/// One optional value per address family, read and written like a `[IPFamily: Value]`.
/// A plan keeps its per-family settings in these: every planned shoot of a landscape looks
/// them up a few dozen times, and two stored slots cost no hashing and no allocation.
public struct PerFamily<Value: Sendable & Hashable>: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    public var v4: Value?
    public var v6: Value?

    public init() {}

    public init(dictionaryLiteral elements: (IPFamily, Value)...) {
        for (family, value) in elements { self[family] = value }
    }

    public subscript(family: IPFamily) -> Value? {
        get { family == .v4 ? v4 : v6 }
        set { if family == .v4 { v4 = newValue } else { v6 = newValue } }
    }

    public var isEmpty: Bool { v4 == nil && v6 == nil }
}
