import PeatEvents

/// The title bar: app name, node and formation, policy, scenario, rates, link, run state.
///
/// Node, policy, rates, faults (drops, expiries, bad input: coloured when not zero) and run
/// state are always shown, in that order and in fixed positions. When the bar is too narrow,
/// the nice-to-have segments at the right end go first (batch, link, then the scenario), then
/// the segments take their short forms (`node@formation`, `reference`, `in 53 out 32/s` in whole
/// events, `drop0 exp0 bad0`, `▶40/s`), then the live input's status shortens, and last the
/// title shortens to "Peat", and on the narrowest screens the node loses its formation and
/// the policy its full name.
public enum HeaderView {
    /// One segment: its forms, longest first, and its drop rank (higher goes first; 0 stays).
    struct Segment {
        var full: [Span]
        var short: [Span]
        /// The last resort on the narrowest screens (the node without its formation).
        var tiny: [Span]
        var rank: Int
        /// Takes its short form only after the droppable segments are gone (the live input).
        var shortensLast: Bool
        /// Describes this console rather than the node (the scenario, the batch, auto-drain):
        /// left out for a remote node.
        var consoleOnly: Bool

        init(_ full: [Span], short: [Span]? = nil, tiny: [Span]? = nil, rank: Int, shortensLast: Bool = false,
             consoleOnly: Bool = false) {
            self.full = full
            self.short = short ?? full
            self.tiny = tiny ?? short ?? full
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
        var tiny = false
        func line() -> [Span] {
            // On the narrowest screens the title gives its room to the faults and run state.
            var spans = tiny ? [] : titles[shortTitle ? 1 : 0]
            for (i, s) in segments.enumerated() where !dropped.contains(i) {
                spans.append(spans.isEmpty ? Span(" ", base) : sep)
                spans += tiny ? s.tiny : shortened.contains(i) ? s.short : s.full
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
        moves.append { tiny = true }
        var spans = line()
        for move in moves where spans.width > rect.width {
            move()
            spans = line()
        }
        if let badge = frozenBadge(state, theme: theme) {
            // The FROZEN badge moves no field: the fields keep the places they have unfrozen,
            // and room for the badge is made at the right end, by dropping the nice-to-have
            // segments, shortening the ones after the last fixed field (run state, live
            // input), then the badge itself, then leaving those out (the screen is frozen:
            // the badge says more than the run state). Only when that is not enough (the
            // narrowest screens) does the header shorten as a whole.
            let lastFixed = segments.lastIndex { $0.rank == 0 && !$0.consoleOnly && !$0.shortensLast } ?? -1
            var badgeForm = 0
            func withBadge() -> [Span] { line() + [sep] + badge[badgeForm] }
            var badgeMoves: [() -> Void] = []
            for i in byRank where i > lastFixed { badgeMoves.append { dropped.insert(i) } }
            badgeMoves.append { shortened.formUnion(segments.indices.filter { $0 > lastFixed }) }
            badgeMoves.append { badgeForm = 1 }
            badgeMoves.append { dropped.formUnion(segments.indices.filter { $0 > lastFixed }) }
            badgeMoves += moves
            spans = withBadge()
            for move in badgeMoves where spans.width > rect.width {
                move()
                spans = withBadge()
            }
        }
        buffer.put(spans, x: rect.x, y: rect.y, maxWidth: rect.width, ellipsis: g.ellipsis)
    }

    /// The badge of a frozen display, long and short form; nil when the display is live.
    static func frozenBadge(_ state: AppState, theme: Theme) -> [[Span]]? {
        guard state.frozenModel != nil else { return nil }
        let warn = theme.style(.headerWarning)
        return [[Span("FROZEN (f)", warn)], [Span("FROZEN", warn)]]
    }

    /// The faults the header always shows: events dropped or refused on the link (the node's
    /// outbound queue has no bound, so it drops nothing), stored events expired by TTL, and bad
    /// input (stream records that failed to decode, emits the emitter refused).
    public struct Faults: Equatable, Sendable {
        public var dropped: Int
        public var expired: Int
        public var badInput: Int

        public init(_ c: NodeModel) {
            dropped = c.link.stats.reduce(0) { $0 + $1.dropped + $1.rejected }
            expired = c.expiredCount
            badInput = (c.stream?.errors.total ?? 0) + c.errors
        }
    }

    /// Segments in their fixed order: the always-shown ones first (node, policy, rates, faults,
    /// run state, live input), so that dropping the nice-to-have ones (scenario, batch, link,
    /// at the right end) moves nothing; the policy is padded to one width, so the fields sit in
    /// the same columns under every policy. (A frozen display's badge comes last: `render`.)
    static func segments(_ state: AppState, theme: Theme) -> [Segment] {
        let g = theme.glyphs
        let base = theme.style(.header)
        let accent = theme.style(.headerAccent)
        let warn = theme.style(.headerWarning)
        let c = state.core
        func rate(_ r: Double?, compact: Bool) -> String {
            guard let r else { return g.unknown }
            return TextWidth.pad(compact ? Names.count(Int(saturating: r.isNaN ? 0 : max(0, r))) : Format.rate(r), to: compact ? 2 : 4, alignRight: true)
        }
        let policy = c.policy.description
        let f = Faults(c)
        func fault(_ label: String, _ n: Int, sep: String) -> [Span] {
            [Span(label + sep, base), Span(Names.count(n), n > 0 ? warn : base)]
        }
        var segments: [Segment] = [
            Segment([Span(c.nodeID, accent), Span(" @ ", base), Span(c.formationID, accent)],
                    short: [Span(c.nodeID, accent), Span("@", base), Span(c.formationID, accent)],
                    tiny: [Span(c.nodeID, accent)], rank: 0),
            Segment([Span("policy ", base), Span(TextWidth.pad(policy, to: 9), accent)],
                    short: [Span(TextWidth.pad(policy, to: 9), accent)],
                    tiny: [Span(TextWidth.pad(c.policy.kind == .reference ? "ref" : "fair", to: 4), accent)], rank: 0),
            Segment([Span("in ", base), Span(rate(c.emittedRate, compact: false), accent), Span("/s out ", base),
                     Span(rate(c.poppedRate, compact: false), accent), Span("/s", base)],
                    short: [Span("in ", base), Span(rate(c.emittedRate, compact: true), accent), Span(" out ", base),
                            Span(rate(c.poppedRate, compact: true), accent), Span("/s", base)], rank: 0),
            Segment(fault("drops", f.dropped, sep: " ") + [Span(" ", base)] + fault("expired", f.expired, sep: " ")
                        + [Span(" ", base)] + fault("bad", f.badInput, sep: " "),
                    short: fault("drop", f.dropped, sep: "") + [Span(" ", base)] + fault("exp", f.expired, sep: "")
                        + [Span(" ", base)] + fault("bad", f.badInput, sep: ""), rank: 0),
        ]
        if state.paused {
            segments.append(Segment([Span(g.paused + " PAUSED", warn)], rank: 0, consoleOnly: true))
        } else if state.autoDrain {
            segments.append(Segment([Span(g.running + " auto-drain \(state.linkRate)/s", accent)],
                                    short: [Span(g.running + "\(state.linkRate)/s", accent)], rank: 0, consoleOnly: true))
        } else {
            segments.append(Segment([Span("auto-drain off", base)], short: [Span("no drain", base)], rank: 0, consoleOnly: true))
        }
        if let s = c.stream {
            // The live input: "src: stdin ended · 12,345 events" (its errors count as bad input).
            let label = g.plain(InputText.escaped(s.label))  // a file name or path: input too
            let phase = Span(InputText.escaped(s.phase.description), s.phase == .receiving ? accent : warn)
            segments.append(Segment([Span("src: \(label) ", base), phase, Span(" \(g.dot) \(Names.count(s.events)) events", base)],
                                    short: [Span("\(label) ", base), phase, Span(" \(g.dot) \(Names.count(s.events)) ev", base)],
                                    rank: 0, shortensLast: true))
        }
        segments.append(Segment(state.scenario == .demo ? [Span("demo", accent), Span(" seed \(state.seed)", base)]
                                    : [Span("scenario ", base), Span(state.scenario.rawValue, accent)],
                                rank: c.stream == nil ? 3 : 6, consoleOnly: true))
        segments.append(Segment([Span("batch ", base), Span("\(state.batchSize)", accent)], rank: 5, consoleOnly: true))
        if c.link.bytesPerSecond > 0 {
            segments.append(Segment([Span("link ", base), Span(Format.bytes(c.link.bytesPerSecond) + "/s", accent)], rank: 4))
        }
        if let conn = c.connection {
            // A watched node: where it is and whether what is shown is current.
            let role: Role = conn.phase == .live && conn.unusableFigures == 0 ? .headerAccent : .headerWarning
            var text = conn.label
            if conn.isStale, let last = conn.lastUpdate, conn.phase != .stale {
                text += " (stale \(Format.age(Int64(state.now >= last ? state.now - last : 0))))"
            }
            if conn.hasState && !conn.controlAllowed { text += " · read-only" }
            if conn.unusableFigures > 0 { text += " · \(Names.count(conn.unusableFigures)) bad figures" }
            segments.insert(Segment([Span(conn.address + " ", base), Span(text, theme.style(role))],
                                    short: [Span(text, theme.style(role))], rank: 0, shortensLast: true), at: 1)
            // The scenario, batch and drain are this console's; a remote node has its own.
            return segments.filter { !$0.consoleOnly }
        }
        return segments
    }
}
