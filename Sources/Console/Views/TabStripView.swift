/// The tab strip of a small screen: the four panes by name with a live count each, the shown
/// one highlighted, and how to switch ("Tab →") on the right when there is room.
///
/// ` Queue 80 │ Alerts ●1 │ Telemetry 60 │ Pop log 58            Tab → `
public enum TabStripView {
    public static func render(_ state: AppState, into rect: Rect, of buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let theme = Theme(capabilities: state.capabilities)
        buffer.fill(rect)
        let hint = [Span(theme.glyphs.plain("Tab →"), theme.style(.muted))]
        var spans = line(state, theme: theme, badges: true)
        if spans.width > rect.width { spans = line(state, theme: theme, badges: false) }
        buffer.put(spans, x: rect.x, y: rect.y, maxWidth: rect.width, ellipsis: theme.glyphs.ellipsis)
        if spans.width + 2 + hint.width <= rect.width {
            buffer.put(hint, x: rect.maxX - 1 - hint.width, y: rect.y, maxWidth: hint.width)
        }
    }

    /// The tabs in pane order, with or without their counts.
    static func line(_ state: AppState, theme: Theme, badges: Bool) -> [Span] {
        var spans: [Span] = []
        for pane in Pane.allCases {
            if !spans.isEmpty { spans.append(Span(theme.glyphs.separator, theme.style(.border))) }
            let shown = pane == state.focus
            let nameStyle = shown ? theme.style(.selection) : theme.style(.title)
            spans.append(Span(" " + pane.tabTitle, nameStyle))
            if badges, let badge = badge(pane, state: state, theme: theme) {
                spans.append(Span(" " + badge.text, shown ? nameStyle : badge.style))
            }
            spans.append(Span(" ", nameStyle))
        }
        return spans
    }

    /// What each pane counts: queued events, unacknowledged alerts (else all alerts), stored
    /// events, pop steps.
    static func badge(_ pane: Pane, state: AppState, theme: Theme) -> Span? {
        let c = state.core
        let muted = theme.style(.muted)
        switch pane {
        case .queue: return Span(Names.count(c.pending), c.pending > 0 ? theme.style(.emphasis) : muted)
        case .alerts:
            if c.unacknowledged > 0 { return Span(theme.glyphs.alertMarker + Names.count(c.unacknowledged), theme.style(.alertUnacked)) }
            return Span(Names.count(c.alerts.count), muted)
        case .browser: return Span(Names.count(c.localCount), muted)
        case .popLog: return Span(Names.count(c.popLog.first?.number ?? 0), muted)
        }
    }
}
