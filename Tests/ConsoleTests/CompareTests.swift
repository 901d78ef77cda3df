import Foundation
import PeatDemo
import PeatEvents
import PeatInputs
import Testing
@testable import Console
@testable import LocalNode

/// Issue 12: two schedulers side by side on identical input.
@Suite struct CompareTests {
    let reference = CompareState.laneKey(nodeID: "node-1", policy: .reference)
    let fair = CompareState.laneKey(nodeID: "node-1", policy: .fair)

    /// An app comparing reference and fair on `scenario`, on a manual clock.
    func app(_ scenario: ScenarioChoice = .demo) -> (ConsoleApp, ManualClock) {
        var o = ConsoleOptions()
        o.scenario = scenario
        o.compare = [.reference, .fair]
        let clock = ManualClock(seconds: ConsoleApp.snapshotEpoch)
        let app = ConsoleApp(options: o, clock: clock)
        app.dispatch(.resize(Size(width: 120, height: 40)))
        return (app, clock)
    }

    func play(_ app: ConsoleApp, _ clock: ManualClock, seconds: Int) {
        for _ in 0..<(seconds * 10) {
            clock.advance(nanos: 100_000_000)
            app.dispatch(.tick(clock.now()))
        }
    }

    func press(_ keys: String, _ app: ConsoleApp) throws {
        for key in try parseKeyScript(keys) { app.dispatch(app.keyMap.action(for: key, in: app.state)) }
    }

    @Test func policiesParseAnyTwoDifferentOnes() throws {
        #expect(try CompareState.policies("reference,fair") == [.reference, .fair])
        #expect(try CompareState.policies("fair-bytes, reference") == [SchedulingPolicy(name: "fair-bytes")!, .reference])
        #expect(throws: CompareError.self) { try CompareState.policies("fair") }
        #expect(throws: CompareError.self) { try CompareState.policies("fair,fair") }
        #expect(throws: CompareError.self) { try CompareState.policies("reference,lifo") }
        #expect(throws: CompareError.self) { try CompareState.policies("reference,fair,fair-bytes") }
    }

    @Test func twoLanesStartSideBySideWithTheirPolicies() {
        let (app, _) = app(.none)
        #expect(app.state.compare?.keys == [reference, fair])
        #expect(app.state.comparing && !app.state.overviewShown)
        #expect(app.state.nodes[reference]?.policy == .reference)
        #expect(app.state.nodes[fair]?.policy == .fair)
    }

    /// Injected events and pops go to both lanes; the policy switch to the focused lane only.
    @Test func everyEventAndPopGoesToBothLanes() throws {
        let (app, _) = app(.none)
        try press("2 2 3 3 4 4 b space", app)
        let a = try #require(app.state.nodes[reference]), b = try #require(app.state.nodes[fair])
        #expect(a.emitted == 106 && b.emitted == 106)
        #expect(a.popped == 8 && b.popped == 8)
        #expect(a.popLog.count == 1 && b.popLog.count == 1)
        try press("w", app)
        #expect(app.state.nodes[reference]?.policy == .fair)
        #expect(app.state.nodes[fair]?.policy == .fair)
    }

    /// Live input reaches both lanes.
    @Test func streamInputGoesToBothLanes() {
        let (app, _) = app(.none)
        let events = (1...5).map { DemoEmission(kind: .anomaly("jam"), payload: Data("x".utf8)).makeEvent(
            id: "s-\($0)", timestamp: PeatTimestamp(seconds: ConsoleApp.snapshotEpoch), nodeID: "node-1", formationID: "squad-1") }
        let records = events.map { StreamRecord.event($0, StreamPosition(offset: 0)) }
        app.dispatch(.stream(StreamDelivery(source: "test", records: records, status: StreamStatus(label: "test"))))
        #expect(app.state.nodes[reference]?.emitted == 5)
        #expect(app.state.nodes[fair]?.emitted == 5)
        #expect(app.state.nodes[fair]?.pendingCounts == [0, 5, 0, 0])
    }

    /// `c` leaves the side-by-side view for the focused lane alone, and comes back; without a
    /// comparison it says how to start one.
    @Test func cEntersAndLeavesTheSideBySideView() throws {
        let (app, _) = app(.none)
        try press("c", app)
        #expect(!app.state.comparing && app.state.compare != nil)
        #expect(app.renderFrame().text.contains("Critical alerts"))
        try press("c", app)
        #expect(app.state.comparing)
        #expect(!app.renderFrame().text.contains("Critical alerts"))
        let single = ConsoleApp(options: ConsoleOptions(), clock: ManualClock(seconds: ConsoleApp.snapshotEpoch))
        single.dispatch(single.keyMap.action(for: .character("c"), in: single.state))
        #expect(single.state.status?.text.contains("--compare reference,fair") == true)
    }

    /// The default demo, no key pressed: by 30 s the jamming phase has all levels backlogged
    /// under pops of 2; the reference starves NORMAL (the warning fires), the fair lane keeps
    /// 50/35/15 with no starvation, and both lanes saw the same events.
    @Test func theDefaultDemoShowsTheReferenceDefectWithinThirtySeconds() throws {
        let (app, clock) = app()
        play(app, clock, seconds: 30)
        let a = try #require(app.state.nodes[reference]), b = try #require(app.state.nodes[fair])
        #expect(a.emitted == b.emitted && a.emitted > 0)
        #expect(a.popLog.first?.asked == DemoScenario.jamBatch)
        let starved = a.warnings.warnings.filter { $0.name == .starvation && $0.active }
        #expect(starved.map(\.level) == [.normal], "\(a.warnings.warnings)")
        #expect(b.warnings.warnings.allSatisfy { $0.name != .starvation })
        let shares = b.stats.recentShare
        #expect(abs(shares[0] - 0.50) < 0.03 && abs(shares[1] - 0.35) < 0.03 && abs(shares[2] - 0.15) < 0.03, "\(shares)")
        #expect(b.pendingCounts[1] > 0 && b.pendingCounts[2] > 0 && b.pendingCounts[3] > 0)
        // The waits: NORMAL pops nothing on the reference lane but its oldest queued event ages.
        #expect(a.delays.summary(.normal, recent: true).count == 0)
        #expect((a.oldestAge(.normal, now: app.state.now) ?? 0) > 10)
        #expect(b.delays.summary(.normal, recent: true).count > 0)
    }

    /// The issue's command: both schedulers, p99 delays, and a starvation warning on the
    /// reference side.
    @Test func theSnapshotTheIssueNamesShowsBothSidesDelaysAndStarvation() throws {
        var o = ConsoleOptions()
        o.compare = [.reference, .fair]
        o.seed = 1
        let frame = ConsoleApp.snapshot(options: o, keys: [], size: Size(width: 140, height: 40), duration: 60)
        let rows = frame.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.contains("reference") && $0.contains("fair") })
        #expect(rows.filter { $0.contains("p99") }.count >= 2)
        // Left column (the reference lane) carries the starvation warning, the right does not.
        // Pane rows only (the difference and status lines span both columns).
        let panes = rows.filter { $0.hasPrefix("│") || $0.hasPrefix("┃") }
        let left = panes.map { String($0.prefix(70)) }, right = panes.map { String($0.dropFirst(70)) }
        #expect(left.contains { $0.contains("starvation NORMAL") })
        #expect(!right.contains { $0.contains("starvation") })
    }

    /// A popped CRITICAL's own waits reach the model (its detail shows them).
    @Test func aPoppedCriticalsWaitsAreKept() throws {
        let (app, clock) = app(.none)
        try press("1", app)
        clock.advance(nanos: 1_500_000_000)
        try press("space", app)
        let m = try #require(app.state.nodes[reference])
        let id = try #require(m.alerts.first?.eventID)
        #expect(m.delays.criticalWait(id, at: .queue) == 1_500)
    }
}
