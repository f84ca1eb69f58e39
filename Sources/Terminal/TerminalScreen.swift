import Canvas
@preconcurrency import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The full-screen terminal: copies canvases to the screen and reads keys, mouse and resizes.
///
/// The only type of the project that talks to curses. One screen can be open at a time;
/// use it from one thread. While it is open, SIGINT, SIGTERM and SIGHUP do not kill the
/// process but arrive as ``Canvas/InputEvent/signal(_:)`` from ``nextEvent(timeoutMilliseconds:)``,
/// and a crash (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT) puts the terminal
/// back before the process dies. ``close()`` runs at normal process exit too.
public final class TerminalScreen {
    private typealias Window = UnsafeMutablePointer<WINDOW>?

    /// What the terminal supports; `capabilities.glyphs` is the glyph set to draw with.
    public let capabilities: TerminalCapabilities

    private let screen: OpaquePointer
    private var palette: CursesPalette
    private var previous: Canvas?
    private var needsClear = false
    private var cursorVisible = false
    private var closed = false
    private let writesChangedCellsOnly: Bool

    private init(screen: OpaquePointer, capabilities: TerminalCapabilities, palette: CursesPalette, writesChangedCellsOnly: Bool) {
        self.screen = screen
        self.capabilities = capabilities
        self.palette = palette
        self.writesChangedCellsOnly = writesChangedCellsOnly
    }

    deinit { close() }

    /// Starts curses on standard input/output.
    ///
    /// - Throws: ``TerminalError`` when stdin/stdout is not a terminal, TERM is unset, unknown
    ///   or cannot address the cursor, or another screen is open. The terminal is left as it was.
    public static func open(theme: Theme = .dark, options: TerminalOptions = TerminalOptions()) throws -> TerminalScreen {
        guard !SignalGuard.isActive else { throw TerminalError.alreadyOpen }
        guard isatty(STDIN_FILENO) != 0 else { throw TerminalError.notATerminal(stream: "input") }
        guard isatty(STDOUT_FILENO) != 0 else { throw TerminalError.notATerminal(stream: "output") }
        guard let termPointer = getenv("TERM"), termPointer.pointee != 0 else { throw TerminalError.terminalTypeUnset }
        // Shown in an error message: keep control characters from the environment off the terminal.
        let termName = String(String(cString: termPointer).unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? Character($0) : "?" })
        let unicode = LocaleSetup.configure() && !options.asciiOnly

        SignalGuard.prepare()
        guard let screen = newterm(nil, shim_stdout(), shim_stdin()) else {
            SignalGuard.release()
            throw TerminalError.unknownTerminalType(termName)
        }
        _ = set_term(screen)
        guard shim_tigetstr("cup") != nil else {
            _ = endwin()
            delscreen(screen)
            SignalGuard.release()
            throw TerminalError.terminalTooLimited(termName)
        }

        configureInput(options)
        let mouse = options.mouse && mousemask(MouseDecoder.reportedEvents, nil) != 0
        if mouse { _ = mouseinterval(0) }
        let sgrMouse = mouse && SGRMouseInput.bindPrefix()
        let color = startColors(requested: options.colors)
        let palette = CursesPalette(theme: theme, capability: color)
        _ = curs_set(0)

        SignalGuard.arm(resetBytes: ResetSequence.bytes(
            mouseWasEnabled: mouse,
            exitAttributes: capability("sgr0"),
            cursorNormal: capability("cnorm"),
            keypadLocal: capability("rmkx"),
            exitAlternateScreen: capability("rmcup")),
            ownModes: sgrMouse ? SGRMouseInput.modes : nil)

        return TerminalScreen(
            screen: screen,
            capabilities: TerminalCapabilities(unicode: unicode, color: color, mouse: mouse),
            palette: palette,
            writesChangedCellsOnly: options.writesChangedCellsOnly)
    }

    private static func configureInput(_ options: TerminalOptions) {
        let window = shim_stdscr()
        if options.interruptKeysSignal {
            _ = cbreak()
            // Ctrl-S / Ctrl-Q are keys for the app, not flow control.
            var modes = termios()
            if tcgetattr(STDIN_FILENO, &modes) == 0 {
                modes.c_iflag &= ~tcflag_t(IXON)
                _ = tcsetattr(STDIN_FILENO, TCSANOW, &modes)
                _ = def_prog_mode()
            }
        } else {
            _ = raw()
        }
        _ = noecho()
        _ = nonl()
        _ = intrflush(window, false)
        _ = keypad(window, true)
        _ = set_escdelay(Int32(clamping: max(0, options.escapeDelayMilliseconds)))
    }

    /// Colours when ``ColorDecision`` allows them for the terminal curses loaded, else
    /// ``ColorCapability/monochrome``: then no colour pair is ever made, so curses writes no
    /// colour codes.
    private static func startColors(requested: Bool) -> ColorCapability {
        let allowed = ColorDecision.usesColor(requested: requested, noColorValue: ColorDecision.environment("NO_COLOR"),
                                              terminal: .ofLoadedTerminal())
        guard allowed, start_color() == OK else { return .monochrome }
        let defaults = use_default_colors() == OK
        return .colors(count: Int(shim_colors()), pairs: Int(shim_color_pairs()), defaultColors: defaults)
    }

    private static func capability(_ name: String) -> String? {
        shim_tigetstr(name).map { String(cString: $0) }
    }

    /// Columns and rows of the terminal; (0, 0) once closed.
    public var size: (width: Int, height: Int) {
        guard !closed else { return (0, 0) }
        let window = shim_stdscr()
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Switches colours; the next ``draw(_:cursor:)`` repaints everything.
    public func setTheme(_ theme: Theme) {
        guard !closed else { return }
        palette = CursesPalette(theme: theme, capability: capabilities.color)
        previous = nil
    }

    /// Makes the next ``draw(_:cursor:)`` clear and repaint the whole terminal (Ctrl-L).
    public func invalidate() {
        previous = nil
        needsClear = true
    }

    /// Shows `canvas`: writes the cells that changed since the previous frame, then updates
    /// the terminal once. `cursor` shows the text cursor there; nil hides it. Cells beyond the
    /// terminal's size are clipped; terminal cells beyond the canvas are blank.
    public func draw(_ canvas: Canvas, cursor: (x: Int, y: Int)? = nil) {
        guard !closed, SignalGuard.isActive else { return }
        let window = shim_stdscr()
        if let last = previous, last.width != canvas.width || last.height != canvas.height || !writesChangedCellsOnly { previous = nil }
        if previous == nil { _ = werase(window) }
        if needsClear {
            _ = clearok(window, true)
            needsClear = false
        }
        let glyphs = FrameDiff.glyphs(from: previous, to: canvas, displayWidth: Self.terminalWidth)
        write(glyphs, to: window)
        previous = canvas
        placeCursor(cursor, in: window)
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    private func write(_ glyphs: [ScreenGlyph], to window: Window) {
        let rows = Int(getmaxy(window))
        let columns = Int(getmaxx(window))
        var character = cchar_t()
        var text: [wchar_t] = [0, 0]
        for glyph in glyphs where glyph.y < rows && glyph.x < columns {
            // A wide character cut by the right edge becomes a blank.
            let scalar: Unicode.Scalar = glyph.x + glyph.columns > columns ? " " : glyph.scalar
            text[0] = wchar_t(bitPattern: scalar.value)
            let role = Int(glyph.role.rawValue)
            _ = setcchar(&character, text, palette.attributes[role], palette.pairs[role], nil)
            _ = mvwadd_wch(window, Int32(glyph.y), Int32(glyph.x), &character)
        }
    }

    private func placeCursor(_ cursor: (x: Int, y: Int)?, in window: Window) {
        let (width, height) = size
        if let cursor, cursor.x >= 0, cursor.x < width, cursor.y >= 0, cursor.y < height {
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
            if !cursorVisible { _ = curs_set(1); cursorVisible = true }
        } else if cursorVisible {
            _ = curs_set(0)
            cursorVisible = false
        }
    }

    /// Columns curses gives a scalar (the C library's `wcwidth`), fast for ASCII.
    private static func terminalWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value >= 0x20 && value < 0x7F { return 1 }
        return Int(shim_wcwidth(wchar_t(bitPattern: value)))
    }

    /// Waits up to `timeoutMilliseconds` (negative: forever) for input.
    ///
    /// Returns `.tick` when nothing happened in time, `.signal(n)` as soon as SIGINT, SIGTERM
    /// or SIGHUP arrived, and `.resize` after the terminal changed size (the next draw then
    /// repaints everything). Keys the app has no name for are skipped.
    public func nextEvent(timeoutMilliseconds: Int) -> InputEvent {
        guard !closed else { return .tick }
        let window = shim_stdscr()
        let clock = ContinuousClock()
        let start = clock.now
        // Short slices so a caught signal is noticed even if the read is not interrupted.
        let sliceMilliseconds = 100
        while true {
            if let signal = SignalGuard.takePendingSignal() { return .signal(signal) }
            var wait = sliceMilliseconds
            if timeoutMilliseconds >= 0 {
                let elapsed = start.duration(to: clock.now)
                let remaining = timeoutMilliseconds - Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
                wait = min(max(remaining, 0), sliceMilliseconds)
            }
            wtimeout(window, Int32(wait))
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            if status == ERR {
                if let signal = SignalGuard.takePendingSignal() { return .signal(signal) }
                // The terminal went away (window closed, tmux session killed): the read fails
                // at once from now on. Leave like on SIGHUP instead of spinning.
                if Self.terminalHungUp() { return .signal(SIGHUP) }
                if timeoutMilliseconds >= 0 && wait < sliceMilliseconds { return .tick }
                continue
            }
            let raw: KeyDecoder.RawInput = status == KEY_CODE_YES ? .keyCode(Int32(bitPattern: code)) : .character(code)
            switch KeyDecoder.decode(raw) {
            case .key(let key):
                return .key(key)
            case .resize:
                previous = nil
                let (width, height) = size
                return .resize(width: width, height: height)
            case .mouse:
                var event = MEVENT()
                if getmouse(&event) == OK, let button = MouseDecoder.button(for: event.bstate) {
                    return .mouse(x: Int(event.x), y: Int(event.y), button: button)
                }
            case .sgrMouse:
                if let event = SGRMouseInput.readReport(from: window) { return event }
            case .ignored:
                break
            }
        }
    }

    /// True when standard input reports a hang-up or error instead of data.
    static func terminalHungUp() -> Bool {
        var fds = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, 0) >= 0 else { return false }
        return fds.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Ends curses and restores the terminal and the signal handlers. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        // The exit hook may already have ended curses.
        let active = SignalGuard.isActive
        SignalGuard.disarm()
        if active { _ = endwin() }
        delscreen(screen)
        SignalGuard.release()
        _ = fflush(shim_stdout())
    }
}
