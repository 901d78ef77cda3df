/// The whole screen for a state: header, the four panes (or, on a small screen, the tab strip
/// and the focused pane; or the detail view), status line, footer, and the help overlay on top.
public enum Screen {
    public static func render(_ state: AppState, keyMap: KeyMap = .standard) -> Buffer {
        var buffer = Buffer(size: state.size)
        buffer.asciiText = !state.capabilities.unicode
        let layout = state.layout
        if layout.tooSmall {
            TooSmallView.render(state, into: Rect(state.size), of: &buffer)
            return buffer
        }
        let theme = Theme(capabilities: state.capabilities)
        HeaderView.render(state, into: layout.header, of: &buffer)
        if state.overviewShown {
            FormationView.render(state, into: layout.body, of: &buffer)
        } else if state.comparing {
            CompareView.render(state, into: layout.body, of: &buffer)
        } else if layout.tabbed { TabStripView.render(state, into: layout.tabStrip, of: &buffer) }
        for pane in Pane.allCases where !layout.hidden.contains(pane) && !state.overviewShown && !state.comparing {
            let rect = layout.rect(pane)
            switch pane {
            case .queue: QueueView.render(state, into: rect, of: &buffer)
            case .alerts: AlertsView.render(state, into: rect, of: &buffer)
            case .browser: BrowserView.render(state, into: rect, of: &buffer)
            case .popLog: PopLogView.render(state, into: rect, of: &buffer)
            }
            if pane == state.focus, state.newerAbove > 0 { newerBadge(state, in: rect, of: &buffer, theme: theme) }
        }
        if state.detail != nil { DetailView.render(state, into: layout.body, of: &buffer) }
        if state.streamErrorsShown { StreamErrorsView.render(state, into: layout.body, of: &buffer) }
        if state.warningsShown { WarningsView.render(state, into: layout.body, of: &buffer) }
        if state.helpShown { HelpOverlay(keyMap: keyMap).render(into: layout.body, of: &buffer, theme: theme, scroll: state.helpScroll) }
        StatusView.render(state, into: layout.status, of: &buffer)
        KeyHints(bindings: keyMap.footerBindings(in: state)).render(into: layout.footer, of: &buffer, theme: theme)
        return buffer
    }

    /// `▲21 newer · g follow` on the focused pane's bottom border, right-aligned: rows arrived
    /// above the cursor while it stays on its row.
    static func newerBadge(_ state: AppState, in rect: Rect, of buffer: inout Buffer, theme: Theme) {
        guard rect.height >= 2 else { return }
        let g = theme.glyphs
        let text = " " + g.plain("▲") + "\(Names.count(state.newerAbove)) newer \(g.dot) g follow "
        let width = TextWidth.of(text)
        guard rect.width >= width + 4 else { return }
        buffer.put(text, x: rect.maxX - width - 2, y: rect.maxY - 1, style: theme.style(.emphasis))
    }
}
