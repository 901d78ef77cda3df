/// A horizontal bar: `value / maximum` of `width` cells filled, the rest shown as a track.
public struct Bar {
    public var value: Int
    public var maximum: Int
    public var style: Style

    public init(value: Int, maximum: Int, style: Style) {
        self.value = value
        self.maximum = maximum
        self.style = style
    }

    /// The filled length in eighths of a cell (any non-zero value shows at least one eighth).
    public func eighths(width: Int) -> Int {
        guard maximum > 0, value > 0, width > 0 else { return 0 }
        let v = min(value, maximum)
        return max(1, (v * width * 8 + maximum / 2) / maximum)
    }

    /// Draws the bar at (`x`, `y`) over `width` cells.
    public func render(x: Int, y: Int, width: Int, of buffer: inout Buffer, theme: Theme) {
        guard width > 0 else { return }
        let g = theme.glyphs
        let e = eighths(width: width)
        var full = e / 8
        var partial = ""
        if g.unicode {
            if e % 8 > 0 { partial = g.barPartials[e % 8 - 1] }
        } else if e % 8 >= 4 || (full == 0 && e > 0) {
            full += 1
        }
        full = min(full, width)
        var col = x
        if full > 0 { col += buffer.put(String(repeating: g.barFull, count: full), x: col, y: y, style: style) }
        if !partial.isEmpty, col < x + width { col += buffer.put(partial, x: col, y: y, style: style) }
        let rest = x + width - col
        if rest > 0 { buffer.put(String(repeating: g.barEmpty, count: rest), x: col, y: y, style: theme.style(.barTrack)) }
    }
}
