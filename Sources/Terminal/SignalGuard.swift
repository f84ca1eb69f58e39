@preconcurrency import CNcursesw

/// The process-wide signal and exit handling around an open screen.
///
/// The state lives in C (`shim.h`): a `volatile sig_atomic_t` flag for SIGINT/SIGTERM/SIGHUP,
/// the termios saved at start and the reset bytes for the crash handler. The shim's state is
/// `static`, one copy per object file, so this file must stay the only caller of the
/// `shim_guard_*` and `shim_signal_*` functions — and its functions must never be inlined
/// elsewhere: a release build inlines small functions across modules, and a copy of
/// `isActive` inlined into the executable read the executable's own, never-set copy of the
/// state (the screen then drew nothing). Hence `@inline(never)` on every member.
enum SignalGuard {
    /// Before curses starts: remember the terminal modes and catch the quit signals (curses
    /// then leaves them alone instead of installing its own exit-on-signal handlers).
    @inline(never)
    static func prepare() {
        _ = shim_guard_save_termios()
        _ = shim_signal_take_pending()
        shim_signal_install_quit_handlers()
    }

    /// Terminal modes the driver sets itself, beyond what curses knows from terminfo: the bytes
    /// that set them and the bytes that undo them (at most 64 each).
    struct OwnModes {
        var on: String
        var off: String
    }

    /// Once curses runs: arm the crash handlers and the exit hook, and set `ownModes`.
    ///
    /// The guard then undoes `ownModes` wherever the screen is left: on ``disarm()``, in the
    /// exit hook, and around curses' own Ctrl-Z handling (undone before it stops the process,
    /// set again after it has redrawn). The crash handler writes `resetBytes` only.
    @inline(never)
    static func arm(resetBytes: [UInt8], ownModes: OwnModes? = nil) {
        resetBytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                shim_guard_set_reset_bytes(chars.baseAddress, Int32(chars.count))
            }
        }
        shim_guard_set_own_modes(1, ownModes?.on ?? "", Int32(ownModes?.on.utf8.count ?? 0))
        shim_guard_set_own_modes(0, ownModes?.off ?? "", Int32(ownModes?.off.utf8.count ?? 0))
        shim_signal_install_crash_handlers()
        shim_signal_wrap_suspend_handler()
        shim_guard_set_active(1)
        shim_write_own_modes(1)
    }

    /// Whether the screen is open (cleared by the crash handler and the exit hook too).
    static var isActive: Bool {
        @inline(never) get { shim_guard_is_active() != 0 }
    }

    /// Undoes ``arm(resetBytes:ownModes:)``: the own modes are undone if the screen is still
    /// active (the exit hook may have done it), and the signal handlers that were there before
    /// come back.
    @inline(never)
    static func disarm() {
        let wasActive = isActive
        shim_guard_set_active(0)
        if wasActive { shim_write_own_modes(0) }
        shim_signal_unwrap_suspend_handler()
        shim_signal_restore_crash_handlers()
    }

    /// Undoes ``prepare()``: the quit signals get their previous handlers again.
    @inline(never)
    static func release() {
        shim_signal_restore_quit_handlers()
    }

    /// SIGINT, SIGTERM or SIGHUP caught since the last call, if any.
    @inline(never)
    static func takePendingSignal() -> Int32? {
        let signal = shim_signal_take_pending()
        return signal == 0 ? nil : signal
    }
}
