/// Where the mouse is on the layout: the pane under a cell and the list row under it.
extension ScreenLayout {
    /// The pane drawn at (`x`, `y`), border included; nil over the header, status, footer,
    /// tab strip or a hidden pane.
    public func pane(atX x: Int, y: Int) -> Pane? {
        guard !tooSmall else { return nil }
        return Pane.allCases.first { pane in
            let r = rect(pane)
            return !hidden.contains(pane) && x >= r.x && x < r.maxX && y >= r.y && y < r.maxY
        }
    }

    /// The screen row of `pane`'s first list row (below the border, and the column header of
    /// the tables or the share statistics of the pop log); nil for the queue pane, which has
    /// no list.
    public func firstListRow(_ pane: Pane) -> Int? {
        let r = rect(pane)
        switch pane {
        case .queue: return nil
        case .alerts, .browser: return r.y + 2
        case .popLog: return r.y + 1 + PopLogLayout.statsRows(innerHeight: r.height - 2)
        }
    }
}

extension AppState {
    /// Rows one wheel step moves.
    public static let wheelStep = 3

    /// A click or a wheel turn. Over a pane: a click focuses it and selects the list row under
    /// the pointer; the wheel focuses it and moves its selection `wheelStep` rows (following
    /// the newest row again at the top, as `g` does). Over the help or a detail view the wheel
    /// scrolls it; clicks there, while typing a filter, and outside the panes do nothing.
    mutating func handleMouse(_ m: MouseEvent) {
        let step = m.kind == .wheelUp ? -AppState.wheelStep : AppState.wheelStep
        if filterDraft != nil || streamErrorsShown { return }
        if helpShown || detail != nil {
            if m.kind != .press { move(by: step) }
            return
        }
        if overviewShown {
            if m.kind != .press { _ = overview(step < 0 ? .moveUp : .moveDown) }
            return
        }
        let l = layout
        guard let pane = l.pane(atX: m.x, y: m.y) else { return }
        if pane != focus {
            leave(focus)
            focus = pane
        }
        switch m.kind {
        case .wheelUp, .wheelDown:
            move(by: step)
        case .press:
            guard let first = l.firstListRow(pane), m.y >= first else { return }
            let row = m.y - first
            guard row < l.listRows(pane) else { return }
            let index: Int
            let count: Int
            switch pane {
            case .queue: return
            case .alerts: index = alertsList.scroll + row; count = core.alerts.count
            case .browser: index = browserList.scroll + row; count = core.browserTotal
            case .popLog: index = popLogList.scroll + row; count = core.popLog.count
            }
            guard index < count else { return }
            switch pane {
            case .queue: break
            case .alerts: alertsList.selected = index
            case .browser: browserList.selected = index
            case .popLog: popLogList.selected = index
            }
        }
    }
}
