import PeatEvents

/// Batch sizes offered by `+`/`-`: doubled and halved.
public enum BatchSize {
    public static let minimum = 1
    /// The largest batch `+` reaches: `--batch`'s own upper bound, so a size the command line
    /// accepts is never cut by a key (one pop step runs on the main loop between frames; the
    /// pop log keeps the levels of at most `PopStep.keptLevels` events of a step anyway).
    public static let maximum = 10_000

    /// `n` doubled (`+`), at most `maximum`: 3 → 6, 5000 → 10000.
    public static func bigger(_ n: Int) -> Int {
        let (doubled, overflow) = Swift.max(minimum, n).multipliedReportingOverflow(by: 2)
        return overflow ? maximum : Swift.min(maximum, doubled)
    }

    /// `n` halved (`-`), rounding down, at least 1: 5 → 2, 8 → 4.
    public static func smaller(_ n: Int) -> Int {
        Swift.max(minimum, Swift.min(maximum, n) / 2)
    }
}

/// Applies `action` to `state` and returns what the core should do. Pure: no I/O, no clock.
@discardableResult
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    var effects: [Effect] = []
    func command(_ c: NodeCommand) {
        for key in state.targets(of: c) { effects.append(Effect(c, for: key)) }
    }
    if state.overviewShown && !state.helpShown && state.overview(action) {
        state.normalizeLists()
        return effects
    }
    switch action {
    case .inject, .injectTelemetry, .burst:
        guard state.injectionEnabled else {
            state.setStatus("injection is off on a live stream (start with --allow-inject to add synthetic events)", isError: true)
            break
        }
        switch action {
        case .inject(let level): command(.inject(level))
        case .injectTelemetry: command(.injectTelemetry)
        default: command(.burst(count: 100))
        }
    case .step: command(.pop(max: state.batchSize))
    case .batchBigger:
        let before = state.batchSize
        state.batchSize = BatchSize.bigger(state.batchSize)
        state.setStatus(state.batchSize == before ? "batch size \(state.batchSize) (the most)" : "batch size \(state.batchSize)")
    case .batchSmaller:
        state.batchSize = BatchSize.smaller(state.batchSize)
        state.setStatus("batch size \(state.batchSize)")
    case .toggleAutoDrain:
        state.autoDrain.toggle()
        state.setStatus(state.autoDrain ? "auto-drain on: \(state.linkRate) events/s in pops of \(state.batchSize)" : "auto-drain off")
    case .togglePause:
        state.paused.toggle()
        state.setStatus(state.paused ? "paused: generator and auto-drain stopped (keys still work)" : "resumed")
    case .switchPolicy:
        command(.setPolicy(state.core.policy == .reference ? .fair : .reference))
    case .acknowledge:
        let selected = state.focus == .alerts ? state.selectedAlert.flatMap { $0.acknowledged ? nil : $0.key } : nil
        if state.live.connection != nil {
            command(.acknowledge(alertKey: selected))  // a remote node keeps its alerts: ask it
        } else {
            let report = state.live.acknowledge(key: selected)
            if state.frozenModel != nil { _ = state.frozenModel?.acknowledge(key: selected) }
            state.setStatus(report.text, isError: report.isError)
        }

    case .focusNext, .focusPrevious:
        state.leave(state.focus)
        state.focus = action == .focusNext ? state.focus.next : state.focus.previous
        state.detail = nil
    case .moveUp: state.move(by: -1)
    case .moveDown: state.move(by: 1)
    case .pageUp: state.move(by: -max(1, state.pageRows))
    case .pageDown: state.move(by: max(1, state.pageRows))
    case .moveTop: state.move(by: Int.min / 2)
    case .moveBottom: state.move(by: Int.max / 2)
    case .openDetail:
        switch state.focus {
        case .browser: state.openDetail(state.selectedBrowserEvent, empty: "no telemetry selected")
        case .alerts: state.openDetail(state.selectedAlert?.event, empty: "no alert selected")
        case .queue, .popLog: state.setStatus("Enter opens events in the alerts and telemetry panes (Tab to focus)")
        }
    case .back:
        if state.helpShown { state.helpShown = false }
        else if state.warningsShown { state.warningsShown = false }
        else if state.streamErrorsShown { state.streamErrorsShown = false }
        else if state.detail != nil { state.detail = nil }
        else if !state.filter.isEmpty { state.filter = ""; state.browserList = ListPosition(); state.setStatus("filter cleared") }
        else if state.nodeOrder.count > 1 && !state.overviewShown {
            state.overviewShown = true
            state.overviewList.selected = state.nodeOrder.firstIndex(of: state.focusedNode) ?? 0
        }
    case .startFilter:
        // A new filter: typing replaces the applied one (Up recalls it).
        state.filterDraft = ""
        if state.focus != .browser { state.leave(state.focus) }
        state.focus = .browser
        state.detail = nil
        state.helpShown = false
    case .filterInput(let c):
        if state.filterDraft != nil, state.filterDraft!.count < 64 {
            state.filterDraft!.append(c)
            state.browserList = ListPosition()
        }
    case .filterBackspace:
        if state.filterDraft?.isEmpty == false {
            state.filterDraft!.removeLast()
            state.browserList = ListPosition()
        }
    case .filterApply:
        if let draft = state.filterDraft {
            state.filter = draft.trimmingSpaces
            state.filterDraft = nil
            if !state.filter.isEmpty { state.lastFilter = state.filter }
            state.browserList = ListPosition()
            state.setStatus(state.filter.isEmpty ? "filter cleared" : "filter: type contains \"\(state.filter)\"")
        }
    case .filterCancel:
        state.filterDraft = nil
        state.browserList = ListPosition()
    case .filterRecall:
        if state.filterDraft != nil, let last = state.lastFilter ?? (state.filter.isEmpty ? nil : state.filter) {
            state.filterDraft = last
            state.browserList = ListPosition()
        }
    case .toggleFreeze:
        if state.frozenModel == nil {
            state.frozenModel = state.live
            state.setStatus("display frozen: the node runs on (f resumes)")
        } else {
            state.frozenModel = nil
            state.setStatus("display live")
        }
    case .toggleHelp:
        state.helpShown.toggle()
        state.helpScroll = 0
    case .quit:
        state.quitRequested = true

    case .resize(let size):
        state.size = size
    case .tick(let time):
        if time.seconds != state.now {
            state.now = time.seconds
            if let s = state.status, time.seconds >= s.time + StatusMessage.lifetime { state.status = nil }
        }
        let advance = NodeCommand.advance(to: time, generate: state.scenario == .demo && !state.paused,
                                          drainRate: state.autoDrain && !state.paused ? state.linkRate : 0,
                                          batch: state.batchSize)
        for node in state.nodeOrder { effects.append(Effect(advance, for: node)) }
    case .unknownKey(let key):
        state.unknownKeys += 1
        state.setStatus("unknown key \(key) — press ? for help", isError: true)
    case .node(let key, let event):
        let running = state.running
        if let report = state.nodes[key]?.fold(event, running: running) {
            state.setStatus(report.text, isError: report.isError)
        }
        if case .observed = event { state.evaluateWarnings(key) }
        if key == state.focusedNode, state.frozenModel == nil { state.followAnchors() }
    case .focusNode(let key):
        if state.nodes[key] != nil, key != state.focusedNode {
            state.leave(state.focus)
            state.focusedNode = key
            state.detail = nil
            if state.frozenModel != nil { state.frozenModel = state.live }
        }
    case .measured(let helpMaxScroll):
        state.helpMaxScroll = helpMaxScroll
        state.helpScroll = min(state.helpScroll, helpMaxScroll)
    case .report(let text, let isError):
        state.setStatus(text, isError: isError)

    case .stream(let delivery):
        for input in state.compare?.keys ?? Array(state.nodeOrder.prefix(1)) { effects.append(Effect(.ingest(delivery), for: input)) }
    case .export:
        var delays = state.core.delays
        delays.refresh(now: state.core.time.seconds)
        command(.export(AlertExport(alerts: state.core.alerts.reversed(), received: state.core.alertsReceived, delays: delays)))
    case .toggleStreamErrors:
        state.streamErrorsShown.toggle()
        if state.streamErrorsShown { state.helpShown = false }
    case .mouse(let m):
        state.handleMouse(m)
    case .copySelection:
        state.copySelection()
    case .toggleCompare:
        state.toggleCompare()
    case .toggleWarnings:
        state.warningsShown.toggle()
        if state.warningsShown { state.helpShown = false; state.streamErrorsShown = false }
    }
    state.normalizeLists()
    return effects
}

extension AppState {
    /// Moves and Enter in the formation overview: the selection picks the node the keys
    /// command; Enter opens its panes.
    /// - Returns: whether the action was the overview's.
    mutating func overview(_ action: Action) -> Bool {
        let rows = max(1, layout.body.height - 3)
        let delta: Int
        switch action {
        case .moveUp: delta = -1
        case .moveDown: delta = 1
        case .pageUp: delta = -rows
        case .pageDown: delta = rows
        case .moveTop: delta = Int.min / 2
        case .moveBottom: delta = Int.max / 2
        case .openDetail:
            if overviewList.selected < nodeOrder.count {
                select(nodeOrder[overviewList.selected])
                overviewShown = false
            }
            return true
        default: return false
        }
        overviewList.selected = overviewList.selected.addingClamped(delta)
        overviewList.normalize(count: nodeOrder.count, rows: rows)
        if overviewList.selected < nodeOrder.count { select(nodeOrder[overviewList.selected]) }
        return true
    }

    /// Shows (and commands) node `key`.
    mutating func select(_ key: NodeKey) {
        guard key != focusedNode, nodes[key] != nil else { return }
        leave(focus)
        focusedNode = key
        detail = nil
    }

    /// Shows `text` in the status line from now.
    mutating func setStatus(_ text: String, isError: Bool = false) {
        status = StatusMessage(text: text, isError: isError, time: now)
    }

    /// The focused list's position (nil for the queue pane, which has no list).
    var focusedList: ListPosition? {
        switch focus {
        case .queue: return nil
        case .alerts: return alertsList
        case .browser: return browserList
        case .popLog: return popLogList
        }
    }

    /// Rows a page move covers in the focused pane.
    var pageRows: Int {
        if detail != nil || helpShown { return max(1, layout.body.height - 4) }
        return max(1, layout.listRows(focus) - 1)
    }

    /// Moves the focused list's selection (or the detail view's scroll) by `delta`.
    mutating func move(by delta: Int) {
        if helpShown {
            helpScroll = min(helpMaxScroll, max(0, helpScroll.addingClamped(delta)))
            return
        }
        if detail != nil {
            detailScroll = max(0, detailScroll.addingClamped(delta))
            return
        }
        switch focus {
        case .queue: break
        case .alerts: alertsList.selected = alertsList.selected.addingClamped(delta)
        case .browser: browserList.selected = browserList.selected.addingClamped(delta)
        case .popLog: popLogList.selected = popLogList.selected.addingClamped(delta)
        }
    }

    mutating func openDetail(_ event: PeatEvent?, empty: String) {
        if let event {
            detail = event
            detailScroll = 0
            helpShown = false
        } else {
            setStatus(empty)
        }
    }

    /// Keeps every selection in range and visible for the current layout, and the focused
    /// list's anchor on its selected row.
    mutating func normalizeLists() {
        let l = layout
        alertsList.normalize(count: core.alerts.count, rows: l.listRows(.alerts))
        browserList.normalize(count: core.browserTotal, rows: l.listRows(.browser))
        popLogList.normalize(count: core.popLog.count, rows: l.listRows(.popLog))
        // At the top a focused list follows the newest row (no anchor, no badge); below it, the
        // cursor stays on its row and counts what arrives above.
        let top = focusedList?.selected == 0
        if top || focus == .queue { newerAbove = 0 }
        alertsAnchor = focus == .alerts && !top ? ListAnchor.at(alertsList.selected, in: core.alerts.map(\.anchorID)) : nil
        popLogAnchor = focus == .popLog && !top ? ListAnchor.at(popLogList.selected, in: core.popLog.map(\.anchorID)) : nil
        if focus != .browser || core.browserFilter != effectiveFilter || top {
            browserAnchor = nil  // the rows on hand are for another filter: wait for the new page
        } else if let a = ListAnchor.at(browserList.selected, in: core.browserRows.map(\.eventID), offset: core.browserOffset) {
            browserAnchor = a
        } else if browserAnchor?.index != browserList.selected {
            browserAnchor = nil  // moved off the page: anchored once the page arrives
        }
    }

    /// A pane lost the focus: its list goes back to the top (showing the newest rows) and
    /// stops following a row.
    mutating func leave(_ pane: Pane) {
        newerAbove = 0
        switch pane {
        case .queue: break
        case .alerts: alertsList = ListPosition(); alertsAnchor = nil
        case .browser: browserList = ListPosition(); browserAnchor = nil
        case .popLog: popLogList = ListPosition(); popLogAnchor = nil
        }
    }

    /// After a new core snapshot: each anchored selection moves to where its row now is (or
    /// its nearest surviving neighbour); when none is left it keeps its position.
    mutating func followAnchors() {
        if let a = alertsAnchor, let i = a.locate(in: core.alerts.map(\.anchorID)) {
            newerAbove += max(0, i - alertsList.selected)
            alertsList.selected = i
        }
        if let a = popLogAnchor, let i = a.locate(in: core.popLog.map(\.anchorID)) {
            newerAbove += max(0, i - popLogList.selected)
            popLogList.selected = i
        }
        if browserAnchor != nil, let i = core.browserAnchorIndex {
            newerAbove += max(0, i - browserList.selected)
            browserList.selected = i
            browserAnchor?.index = i
        }
    }
}

extension Int {
    /// `self + delta` without overflow traps.
    func addingClamped(_ delta: Int) -> Int {
        let (r, overflow) = addingReportingOverflow(delta)
        return overflow ? (delta > 0 ? Int.max : Int.min) : r
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
