/// The characters views draw with: Unicode box drawing and block elements, or plain ASCII when
/// the locale is not UTF-8.
public struct Glyphs: Sendable, Hashable {
    /// True for the Unicode set.
    public let unicode: Bool

    /// The corners and sides of a box.
    public struct BoxSet: Sendable, Hashable {
        public let topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: String
    }

    public init(unicode: Bool) { self.unicode = unicode }

    /// The border of a box; focused boxes use heavier lines.
    public func box(focused: Bool) -> BoxSet {
        switch (unicode, focused) {
        case (true, false): return BoxSet(topLeft: "╭", topRight: "╮", bottomLeft: "╰", bottomRight: "╯", horizontal: "─", vertical: "│")
        case (true, true): return BoxSet(topLeft: "┏", topRight: "┓", bottomLeft: "┗", bottomRight: "┛", horizontal: "━", vertical: "┃")
        case (false, false): return BoxSet(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|")
        case (false, true): return BoxSet(topLeft: "#", topRight: "#", bottomLeft: "#", bottomRight: "#", horizontal: "=", vertical: "#")
        }
    }

    /// Sparkline steps from lowest to highest.
    public var sparkSteps: [String] {
        unicode ? ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] : [".", ":", "-", "=", "+", "*", "#"]
    }

    /// A full bar cell.
    public var barFull: String { unicode ? "█" : "#" }
    /// Partial bar cells, 1/8 … 7/8 (Unicode only; ASCII rounds to whole cells).
    public var barPartials: [String] { unicode ? ["▏", "▎", "▍", "▌", "▋", "▊", "▉"] : [] }
    /// The empty part of a bar.
    public var barEmpty: String { unicode ? "·" : "." }
    /// Marks text that was cut.
    public var ellipsis: String { unicode ? "…" : "~" }
    /// Never expires.
    public var infinity: String { unicode ? "∞" : "inf" }
    /// Separates header and footer segments.
    public var separator: String { unicode ? "│" : "|" }
    /// A light separator inside a line.
    public var dot: String { unicode ? "·" : "-" }
    /// A horizontal rule inside a pane.
    public var rule: String { unicode ? "─" : "-" }
    /// A value not known yet (a rate before any time has passed).
    public var unknown: String { unicode ? "–" : "-" }
    /// "asked → got".
    public var arrow: String { unicode ? "→" : "->" }
    /// Unacknowledged / acknowledged alert markers.
    public var alertMarker: String { unicode ? "●" : "!" }
    public var ackMarker: String { unicode ? "✓" : "v" }
    /// Text cursor while editing the filter.
    public var cursor: String { unicode ? "▏" : "_" }
    /// `text` as the glyph set can show it: in ASCII, the few non-ASCII characters the
    /// console's own messages use become ASCII look-alikes.
    public func plain(_ text: String) -> String {
        guard !unicode, text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        var out = ""
        for ch in text {
            switch ch {
            case "—", "–": out += "-"
            case "×": out += "x"
            case "→": out += "->"
            case "↔": out += "<->"
            case "·": out += "-"
            case "…": out += "~"
            case "↑": out += "Up"
            case "↓": out += "Down"
            case "←": out += "Left"
            case "⚠": out += "!"
            case "▲": out += "^"
            default: out.append(ch)
            }
        }
        return out
    }

    /// Running / paused indicators.
    public var running: String { unicode ? "▶" : ">" }
    public var paused: String { unicode ? "‖" : "||" }
}
