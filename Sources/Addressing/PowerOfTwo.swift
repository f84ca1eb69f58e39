/// Decimal text of powers of two up to 2^128, which no fixed-width integer holds.
enum PowerOfTwo {
    static let twoTo128 = "340282366920938463463374607431768211456"

    /// `2^exponent` in decimal; exponents are clamped to 0...128.
    static func decimal(_ exponent: Int) -> String {
        let e = max(0, min(exponent, 128))
        return e == 128 ? twoTo128 : String(UInt128(1) << UInt128(e))
    }
}
