import PeatEvents

/// The title bar: app name, node and formation, policy, scenario, rates, link, run state.
///
/// Node, policy and run state are always shown (the policy is the key fact when demoing
/// scheduling). When the bar is too narrow, the nice-to-have segments go first (batch, link,
/// then the scenario), then the segments take their short forms (`node@formation`,
/// `in 53 out 32/s` in whole events, `▶ drain 40/s`), then the rates go, then the live input's status
/// shortens, and last the title shortens to "Peat".
public enum HeaderView {
    /// One segment: its forms, longest first, and its drop rank (higher goes first; 0 stays).
    struct Segment {
        var full: [Span]
        var short: [Span]
        var rank: Int
        /// Takes its short form only after the droppable segments are gone (the live input).
        var shortensLast: Bool
        /// Describes this console rather than the node (the scenario, the batch): left out for a
        /// remote node.
        var consoleOnly: Bool

        init(_ full: [Span], short: [Span]? = nil, rank: Int, shortensLast: Bool = false, consoleOnly: Bool = false) {
            self.full = full
            self.short = short ?? full
            self.rank = rank
            self.shortensLast = shortensLast
            self.consoleOnly = consoleOnly
        }
    }

    /// Ranks at or above this are dropped before the segments shorten.
    static let dropBeforeShortening = 3

    public static func render(_ state: AppState, into rect: Rect, of buffer: inout Buffer) {
        guard !rect.isEmpty else { return }
        let theme = Theme(capabilities: state.capabilities)
        let g = theme.glyphs
        let base = theme.style(.header)
        buffer.fill(rect, with: Cell(" ", style: base))
        let segments = self.segments(state, theme: theme)
        let titles = [[Span(" PeatConsole", theme.style(.headerAccent))], [Span(" Peat", theme.style(.headerAccent))]]
        let sep = Span(" \(g.separator) ", base)

        var dropped = Set<Int>()
        var shortened = Set<Int>()
        var shortTitle = false
        func line() -> [Span] {
            var spans = titles[shortTitle ? 1 : 0]
            for (i, s) in segments.enumerated() where !dropped.contains(i) {
                spans.append(sep)
                spans += shortened.contains(i) ? s.short : s.full
            }
            return spans
        }
        // The moves, in order, until the line fits.
        let byRank = segments.indices.filter { segments[$0].rank > 0 }.sorted { segments[$0].rank > segments[$1].rank }
        var moves: [() -> Void] = []
        for i in byRank where segments[i].rank >= dropBeforeShortening { moves.append { dropped.insert(i) } }
        moves.append { shortened.formUnion(segments.indices.filter { !segments[$0].shortensLast }) }
        for i in byRank where segments[i].rank < dropBeforeShortening { moves.append { dropped.insert(i) } }
        moves.append { shortened.formUnion(segments.indices) }
        moves.append { shortTitle = true }
        var spans = line()
        for move in moves where spans.width > rect.width {
            move()
            spans = line()
        }
        buffer.put(spans, x: rect.x, y: rect.y, maxWidth: rect.width, ellipsis: g.ellipsis)
    }

    static func segments(_ state: AppState, theme: Theme) -> [Segment] {
        let g = theme.glyphs
        let base = theme.style(.header)
        let accent = theme.style(.headerAccent)
        let c = state.core
        func rate(_ r: Double?, compact: Bool) -> String {
            guard let r else { return g.unknown }
            return compact ? String(Int(max(0, r).rounded())) : Format.rate(r)
        }
        var segments: [Segment] = [
            Segment([Span(c.nodeID, accent), Span(" @ ", base), Span(c.formationID, accent)],
                    short: [Span(c.nodeID, accent), Span("@", base), Span(c.formationID, accent)], rank: 0),
            Segment([Span("policy ", base), Span(c.policy.description, accent)], rank: 0),
            Segment(state.scenario == .demo ? [Span("demo", accent), Span(" seed \(state.seed)", base)]
                        : [Span("scenario ", base), Span(state.scenario.rawValue, accent)],
                    rank: c.stream == nil ? 3 : 6, consoleOnly: true),
            Segment([Span("in ", base), Span(rate(c.emittedRate, compact: false), accent), Span("/s out ", base),
                     Span(rate(c.poppedRate, compact: false), accent), Span("/s", base)],
                    short: [Span("in ", base), Span(rate(c.emittedRate, compact: true), accent), Span(" out ", base),
                            Span(rate(c.poppedRate, compact: true), accent), Span("/s", base)], rank: 2),
            Segment([Span("batch ", base), Span("\(state.batchSize)", accent)], rank: 5, consoleOnly: true),
        ]
        if c.link.bytesPerSecond > 0 {
            segments.append(Segment([Span("link ", base), Span(Format.bytes(c.link.bytesPerSecond) + "/s", accent)], rank: 4))
        }
        if let s = c.stream {
            // The live input: "src: stdin ended · 12,345 events · 3 errors".
            let n = s.errors.total
            let label = g.plain(InputText.escaped(s.label))  // a file name or path: input too
            let phase = Span(InputText.escaped(s.phase.description), s.phase == .receiving ? accent : theme.style(.headerWarning))
            let errors = Span("\(StreamStatus.grouped(n)) error\(n == 1 ? "" : "s")", n > 0 ? theme.style(.headerWarning) : base)
            segments.insert(Segment([Span("src: \(label) ", base), phase,
                                     Span(" \(g.dot) \(StreamStatus.grouped(s.events)) events \(g.dot) ", base), errors],
                                    short: [Span("\(label) ", base), phase,
                                            Span(" \(g.dot) \(StreamStatus.grouped(s.events)) ev \(g.dot) ", base),
                                            Span("\(StreamStatus.grouped(n)) err", errors.style)], rank: 0, shortensLast: true), at: 1)
        }
        if let conn = c.connection {
            // A watched node: where it is and whether what is shown is current.
            let role: Role = conn.phase == .live ? .headerAccent : .headerWarning
            var text = conn.label
            if conn.isStale, let last = conn.lastUpdate, conn.phase != .stale {
                text += " (stale \(Format.age(Int64(state.now >= last ? state.now - last : 0))))"
            }
            if conn.hasState && !conn.controlAllowed { text += " · read-only" }
            segments.insert(Segment([Span(conn.address + " ", base), Span(text, theme.style(role))],
                                    short: [Span(text, theme.style(role))], rank: 0, shortensLast: true), at: 1)
            // The scenario and batch are this console's; a remote node has its own.
            return segments.filter { !$0.consoleOnly }
        }
        if state.paused {
            segments.append(Segment([Span(g.paused + " PAUSED", theme.style(.headerWarning))], rank: 0))
        } else if state.autoDrain {
            segments.append(Segment([Span(g.running + " auto-drain \(state.linkRate)/s", accent)],
                                    short: [Span(g.running + " drain \(state.linkRate)/s", accent)], rank: 0))
        } else {
            segments.append(Segment([Span("auto-drain off", base)], short: [Span("drain off", base)], rank: 0))
        }
        return segments
    }
}
