import PeatEvents

/// Pane 1: outbound queue depth per level (bar, count, sparkline) and the split by class.
public enum QueueView {
    /// The pane's frame and titles.
    public static func box(_ state: AppState) -> Box {
        let theme = Theme(capabilities: state.capabilities)
        let c = state.core
        return Box(title: [Span("Outbound queue"), Span(" \(theme.glyphs.dot) \(Names.count(c.pending)) pending", theme.style(.muted))],
                   trailing: [Span("scale \(scale(for: c))", theme.style(.muted))],
                   focused: state.focus == .queue)
    }

    /// The bar scale: the deepest level rounded up to 1-2-5 × 10ⁿ, at least 10.
    public static func scale(for core: CoreSnapshot) -> Int {
        let m = max(10, core.pendingCounts.max() ?? 0)
        var p = 1
        while true {
            for f in [1, 2, 5] where f * p >= m { return f * p }
            p *= 10
        }
    }

    public static func render(_ state: AppState, into rect: Rect, of buffer: inout Buffer) {
        let theme = Theme(capabilities: state.capabilities)
        let inner = box(state).render(into: rect, of: &buffer, theme: theme)
        guard inner.height > 0, inner.width > 4 else { return }
        let c = state.core
        let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let labelWidth = 9, countWidth = 6
        let sparkWidth = max(0, min(30, area.width / 3))
        let barWidth = max(1, area.width - labelWidth - countWidth - 2 - sparkWidth)
        let maxBar = scale(for: c)
        let recentMax = (0..<4).map { l in ((c.depthHistory[safe: l] ?? []).suffix(sparkWidth - 1) + [c.pendingCounts[safe: l] ?? 0]).max() ?? 0 }.max() ?? 1
        var y = area.y
        for level in PriorityLevel.allCases where y < area.maxY {
            let count = c.pendingCounts[safe: level.rawValue] ?? 0
            let style = theme.style(level: level)
            buffer.put(level.name, x: area.x, y: y, style: style)
            Bar(value: count, maximum: maxBar, style: style).render(x: area.x + labelWidth, y: y, width: barWidth, of: &buffer, theme: theme)
            buffer.put(TextWidth.pad(Names.count(count), to: countWidth, alignRight: true), x: area.x + labelWidth + barWidth, y: y,
                       style: count > 0 ? theme.style(.emphasis) : theme.style(.muted))
            if sparkWidth > 0 {
                let history = (c.depthHistory[safe: level.rawValue] ?? []).suffix(sparkWidth - 1) + [count]
                Sparkline(values: Array(history), maximum: recentMax, style: style)
                    .render(x: area.maxX - sparkWidth, y: y, width: sparkWidth, of: &buffer, theme: theme)
            }
            y += 1
        }
        guard y < area.maxY else { return }
        let muted = theme.style(.muted)
        var classes: [EventClass] = [.product, .anomaly, .telemetry, .command]
        if (c.pendingByClass[.unspecified] ?? 0) > 0 { classes.append(.unspecified) }
        func parts(_ abbreviated: Bool) -> [[Span]] {
            classes.map { cls in
                let n = c.pendingByClass[cls] ?? 0
                let name = Names.eventClassShort(cls)
                return [Span((abbreviated ? String(name.prefix(4)) : name) + " ", muted),
                        Span(Names.count(n), n > 0 ? theme.style(.emphasis) : muted)]
            }
        }
        /// Packs parts into lines of at most `area.width` columns.
        func pack(_ parts: [[Span]]) -> [[Span]] {
            var lines: [[Span]] = []
            var line: [Span] = []
            for p in parts {
                if !line.isEmpty, line.width + 2 + p.width > area.width { lines.append(line); line = [] }
                if !line.isEmpty { line.append(Span("  ")) }
                line += p
            }
            if !line.isEmpty { lines.append(line) }
            return lines
        }
        let rowsLeft = area.maxY - y
        var lines = pack(parts(false))
        if lines.count > rowsLeft { lines = pack(parts(true)) }
        if rowsLeft > lines.count {
            let label = " by class "
            let ruleLeft = String(repeating: theme.glyphs.rule, count: 2)
            buffer.put(ruleLeft + label + String(repeating: theme.glyphs.rule, count: max(0, area.width - label.count - 2)),
                       x: area.x, y: y, style: muted, maxWidth: area.width)
            y += 1
        }
        for line in lines where y < area.maxY {
            buffer.put(line, x: area.x, y: y, maxWidth: area.width, ellipsis: theme.glyphs.ellipsis)
            y += 1
        }
        guard y < area.maxY else { return }
        y += area.maxY - y >= 2 ? 1 : 0
        let totals: [Span] = [Span("local store ", muted), Span(Names.count(c.localCount), theme.style(.emphasis)),
                              Span("  emitted ", muted), Span(Names.count(c.emitted), theme.style(.emphasis)),
                              Span("  popped ", muted), Span(Names.count(c.popped), theme.style(.emphasis))]
        buffer.put(totals, x: area.x, y: y, maxWidth: area.width, ellipsis: theme.glyphs.ellipsis)
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
