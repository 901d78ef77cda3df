import PeatEvents

/// Pane 2: critical alerts, newest first; unacknowledged ones stand out until `x`.
public enum AlertsView {
    public static func box(_ state: AppState) -> Box {
        let theme = Theme(capabilities: state.capabilities)
        let node = state.core
        // Every critical received is accounted for: those that fell off the kept list count
        // in the total and, never acknowledged, among the unacknowledged.
        let n = node.unacknowledged + node.alertsDroppedUnacknowledged
        var title = [Span("Critical alerts")]
        if n > 0 { title.append(Span(" \(theme.glyphs.dot) \(Names.count(n)) unacked", theme.style(.alertUnacked))) }
        let kept = node.alerts.count
        var text = state.focus == .alerts && kept > 0 ? "\(Names.count(state.alertsList.selected + 1))/\(Names.count(kept))" : "\(Names.count(kept)) total"
        if node.alertsDropped > 0 {
            text = (state.focus == .alerts && kept > 0 ? text + " kept" : "\(Names.count(kept)) kept") + " of \(Names.count(node.alertsReceived))"
        }
        let trailing = kept == 0 && node.alertsDropped == 0 ? [] : [Span(text, theme.style(node.alertsDropped > 0 ? .warning : .muted))]
        return Box(title: title, trailing: trailing, focused: state.focus == .alerts)
    }

    static let columns = [
        Column("", width: 1),
        Column("AGE", width: 4, alignment: .right),
        Column("TYPE", width: 18, flexible: true),
        Column("SOURCE", width: 12, flexible: true, dropOrder: 2),
        Column("EVENT ID", width: 11, dropOrder: 3),
        Column("LINK", width: 6, dropOrder: 1),  // where the alert is: kept the longest
    ]

    /// The columns for `alerts` (the rows shown), and whether the types lose their
    /// `critical.` prefix. The type is the most telling column, so it is shown whole
    /// (`critical.fratricide_risk`) while the source is cut, or dropped, first; where even
    /// then a type would be cut (a narrow pane keeps the link column), the types drop the
    /// `critical.` the pane's title already says (`fratricide_risk`), rather than their end.
    static func columns(for alerts: some Sequence<AlertRecord>, width: Int) -> (columns: [Column], bare: Bool) {
        var c = columns
        c[2].wholeWidth = alerts.reduce(0) { max($0, TextWidth.of($1.event.eventType)) }
        let typeWidth = Table.layout(c, width: width).first { $0.index == 2 }?.width ?? 0
        guard typeWidth < c[2].wholeWidth ?? 0 else { return (c, false) }
        c[2].wholeWidth = alerts.reduce(0) { max($0, TextWidth.of(bareType($1.event.eventType))) }
        return (c, true)
    }

    /// An alert type without the `critical.` prefix.
    static func bareType(_ type: String) -> String {
        type.hasPrefix(criticalPrefix) && type.count > criticalPrefix.count ? String(type.dropFirst(criticalPrefix.count)) : type
    }

    static let criticalPrefix = "critical."

    public static func render(_ state: AppState, into rect: Rect, of buffer: inout Buffer) {
        let theme = Theme(capabilities: state.capabilities)
        let inner = box(state).render(into: rect, of: &buffer, theme: theme)
        guard inner.height > 0 else { return }
        let list = state.alertsList
        let shown = state.core.alerts.dropFirst(list.scroll).prefix(max(0, inner.height - 1))
        let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let (columns, bare) = columns(for: shown, width: area.width)
        let rows = shown.map { row($0, state: state, theme: theme, bareType: bare) }
        Table(columns: columns, rows: Array(rows), selected: state.focus == .alerts ? list.selected - list.scroll : nil,
              focused: state.focus == .alerts, emptyText: "no critical alerts (1 injects one)")
            .render(into: area, of: &buffer, theme: theme)
    }

    /// Where the alert is on its way out: "queued" (outbound queue), "link" (popped, waiting
    /// for the link's tokens), "sent" (transmitted), "lost" (dropped by a full link queue).
    static func linkCell(_ a: AlertRecord, other: Style, theme: Theme) -> [Span] {
        let (text, role): (String, Role)
        switch (a.sent, a.linkFate) {
        case (false, _): (text, role) = ("queued", .warning)
        case (true, .waiting?): (text, role) = ("link", .warning)
        case (true, .dropped?): (text, role) = ("lost", .error)
        case (true, _): (text, role) = ("sent", .good)
        }
        return [Span(text, a.acknowledged && role != .error ? other : theme.style(role))]
    }

    static func row(_ a: AlertRecord, state: AppState, theme: Theme, bareType: Bool = false) -> TableRow {
        let e = a.event
        let main = theme.style(a.acknowledged ? .alertAcked : .alertUnacked)
        let other = theme.style(a.acknowledged ? .alertAcked : .text)
        let source = e.hasSourceInstanceID ? e.sourceNodeID + "/" + e.sourceInstanceID : e.sourceNodeID
        return TableRow([
            [Span(a.acknowledged ? theme.glyphs.ackMarker : theme.glyphs.alertMarker, main)],
            [Span(Format.age(EventTime.age(e, now: state.now)), other)],
            [Span(bareType ? AlertsView.bareType(e.eventType) : e.eventType, main)],
            [Span(source, other)],
            [Span(e.eventID, a.acknowledged ? other : theme.style(.muted))],
            linkCell(a, other: other, theme: theme),
        ])
    }
}
