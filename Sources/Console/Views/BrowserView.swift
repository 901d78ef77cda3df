import Foundation
import PeatEvents

/// Pane 3: the local store (QUERY/LOCAL events), newest first, filterable by type with `/`.
public enum BrowserView {
    public static func box(_ state: AppState) -> Box {
        let theme = Theme(capabilities: state.capabilities)
        var title = [Span("Local telemetry")]
        if let draft = state.filterDraft {
            title.append(Span(" /" + draft + theme.glyphs.cursor, theme.style(.warning)))
        } else if !state.filter.isEmpty {
            title.append(Span(" \(theme.glyphs.dot) type~\"\(state.filter)\"", theme.style(.warning)))
        }
        let total = state.core.browserTotal
        let trailing: [Span]
        if total == 0 { trailing = [Span("\(Names.count(state.core.localCount)) stored", theme.style(.muted))] }
        else if state.focus == .browser { trailing = [Span("\(Names.count(state.browserList.selected + 1))/\(Names.count(total))", theme.style(.muted))] }
        else { trailing = [Span("\(Names.count(total)) events", theme.style(.muted))] }
        return Box(title: title, trailing: trailing, focused: state.focus == .browser)
    }

    static let columns = [
        Column("TYPE", width: 19),
        Column("CLASS", width: 9, dropOrder: 1),
        Column("AGE", width: 4, alignment: .right),
        Column("TTL LEFT", width: 8, alignment: .right),
        Column("EVENT ID", width: 11, dropOrder: 3),
        Column("PAYLOAD", width: 10, flexible: true, dropOrder: 2),
    ]

    public static func render(_ state: AppState, into rect: Rect, of buffer: inout Buffer) {
        let theme = Theme(capabilities: state.capabilities)
        let inner = box(state).render(into: rect, of: &buffer, theme: theme)
        guard inner.height > 0 else { return }
        let c = state.core
        let skip = max(0, state.browserList.scroll - c.browserOffset)
        let rows = c.browserRows.dropFirst(skip).prefix(max(0, inner.height - 1)).map { row($0, state: state, theme: theme) }
        let empty = !state.effectiveFilter.isEmpty ? "nothing matches \"\(state.effectiveFilter)\"" : "local store empty (t injects telemetry)"
        let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        Table(columns: columns, rows: Array(rows),
              selected: state.focus == .browser ? state.browserList.selected - state.browserList.scroll : nil,
              focused: state.focus == .browser, emptyText: empty)
            .render(into: area, of: &buffer, theme: theme)
    }

    static func row(_ e: PeatEvent, state: AppState, theme: Theme) -> TableRow {
        let ttl = EventTime.ttlLeft(e, now: state.now, glyphs: theme.glyphs)
        let muted = theme.style(.muted)
        return TableRow([
            [Span(e.eventType)],
            [Span(Names.eventClassShort(e.eventClass), muted)],
            [Span(Format.age(EventTime.age(e, now: state.now)))],
            [Span(ttl.text, ttl.expired ? theme.style(.warning) : muted)],
            [Span(e.eventID, muted)],
            [Span(payloadPreview(e), theme.style(.text))],
        ])
    }

    /// The payload on one line: the text when printable UTF-8 (without a leading
    /// "<metric>=" that repeats the type), else "<n bytes>".
    static func payloadPreview(_ e: PeatEvent) -> String {
        if var s = Format.printableText(e.payloadValue) {
            if let dot = e.eventType.lastIndex(of: "."), s.hasPrefix(e.eventType[e.eventType.index(after: dot)...] + "=") {
                s.removeFirst(e.eventType.distance(from: dot, to: e.eventType.endIndex))
            }
            return s.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r", with: " ")
        }
        return "<\(e.payloadValue.count) bytes>"
    }
}
