/// The status line: the last message on the left, error and unknown-key counts on the right.
public enum StatusView {
    public static func render(_ state: AppState, into rect: Rect, of buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let theme = Theme(capabilities: state.capabilities)
        let muted = theme.style(.muted)
        var right: [Span] = []
        if state.core.errors > 0 { right += [Span("errors ", muted), Span("\(state.core.errors)", theme.style(.error))] }
        if let n = state.core.stream?.errors.total, n > 0 {
            if !right.isEmpty { right.append(Span("  ")) }
            right += [Span("bad input ", muted), Span("\(n)", theme.style(.error)), Span(" (E)", muted)]
        }
        if state.unknownKeys > 0 {
            if !right.isEmpty { right.append(Span("  ")) }
            right += [Span("unknown keys ", muted), Span("\(state.unknownKeys)", theme.style(.warning))]
        }
        let rightWidth = right.width
        let leftRoom = rect.width - 1 - (rightWidth > 0 ? rightWidth + 2 : 0)
        let left: [Span]
        if let s = state.status {
            left = [Span(theme.glyphs.plain(s.text), theme.style(s.isError ? .error : .status))]
        } else if state.filterDraft != nil {
            left = [Span("filtering by type: type text, Enter applies, Esc cancels", muted)]
        } else if let w = state.core.warnings.shown(now: state.now, settings: state.warningSettings).first, KeyMap.context(of: state) == .panes {
            // The first warning's one-line reason (W lists them all).
            let count = state.core.warnings.shown(now: state.now, settings: state.warningSettings).count
            left = WarningsView.line(w, now: state.now, theme: theme) + (count > 1 ? [Span(" (W: \(count))", muted)] : [])
        } else if KeyMap.context(of: state) != .panes {
            left = []  // the footer lists this view's keys
        } else {
            left = [Span("Tab switches panes \(theme.glyphs.dot) Enter opens an event \(theme.glyphs.dot) ? lists every key", muted)]
        }
        buffer.put(left, x: rect.x + 1, y: rect.y, maxWidth: max(0, leftRoom), ellipsis: theme.glyphs.ellipsis)
        if rightWidth > 0, rightWidth < rect.width - 2 {
            buffer.put(right, x: rect.maxX - 1 - rightWidth, y: rect.y, maxWidth: rightWidth)
        }
    }
}
