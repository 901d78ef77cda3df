import PeatEvents

/// The title bar: app name, node and formation, policy, scenario, rates, run state.
public enum HeaderView {
    public static func render(_ state: AppState, into rect: Rect, of buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let theme = Theme(capabilities: state.capabilities)
        let g = theme.glyphs
        let base = theme.style(.header)
        let accent = theme.style(.headerAccent)
        buffer.fill(rect, with: Cell(" ", style: base))
        let c = state.core
        // (spans, drop rank: higher goes first when narrow)
        var segments: [([Span], Int)] = [
            ([Span(state.nodeID, accent), Span(" @ ", base), Span(state.formationID, accent)], 0),
            ([Span("policy ", base), Span(c.policy.description, accent)], 2),
            (state.scenario == .demo ? [Span("demo", accent), Span(" seed \(state.seed)", base)]
                : [Span("scenario ", base), Span(state.scenario.rawValue, accent)], c.stream == nil ? 3 : 5),
            ([Span("in ", base), Span(Format.rate(c.emittedRate), accent), Span("/s out ", base),
              Span(Format.rate(c.poppedRate), accent), Span("/s", base)], 1),
            ([Span("batch ", base), Span("\(state.batchSize)", accent)], 4),
        ]
        if let s = c.stream {
            // The live input: "src: stdin ended · 12,345 events · 3 errors".
            let n = s.errors.total
            segments.insert(([Span("src: \(g.plain(s.label)) ", base),
                              Span(s.phase.description, s.phase == .receiving ? accent : theme.style(.headerWarning)),
                              Span(" \(g.dot) \(StreamStatus.grouped(s.events)) events \(g.dot) ", base),
                              Span("\(StreamStatus.grouped(n)) error\(n == 1 ? "" : "s")", n > 0 ? theme.style(.headerWarning) : base)], 0), at: 1)
        }
        if state.paused {
            segments.append(([Span(g.paused + " PAUSED", theme.style(.headerWarning))], 0))
        } else if state.autoDrain {
            segments.append(([Span(g.running + " auto-drain \(state.linkRate)/s", accent)], 0))
        } else {
            segments.append(([Span("auto-drain off", base)], 0))
        }
        let title = [Span(" PeatConsole", accent)]
        let sep = Span(" \(g.separator) ", base)
        func width(_ segs: [([Span], Int)]) -> Int { title.width + segs.reduce(0) { $0 + $1.0.width + sep.width } }
        while width(segments) > rect.width, let worst = segments.indices.max(by: { segments[$0].1 < segments[$1].1 }), segments[worst].1 > 0 {
            segments.remove(at: worst)
        }
        var spans = title
        for (s, _) in segments { spans.append(sep); spans += s }
        buffer.put(spans, x: rect.x, y: rect.y, maxWidth: rect.width, ellipsis: g.ellipsis)
    }
}
