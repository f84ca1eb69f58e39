@preconcurrency import CNcursesw

/// The process-wide signal and exit handling around an open screen.
///
/// The state lives in C (`shim.h`): a `volatile sig_atomic_t` flag for SIGINT/SIGTERM/SIGHUP,
/// the termios saved at start and the reset bytes for the crash handler. The shim's state is
/// `static`, one copy per object file, so this file must stay the only caller of the
/// `shim_guard_*` and `shim_signal_*` functions.
enum SignalGuard {
    /// Before curses starts: remember the terminal modes and catch the quit signals (curses
    /// then leaves them alone instead of installing its own exit-on-signal handlers).
    static func prepare() {
        _ = shim_guard_save_termios()
        _ = shim_signal_take_pending()
        shim_signal_install_quit_handlers()
    }

    /// Once curses runs: arm the crash handlers and the exit hook.
    static func arm(resetBytes: [UInt8]) {
        resetBytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                shim_guard_set_reset_bytes(chars.baseAddress, Int32(chars.count))
            }
        }
        shim_signal_install_crash_handlers()
        shim_guard_set_active(1)
    }

    /// Whether the screen is open (cleared by the crash handler and the exit hook too).
    static var isActive: Bool { shim_guard_is_active() != 0 }

    /// Undoes ``arm(resetBytes:)``: the crash handlers that were there before come back.
    static func disarm() {
        shim_guard_set_active(0)
        shim_signal_restore_crash_handlers()
    }

    /// Undoes ``prepare()``: the quit signals get their previous handlers again.
    static func release() {
        shim_signal_restore_quit_handlers()
    }

    /// SIGINT, SIGTERM or SIGHUP caught since the last call, if any.
    static func takePendingSignal() -> Int32? {
        let signal = shim_signal_take_pending()
        return signal == 0 ? nil : signal
    }
}
