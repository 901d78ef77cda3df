import PeatEvents

/// The side-by-side view of a comparison: the two lanes' queue, queueing-delay and pop-log
/// panes in two columns (the same views as for one node, each drawn from its lane's model),
/// under a line that states the difference ("NORMAL p99 41s vs 0.3s").
public enum CompareView {
    /// Rows of each pane for a body of `height` rows: summary, queue, delay (pop log gets the rest).
    static func heights(_ height: Int) -> (summary: Int, queue: Int, delay: Int) {
        let summary = height >= 30 ? 2 : 1
        let rest = height - summary
        if rest >= 30 { return (summary, 11, 9) }
        if rest >= 20 { return (summary, 7, 7) }
        return (summary, max(3, rest / 3), max(3, rest / 3))
    }

    /// `state` as lane `key`'s panes see it: its model is the one shown; only the focused lane
    /// shows the focus, the selection and the frozen picture.
    static func laneState(_ state: AppState, _ key: NodeKey) -> AppState {
        guard key != state.focusedNode else { return state }
        var s = state
        s.focusedNode = key
        s.frozenModel = nil
        s.focus = .alerts  // not drawn here: neither of this lane's panes is highlighted
        s.popLogList = ListPosition()
        s.newerAbove = 0
        return s
    }

    public static func render(_ state: AppState, into body: Rect, of buffer: inout Buffer) {
        guard let compare = state.compare, compare.keys.count == 2 else { return }
        let theme = Theme(capabilities: state.capabilities)
        let (summaryRows, queueHeight, delayHeight) = heights(body.height)
        let models = compare.keys.map { k in k == state.focusedNode ? state.core : (state.nodes[k] ?? NodeModel()) }
        let leftWidth = body.width / 2
        let columns = [Rect(x: body.x, y: body.y + summaryRows, width: leftWidth, height: body.height - summaryRows),
                       Rect(x: body.x + leftWidth, y: body.y + summaryRows, width: body.width - leftWidth, height: body.height - summaryRows)]
        if summaryRows >= 2 {
            for (i, key) in compare.keys.enumerated() {
                buffer.put(laneLabel(key: key, model: models[i], focused: key == state.focusedNode, state: state, theme: theme),
                           x: columns[i].x + 1, y: body.y, maxWidth: columns[i].width - 2, ellipsis: theme.glyphs.ellipsis)
            }
            let hint = "c one lane  W warnings"
            let x = body.maxX - 1 - TextWidth.of(hint)
            if x > columns[1].x + 1 + 34 { buffer.put(hint, x: x, y: body.y, style: theme.style(.muted)) }
        }
        buffer.put(difference(models, state: state, theme: theme, withNames: summaryRows < 2), x: body.x + 1, y: body.y + summaryRows - 1,
                   maxWidth: body.width - 2, ellipsis: theme.glyphs.ellipsis)
        for (i, key) in compare.keys.enumerated() {
            let lane = laneState(state, key)
            let c = columns[i]
            let queue = Rect(x: c.x, y: c.y, width: c.width, height: min(queueHeight, c.height))
            let delay = Rect(x: c.x, y: queue.maxY, width: c.width, height: min(delayHeight, max(0, c.maxY - queue.maxY)))
            let popLog = Rect(x: c.x, y: delay.maxY, width: c.width, height: max(0, c.maxY - delay.maxY))
            QueueView.render(lane, into: queue, of: &buffer)
            if delay.height > 0 { DelayView.render(models[i], state: lane, into: delay, of: &buffer) }
            if popLog.height > 2 { PopLogView.render(lane, into: popLog, of: &buffer) }
        }
    }

    /// "A reference ◀ · ⚠ 2 warnings" over a column.
    static func laneLabel(key: NodeKey, model: NodeModel, focused: Bool, state: AppState, theme: Theme) -> [Span] {
        let active = model.warnings.warnings.filter(\.active).count
        let shown = model.warnings.shown(now: state.now, settings: state.warningSettings).count
        var spans = [Span("\(model.policy)", theme.style(.emphasis))]
        if focused { spans.append(Span(" (keys)", theme.style(.muted))) }
        spans.append(Span(" \(theme.glyphs.dot) ", theme.style(.muted)))
        if active > 0 {
            spans.append(Span(theme.glyphs.plain("⚠ ") + "\(active) warning\(active == 1 ? "" : "s")", theme.style(.warning)))
        } else if shown > 0 {
            spans.append(Span("\(shown) cleared warning\(shown == 1 ? "" : "s")", theme.style(.muted)))
        } else {
            spans.append(Span("no warnings", theme.style(.good)))
        }
        return spans
    }

    /// How long `level` waits on `model`, in milliseconds, as an operator feels it: the p99
    /// of the last 10 s of pops, or the age of the oldest event still queued when that is
    /// longer (a starved level pops nothing, so its p99 alone would hide the wait); over the
    /// run when neither is known. Nil when nothing was ever queued at the level.
    public static func felt(_ model: NodeModel, _ level: PriorityLevel, now: UInt64) -> (millis: UInt64, oldest: Bool)? {
        let recent = model.delays.summary(level, recent: true)
        let oldest = model.oldestAge(level, now: now).map { age in
            let (millis, overflow) = UInt64(max(0, age)).multipliedReportingOverflow(by: 1000)
            return overflow ? UInt64.max : millis
        }
        if let oldest, oldest > recent.p99 { return (oldest, true) }
        if recent.count > 0 { return (recent.p99, false) }
        let run = model.delays.summary(level, recent: false)
        return run.count > 0 ? (run.p99, false) : nil
    }

    /// The level whose waits differ most between the lanes (`felt`), with both waits.
    public static func widestGap(_ a: NodeModel, _ b: NodeModel, now: UInt64) -> (level: PriorityLevel, a: (millis: UInt64, oldest: Bool)?, b: (millis: UInt64, oldest: Bool)?)? {
        var best: (PriorityLevel, (millis: UInt64, oldest: Bool)?, (millis: UInt64, oldest: Bool)?, Double)?
        for level in PriorityLevel.allCases {
            let fa = felt(a, level, now: now), fb = felt(b, level, now: now)
            guard fa != nil || fb != nil else { continue }
            let gap = abs(Double(fa?.millis ?? 0) - Double(fb?.millis ?? 0))
            if best == nil || gap > best!.3 { best = (level, fa, fb, gap) }
        }
        return best.map { ($0.0, $0.1, $0.2) }
    }

    /// "NORMAL p99 41s vs 0.3s · H/N/L 50/0/50 vs 50/35/15 · ⚠ starvation NORMAL: reference only".
    static func difference(_ models: [NodeModel], state: AppState, theme: Theme, withNames: Bool) -> [Span] {
        let muted = theme.style(.muted), dot = " \(theme.glyphs.dot) "
        let a = models[0], b = models[1]
        var spans: [Span] = []
        if withNames { spans.append(Span("\(a.policy) vs \(b.policy): ", theme.style(.emphasis))) } else {
            spans.append(Span("same events, same link, same pace: ", muted))
        }
        func wait(_ f: (millis: UInt64, oldest: Bool)?) -> [Span] {
            guard let f else { return [Span(theme.glyphs.unknown, muted)] }
            return [Span(f.oldest ? "oldest " : "p99 ", muted), Span(QueueDelays.format(millis: f.millis), theme.style(.emphasis))]
        }
        if let gap = widestGap(a, b, now: state.now), gap.a?.millis == gap.b?.millis {
            spans.append(Span("waits alike", muted))
        } else if let gap = widestGap(a, b, now: state.now) {
            spans += [Span(gap.level.name + " ", theme.style(level: gap.level))] + wait(gap.a) + [Span(" vs ", muted)] + wait(gap.b)
        } else {
            spans.append(Span("nothing popped yet", muted))
        }
        // The scheduler's own shares over its last pops (they add up to 100).
        func shares(_ m: NodeModel) -> String { m.stats.recentShare.map { "\(Int(saturating: $0 * 100))" }.joined(separator: "/") }
        spans += [Span(dot + "recent H/N/L ", muted), Span(shares(a)), Span(" vs ", muted), Span(shares(b))]
        // The first warning (active first, then the latest) shown on one lane and not the other.
        let shownA = a.warnings.shown(now: state.now, settings: state.warningSettings).map(\.title)
        let shownB = b.warnings.shown(now: state.now, settings: state.warningSettings).map(\.title)
        let onlyA = shownA.filter { !shownB.contains($0) }, onlyB = shownB.filter { !shownA.contains($0) }
        if let w = onlyA.first {
            spans += [Span(dot, muted), Span(theme.glyphs.plain("⚠ ") + w, theme.style(.warning)), Span(": \(a.policy) only", muted)]
        } else if let w = onlyB.first {
            spans += [Span(dot, muted), Span(theme.glyphs.plain("⚠ ") + w, theme.style(.warning)), Span(": \(b.policy) only", muted)]
        }
        return spans
    }
}
