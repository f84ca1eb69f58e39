/// A key of a handful of values, each with a fixed slot (address families, network kinds).
public protocol SlotKey: Hashable, Sendable {
    /// 0, 1 or 2.
    var slot: Int { get }
}

extension IPFamily: SlotKey {
    @inlinable public var slot: Int { self == .v4 ? 0 : 1 }
}

/// One optional value per key of a few, read and written like a dictionary. A plan keeps its
/// per-family settings in these, a shoot where its network fields were written: every shoot
/// of a landscape looks them up dozens of times, and stored slots cost no hashing and no
/// allocation.
public struct SlotMap<Key: SlotKey, Value: Sendable & Hashable>: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    // Inlinable (and so specialised where used): a generic lookup through the protocol cost
    // more than the dictionary it replaces.
    @usableFromInline var slots: (Value?, Value?, Value?) = (nil, nil, nil)

    @inlinable public init() {}

    @inlinable public init(dictionaryLiteral elements: (Key, Value)...) {
        for (key, value) in elements { self[key] = value }
    }

    @inlinable public subscript(key: Key) -> Value? {
        get {
            switch key.slot {
            case 0: slots.0
            case 1: slots.1
            default: slots.2
            }
        }
        set {
            switch key.slot {
            case 0: slots.0 = newValue
            case 1: slots.1 = newValue
            default: slots.2 = newValue
            }
        }
    }

    @inlinable public var isEmpty: Bool { slots.0 == nil && slots.1 == nil && slots.2 == nil }

    public static func == (a: Self, b: Self) -> Bool { a.slots == b.slots }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(slots.0)
        hasher.combine(slots.1)
        hasher.combine(slots.2)
    }
}

extension SlotMap where Value: Comparable {
    /// The smallest value held; nil when none is.
    @inlinable public var minimum: Value? {
        func lower(_ a: Value?, _ b: Value?) -> Value? {
            guard let a else { return b }
            guard let b else { return a }
            return Swift.min(a, b)
        }
        return lower(lower(slots.0, slots.1), slots.2)
    }
}
