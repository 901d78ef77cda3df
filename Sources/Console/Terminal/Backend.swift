/// A key press (or terminal event) as the app sees it, independent of any terminal library.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// Control plus a letter, e.g. `.control("c")`.
    case control(Character)
    /// The terminal changed size (the backend reports the new size separately).
    case resize
    /// A key the backend could not name; its raw code is kept for the error count.
    case unknown(Int32)

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
        case .resize: return "resize"
        case .unknown(let code): return "key#\(code)"
        }
    }
}

/// What the terminal can show, decided once when the backend starts.
public struct TerminalCapabilities: Hashable, Sendable {
    /// Colours available after `NO_COLOR` and the terminfo entry are taken into account.
    public var colors: ColorDepth
    /// True when the locale is UTF-8 (else views use ASCII borders and bars).
    public var unicode: Bool

    public init(colors: ColorDepth, unicode: Bool) {
        self.colors = colors
        self.unicode = unicode
    }
}

/// The screen the main loop draws to. Implementations: the ncurses backend (the only code
/// that touches the terminal library) and `MemoryBackend` (tests and `snapshot`).
///
/// All calls happen on one thread.
public protocol Backend: AnyObject {
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
    /// Waits up to `timeoutMs` for a key; nil on timeout.
    func readKey(timeoutMs: Int) -> Key?
}

/// An in-memory screen: keeps the cells it is sent, reads keys from a script.
public final class MemoryBackend: Backend {
    public private(set) var size: Size
    public let capabilities: TerminalCapabilities
    /// What the screen shows now.
    public private(set) var screen: Buffer
    /// Keys still to be read, front first.
    public var pendingKeys: [Key]
    /// How many `flush` calls were made (a frame each).
    public private(set) var flushCount = 0
    /// How many cells were drawn over the backend's life.
    public private(set) var cellsDrawn = 0

    public init(size: Size, capabilities: TerminalCapabilities = .init(colors: .xterm256, unicode: true),
                keys: [Key] = []) {
        self.size = size
        self.capabilities = capabilities
        self.screen = Buffer(size: size)
        self.pendingKeys = keys
    }

    /// Changes the size as a terminal resize would, queueing a `.resize` key.
    public func resize(to newSize: Size) {
        size = newSize
        screen = Buffer(size: newSize)
        pendingKeys.insert(.resize, at: 0)
    }

    public func draw(_ changes: [CellChange]) {
        cellsDrawn += changes.count
        for c in changes { screen[c.x, c.y] = c.cell }
    }

    public func flush() { flushCount += 1 }

    public func invalidate() { screen = Buffer(size: size) }

    public func readKey(timeoutMs: Int) -> Key? {
        pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
    }
}
