import PeatEvents
import Testing
@testable import Console
@testable import LocalNode
import PeatDemo
import PeatInputs
@testable import PeatSoak

/// Key → action (through the key map) → state change and effects.
@Suite struct ReducerTests {
    let map = KeyMap.standard

    /// The commands a key sends (to the focused node).
    func press(_ key: Key, _ state: inout AppState) -> [NodeCommand] {
        let focused = state.focusedNode
        let effects = update(&state, map.action(for: key, in: state))
        #expect(effects.allSatisfy { $0.node == focused })
        return effects.map(\.command)
    }

    @Test func injectKeysAskTheCoreForEachLevel() {
        var s = emptyState()
        #expect(press(.character("1"), &s) == [.inject(.critical)])
        #expect(press(.character("2"), &s) == [.inject(.high)])
        #expect(press(.character("3"), &s) == [.inject(.normal)])
        #expect(press(.character("4"), &s) == [.inject(.low)])
        #expect(press(.character("t"), &s) == [.injectTelemetry])
        #expect(press(.character("b"), &s) == [.burst(count: 100)])
    }

    @Test func spacePopsOneBatchAndPlusMinusChangeIt() {
        var s = emptyState()
        #expect(s.batchSize == 8)
        #expect(press(.character(" "), &s) == [.pop(max: 8)])
        _ = press(.character("+"), &s)
        #expect(s.batchSize == 16)
        #expect(s.status?.text == "batch size 16")
        _ = press(.character("-"), &s); _ = press(.character("-"), &s); _ = press(.character("-"), &s)
        #expect(s.batchSize == 2)
        _ = press(.character("-"), &s); _ = press(.character("-"), &s)
        #expect(s.batchSize == 1)
        #expect(press(.character(" "), &s) == [.pop(max: 1)])
        for _ in 0..<20 { _ = press(.character("="), &s) }
        #expect(s.batchSize == BatchSize.maximum)
        #expect(s.status?.text == "batch size 10000 (the most)")
        #expect(BatchSize.smaller(5) == 2 && BatchSize.smaller(8) == 4 && BatchSize.smaller(1) == 1)
    }

    /// Issue 14.13: `+` doubles whatever the batch is (it used to round to the next power of
    /// two and cap at 1024: 5000 became 1024, 3 became 4).
    @Test func plusDoublesTheBatchUpToTheCommandLinesBound() {
        #expect(BatchSize.bigger(3) == 6)
        #expect(BatchSize.bigger(5000) == 10_000)
        #expect(BatchSize.bigger(6000) == 10_000 && BatchSize.bigger(10_000) == 10_000)
        #expect(BatchSize.bigger(.max) == BatchSize.maximum)
        var o = ConsoleOptions()
        o.scenario = .none
        o.batchSize = 5000
        var s = AppState(options: o, size: Size(width: 100, height: 30), capabilities: mono)
        _ = press(.character("+"), &s)
        #expect(s.batchSize == 10_000)
    }

    @Test func autoDrainPauseAndPolicy() {
        var s = emptyState()
        #expect(!s.autoDrain)
        _ = press(.character("a"), &s)
        #expect(s.autoDrain)
        _ = press(.character("p"), &s)
        #expect(s.paused)
        let t = PeatTimestamp(seconds: 1_735_689_601)
        #expect(update(&s, .tick(t)).map(\.command) == [.advance(to: t, generate: false, drainRate: 0, batch: 8)])
        _ = press(.character("p"), &s)
        #expect(update(&s, .tick(t)).map(\.command) == [.advance(to: t, generate: false, drainRate: 40, batch: 8)])
        #expect(press(.character("w"), &s) == [.setPolicy(.fair)])
        s.core.policy = .fair
        #expect(press(.character("w"), &s) == [.setPolicy(.reference)])
    }

    @Test func demoStartsGeneratingAndDraining() {
        var o = ConsoleOptions()
        o.linkRate = 25
        var s = AppState(options: o)
        let t = PeatTimestamp(seconds: 5)
        #expect(s.autoDrain)
        #expect(update(&s, .tick(t)).map(\.command) == [.advance(to: t, generate: true, drainRate: 25, batch: 8)])
        #expect(s.now == 5)
    }

    @Test func tabCyclesFocusBothWays() {
        var s = emptyState()
        #expect(s.focus == .queue)
        _ = press(.tab, &s); #expect(s.focus == .alerts)
        _ = press(.tab, &s); #expect(s.focus == .browser)
        _ = press(.tab, &s); #expect(s.focus == .popLog)
        _ = press(.tab, &s); #expect(s.focus == .queue)
        _ = press(.backTab, &s); #expect(s.focus == .popLog)
    }

    func stateWithAlerts(_ n: Int) -> AppState {
        var s = emptyState(Size(width: 100, height: 30))
        s.core.alerts = (0..<n).map { i in
            AlertRecord(event: event(DemoEmission(kind: .critical("intrusion"), payload: .init()), id: "node-1-\(n - i)", at: s.now),
                        key: n - i, acknowledged: i == 1)
        }
        s.core.alertsReceived = n
        s.focus = .alerts
        update(&s, .node(s.focusedNode, .observed(NodeObservation())))
        return s
    }

    @Test func movementKeysMoveAndClampTheSelection() {
        var s = stateWithAlerts(30)
        let rows = s.layout.listRows(.alerts)
        _ = press(.character("j"), &s); _ = press(.down, &s)
        #expect(s.alertsList.selected == 2)
        _ = press(.character("k"), &s)
        #expect(s.alertsList.selected == 1)
        _ = press(.up, &s); _ = press(.up, &s)
        #expect(s.alertsList.selected == 0)
        _ = press(.character("G"), &s)
        #expect(s.alertsList.selected == 29)
        #expect(s.alertsList.scroll == 30 - rows)
        _ = press(.home, &s)
        #expect(s.alertsList == ListPosition(selected: 0, scroll: 0))
        _ = press(.pageDown, &s)
        #expect(s.alertsList.selected == rows - 1)
        _ = press(.pageUp, &s)
        #expect(s.alertsList.selected == 0)
        _ = press(.end, &s); _ = press(.character("g"), &s)
        #expect(s.alertsList.selected == 0)
    }

    @Test func acknowledgeTargetsTheSelectedOrNewestAlert() {
        var s = stateWithAlerts(4)
        _ = press(.down, &s); _ = press(.down, &s)  // node-1-2
        #expect(press(.character("x"), &s).isEmpty, "an acknowledgement changes the model, it is no command")
        #expect(s.core.alerts.map(\.acknowledged) == [false, true, true, false])
        #expect(s.status?.text == "acknowledged critical.intrusion node-1-2")
        _ = press(.up, &s)  // the acknowledged one: fall back to the newest unacknowledged
        _ = press(.character("x"), &s)
        #expect(s.core.alerts.map(\.acknowledged) == [true, true, true, false])
        s.focus = .queue
        _ = press(.character("x"), &s)
        #expect(s.core.unacknowledged == 0)
        _ = press(.character("x"), &s)
        #expect(s.status?.text == "no unacknowledged alerts")
    }

    @Test func alertsWithASharedEventIDAreAcknowledgedOneByOne() {
        // Two producers both starting at node-1-1: the event ids repeat, the alerts' keys do not.
        var s = emptyState(Size(width: 100, height: 30))
        let crit = DemoEmission(kind: .critical("intrusion"), payload: .init())
        let events = ["node-1-1", "node-1-1", "node-1-2", "node-1-2"].map { event(crit, id: $0, at: s.now) }
        update(&s, .node(s.focusedNode, .emitted(count: 4, criticals: events)))
        s.focus = .alerts
        update(&s, .node(s.focusedNode, .observed(NodeObservation())))
        _ = press(.down, &s); _ = press(.down, &s); _ = press(.down, &s)  // the oldest node-1-1
        _ = press(.character("x"), &s)
        #expect(s.core.alerts.map(\.acknowledged) == [false, false, false, true])
        #expect(s.alertsList.selected == 3, "the selection stays on the acknowledged alert")
        _ = press(.up, &s)  // the newer node-1-1
        _ = press(.character("x"), &s)
        #expect(s.core.alerts.map(\.acknowledged) == [false, false, true, true])
        #expect(s.core.unacknowledged == 2)
    }

    @Test func twoNodeModelsFoldThroughOneReducer() {
        var s = emptyState(Size(width: 100, height: 30))
        let a = s.focusedNode, b = NodeKey("node-2")
        s.addNode(b, NodeModel(nodeID: "node-2", formationID: "squad-1"))
        var seen = NodeObservation()
        seen.pendingCounts = [0, 3, 0, 0]
        update(&s, .node(b, .observed(seen)))
        update(&s, .node(b, .popped(PopResult(asked: 8, got: 2, levels: [.high, .high], pendingBefore: 5, automatic: true, time: s.now))))
        let crit = event(DemoEmission(kind: .critical("intrusion"), payload: .init()), id: "node-2-1", at: s.now)
        update(&s, .node(b, .emitted(count: 5, criticals: [crit])))
        #expect(s.nodes[b]?.pendingCounts == [0, 3, 0, 0] && s.nodes[b]?.popped == 2 && s.nodes[b]?.emitted == 5)
        #expect(s.nodes[b]?.alerts.count == 1 && s.nodes[b]?.popLog.first?.number == 1)
        #expect(s.nodes[a]?.pending == 0 && s.nodes[a]?.alerts.isEmpty == true && s.nodes[a]?.popLog.isEmpty == true)
        // Keys command the focused node; the tick advances every node.
        #expect(update(&s, .step).map(\.node) == [a])
        update(&s, .focusNode(b))
        #expect(s.core.nodeID == "node-2" && s.core.unacknowledged == 1)
        #expect(update(&s, .step) == [Effect(.pop(max: 8), for: b)])
        #expect(update(&s, .tick(PeatTimestamp(seconds: s.now + 1))).map(\.node) == [a, b])
        _ = press(.character("x"), &s)
        #expect(s.nodes[b]?.unacknowledged == 0)
    }

    @Test func enterOpensDetailAndEscCloses() {
        var s = stateWithAlerts(2)
        _ = press(.enter, &s)
        #expect(s.detail?.eventID == "node-1-2")
        _ = press(.character("j"), &s)
        #expect(s.detailScroll == 1 && s.alertsList.selected == 0)
        _ = press(.escape, &s)
        #expect(s.detail == nil)
        s.focus = .queue
        _ = press(.enter, &s)
        #expect(s.detail == nil)
        #expect(s.status?.text.contains("Enter opens") == true)
    }

    @Test func filterEditingRoutesTextAndAppliesOrCancels() {
        var s = emptyState()
        _ = press(.character("/"), &s)
        #expect(s.filterDraft == "" && s.focus == .browser)
        for c in "cpu" { _ = press(.character(c), &s) }
        #expect(s.filterDraft == "cpu")
        #expect(s.browserQuery.typeContains == "cpu")  // live preview
        #expect(press(.character("q"), &s).isEmpty && !s.quitRequested)  // q is text here
        _ = press(.backspace, &s)
        #expect(s.filterDraft == "cpu")
        _ = press(.enter, &s)
        #expect(s.filter == "cpu" && s.filterDraft == nil)
        _ = press(.character("/"), &s)
        _ = press(.character("x"), &s)
        _ = press(.escape, &s)
        #expect(s.filter == "cpu" && s.filterDraft == nil)
        _ = press(.escape, &s)  // Esc with nothing open clears the filter
        #expect(s.filter == "")
    }

    /// Issue 15: `/` starts a new filter (not an edit of the applied one); Up recalls the last.
    @Test func slashStartsANewFilterAndUpRecallsTheLast() {
        var s = emptyState()
        _ = press(.character("/"), &s)
        for c in "cpu" { _ = press(.character(c), &s) }
        _ = press(.enter, &s)
        _ = press(.character("/"), &s)
        #expect(s.filterDraft == "")
        _ = press(.up, &s)
        #expect(s.filterDraft == "cpu")
        _ = press(.character("2"), &s)
        _ = press(.enter, &s)
        #expect(s.filter == "cpu2" && s.lastFilter == "cpu2")
        _ = press(.escape, &s)  // clears the filter; Up still recalls it
        _ = press(.character("/"), &s)
        _ = press(.up, &s)
        #expect(s.filterDraft == "cpu2")
    }

    /// Issue 15: q closes help, the input overlay and a detail before it quits; ^C always quits.
    @Test func qClosesHelpAndDetailWithoutQuitting() {
        var s = stateWithAlerts(2)
        _ = press(.character("?"), &s)
        _ = press(.character("q"), &s)
        #expect(!s.helpShown && !s.quitRequested)
        _ = press(.enter, &s)
        #expect(s.detail != nil)
        _ = press(.character("q"), &s)
        #expect(s.detail == nil && !s.quitRequested)
        _ = press(.character("E"), &s)
        _ = press(.character("q"), &s)
        #expect(!s.streamErrorsShown && !s.quitRequested)
        _ = press(.character("?"), &s)
        _ = press(.control("c"), &s)
        #expect(s.quitRequested)
        var t = emptyState()
        _ = press(.character("q"), &t)
        #expect(t.quitRequested)
    }

    /// Issue 15: `f` freezes the panes on the model as it was; the node's live model folds on.
    @Test func freezeStopsTheScreenButNotTheNode() {
        var s = emptyState()
        var o = NodeObservation()
        o.pendingCounts = [0, 3, 0, 0]
        _ = update(&s, .node(s.focusedNode, .observed(o)))
        _ = press(.character("f"), &s)
        #expect(s.frozenModel != nil)
        o.pendingCounts = [0, 9, 0, 0]
        _ = update(&s, .node(s.focusedNode, .observed(o)))
        #expect(s.core.pendingCounts == [0, 3, 0, 0] && s.live.pendingCounts == [0, 9, 0, 0])
        #expect(press(.character(" "), &s) == [.pop(max: 8)])  // keys still command the node
        _ = update(&s, .tick(PeatTimestamp(seconds: s.now + 1)))
        #expect(s.core.pendingCounts == [0, 3, 0, 0])
        _ = press(.character("z"), &s)
        #expect(s.frozenModel == nil && s.core.pendingCounts == [0, 9, 0, 0])
    }

    /// Issue 15: on a live stream injection keys are off unless --allow-inject, and say so.
    @Test func injectionIsOffOnALiveStreamUnlessAllowed() {
        var o = ConsoleOptions()
        o.scenario = .none
        o.streaming = true
        var s = AppState(options: o, size: Size(width: 60, height: 12), capabilities: mono)
        for k in "1234tb" {
            #expect(press(.character(k), &s).isEmpty)
            #expect(s.status?.isError == true && s.status?.text.contains("--allow-inject") == true)
        }
        o.allowInject = true
        s = AppState(options: o, size: Size(width: 60, height: 12), capabilities: mono)
        #expect(press(.character("2"), &s) == [.inject(.high)])
    }

    @Test func helpTogglesAndQuitQuits() {
        var s = emptyState()
        _ = press(.character("?"), &s)
        #expect(s.helpShown)
        _ = press(.escape, &s)
        #expect(!s.helpShown)
        _ = press(.function(1), &s)
        #expect(s.helpShown)
        _ = press(.character("?"), &s)
        #expect(!s.helpShown)
        _ = press(.character("q"), &s)
        #expect(s.quitRequested)
    }

    @Test func unknownKeysAreCountedAndExplained() {
        var s = emptyState()
        #expect(map.action(for: .control("x"), in: s) == .unknownKey(.control("x")))
        _ = press(.control("x"), &s)
        _ = press(.character("Z"), &s)
        #expect(s.unknownKeys == 2)
        #expect(s.status == StatusMessage(text: "unknown key Z — press ? for help", isError: true, time: s.now))
    }

    @Test func statusMessagesFadeWithTime() {
        var s = emptyState()
        _ = press(.character("+"), &s)
        _ = update(&s, .tick(PeatTimestamp(seconds: s.now + 3)))
        #expect(s.status != nil)
        _ = update(&s, .tick(PeatTimestamp(seconds: s.now + StatusMessage.lifetime)))
        #expect(s.status == nil)
    }

    @Test func resizeChangesTheLayout() {
        var s = emptyState()
        _ = update(&s, .resize(Size(width: 120, height: 40)))
        #expect(s.size == Size(width: 120, height: 40) && s.layout.twoColumns)
        _ = update(&s, .resize(Size(width: 40, height: 10)))
        #expect(s.layout.tooSmall)
    }

    @Test func everyBoundKeyHasAnAction() {
        var seen: [Key] = []
        for b in map.bindings {
            #expect(b.actions.count == 1 || b.actions.count == b.keys.count, "\(b.keyLabel)")
            for k in b.keys {
                #expect(!seen.contains(k), "\(k) bound twice")
                seen.append(k)
                #expect(map.action(for: k, in: emptyState()) != .unknownKey(k))
            }
        }
    }
}
