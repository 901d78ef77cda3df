/// A key press as the app sees it, independent of any terminal library.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// Control plus a letter, e.g. `.control("c")`.
    case control(Character)
    /// A key the backend could not name; its raw code is kept for the error count.
    case unknown(Int32)
    /// A click or a wheel turn (it comes with the keys, and key scripts can write it).
    case mouse(MouseEvent)

    /// The key's name as shown in help and the footer.
    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .control(let c): return "^" + String(c).uppercased()
        case .unknown(let code): return "key#\(code)"
        case .mouse(let m): return m.description
        }
    }
}

/// What the terminal's input side reports: a key, or something that happened to the terminal
/// or the process.
public enum TerminalEvent: Hashable, Sendable {
    /// A key press.
    case key(Key)
    /// The terminal changed size; the output's `size` has the new one.
    case resized
    /// The process was continued after a stop (SIGCONT: `fg` after Ctrl-Z, or a SIGSTOP
    /// ended). Whatever the screen shows now is unknown, so the app repaints it in full.
    case resumed
}

/// What the terminal can show, decided once when the backend starts.
public struct TerminalCapabilities: Hashable, Sendable {
    /// Colours available after `NO_COLOR` and the terminfo entry are taken into account.
    public var colors: ColorDepth
    /// True when the locale is UTF-8 (else views use ASCII borders and bars).
    public var unicode: Bool

    /// Capabilities with `colors` and, when `unicode` is false, ASCII drawing.
    public init(colors: ColorDepth, unicode: Bool) {
        self.colors = colors
        self.unicode = unicode
    }
}

/// The screen the app draws to. Implementations: the ncurses terminal (the only code that
/// touches the terminal library) and `MemoryBackend` (tests and `snapshot`).
///
/// All calls happen on one thread.
public protocol TerminalOutput: AnyObject {
    /// The current screen size.
    var size: Size { get }
    /// What the screen can show.
    var capabilities: TerminalCapabilities { get }
    /// Draws changed cells (not yet visible until `flush`).
    func draw(_ changes: [CellChange])
    /// Makes what was drawn visible.
    func flush()
    /// Forgets what is on screen so the next frame is drawn in full (after resize/resume).
    func invalidate()
    /// Carries out a request other than drawing (the clipboard); a terminal that cannot
    /// ignores it (the default).
    func perform(_ request: TerminalRequest)
}

/// Where the main loop waits for keys and terminal events.
///
/// All calls happen on one thread (the one that draws).
public protocol TerminalInput: AnyObject {
    /// Waits up to `timeoutMs` (0: do not wait) for the next event; nil on timeout.
    func nextEvent(timeoutMs: Int) -> TerminalEvent?
}

/// A whole terminal: a screen to draw to and the input that goes with it.
public typealias Backend = TerminalOutput & TerminalInput

/// An in-memory terminal: keeps the cells it is sent, reads events from a script.
public final class MemoryBackend: TerminalOutput, TerminalInput {
    /// The current screen size (`resize(to:)` changes it).
    public private(set) var size: Size
    /// What the screen can show, as given at creation.
    public let capabilities: TerminalCapabilities
    /// What the screen shows now.
    public private(set) var screen: Buffer
    /// Events still to be read, front first.
    public var pendingEvents: [TerminalEvent]
    /// How many `flush` calls were made (a frame each).
    public private(set) var flushCount = 0
    /// How many cells were drawn over the backend's life.
    public private(set) var cellsDrawn = 0
    /// The requests other than drawing it was given (the clipboard), oldest first.
    public private(set) var requests: [TerminalRequest] = []

    /// A blank screen of `size` whose input will deliver `keys`, in order.
    public init(size: Size, capabilities: TerminalCapabilities = .init(colors: .xterm256, unicode: true),
                keys: [Key] = []) {
        self.size = size
        self.capabilities = capabilities
        self.screen = Buffer(size: size)
        self.pendingEvents = keys.map(TerminalEvent.key)
    }

    /// The keys among the pending events; setting it replaces every pending event.
    public var pendingKeys: [Key] {
        get {
            pendingEvents.compactMap { if case .key(let k) = $0 { return k } else { return nil } }
        }
        set { pendingEvents = newValue.map(TerminalEvent.key) }
    }

    /// Changes the size as a terminal resize would (the screen is blank), queueing `.resized`.
    public func resize(to newSize: Size) {
        size = newSize
        screen = Buffer(size: newSize)
        pendingEvents.insert(.resized, at: 0)
    }

    /// A stop and a continue, as Ctrl-Z then `fg` would make them: while the process was
    /// stopped something else wrote over every cell (with `symbol`), then `.resumed` is queued.
    public func stopAndContinue(overwritingWith symbol: String = "$") {
        screen = Buffer(size: size, fill: Cell(symbol))
        pendingEvents.insert(.resumed, at: 0)
    }

    /// Keeps the changed cells.
    public func draw(_ changes: [CellChange]) {
        cellsDrawn += changes.count
        for c in changes { screen[c.x, c.y] = c.cell }
    }

    /// Counts a frame.
    public func flush() { flushCount += 1 }

    /// Records the request.
    public func perform(_ request: TerminalRequest) { requests.append(request) }

    /// Blanks the screen: nothing drawn before counts.
    public func invalidate() { screen = Buffer(size: size) }

    /// The next scripted event, never waiting.
    public func nextEvent(timeoutMs: Int) -> TerminalEvent? {
        pendingEvents.isEmpty ? nil : pendingEvents.removeFirst()
    }
}
