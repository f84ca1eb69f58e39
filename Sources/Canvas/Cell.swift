/// One character position on a canvas.
///
/// A wide character (CJK, most emoji) occupies two cells: the first holds the scalar, the
/// second is a ``Cell/continuation`` cell that the terminal driver skips.
public struct Cell: Hashable, Sendable {
    public var scalar: Unicode.Scalar
    public var role: Role
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    public init(_ scalar: Unicode.Scalar, role: Role = .plain) {
        self.scalar = scalar
        self.role = role
        self.isContinuation = false
    }

    public static let blank = Cell(" ")
    public static let continuation: Cell = {
        var cell = Cell(" ")
        cell.isContinuation = true
        return cell
    }()
}
