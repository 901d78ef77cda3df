import PeatEvents

/// Every field of one event, over the pane area; `Esc` closes it, `j`/`k` scroll.
public enum DetailView {
    /// The lines shown for `event` at time `now` (label, value) — payload lines have no label.
    /// `waits`: its own wait in the queue (emit → pop) and on the link (pop → sent), in
    /// milliseconds, when it was popped (or sent) and the model kept them.
    public static func lines(_ e: PeatEvent, now: UInt64, theme: Theme, waits: (queue: UInt64?, link: UInt64?) = (nil, nil)) -> [[Span]] {
        let muted = theme.style(.muted)
        let g = theme.glyphs
        func field(_ label: String, _ value: [Span]) -> [Span] { [Span(TextWidth.pad(label, to: 14), muted)] + value }
        func text(_ s: String, _ style: Style = .plain) -> [Span] { [Span(s, style)] }
        let ts = e.timestamp
        var out: [[Span]] = [
            field("id", text(e.eventID, theme.style(.emphasis))),
            field("timestamp", text(Format.iso8601(seconds: ts.seconds, nanos: ts.nanos)) + [Span("  (\(EventTime.ago(e, now: now)))", muted)]),
            field("source node", text(e.sourceNodeID)),
            field("formation", text(e.sourceFormationID)),
            field("instance", e.hasSourceInstanceID ? text(e.sourceInstanceID) : text("(none)", muted)),
            field("class", text(Names.eventClass(e.eventClass))),
            field("type", text(e.eventType, theme.style(.emphasis))),
        ]
        if e.hasRouting {
            let r = e.routing
            let ttl = EventTime.ttlLeft(e, now: now, glyphs: g)
            out.append(field("propagation", text(Names.propagation(r.propagation))
                             + [Span(e.isStoredLocally ? "  (kept in the local store)" : "  (queued for the parent tier)", muted)]))
            out.append(field("priority", text(Names.priority(r.priority), theme.style(level: e.priorityLevel))))
            if let q = waits.queue {
                let link = waits.link.map { "  on the link " + QueueDelays.format(millis: $0) } ?? "  (not sent yet)"
                out.append(field("waited", text("in the queue " + QueueDelays.format(millis: q), theme.style(.emphasis)) + [Span(link, muted)]))
            }
            out.append(field("ttl", r.ttlSeconds == 0 ? text("0 (never expires)") :
                                text("\(r.ttlSeconds) s") + [Span(ttl.expired ? "  (expired)" : "  (\(ttl.text) left)", ttl.expired ? theme.style(.warning) : muted)]))
            out.append(field("window", text("\(r.aggregationWindowMs) ms")))
        } else {
            out.append(field("routing", text("(none: FULL, NORMAL)", muted)))
        }
        out.append(field("payload type", text(e.payloadTypeURL.isEmpty ? "(none)" : e.payloadTypeURL)))
        out.append(field("size", text("\(e.encodedSize) bytes") + [Span("  (encoded: what it costs on the link)", muted)]))
        let payload = e.payloadValue
        if let s = Format.printableText(payload) {
            out.append(field("payload", text("\(payload.count) bytes, UTF-8 text", muted)))
            for l in s.split(separator: "\n", omittingEmptySubsequences: false) { out.append([Span("  " + l)]) }
        } else {
            out.append(field("payload", text("\(payload.count) bytes, binary (hex)", muted)))
            for l in Format.hexDump(payload) { out.append([Span("  " + l)]) }
        }
        return out
    }

    public static func render(_ state: AppState, into rect: Rect, of buffer: inout Buffer) {
        guard let e = state.detail else { return }
        let theme = Theme(capabilities: state.capabilities)
        let box = Box(title: [Span("Event \(e.eventID)")], trailing: [Span("Esc back \(theme.glyphs.dot) j/k scroll", theme.style(.muted))], focused: true)
        let inner = box.render(into: rect, of: &buffer, theme: theme)
        guard inner.height > 0 else { return }
        let delays = state.core.delays
        let all = lines(e, now: state.now, theme: theme,
                        waits: (delays.criticalWait(e.eventID, at: .queue), delays.criticalWait(e.eventID, at: .link)))
        let scroll = min(state.detailScroll, max(0, all.count - inner.height))
        for (i, l) in all.dropFirst(scroll).prefix(inner.height).enumerated() {
            buffer.put(l, x: inner.x + 1, y: inner.y + i, maxWidth: inner.width - 2, ellipsis: theme.glyphs.ellipsis)
        }
    }
}
