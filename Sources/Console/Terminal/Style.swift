/// A colour as a terminal understands it.
///
/// Views use the roles of a `Theme`; the backend degrades what it is given to what the
/// terminal can show (256 → 16 → 8 → none).
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    /// An xterm palette index: 0–7 the ANSI colours, 8–15 their bright forms, 16–255 the
    /// 6×6×6 cube and the grey ramp.
    case palette(UInt8)

    public static let black = Color.palette(0)
    public static let red = Color.palette(1)
    public static let green = Color.palette(2)
    public static let yellow = Color.palette(3)
    public static let blue = Color.palette(4)
    public static let magenta = Color.palette(5)
    public static let cyan = Color.palette(6)
    public static let white = Color.palette(7)
    public static let brightBlack = Color.palette(8)
    public static let brightRed = Color.palette(9)
    public static let brightGreen = Color.palette(10)
    public static let brightYellow = Color.palette(11)
    public static let brightBlue = Color.palette(12)
    public static let brightMagenta = Color.palette(13)
    public static let brightCyan = Color.palette(14)
    public static let brightWhite = Color.palette(15)
}

/// Text attributes.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let reverse = Attributes(rawValue: 1 << 2)
    public static let underline = Attributes(rawValue: 1 << 3)
    public static let italic = Attributes(rawValue: 1 << 4)
    public static let blink = Attributes(rawValue: 1 << 5)
}

/// Foreground, background and attributes of a cell.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default look.
    public static let plain = Style()

    /// This style with `attributes` added.
    public func adding(_ attributes: Attributes) -> Style {
        var s = self
        s.attributes.formUnion(attributes)
        return s
    }
}

/// How many colours the terminal shows, decided once at start-up (and by `NO_COLOR`).
public enum ColorDepth: Int, Hashable, Sendable, Comparable, CaseIterable {
    case none = 0
    case ansi8 = 8
    case ansi16 = 16
    case xterm256 = 256

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
}
