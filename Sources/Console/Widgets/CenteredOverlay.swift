/// A box of lines centred over the screen, as big as its lines need (at least 44 columns, at
/// most the area): the `E` input overlay and the `W` warnings list.
public struct CenteredOverlay {
    /// The box's title.
    public var title: String
    /// What the box's top-right corner says closes it (e.g. "q, W or Esc closes").
    public var closeHint: String
    /// The lines, top to bottom (cut with an ellipsis where wider than the box).
    public var lines: [[Span]]

    public init(title: String, closeHint: String, lines: [[Span]]) {
        self.title = title
        self.closeHint = closeHint
        self.lines = lines
    }

    /// Draws the box, centred in `area`.
    public func render(into area: Rect, of buffer: inout Buffer, theme: Theme) {
        let width = min(area.width, max(44, (lines.map(\.width).max() ?? 0) + 4))
        let height = min(area.height, lines.count + 2)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2,
                        width: width, height: height)
        let inner = Box(title: [Span(title)], trailing: [Span(closeHint, theme.style(.muted))], focused: true)
            .render(into: rect, of: &buffer, theme: theme)
        buffer.fill(inner, with: Cell(" "))
        for (row, line) in lines.prefix(inner.height).enumerated() {
            buffer.put(line, x: inner.x + 1, y: inner.y + row, maxWidth: max(0, inner.width - 2), ellipsis: theme.glyphs.ellipsis)
        }
    }
}
