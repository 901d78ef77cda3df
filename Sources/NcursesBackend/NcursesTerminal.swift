@preconcurrency import CNcurses
import Console
#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Why the terminal could not be used. `description` is the one line shown to the user.
public struct TerminalStartError: Error, CustomStringConvertible, Equatable {
    /// The one-line message, starting with "peat-console:".
    public var description: String

    public init(_ description: String) { self.description = description }

    static let notATerminal = TerminalStartError(
        "peat-console: standard input/output is not a terminal; use `peat-console snapshot` for scripted output")

    static func unknownTerminal(_ term: String?) -> TerminalStartError {
        let name = term.map { $0.isEmpty ? "(empty)" : "'\($0)'" } ?? "(unset)"
        return TerminalStartError(
            "peat-console: cannot use terminal type \(name) (TERM unknown to terminfo); set TERM to e.g. xterm-256color")
    }

    static func noCursorAddressing(_ term: String?) -> TerminalStartError {
        TerminalStartError(
            "peat-console: terminal type '\(term ?? "")' cannot move the cursor (no \"cup\" capability); set TERM to e.g. xterm-256color")
    }
}

/// The live terminal, driven through ncursesw. The only code in the project that talks to
/// the terminal library; every call must come from the main thread.
///
/// Both sides of the terminal: `TerminalOutput` (draw, flush) and `TerminalInput` (keys,
/// resizes, resumes after a stop).
///
/// Life cycle: `init` → `start()` (throws `TerminalStartError` when there is no usable
/// terminal) → `draw`/`flush`/`nextEvent` → `stop()` (idempotent; also run on deinit).
public final class NcursesTerminal: TerminalOutput, TerminalInput {
    /// What the terminal can show, known after `start()`.
    public private(set) var capabilities = TerminalCapabilities(colors: .none, unicode: false)

    private var screen: OpaquePointer?
    /// `/dev/tty`, opened for keys when standard input carries data (`keysFromControllingTerminal`).
    private var keyboard: UnsafeMutablePointer<FILE>?

    /// Read keys from the controlling terminal (`/dev/tty`) when standard input is not a
    /// terminal, because it carries data (`peat-console --source -`). Off by default: then a
    /// standard input that is not a terminal is an error.
    public var keysFromControllingTerminal = false
    /// Report clicks and wheel turns (`run`; off with `--no-mouse`, which leaves the mouse to
    /// the terminal's own text selection). Set before `start()`.
    public var mouse = true
    /// True while the terminal reports the mouse (turned off again in `stop()`; ncurses turns
    /// it off and on around a Ctrl-Z suspend, and a crash's reset sequence turns it off).
    public private(set) var mouseReporting = false
    private var window: UnsafeMutablePointer<WINDOW>?
    private var lastSize = Size(width: 0, height: 0)
    private var defaultColorsAvailable = false
    private var colorPairLimit = 0
    private var nextColorPair: Int16 = 1
    private var colorPairs: [ColorKey: Int16] = [:]
    private var renditions: [Style: Rendition] = [:]
    private var scalars: [wchar_t] = []

    private struct ColorKey: Hashable { var foreground: Int16; var background: Int16 }
    private struct Rendition { var attributes: attr_t; var pair: Int16 }

    /// Creates an unstarted terminal.
    public init() {}

    deinit { stop() }

    /// True between a successful `start()` and `stop()`.
    public var isActive: Bool { screen != nil }

    /// True once SIGINT, SIGTERM, SIGHUP or SIGQUIT arrived, or the terminal went away
    /// (`terminalLost`); the main loop polls it.
    public var stopRequested: Bool { StopSignals.stopRequested || terminalLost }

    /// True once input reported a hang-up or error (the terminal closed while SIGHUP was
    /// ignored, e.g. under `nohup`): there is nobody left to draw for, so the loop must end
    /// instead of spinning on a dead descriptor.
    public private(set) var terminalLost = false

    /// Takes over the terminal: checks it is one and is usable, installs the stop-signal
    /// handlers, enters curses mode (no echo, keys unbuffered, cursor hidden) and decides
    /// colours (terminfo, `NO_COLOR`) and Unicode (locale).
    /// - Parameter environment: the process environment (for `TERM`, `NO_COLOR`, `ESCDELAY`).
    public func start(environment: [String: String]) throws {
        guard screen == nil else { return }
        var input = peat_stdin()
        if keysFromControllingTerminal, isatty(STDIN_FILENO) != 1, isatty(STDOUT_FILENO) == 1 {
            keyboard = fopen("/dev/tty", "r")
            input = keyboard
        }
        guard let input, isatty(fileno(input)) == 1, isatty(STDOUT_FILENO) == 1 else {
            closeKeyboard()
            throw TerminalStartError.notATerminal
        }
        setlocale(LC_ALL, "")
        StopSignals.install()
        var shellModes = termios()
        let haveShellModes = tcgetattr(fileno(input), &shellModes) == 0

        let term = environment["TERM"]
        guard let newScreen = newterm(nil, peat_stdout(), input) else {
            closeKeyboard()
            throw TerminalStartError.unknownTerminal(term)
        }
        screen = newScreen
        _ = set_term(newScreen)
        guard peat_has_cursor_addressing() != 0 else {
            stop()
            throw TerminalStartError.noCursorAddressing(term)
        }
        window = peat_stdscr()
        // From here on a crash must not leave the terminal in curses mode.
        if haveShellModes { peat_crash_restore_install(&shellModes) } else { peat_crash_restore_install(nil) }

        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, true)
        _ = curs_set(0)
        if (environment["ESCDELAY"] ?? "").isEmpty { _ = set_escdelay(25) }
        if mouse { mouseReporting = peat_mouse_enable(1) != 0 }
        def_prog_mode()  // the modes to re-apply after a stop the process could not see coming
        ResumeSignal.install()

        capabilities = TerminalCapabilities(colors: startColors(environment: environment),
                                            unicode: peat_locale_is_utf8() != 0)
        lastSize = currentSize()
    }

    /// Gives the terminal back as it was (`endwin`) and frees the curses screen. Safe to call
    /// more than once and when `start()` failed.
    public func stop() {
        guard let s = screen else { return }
        if mouseReporting {
            _ = peat_mouse_enable(0)  // mouse reporting off before the shell gets the terminal back
            mouseReporting = false
        }
        endwin()
        ResumeSignal.uninstall()
        peat_crash_restore_remove()
        delscreen(s)
        screen = nil
        window = nil
        closeKeyboard()
    }

    private func closeKeyboard() {
        if let k = keyboard { fclose(k) }
        keyboard = nil
    }

    // MARK: TerminalOutput

    /// The screen size, as ncurses last saw it (updated on resize).
    public var size: Size { window == nil ? lastSize : currentSize() }

    /// Writes the changed cells to curses' picture of the screen (shown on `flush`).
    public func draw(_ changes: [CellChange]) {
        guard let win = window else { return }
        let size = currentSize()
        for change in changes {
            let cell = change.cell
            if cell.isContinuation { continue }
            guard change.x >= 0, change.y >= 0, change.x < size.width, change.y < size.height else { continue }
            let r = rendition(for: cell.style)
            scalars.removeAll(keepingCapacity: true)
            for s in cell.symbol.unicodeScalars { scalars.append(wchar_t(bitPattern: s.value)) }
            // The bottom-right cell is inserted, not added, so the cursor never moves past the
            // end of the screen.
            let isLastCell = change.x == size.width - 1 && change.y == size.height - 1
            _ = scalars.withUnsafeBufferPointer { buf in
                peat_put_cell(win, Int32(change.y), Int32(change.x), buf.baseAddress, Int32(buf.count),
                              r.attributes, r.pair, isLastCell ? 1 : 0)
            }
        }
    }

    /// Sends what changed since the last flush to the terminal.
    public func flush() {
        guard let win = window else { return }
        wnoutrefresh(win)
        doupdate()
    }

    /// Makes the next `flush` repaint the whole terminal (after resume or resize).
    public func invalidate() {
        guard window != nil else { return }
        clearok(peat_curscr(), true)
    }

    /// Sets the clipboard through OSC 52, written straight after the last frame (it moves no
    /// cursor and draws nothing).
    public func perform(_ request: TerminalRequest) {
        guard window != nil else { return }
        switch request {
        case .setClipboard(let text):
            fflush(stdout)
            let bytes = Array(OSC52.sequence(for: text).utf8)
            var written = 0
            while written < bytes.count {
                let r = bytes[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
                if r < 0 { if errno == EINTR { continue } else { break } }
                written += r
            }
        }
    }

    // MARK: TerminalInput

    /// Waits up to `timeoutMs` (negative: forever) for a key, a resize (`KEY_RESIZE`) or a
    /// resume after a stop (SIGCONT). Returns nil on timeout or when another signal
    /// interrupted the wait.
    public func nextEvent(timeoutMs: Int) -> TerminalEvent? {
        guard let win = window else { return nil }
        if resumeIfContinued() { return .resumed }
        wtimeout(win, Int32(clamping: timeoutMs))
        var code: Int32 = 0
        let rc = peat_get_wch(win, &code)
        if rc == ERR {
            if inputHungUp() { terminalLost = true }
            return resumeIfContinued() ? .resumed : nil
        }
        if rc == peat_key_code_yes() {
            if code == peat_key_mouse() { return readMouse() }
            let event = KeyDecoding.special(code)
            if event == .resized { lastSize = currentSize() }
            return event
        }
        return .key(KeyDecoding.character(code))
    }

    // MARK: Private

    /// The click or wheel turn ncurses has after KEY_MOUSE (nil for anything else).
    private func readMouse() -> TerminalEvent? {
        var x: Int32 = 0, y: Int32 = 0
        switch peat_mouse_read(&x, &y) {
        case 1: return .key(.mouse(MouseEvent(.press, x: Int(x), y: Int(y))))
        case 2: return .key(.mouse(MouseEvent(.wheelUp, x: Int(x), y: Int(y))))
        case 3: return .key(.mouse(MouseEvent(.wheelDown, x: Int(x), y: Int(y))))
        default: return nil
        }
    }

    /// After a SIGCONT: curses' tty modes back (the shell may have changed them while the
    /// process was stopped). True (once) if the process was continued; the app then
    /// invalidates and repaints.
    private func resumeIfContinued() -> Bool {
        guard ResumeSignal.consume() else { return false }
        reset_prog_mode()
        lastSize = currentSize()
        return true
    }

    /// True when the key input (standard input, or `/dev/tty` when stdin carries data) has
    /// hung up or failed (checked without waiting).
    private func inputHungUp() -> Bool {
        var fd = pollfd(fd: keyboard.map { fileno($0) } ?? STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&fd, 1, 0) == 1 else { return false }
        return fd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private func currentSize() -> Size {
        guard let win = window else { return lastSize }
        return Size(width: Int(peat_max_x(win)), height: Int(peat_max_y(win)))
    }

    /// Starts colour (when the terminal has it and `NO_COLOR` is not set) and returns the depth.
    private func startColors(environment: [String: String]) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        guard has_colors() else { return .none }
        guard start_color() != ERR else { return .none }
        defaultColorsAvailable = use_default_colors() != ERR
        colorPairLimit = Int(min(peat_color_pairs(), Int32(Int16.max)))
        let colors = peat_colors()
        switch colors {
        case 256...: return .xterm256
        case 16...: return .ansi16
        case 8...: return .ansi8
        default: return .none
        }
    }

    private func rendition(for style: Style) -> Rendition {
        if let r = renditions[style] { return r }
        var attributes = peat_a_normal()
        let a = style.attributes
        if a.contains(.bold) { attributes |= peat_a_bold() }
        if a.contains(.dim) { attributes |= peat_a_dim() }
        if a.contains(.reverse) { attributes |= peat_a_reverse() }
        if a.contains(.underline) { attributes |= peat_a_underline() }
        if a.contains(.italic) { attributes |= peat_a_italic() }
        if a.contains(.blink) { attributes |= peat_a_blink() }
        let r = Rendition(attributes: attributes, pair: colorPair(for: style))
        renditions[style] = r
        return r
    }

    /// The colour pair for the style's colours, allocated on first use; pair 0 (the
    /// terminal's defaults) when colour is off or the terminal ran out of pairs.
    private func colorPair(for style: Style) -> Int16 {
        let depth = capabilities.colors
        guard depth != .none else { return 0 }
        var fg = ColorMapping.cursesColor(style.foreground, depth: depth)
        var bg = ColorMapping.cursesColor(style.background, depth: depth)
        if fg == -1 && bg == -1 { return 0 }
        if !defaultColorsAvailable {
            if fg == -1 { fg = Int16(COLOR_WHITE) }
            if bg == -1 { bg = Int16(COLOR_BLACK) }
        }
        let key = ColorKey(foreground: fg, background: bg)
        if let pair = colorPairs[key] { return pair }
        guard Int(nextColorPair) < colorPairLimit, init_pair(nextColorPair, fg, bg) != ERR else { return 0 }
        colorPairs[key] = nextColorPair
        nextColorPair += 1
        return nextColorPair - 1
    }
}
