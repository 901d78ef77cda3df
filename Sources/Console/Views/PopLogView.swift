import PeatEvents

/// Pane 4: the last pops, newest first, with the scheduler's achieved vs target shares.
public enum PopLogView {
    public static func box(_ state: AppState) -> Box {
        let theme = Theme(capabilities: state.capabilities)
        let s = state.core.stats
        let inv = state.core.demand.inversions
        var title = [Span("Pop log")]
        if let last = state.core.popLog.first { title.append(Span(" \(theme.glyphs.dot) \(Names.count(last.number)) steps", theme.style(.muted))) }
        let trailing = [Span("\(state.core.policy) \(theme.glyphs.dot) short ", theme.style(.muted)),
                        Span(Names.count(s.shortPops), s.shortPops > 0 ? theme.style(.warning) : theme.style(.muted)),
                        Span(" \(theme.glyphs.dot) inv ", theme.style(.muted)),
                        Span(Names.count(inv), inv > 0 ? theme.style(.warning) : theme.style(.muted))]
        return Box(title: title, trailing: trailing, focused: state.focus == .popLog)
    }

    public static func render(_ state: AppState, into rect: Rect, of buffer: inout Buffer) {
        let theme = Theme(capabilities: state.capabilities)
        let inner = box(state).render(into: rect, of: &buffer, theme: theme)
        guard inner.height > 0, inner.width > 2 else { return }
        let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let statsRows = PopLogLayout.statsRows(innerHeight: inner.height)
        let stats = statsRows >= 5 ? shareTable(state, theme: theme, width: area.width) : statsRows == 1 ? [compactShares(state, theme: theme)] : []
        for (i, line) in stats.prefix(statsRows).enumerated() {
            buffer.put(line, x: area.x, y: area.y + i, maxWidth: area.width, ellipsis: theme.glyphs.ellipsis)
        }
        let list = Rect(x: area.x, y: area.y + statsRows, width: area.width, height: area.height - statsRows)
        guard list.height > 0 else { return }
        let pos = state.popLogList
        let steps = state.core.popLog.dropFirst(pos.scroll).prefix(list.height)
        if steps.isEmpty {
            buffer.put(TextWidth.truncate("no pops yet (Space pops a batch of \(state.batchSize))", to: list.width, ellipsis: theme.glyphs.ellipsis),
                       x: list.x, y: list.y, style: theme.style(.muted))
            return
        }
        for (i, step) in steps.enumerated() {
            buffer.put(line(step, theme: theme, width: list.width), x: list.x, y: list.y + i, maxWidth: list.width, ellipsis: theme.glyphs.ellipsis)
        }
        if state.focus == .popLog {
            let y = list.y + pos.selected - pos.scroll
            if y >= list.y, y < list.maxY { highlight(row: Rect(x: inner.x, y: y, width: inner.width, height: 1), of: &buffer, theme: theme) }
        }
    }

    /// Narrower than this, step lines take their compact form.
    public static let fullLineWidth = 46

    /// One step: "#12   step asked   8 got   8: C H H N N N L L", or below `fullLineWidth`
    /// columns "#12   step got 8/8: C H H N N N L L". The levels are spaced when they fit,
    /// else packed ("CHHNNNLL"), else counted in runs ("C H2 N3 L2"), else cut.
    public static func line(_ step: PopStep, theme: Theme, width: Int = .max) -> [Span] {
        let muted = theme.style(.muted)
        let compact = width < fullLineWidth
        let gotStyle = step.short ? theme.style(.warning) : theme.style(.text)
        var spans: [Span] = [
            Span(TextWidth.pad("#\(step.number)", to: 6), theme.style(.emphasis)),
            Span(step.automatic ? "auto " : "step ", step.automatic ? muted : theme.style(.text)),
        ]
        if compact {
            let asked = "\(step.asked)"
            spans += [Span("got ", muted), Span(TextWidth.pad("\(step.got)", to: TextWidth.of(asked), alignRight: true), gotStyle),
                      Span("/" + asked + ":", muted)]
        } else {
            spans += [Span("asked ", muted), Span(TextWidth.pad("\(step.asked)", to: 3, alignRight: true)),
                      Span(" got ", muted), Span(TextWidth.pad("\(step.got)", to: 3, alignRight: true), gotStyle),
                      Span(":", muted)]
        }
        let gap = compact ? " " : "  "
        var tail: [Span] = []
        if step.got > step.levels.count { tail.append(Span(" +\(step.got - step.levels.count)", muted)) }
        if step.short { tail.append(Span(gap + "short", theme.style(.warning))) }
        if step.repeats > 1 { tail.append(Span(theme.glyphs.plain(gap + "×\(step.repeats)"), muted)) }
        // The longest queue wait among the step's events, where the line has room for it.
        if width >= fullLineWidth + 16, let wait = step.longestWait { tail.append(Span(gap + "wait " + QueueDelays.format(millis: wait), muted)) }
        if let level = step.skipped {
            // A waiting level left out: said always, coloured only when it waited beyond its share.
            tail.append(Span(theme.glyphs.plain(gap + "⚠ ") + level.letter + (compact ? "" : " ") + "\(Names.count(step.skippedWaiting))"
                             + (compact ? "" : " waiting"), step.inversion ? theme.style(.warning) : muted))
        }
        if step.levels.isEmpty {
            spans.append(Span(compact ? " none" : " nothing", muted))
        } else {
            let room = width == .max ? Int.max : width - spans.width - tail.width
            spans += levels(step.levels, room: room, theme: theme)
        }
        return spans + tail
    }

    /// The levels in pop order in at most `room` columns (a leading space included).
    static func levels(_ levels: [PriorityLevel], room: Int, theme: Theme) -> [Span] {
        if levels.count * 2 <= room { return levels.map { Span(" " + $0.letter, theme.style(level: $0)) } }
        if levels.count + 1 <= room { return [Span(" ")] + levels.map { Span($0.letter, theme.style(level: $0)) } }
        // Runs: "C H2 N3 L2".
        var runs: [(PriorityLevel, Int)] = []
        for level in levels {
            if let last = runs.last, last.0 == level { runs[runs.count - 1].1 += 1 } else { runs.append((level, 1)) }
        }
        var spans: [Span] = []
        for (level, n) in runs { spans.append(Span(" " + level.letter + (n > 1 ? "\(n)" : ""), theme.style(level: level))) }
        if spans.width <= room { return spans }
        // Cut: as many runs as fit before an ellipsis.
        var kept: [Span] = []
        for span in spans {
            if kept.width + span.width + 2 > room { break }
            kept.append(span)
        }
        return kept + [Span(" " + theme.glyphs.ellipsis, theme.style(.muted))]
    }

    static func shareTable(_ state: AppState, theme: Theme, width: Int = .max) -> [[Span]] {
        let s = state.core.stats
        let muted = theme.style(.muted)
        // A level never backlogged has no share to show ("–"), not a misleading 0 %.
        let d = state.core.demand
        let known = d.steps > 0
        func row(_ label: String, _ values: [Double], _ style: (Int) -> Style) -> [Span] {
            var spans = [Span(TextWidth.pad(label, to: 8), muted)]
            for i in 0..<3 {
                let text = known && d.servedWhileBacklogged[i] == 0 ? theme.glyphs.unknown : Format.percent(values[safe: i] ?? 0)
                spans.append(Span(TextWidth.pad(text, to: 8, alignRight: true), style(i)))
            }
            return spans
        }
        let levels: [PriorityLevel] = [.high, .normal, .low]
        let header = [Span(TextWidth.pad("share", to: 8), theme.style(.columnHeader))]
            + levels.map { Span(TextWidth.pad($0.name, to: 8, alignRight: true), theme.style(level: $0)) }
        // Demand-aware: each level over the steps it had a backlog, against what it was entitled
        // to then (before any backlog, the configured weights). Coloured only when short of it.
        // A node that does not report its backlog per pop: the scheduler's own shares, uncoloured.
        let targetRow = row("target", known ? d.target : s.targetShare) { _ in muted }
        let run = row("run", known ? d.achieved : s.achievedShare) { i in
            known && DemandShares.isShort(d.achieved, d.target, i) ? theme.style(.warning) : theme.style(.text)
        }
        let recent = row("recent", known ? d.recentAchieved : s.recentShare) { i in
            known && DemandShares.isShort(d.recentAchieved, d.recentTarget, i) ? theme.style(.warning) : theme.style(.text)
        }
        return [header, targetRow, run, recent, totals(state, theme: theme, width: width)]
    }

    /// "short 2  inversions 1  served C 1 H 7 N 2 L 2", or where that does not fit in `width`
    /// "short 2  inv 1  srv C1 H7 N2 L2", or "srv C1 H7 N2 L2".
    static func totals(_ state: AppState, theme: Theme, width: Int) -> [Span] {
        let s = state.core.stats
        let inv = state.core.demand.inversions
        let muted = theme.style(.muted)
        let short = Span(Names.count(s.shortPops), s.shortPops > 0 ? theme.style(.warning) : theme.style(.text))
        let inversions = Span(Names.count(inv), inv > 0 ? theme.style(.warning) : theme.style(.text))
        func served(_ space: String) -> [Span] {
            PriorityLevel.allCases.map { Span(" \($0.letter)\(space)\(Names.count(s.served[safe: $0.rawValue] ?? 0))", theme.style(level: $0)) }
        }
        let variants: [[Span]] = [
            [Span("short ", muted), short, Span("  inversions ", muted), inversions, Span("  served", muted)] + served(" "),
            [Span("short ", muted), short, Span("  inv ", muted), inversions, Span("  srv", muted)] + served(""),
            [Span("srv", muted)] + served(""),
        ]
        return variants.first { $0.width <= width } ?? variants[variants.count - 1]
    }

    static func compactShares(_ state: AppState, theme: Theme) -> [Span] {
        let d = state.core.demand
        let s = state.core.stats
        let known = d.steps > 0
        let muted = theme.style(.muted)
        let (achieved, target) = known ? (d.achieved, d.target) : (s.achievedShare, s.targetShare)
        var spans = [Span("run/target ", muted)]
        for (i, level) in [PriorityLevel.high, .normal, .low].enumerated() {
            spans.append(Span((i > 0 ? "  " : "") + level.letter + " ", theme.style(level: level)))
            spans.append(Span("\(pct(achieved, i))/\(pct(target, i))",
                              known && DemandShares.isShort(achieved, target, i) ? theme.style(.warning) : theme.style(.text)))
        }
        return spans
    }

    private static func pct(_ v: [Double], _ i: Int) -> String { "\(Int(saturating: (v[safe: i] ?? 0) * 100))" }

    static func highlight(row: Rect, of buffer: inout Buffer, theme: Theme) {
        let sel = theme.style(.selection)
        for x in row.x..<row.maxX {
            var cell = buffer[x, row.y]
            cell.style = sel
            buffer[x, row.y] = cell
        }
    }
}
