/// A one-row chart of recent values, newest at the right.
public struct Sparkline {
    public var values: [Int]
    /// The value drawn as the tallest step (values above are clamped); at least 1.
    public var maximum: Int
    public var style: Style

    public init(values: [Int], maximum: Int, style: Style) {
        self.values = values
        self.maximum = max(1, maximum)
        self.style = style
    }

    /// The characters for the last `width` values, right-aligned (blank where no history yet).
    public func text(width: Int, glyphs: Glyphs) -> String {
        guard width > 0 else { return "" }
        let steps = glyphs.sparkSteps
        let shown = values.suffix(width)
        var s = String(repeating: " ", count: width - shown.count)
        for v in shown {
            if v <= 0 { s += steps[0]; continue }
            let i = 1 + (min(v, maximum) * (steps.count - 1) - 1) / maximum
            s += steps[min(i, steps.count - 1)]
        }
        return s
    }

    /// Draws at (`x`, `y`) over `width` cells.
    public func render(x: Int, y: Int, width: Int, of buffer: inout Buffer, theme: Theme) {
        buffer.put(text(width: width, glyphs: theme.glyphs), x: x, y: y, style: style)
    }
}
