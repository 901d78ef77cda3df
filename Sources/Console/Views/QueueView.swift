import Foundation
import PeatEvents

/// Pane 1: outbound queue depth per level (bar, count, sparkline) and the split by class.
public enum QueueView {
    /// The pane's frame and titles.
    public static func box(_ state: AppState) -> Box {
        let theme = Theme(capabilities: state.capabilities)
        let c = state.core
        // What waits to leave the node: the queue, and what was popped but waits on the link.
        let onLink = c.link.queued.reduce(0, +)
        // "86 pending", or with the modelled link "86 + 38 on link" (short enough for 80 columns).
        var title = [Span("Outbound queue")]
        if c.link.bytesPerSecond > 0 {
            title.append(Span(" \(theme.glyphs.dot) \(Names.count(c.pending)) + \(Names.count(onLink)) on link", theme.style(.muted)))
        } else {
            title.append(Span(" \(theme.glyphs.dot) \(Names.count(c.pending)) pending", theme.style(.muted)))
        }
        return Box(title: title,
                   trailing: [Span("log scale", theme.style(.muted))],
                   focused: state.focus == .queue)
    }

    /// The bars' fixed logarithmic scale runs from 1 to this (one decade per seventh of the
    /// bar): a queue that grows always lengthens its bar, and never rescales out of sight.
    public static let logScaleTop = 10_000_000

    /// `n` on the log scale, in thousandths of a decade.
    static func logScaled(_ n: Int) -> Int { n <= 0 ? 0 : Int(saturating: log10(Double(n) + 1) * 1000) }

    /// A net rate: "+18/s", "-3/s", "0/s", or "–" before it is measured.
    static func netRate(_ r: Double?) -> String {
        guard let r else { return "–" }
        let n = Int(saturating: r)
        return (n > 0 ? "+" : "") + Names.count(n) + "/s"
    }

    /// "▲ growing +18/s (in > out) · drain 3s at 32/s" when it grows: the time what is queued
    /// takes at the current out rate (the link's pops), were the inflow to stop.
    static func trendLine(_ c: NodeModel, theme: Theme) -> [Span] {
        let warn = theme.style(.warning)
        let muted = theme.style(.muted)
        let net = c.netRates?.reduce(0, +) ?? 0
        var spans = [Span(theme.glyphs.plain("▲ growing ") + netRate(net) + " (in > out)", warn)]
        if let s = c.secondsToDrain, let out = c.poppedRate {
            spans.append(Span(" \(theme.glyphs.dot) drain \(Format.duration(s)) at \(Names.count(Int(saturating: out)))/s", muted))
        }
        return spans
    }

    /// The bar scale: the deepest level rounded up to 1-2-5 × 10ⁿ, at least 10.
    public static func scale(for core: NodeModel) -> Int {
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
        // The count column fits the widest count with a space before it ("10,000" and up used
        // to run into the bar); the bar gives way.
        let widestCount = (0..<4).map { Names.count(c.pendingCounts[safe: $0] ?? 0).count }.max() ?? 1
        let labelWidth = 9, countWidth = max(6, widestCount + 1)
        // The age of each level's oldest queued event and its net rate (in - out): growth is
        // seen as a number, not only as a bar. Narrow panes give up the sparkline for them.
        let ageWidth = 6, netWidth = 7
        // With room, each level's queueing-delay p99 over the last 10 s ("p99 4.5s", from the
        // model's histograms), taken from the sparkline.
        let waitWidth = area.width >= 50 ? 9 : 0
        let sparkWidth = area.width >= 50 ? max(0, min(30, area.width / 4) - waitWidth + 4) : 0
        let barWidth = max(1, area.width - labelWidth - countWidth - ageWidth - netWidth - waitWidth - 1 - sparkWidth)
        let recentMax = (0..<4).map { l in ((c.depthHistory[safe: l] ?? []).suffix(max(0, sparkWidth - 1)) + [c.pendingCounts[safe: l] ?? 0]).max() ?? 0 }.max() ?? 1
        var y = area.y
        for level in PriorityLevel.allCases where y < area.maxY {
            let count = c.pendingCounts[safe: level.rawValue] ?? 0
            let style = theme.style(level: level)
            buffer.put(level.name, x: area.x, y: y, style: style)
            Bar(value: logScaled(count), maximum: logScaled(logScaleTop), style: style)
                .render(x: area.x + labelWidth, y: y, width: barWidth, of: &buffer, theme: theme)
            var x = area.x + labelWidth + barWidth
            buffer.put(TextWidth.pad(Names.count(count), to: countWidth, alignRight: true), x: x, y: y,
                       style: count > 0 ? theme.style(.emphasis) : theme.style(.muted))
            x += countWidth
            let age = c.oldestAge(level, now: state.now).map(Format.duration) ?? theme.glyphs.unknown
            buffer.put(TextWidth.pad(age, to: ageWidth, alignRight: true), x: x, y: y, style: theme.style(.muted))
            x += ageWidth
            let grows = c.levelGrows(level)
            buffer.put(TextWidth.pad(c.netRates?[safe: level.rawValue].map(netRate) ?? theme.glyphs.unknown, to: netWidth, alignRight: true), x: x, y: y,
                       style: grows ? theme.style(.warning) : theme.style(.muted))
            x += netWidth
            if waitWidth > 0 {
                let wait = c.delays.summary(level, recent: true)
                buffer.put(TextWidth.pad(wait.count > 0 ? "p99 " + QueueDelays.format(millis: wait.p99) : "", to: waitWidth, alignRight: true), x: x, y: y,
                           style: theme.style(.muted))
            }
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
        // A sustained in > out comes first: said in words, with what the link drains.
        if c.sustainedGrowth, y < area.maxY {
            buffer.put(trendLine(c, theme: theme), x: area.x, y: y, maxWidth: area.width, ellipsis: theme.glyphs.ellipsis)
            y += 1
        }
        guard y < area.maxY else { return }
        // Rows below the levels, most wanted first: the class split, the store line, the link
        // (when it fits whole), then a rule over the class split and the totals.
        let rowsLeft = area.maxY - y
        var classLines = pack(parts(false))
        if classLines.count + 1 > rowsLeft { classLines = pack(parts(true)) }
        let store = storeLine(c, width: area.width, theme: theme)
        var used = min(rowsLeft, classLines.count + 1)
        let showLink = rowsLeft - used >= LinkRows.height && area.width >= LinkRows.minimumWidth
        if showLink { used += LinkRows.height }
        let ruled = rowsLeft - used >= 1
        if ruled { used += 1 }
        let totals = rowsLeft - used >= 1
        if ruled {
            rule(" by class ", x: area.x, y: y, width: area.width, of: &buffer, theme: theme)
            y += 1
        }
        for line in classLines.prefix(max(0, rowsLeft - 1)) where y < area.maxY {
            buffer.put(line, x: area.x, y: y, maxWidth: area.width, ellipsis: theme.glyphs.ellipsis)
            y += 1
        }
        guard y < area.maxY else { return }
        buffer.put(store, x: area.x, y: y, maxWidth: area.width, ellipsis: theme.glyphs.ellipsis)
        y += 1
        if totals {
            let spans: [Span] = [Span("emitted ", muted), Span(Names.count(c.emitted), theme.style(.emphasis)),
                                 Span("  popped ", muted), Span(Names.count(c.popped), theme.style(.emphasis))]
            buffer.put(spans, x: area.x, y: y, maxWidth: area.width, ellipsis: theme.glyphs.ellipsis)
            y += 1
        }
        if showLink {
            LinkRows(link: c.link).render(into: Rect(x: area.x, y: y, width: area.width, height: LinkRows.height), of: &buffer, theme: theme)
        }
    }

    /// "local store 1,234/1,000,000 · expired 12 · evicted 0", shortened to fit `width`; once
    /// an event has replaced a stored one with the same id, "· replaced N" too (the store keeps
    /// one event per id, so without it "6 events" beside "local store 1" would not add up).
    static func storeLine(_ c: NodeModel, width: Int, theme: Theme) -> [Span] {
        let muted = theme.style(.muted), strong = theme.style(.emphasis)
        let dot = " \(theme.glyphs.dot) "
        func count(_ n: Int, warn: Bool = false) -> Span { Span(Names.count(n), warn && n > 0 ? theme.style(.warning) : strong) }
        let full = c.localCount >= c.storeCapacity
        let replaced = c.replacedCount > 0
        func tail(_ label: String) -> [Span] { replaced ? [Span(dot + label, muted), count(c.replacedCount, warn: true)] : [] }
        var variants: [[Span]] = [
            [Span("local store ", muted), count(c.localCount), Span("/" + Names.count(c.storeCapacity), full ? theme.style(.warning) : muted),
             Span(dot + "expired ", muted), count(c.expiredCount), Span(dot + "evicted ", muted), count(c.evictedCount, warn: true)] + tail("replaced "),
            [Span("local store ", muted), count(c.localCount), Span(dot + "expired ", muted), count(c.expiredCount),
             Span(dot + "evicted ", muted), count(c.evictedCount, warn: true)] + tail("replaced "),
            [Span("store ", muted), count(c.localCount), Span(dot + "exp ", muted), count(c.expiredCount),
             Span(dot + "evict ", muted), count(c.evictedCount, warn: true)] + tail("repl "),
        ]
        if replaced {
            variants.append([Span("store ", muted), count(c.localCount), Span(dot + "evict ", muted), count(c.evictedCount, warn: true)] + tail("repl "))
        }
        return variants.first { $0.width <= width } ?? variants[variants.count - 1]
    }

    /// "── label ──────" across `width`.
    static func rule(_ label: String, x: Int, y: Int, width: Int, of buffer: inout Buffer, theme: Theme) {
        let g = theme.glyphs
        let text = String(repeating: g.rule, count: 2) + label + String(repeating: g.rule, count: max(0, width - TextWidth.of(label) - 2))
        buffer.put(text, x: x, y: y, style: theme.style(.muted), maxWidth: width)
    }
}

/// The link section of the queue pane: a rule with the link's bandwidth and column heads, then
/// per level the token bucket as a mini-bar and its bytes, the events waiting on the link,
/// sent, dropped (or rejected) and bytes sent — all from `LinkTransmitter`'s own state.
struct LinkRows {
    var link: LinkSnapshot

    /// A rule and four levels.
    static let height = 5
    /// Narrower than this, the section is not shown.
    static let minimumWidth = 34

    /// Column widths right of the bar (numbers right-aligned, a space included).
    static let tokensWidth = 7, queueWidth = 6, sentWidth = 7, dropWidth = 7, bytesWidth = 9

    func render(into rect: Rect, of buffer: inout Buffer, theme: Theme) {
        guard rect.height >= LinkRows.height, rect.width >= LinkRows.minimumWidth else { return }
        let muted = theme.style(.muted)
        // Narrower: the bytes column goes, then the level names shrink to their letters.
        let withBytes = rect.width >= 48
        let nameWidth = rect.width >= 44 ? 9 : 2
        var heads: [(String, Int)] = [("queue", LinkRows.queueWidth), ("sent", LinkRows.sentWidth),
                                      (link.overflow == .rejectNew ? "reject" : "drop", LinkRows.dropWidth)]
        if withBytes { heads.append(("bytes", LinkRows.bytesWidth)) }
        let right = LinkRows.tokensWidth + heads.reduce(0) { $0 + $1.1 }
        let barWidth = rect.width - nameWidth - right
        // The rule: "── link 3.2 kB/s ───── tokens queue  sent  drop    bytes" (a head that
        // would run into the label is left out; so is the oversize count when it has no room).
        let label = " link \(Format.bytes(link.bytesPerSecond))/s "
        QueueView.rule(label, x: rect.x, y: rect.y, width: rect.width, of: &buffer, theme: theme)
        var labelEnd = rect.x + 2 + TextWidth.of(label)
        let firstHead = rect.x + nameWidth + barWidth
        let oversize = link.stats.reduce(0) { $0 + $1.oversize }
        let note = " \(Names.count(oversize)) oversize "
        if oversize > 0, labelEnd + TextWidth.of(note) <= firstHead + LinkRows.tokensWidth - 6 {
            labelEnd += buffer.put(note, x: labelEnd, y: rect.y, style: theme.style(.warning))
        }
        var x = firstHead
        for (head, w) in [("tokens", LinkRows.tokensWidth)] + heads {
            if x + w - TextWidth.of(head) >= labelEnd {
                buffer.put(TextWidth.pad(" " + head, to: w, alignRight: true), x: x, y: rect.y, style: muted)
            }
            x += w
        }
        for level in PriorityLevel.allCases {
            let i = level.rawValue
            let y = rect.y + 1 + i
            let style = theme.style(level: level)
            let stats = link.stats[safe: i] ?? LinkLevelStats()
            let tokens = link.tokens[safe: i] ?? 0, capacity = link.capacities[safe: i] ?? 0
            buffer.put(nameWidth > 2 ? level.name : level.letter, x: rect.x, y: y, style: style)
            if tokens < 0, barWidth - 1 >= 4 {
                // An oversize event took the bucket into debt: nothing goes until it is repaid.
                buffer.put(TextWidth.pad("debt", to: barWidth - 1), x: rect.x + nameWidth, y: y, style: theme.style(.warning))
            } else {
                // Capacity left, not load: a gauge (full is good), not a bar (full is trouble).
                CapacityGauge(value: max(0, tokens), maximum: capacity)
                    .render(x: rect.x + nameWidth, y: y, width: barWidth - 1, of: &buffer, theme: theme)
            }
            var x = rect.x + nameWidth + barWidth
            func cell(_ text: String, _ width: Int, _ style: Style) {
                buffer.put(TextWidth.pad(text, to: width, alignRight: true), x: x, y: y, style: style, maxWidth: width)
                x += width
            }
            let queued = link.queued[safe: i] ?? 0
            let lost = stats.dropped + stats.rejected
            cell(Names.count(tokens), LinkRows.tokensWidth, tokens < 0 ? theme.style(.warning) : theme.style(.text))
            cell(Names.count(queued), LinkRows.queueWidth,
                 queued >= (link.queueCapacities[safe: i] ?? .max) ? theme.style(.warning) : queued > 0 ? theme.style(.emphasis) : muted)
            cell(Names.count(stats.transmitted), LinkRows.sentWidth, stats.transmitted > 0 ? theme.style(.text) : muted)
            cell(Names.count(lost), LinkRows.dropWidth, lost > 0 ? theme.style(.warning) : muted)
            if withBytes { cell(Format.bytes(stats.bytesTransmitted), LinkRows.bytesWidth, muted) }
        }
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
