import PeatEvents

/// The queueing-delay table of one node: per level, how long events waited from emit to pop
/// (p50/p90/p99/max over the last 10 s, p99/max over the run) and from pop to sent on the link
/// (p99 over the run), from the model's HdrHistograms. Shown in the side-by-side view; its
/// lines are also what the warnings overlay and the README describe.
public enum DelayView {
    /// Column widths: the level name, each figure.
    static let nameWidth = 9, figureWidth = 6

    /// How much of the table fits in `width` columns.
    enum Form { case full, medium, narrow }

    static func form(for width: Int) -> Form {
        if width >= nameWidth + 4 * figureWidth + 2 + 2 * figureWidth + 2 + 2 * figureWidth { return .full }
        if width >= nameWidth + 4 * figureWidth + 1 + figureWidth { return .medium }
        return .narrow
    }

    /// A wait, or "–" when none was measured.
    static func figure(_ millis: UInt64, _ summary: DelaySummary, theme: Theme) -> String {
        summary.count == 0 ? theme.glyphs.unknown : QueueDelays.format(millis: millis)
    }

    /// The header and one line per level for `model` in `width` columns.
    public static func lines(_ model: NodeModel, width: Int, theme: Theme) -> [[Span]] {
        let muted = theme.style(.muted), head = theme.style(.columnHeader)
        let form = form(for: width)
        func cell(_ text: String, _ style: Style) -> Span { Span(TextWidth.pad(text, to: figureWidth, alignRight: true), style) }
        let name = form == .narrow ? 2 : nameWidth
        var header = [Span(TextWidth.pad(form == .narrow ? "" : "wait", to: name), head)]
        switch form {
        case .full:
            header += ["p50", "p90", "p99", "max"].map { cell($0, head) }
            header += [Span("  ", muted), cell("run99", head), cell("max", head), Span("  ", muted), cell("link99", head), cell("max", head)]
        case .medium:
            header += ["p50", "p90", "p99", "max"].map { cell($0, head) } + [Span(" ", muted), cell("run99", head)]
        case .narrow:
            header += ["p50", "p99", "max"].map { cell($0, head) } + [cell("run99", head)]
        }
        var out = [header]
        for level in PriorityLevel.allCases {
            let recent = model.delays.summary(level, .queue, recent: true)
            let run = model.delays.summary(level, .queue, recent: false)
            let link = model.delays.summary(level, .link, recent: false)
            let style = theme.style(level: level)
            var spans = [Span(TextWidth.pad(form == .narrow ? level.letter : level.name, to: name), style)]
            let strong = recent.count > 0 ? theme.style(.text) : muted
            switch form {
            case .full:
                spans += [cell(figure(recent.p50, recent, theme: theme), strong), cell(figure(recent.p90, recent, theme: theme), strong),
                          cell(figure(recent.p99, recent, theme: theme), theme.style(.emphasis)), cell(figure(recent.max, recent, theme: theme), strong),
                          Span("  ", muted), cell(figure(run.p99, run, theme: theme), muted), cell(figure(run.max, run, theme: theme), muted),
                          Span("  ", muted), cell(figure(link.p99, link, theme: theme), muted), cell(figure(link.max, link, theme: theme), muted)]
            case .medium:
                spans += [cell(figure(recent.p50, recent, theme: theme), strong), cell(figure(recent.p90, recent, theme: theme), strong),
                          cell(figure(recent.p99, recent, theme: theme), theme.style(.emphasis)), cell(figure(recent.max, recent, theme: theme), strong),
                          Span(" ", muted), cell(figure(run.p99, run, theme: theme), muted)]
            case .narrow:
                spans += [cell(figure(recent.p50, recent, theme: theme), strong), cell(figure(recent.p99, recent, theme: theme), theme.style(.emphasis)),
                          cell(figure(recent.max, recent, theme: theme), strong), cell(figure(run.p99, run, theme: theme), muted)]
            }
            out.append(spans)
        }
        return out
    }

    /// The table in a box titled "Queueing delay", with the node's shown warnings below it
    /// while rows are left.
    public static func render(_ model: NodeModel, state: AppState, into rect: Rect, of buffer: inout Buffer, focused: Bool = false) {
        let theme = Theme(capabilities: state.capabilities)
        let window = "last \(QueueDelays.windowSeconds)s"
        let title = rect.width >= 48 ? [Span("Queueing delay"), Span(" \(theme.glyphs.dot) emit\(theme.glyphs.plain("→"))pop, " + window, theme.style(.muted))]
                                     : [Span("Delay"), Span(" \(theme.glyphs.dot) " + window, theme.style(.muted))]
        let inner = Box(title: title, trailing: [], focused: focused).render(into: rect, of: &buffer, theme: theme)
        guard inner.height > 0, inner.width > 4 else { return }
        let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        var y = area.y
        for line in lines(model, width: area.width, theme: theme) where y < area.maxY {
            buffer.put(line, x: area.x, y: y, maxWidth: area.width, ellipsis: theme.glyphs.ellipsis)
            y += 1
        }
        let shown = model.warnings.shown(now: state.now, settings: state.warningSettings)
        for w in shown where y < area.maxY {
            buffer.put(WarningsView.line(w, now: state.now, theme: theme), x: area.x, y: y, maxWidth: area.width, ellipsis: theme.glyphs.ellipsis)
            y += 1
        }
        if shown.isEmpty, y < area.maxY {
            buffer.put("no warnings", x: area.x, y: y, style: theme.style(.muted), maxWidth: area.width)
        }
    }
}
