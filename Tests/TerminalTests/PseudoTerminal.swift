#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair: `secondary` is a terminal (`isatty`) for code that checks.
///
/// The pty functions are looked up at run time: the Glibc module leaves them out, as SwiftPM
/// compiles without `_XOPEN_SOURCE`.
struct PseudoTerminal {
    let primary: Int32
    let secondary: Int32

    struct Failure: Error {}

    private typealias OpenFunction = @convention(c) (Int32) -> Int32
    private typealias ControlFunction = @convention(c) (Int32) -> Int32
    private typealias NameFunction = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    private static func function<F>(_ name: String, as type: F.Type) -> F? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    init() throws {
        guard let open = Self.function("posix_openpt", as: OpenFunction.self),
              let grant = Self.function("grantpt", as: ControlFunction.self),
              let unlock = Self.function("unlockpt", as: ControlFunction.self),
              let name = Self.function("ptsname", as: NameFunction.self) else { throw Failure() }
        primary = open(O_RDWR | O_NOCTTY)
        guard primary >= 0 else { throw Failure() }
        guard grant(primary) == 0, unlock(primary) == 0, let path = name(primary) else {
            _ = Glibc.close(primary)
            throw Failure()
        }
        secondary = Glibc.open(path, O_RDWR | O_NOCTTY)
        guard secondary >= 0 else {
            _ = Glibc.close(primary)
            throw Failure()
        }
    }

    func close() {
        _ = Glibc.close(secondary)
        _ = Glibc.close(primary)
    }
}
