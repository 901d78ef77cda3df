import PeatEvents

/// The `E` overlay: the live input's status, its errors by reason, and the last few errors
/// with their producer and position, centred over the panes like the help.
public enum StreamErrorsView {
    /// The overlay's lines for `state`.
    static func lines(_ state: AppState, theme: Theme) -> [[Span]] {
        let g = theme.glyphs
        guard let s = state.core.stream else {
            return [[Span("No live input. Start with --source PATH|- or --listen unix:/path.", theme.style(.muted))]]
        }
        var out: [[Span]] = [[Span(g.plain(s.description), theme.style(.emphasis))]]  // escaped by StreamStatus
        var facts = "\(s.bytes) bytes read"
        if let f = s.format { facts += " \(g.dot) \(f)" }
        if s.label.hasPrefix("unix:") { facts += " \(g.dot) \(s.producersSeen) producers so far" }
        out.append([Span(g.plain(facts), theme.style(.muted))])
        out.append([])
        if !s.unknownFields.isEmpty {
            // A newer producer's schema: its events were read without these fields.
            let n = s.unknownFields.records
            out.append([Span("Unknown fields skipped in \(n) event\(n == 1 ? "" : "s"):", theme.style(.warning))])
            let names = s.unknownFields.names.map { "\"" + InputText.escaped($0) + "\"" }.joined(separator: " ")
            out.append([Span("  " + g.plain(names))])
            out.append([])
        }
        let counts = s.errors.nonZero
        if counts.isEmpty {
            out.append([Span("No bad records.", theme.style(.good))])
        } else {
            out.append([Span("By reason", theme.style(.emphasis))])
            for (reason, n) in counts {
                out.append([Span("  " + TextWidth.pad("\(n)", to: 7), theme.style(.error)), Span(reason.description)])
            }
            out.append([])
            out.append([Span("Last \(s.recentErrors.count), newest last", theme.style(.emphasis))])
            for e in s.recentErrors {
                out.append([Span("  \(InputText.escaped(e.source)) ", theme.style(.muted)), Span("\(e.error.position) ", theme.style(.warning)),
                            Span(e.error.reason.description, theme.style(.error)),
                            Span(e.error.detail.isEmpty ? "" : ": " + g.plain(InputText.escaped(e.error.detail)))])
            }
        }
        return out
    }

    public static func render(_ state: AppState, into area: Rect, of buffer: inout Buffer) {
        let theme = Theme(capabilities: state.capabilities)
        CenteredOverlay(title: "Input", closeHint: "q, E or Esc closes", lines: lines(state, theme: theme))
            .render(into: area, of: &buffer, theme: theme)
    }
}
