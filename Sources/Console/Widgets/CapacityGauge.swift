/// A capacity gauge: how much of a budget is left (a token bucket). Full is good, so it must
/// not look like a `Bar`, where full means trouble: the gauge is a thin line (`━━━╸───`, in
/// ASCII `===-----`) in the good colour, against the block bars (`███▌···`, `##...`) of
/// queues and load.
public struct CapacityGauge {
    public var value: Int
    public var maximum: Int

    public init(value: Int, maximum: Int) {
        self.value = value
        self.maximum = maximum
    }

    /// The filled length in half cells (any non-zero value shows at least a half).
    public func halves(width: Int) -> Int {
        guard maximum > 0, value > 0, width > 0 else { return 0 }
        let v = min(value, maximum)
        return max(1, (v * width * 2 + maximum / 2) / maximum)
    }

    /// Draws the gauge at (`x`, `y`) over `width` cells.
    public func render(x: Int, y: Int, width: Int, of buffer: inout Buffer, theme: Theme) {
        guard width > 0 else { return }
        let g = theme.glyphs
        let h = halves(width: width)
        var full = h / 2
        var half = h % 2 == 1
        if !g.unicode, half { full += 1; half = false }
        full = min(full, width)
        var col = x
        let style = theme.style(.good)
        if full > 0 { col += buffer.put(String(repeating: g.gaugeFull, count: full), x: col, y: y, style: style) }
        if half, col < x + width { col += buffer.put(g.gaugeHalf, x: col, y: y, style: style) }
        let rest = x + width - col
        if rest > 0 { buffer.put(String(repeating: g.gaugeEmpty, count: rest), x: col, y: y, style: theme.style(.barTrack)) }
    }
}

extension Glyphs {
    /// A full cell of a capacity gauge (unlike `barFull`: a line, not a block).
    public var gaugeFull: String { unicode ? "━" : "=" }
    /// Half a cell of a capacity gauge (Unicode only; ASCII rounds up).
    public var gaugeHalf: String { unicode ? "╸" : "=" }
    /// The empty part of a capacity gauge.
    public var gaugeEmpty: String { unicode ? "─" : "-" }
}
