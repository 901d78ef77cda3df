import PeatEvents

/// The `W` overlay: the warnings of the node (of both lanes in a comparison), active first,
/// each with its one-line reason, then every lint with whether it is on and its threshold.
public enum WarningsView {
    /// One warning on one line: "⚠ starvation NORMAL: NORMAL got nothing for 12s while LOW was
    /// served", or for a cleared one "cleared 20s ago: starvation NORMAL: …", muted.
    public static func line(_ w: Warning, now: UInt64, theme: Theme) -> [Span] {
        let g = theme.glyphs
        if w.active {
            return [Span(g.plain("⚠ ") + w.title, theme.style(.warning)), Span(": " + g.plain(w.reason))]
        }
        let ago = now >= w.lastSeen ? Format.duration(Int64(now - w.lastSeen)) : "0s"
        return [Span("cleared \(ago) ago: ", theme.style(.muted)), Span(w.title, theme.style(.warning)),
                Span(": " + g.plain(w.reason), theme.style(.muted))]
    }

    /// The threshold of `lint` as the settings have it ("5s", "5 points over 10s", "–").
    public static func threshold(_ lint: LintName, _ s: WarningSettings) -> String {
        switch lint {
        case .starvation: return "\(s.starvationSeconds)s"
        case .shareDrift: return "\(s.shareDriftPoints) points over \(s.shareDriftWindowSeconds)s"
        case .unboundedGrowth: return "\(s.growthSeconds)s"
        case .alertUnacknowledged: return "\(s.unacknowledgedSeconds)s"
        case .criticalDropped, .ttlExpiredInQueue: return "any"
        }
    }

    /// The overlay's lines for `state`.
    static func lines(_ state: AppState, theme: Theme) -> [[Span]] {
        let muted = theme.style(.muted)
        let keys = state.compare?.keys ?? [state.focusedNode]
        var out: [[Span]] = []
        for key in keys {
            guard let model = state.nodes[key] else { continue }
            let all = model.warnings.warnings
            let active = all.filter(\.active).count
            let name = key.rawValue.contains("\(model.policy)") ? key.rawValue : "\(key.rawValue) \(theme.glyphs.dot) \(model.policy)"
            out.append([Span(name, theme.style(.emphasis)), Span(" \(theme.glyphs.dot) ", muted),
                        Span("\(active) active", active > 0 ? theme.style(.warning) : theme.style(.good)),
                        Span(", \(all.count - active) cleared", muted)])
            if all.isEmpty { out.append([Span("  no warning has fired", muted)]) }
            for w in all {
                out.append([Span("  ")] + line(w, now: state.now, theme: theme)
                           + [Span(" (fired \(w.fired)\(w.fired == 1 ? " time" : " times"))", muted)])
            }
            out.append([])
        }
        out.append([Span(TextWidth.pad("lint", to: 22), theme.style(.columnHeader)), Span(TextWidth.pad("on", to: 5), theme.style(.columnHeader)),
                     Span(TextWidth.pad("threshold", to: 20), theme.style(.columnHeader)), Span("fires when", theme.style(.columnHeader))])
        for lint in LintName.allCases {
            let on = state.warningSettings.enabled.contains(lint)
            out.append([Span(TextWidth.pad(lint.name, to: 22), on ? theme.style(.text) : muted),
                        Span(TextWidth.pad(on ? "on" : "off", to: 5), on ? theme.style(.good) : muted),
                        Span(TextWidth.pad(threshold(lint, state.warningSettings), to: 20), muted),
                        Span(lint.meaning, muted)])
        }
        out.append([Span("--allow NAME switches one off, --warn NAME on; thresholds: peat-console run --help", muted)])
        return out
    }

    public static func render(_ state: AppState, into area: Rect, of buffer: inout Buffer) {
        let theme = Theme(capabilities: state.capabilities)
        CenteredOverlay(title: "Warnings", closeHint: "q, W or Esc closes", lines: lines(state, theme: theme))
            .render(into: area, of: &buffer, theme: theme)
    }
}
