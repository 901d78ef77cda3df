/// What a piece of the screen is, independent of how it looks. Views ask the `Theme` for the
/// style of a role; the theme decides per colour depth.
public enum Role: CaseIterable, Sendable {
    case text, muted, emphasis
    case title, titleFocused, border, borderFocused
    case header, headerAccent, headerWarning
    case footerKey, footerText
    case status, error, good, warning
    case critical, high, normal, low
    case barTrack
    case alertUnacked, alertAcked
    case selection, selectionUnfocused
    case columnHeader
}

/// Roles → styles for one colour depth, plus the glyph set (Unicode or ASCII).
public struct Theme: Sendable {
    /// The colour depth the styles are made for.
    public let depth: ColorDepth
    /// Box drawing, bar and sparkline characters.
    public let glyphs: Glyphs

    /// A theme for what the terminal can show.
    public init(capabilities: TerminalCapabilities) {
        self.depth = capabilities.colors
        self.glyphs = Glyphs(unicode: capabilities.unicode)
    }

    /// The style of `role`.
    public func style(_ role: Role) -> Style {
        switch depth {
        case .xterm256: return Theme.xterm256(role)
        case .ansi16: return Theme.ansi16(role)
        case .ansi8: return Theme.ansi8(role)
        case .none: return Theme.mono(role)
        }
    }

    /// The style of a priority level's label, bar and pop-log letters.
    public func style(for level: PriorityLevelRole) -> Style {
        switch level {
        case .critical: return style(.critical)
        case .high: return style(.high)
        case .normal: return style(.normal)
        case .low: return style(.low)
        }
    }

    private static func fg(_ c: UInt8, _ a: Attributes = []) -> Style {
        Style(foreground: .palette(c), attributes: a)
    }

    private static func xterm256(_ role: Role) -> Style {
        switch role {
        case .text: return .plain
        case .muted: return fg(245)
        case .emphasis: return fg(255, .bold)
        case .title: return fg(252, .bold)
        case .titleFocused: return fg(81, .bold)
        case .border: return fg(240)
        case .borderFocused: return fg(81, .bold)
        case .header: return Style(foreground: .palette(252), background: .palette(236))
        case .headerAccent: return Style(foreground: .palette(81), background: .palette(236), attributes: .bold)
        case .headerWarning: return Style(foreground: .palette(214), background: .palette(236), attributes: .bold)
        case .footerKey: return Style(foreground: .palette(16), background: .palette(81), attributes: .bold)
        case .footerText: return fg(250)
        case .status: return fg(250)
        case .error: return fg(203, .bold)
        case .good: return fg(114)
        case .warning: return fg(214)
        case .critical: return fg(196, .bold)
        case .high: return fg(208)
        case .normal: return fg(75)
        case .low: return fg(114)
        case .barTrack: return fg(238)
        case .alertUnacked: return fg(196, .bold)
        case .alertAcked: return fg(243)
        case .selection: return Style(foreground: .palette(16), background: .palette(81))
        case .selectionUnfocused: return Style(foreground: .palette(252), background: .palette(238))
        case .columnHeader: return fg(245, .underline)
        }
    }

    private static func ansi16(_ role: Role) -> Style {
        switch role {
        case .text: return .plain
        case .muted: return Style(foreground: .brightBlack)
        case .emphasis: return Style(foreground: .brightWhite, attributes: .bold)
        case .title: return Style(attributes: .bold)
        case .titleFocused: return Style(foreground: .brightCyan, attributes: .bold)
        case .border: return Style(foreground: .brightBlack)
        case .borderFocused: return Style(foreground: .brightCyan, attributes: .bold)
        case .header: return Style(foreground: .black, background: .white)
        case .headerAccent: return Style(foreground: .blue, background: .white, attributes: .bold)
        case .headerWarning: return Style(foreground: .red, background: .white, attributes: .bold)
        case .footerKey: return Style(foreground: .black, background: .cyan, attributes: .bold)
        case .footerText: return .plain
        case .status: return .plain
        case .error: return Style(foreground: .brightRed, attributes: .bold)
        case .good: return Style(foreground: .brightGreen)
        case .warning: return Style(foreground: .brightYellow)
        case .critical: return Style(foreground: .brightRed, attributes: .bold)
        case .high: return Style(foreground: .brightYellow)
        case .normal: return Style(foreground: .brightCyan)
        case .low: return Style(foreground: .green)
        case .barTrack: return Style(foreground: .brightBlack)
        case .alertUnacked: return Style(foreground: .brightRed, attributes: .bold)
        case .alertAcked: return Style(foreground: .brightBlack)
        case .selection: return Style(foreground: .black, background: .cyan)
        case .selectionUnfocused: return Style(attributes: .reverse)
        case .columnHeader: return Style(attributes: .underline)
        }
    }

    private static func ansi8(_ role: Role) -> Style {
        switch role {
        case .text, .footerText, .status: return .plain
        case .muted, .alertAcked, .barTrack: return Style(attributes: .dim)
        case .emphasis, .title: return Style(attributes: .bold)
        case .titleFocused, .borderFocused: return Style(foreground: .cyan, attributes: .bold)
        case .border: return .plain
        case .header: return Style(foreground: .black, background: .white)
        case .headerAccent: return Style(foreground: .blue, background: .white, attributes: .bold)
        case .headerWarning: return Style(foreground: .red, background: .white, attributes: .bold)
        case .footerKey: return Style(foreground: .black, background: .cyan)
        case .error, .critical, .alertUnacked: return Style(foreground: .red, attributes: .bold)
        case .good, .low: return Style(foreground: .green)
        case .warning, .high: return Style(foreground: .yellow)
        case .normal: return Style(foreground: .cyan)
        case .selection: return Style(foreground: .black, background: .cyan)
        case .selectionUnfocused: return Style(attributes: .reverse)
        case .columnHeader: return Style(attributes: .underline)
        }
    }

    /// No colours: bold, reverse and dim only.
    private static func mono(_ role: Role) -> Style {
        switch role {
        case .text, .footerText, .status, .normal, .border, .good: return .plain
        case .muted, .alertAcked, .barTrack, .low: return Style(attributes: .dim)
        case .emphasis, .title, .high, .warning, .borderFocused: return Style(attributes: .bold)
        case .titleFocused: return Style(attributes: [.bold, .reverse])
        case .header, .footerKey, .selection: return Style(attributes: .reverse)
        case .headerAccent, .headerWarning: return Style(attributes: [.reverse, .bold])
        case .error, .critical, .alertUnacked: return Style(attributes: [.bold, .underline])
        case .selectionUnfocused: return Style(attributes: [.reverse, .dim])
        case .columnHeader: return Style(attributes: .underline)
        }
    }
}

/// The four priority levels as theme roles (kept separate from the core's `PriorityLevel` so
/// widgets can be tested without events).
public enum PriorityLevelRole: Int, CaseIterable, Sendable {
    case critical = 0, high, normal, low
}
