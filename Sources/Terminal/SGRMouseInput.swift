import Canvas
@preconcurrency import CNcursesw

/// SGR mouse reports (``SGRMouse``) on a curses screen, whatever the terminfo entry says.
///
/// ncurses 6 decodes SGR reports itself only when the entry's `kmous` is `\E[<` (with `XM`
/// naming mode 1006, as `xterm-256color` has). `tmux-256color` and `screen` declare `\E[M`,
/// so ncurses asks for X10 reports, which end at column 223. So after `mousemask` has switched
/// on button reports (mode 1000), the driver binds ``SGRMouse/prefix`` to its own key code,
/// replacing an ncurses binding if there is one, and asks for mode 1006 itself (as one of its
/// own modes, see ``SignalGuard/arm(resetBytes:ownModes:)``): one decoder for every terminal.
/// A terminal without mode 1006 keeps sending X10 reports, which ncurses still decodes
/// (``MouseDecoder``).
enum SGRMouseInput {
    /// The mode the terminal is asked for while the screen is open.
    static let modes = SignalGuard.OwnModes(on: SGRMouse.modeOn, off: SGRMouse.modeOff)

    /// Has curses return ``KeyDecoder/sgrMouseKeyCode`` for the prefix; false when it refused.
    /// Call after `mousemask`.
    static func bindPrefix() -> Bool {
        define_key(SGRMouse.prefix, KeyDecoder.sgrMouseKeyCode) == OK
    }

    /// Reads the rest of a report after curses matched its prefix, and decodes it. The
    /// terminal writes a report at once, so each character gets `patienceMilliseconds`. A
    /// character or key that cannot be part of a report is pushed back for the next read, and
    /// what was read of the report is dropped.
    static func readReport(from window: UnsafeMutablePointer<WINDOW>?, patienceMilliseconds: Int32 = 200) -> InputEvent? {
        var body: [UInt32] = []
        wtimeout(window, patienceMilliseconds)
        while body.count < SGRMouse.maximumLength {
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status == ERR { return nil }
            if status == KEY_CODE_YES {
                _ = ungetch(Int32(bitPattern: code))
                return nil
            }
            switch SGRMouse.part(of: code) {
            case .body:
                body.append(code)
            case .final:
                body.append(code)
                return SGRMouse.event(body)
            case .foreign:
                _ = unget_wch(wchar_t(bitPattern: code))
                return nil
            }
        }
        return nil
    }
}
