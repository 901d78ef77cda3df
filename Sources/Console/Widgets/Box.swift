/// A bordered pane with a title on the top edge (and optional text on the right of it).
public struct Box {
    /// Title spans, drawn after the top-left corner.
    public var title: [Span]
    /// Spans drawn at the right end of the top edge (e.g. "1-20 of 345").
    public var trailing: [Span]
    /// Focused boxes get the heavier border and the focus colour.
    public var focused: Bool

    public init(title: [Span], trailing: [Span] = [], focused: Bool = false) {
        self.title = title
        self.trailing = trailing
        self.focused = focused
    }

    /// Draws the border and titles into `rect`; returns the inner area.
    @discardableResult
    public func render(into rect: Rect, of buffer: inout Buffer, theme: Theme) -> Rect {
        guard rect.width >= 2, rect.height >= 1 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let g = theme.glyphs.box(focused: focused)
        let border = theme.style(focused ? .borderFocused : .border)
        let top = rect.y, bottom = rect.maxY - 1
        buffer.put(g.topLeft, x: rect.x, y: top, style: border)
        buffer.put(String(repeating: g.horizontal, count: rect.width - 2), x: rect.x + 1, y: top, style: border)
        buffer.put(g.topRight, x: rect.maxX - 1, y: top, style: border)
        if rect.height >= 2 {
            for y in (top + 1)..<bottom {
                buffer.put(g.vertical, x: rect.x, y: y, style: border)
                buffer.put(g.vertical, x: rect.maxX - 1, y: y, style: border)
            }
            buffer.put(g.bottomLeft, x: rect.x, y: bottom, style: border)
            buffer.put(String(repeating: g.horizontal, count: rect.width - 2), x: rect.x + 1, y: bottom, style: border)
            buffer.put(g.bottomRight, x: rect.maxX - 1, y: bottom, style: border)
        }
        // Title: " Title " from column 2; trailing text right-aligned, one cell from the corner.
        let room = rect.width - 4
        var trailingWidth = trailing.isEmpty ? 0 : trailing.width + 2
        if trailingWidth > 0, title.width + 2 + 1 + trailingWidth > room { trailingWidth = 0 }
        let titleRoom = room - (trailingWidth > 0 ? trailingWidth + 1 : 0)
        if !title.isEmpty, titleRoom > 2 {
            let titleStyle = theme.style(focused ? .titleFocused : .title)
            let spans = [Span(" ", titleStyle)] + title.map { Span($0.text, $0.style == .plain ? titleStyle : $0.style) } + [Span(" ", titleStyle)]
            buffer.put(spans, x: rect.x + 2, y: top, maxWidth: titleRoom, ellipsis: theme.glyphs.ellipsis)
        }
        if trailingWidth > 0 {
            let spans = [Span(" ", border)] + trailing + [Span(" ", border)]
            buffer.put(spans, x: rect.maxX - 2 - trailingWidth, y: top, maxWidth: trailingWidth)
        }
        let inner = rect.inset(by: 1)
        buffer.fill(inner)
        return inner
    }
}
