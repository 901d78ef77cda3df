import PeatEvents

/// Pane 4: the last pops, newest first, with the scheduler's achieved vs target shares.
public enum PopLogView {
    public static func box(_ state: AppState) -> Box {
        let theme = Theme(capabilities: state.capabilities)
        let s = state.core.stats
        var title = [Span("Pop log")]
        if let last = state.core.popLog.first { title.append(Span(" \(theme.glyphs.dot) \(last.number) steps", theme.style(.muted))) }
        let trailing = [Span("\(state.core.policy) \(theme.glyphs.dot) short \(s.shortPops) \(theme.glyphs.dot) inv \(s.inversions)", theme.style(.muted))]
        return Box(title: title, trailing: trailing, focused: state.focus == .popLog)
    }

    public static func render(_ state: AppState, into rect: Rect, of buffer: inout Buffer) {
        let theme = Theme(capabilities: state.capabilities)
        let inner = box(state).render(into: rect, of: &buffer, theme: theme)
        guard inner.height > 0, inner.width > 2 else { return }
        let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let statsRows = PopLogLayout.statsRows(innerHeight: inner.height)
        let stats = statsRows >= 5 ? shareTable(state, theme: theme) : statsRows == 1 ? [compactShares(state, theme: theme)] : []
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

    /// "#12 step asked  8 got  8: C H H N N N L L" (letters packed without spaces when
    /// they would not fit in `width`).
    public static func line(_ step: PopStep, theme: Theme, width: Int = .max) -> [Span] {
        let muted = theme.style(.muted)
        var spans: [Span] = [
            Span(TextWidth.pad("#\(step.number)", to: 6), theme.style(.emphasis)),
            Span(step.automatic ? "auto " : "step ", step.automatic ? muted : theme.style(.text)),
            Span("asked ", muted), Span(TextWidth.pad("\(step.asked)", to: 3, alignRight: true)),
            Span(" got ", muted), Span(TextWidth.pad("\(step.got)", to: 3, alignRight: true), step.short ? theme.style(.warning) : theme.style(.text)),
            Span(":", muted),
        ]
        if step.levels.isEmpty {
            spans.append(Span(" nothing", muted))
        } else {
            let room = width == .max ? Int.max : width - spans.width - 1
            let packed = step.levels.count * 2 > room
            if packed { spans.append(Span(" ")) }
            let shown = packed && step.levels.count > room ? max(0, room - 1) : step.levels.count
            for level in step.levels.prefix(shown) { spans.append(Span((packed ? "" : " ") + level.letter, theme.style(level: level))) }
            if shown < step.levels.count { spans.append(Span(theme.glyphs.ellipsis, muted)) }
            if step.got > step.levels.count { spans.append(Span(" +\(step.got - step.levels.count)", muted)) }
        }
        if step.short { spans.append(Span("  short", theme.style(.warning))) }
        if step.repeats > 1 { spans.append(Span(theme.glyphs.plain("  ×\(step.repeats)"), muted)) }
        return spans
    }

    static func shareTable(_ state: AppState, theme: Theme) -> [[Span]] {
        let s = state.core.stats
        let muted = theme.style(.muted)
        func row(_ label: String, _ values: [Double], _ style: (Int) -> Style) -> [Span] {
            var spans = [Span(TextWidth.pad(label, to: 8), muted)]
            for i in 0..<3 { spans.append(Span(TextWidth.pad(Format.percent(values[safe: i] ?? 0), to: 8, alignRight: true), style(i))) }
            return spans
        }
        let levels: [PriorityLevel] = [.high, .normal, .low]
        let header = [Span(TextWidth.pad("share", to: 8), theme.style(.columnHeader))]
            + levels.map { Span(TextWidth.pad($0.name, to: 8, alignRight: true), theme.style(level: $0)) }
        let target = row("target", s.targetShare) { _ in muted }
        let run = row("run", s.achievedShare) { i in deviates(s.achievedShare, s.targetShare, i) ? theme.style(.warning) : theme.style(.text) }
        let recent = row("recent", s.recentShare) { i in deviates(s.recentShare, s.targetShare, i) ? theme.style(.warning) : theme.style(.text) }
        let served = s.served
        let totals: [Span] = [Span("short ", muted), Span("\(s.shortPops)", s.shortPops > 0 ? theme.style(.warning) : theme.style(.text)),
                              Span("  inversions ", muted), Span("\(s.inversions)", s.inversions > 0 ? theme.style(.warning) : theme.style(.text)),
                              Span("  served", muted)]
            + PriorityLevel.allCases.map { Span(" \($0.letter) \(Names.count(served[safe: $0.rawValue] ?? 0))", theme.style(level: $0)) }
        return [header, target, run, recent, totals]
    }

    static func compactShares(_ state: AppState, theme: Theme) -> [Span] {
        let s = state.core.stats
        let muted = theme.style(.muted)
        var spans = [Span("run/target ", muted)]
        for (i, level) in [PriorityLevel.high, .normal, .low].enumerated() {
            spans.append(Span(level.letter + " ", theme.style(level: level)))
            spans.append(Span("\(pct(s.achievedShare, i))/\(pct(s.targetShare, i))  "))
        }
        return spans
    }

    private static func pct(_ v: [Double], _ i: Int) -> String { "\(Int(((v[safe: i] ?? 0) * 100).rounded()))" }

    /// True when a share is more than 5 points off its target (and something was served).
    static func deviates(_ values: [Double], _ target: [Double], _ i: Int) -> Bool {
        guard values.reduce(0, +) > 0 else { return false }
        return abs((values[safe: i] ?? 0) - (target[safe: i] ?? 0)) > 0.05
    }

    static func highlight(row: Rect, of buffer: inout Buffer, theme: Theme) {
        let sel = theme.style(.selection)
        for x in row.x..<row.maxX {
            var cell = buffer[x, row.y]
            cell.style = sel
            buffer[x, row.y] = cell
        }
    }
}
