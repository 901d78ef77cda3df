import Foundation
import PeatEvents
import Testing
@testable import Console
@testable import LocalNode
import PeatDemo
import PeatInputs
@testable import PeatSoak

/// The selection in the alerts, browser and pop-log lists follows its row by identity as rows
/// arrive and go (like htop/k9s), and falls back on the nearest row when its row goes.
@Suite struct SelectionTests {
    /// An app over `--scenario none` at 100×30, with keys pressed.
    func app(_ keys: String) throws -> (ConsoleApp, ManualClock) {
        let (app, clock) = noneApp()
        app.dispatch(.resize(Size(width: 100, height: 30)))
        for key in try parseKeyScript(keys) { app.dispatch(app.keyMap.action(for: key, in: app.state)) }
        return (app, clock)
    }

    /// Stores an event with `id` and `ttl` at the clock's time, delivered as live input.
    func store(_ app: ConsoleApp, id: String, ttl: UInt32 = 3600, type: String = "telemetry.cpu") throws {
        var e = event(DemoEmission(kind: .telemetry("cpu"), payload: Data("x".utf8)), id: id, at: app.localNode!.emitter.clock.now().seconds)
        e.eventType = type
        e.routing.ttlSeconds = ttl
        let record = StreamRecord.event(e, StreamPosition(offset: 0))
        app.dispatch(.stream(StreamDelivery(source: "test", records: [record], status: StreamStatus(label: "test"))))
    }

    @Test func alertSelectionStaysOnItsAlertAsNewOnesArrive() throws {
        let (app, _) = try app("1 1 1 tab j")
        #expect(app.state.selectedAlert?.eventID == "node-1-inject-2")
        app.dispatch(.inject(.critical))
        app.dispatch(.inject(.critical))
        #expect(app.state.alertsList.selected == 3)
        #expect(app.state.selectedAlert?.eventID == "node-1-inject-2")
        // x acknowledges the alert the operator is looking at, not the newest.
        app.dispatch(app.keyMap.action(for: .character("x"), in: app.state))
        #expect(app.state.core.alerts.first { $0.eventID == "node-1-inject-2" }?.acknowledged == true)
        #expect(app.state.core.alerts[0].acknowledged == false)
    }

    @Test func unfocusedListsShowTheNewestAndForgetTheirPlace() throws {
        let (app, _) = try app("1 1 1 tab j tab")
        #expect(app.state.alertsList == ListPosition() && app.state.alertsAnchor == nil)
        app.dispatch(.inject(.critical))
        #expect(app.state.alertsList.selected == 0)
    }

    @Test func browserSelectionStaysOnItsEventAsTelemetryArrives() throws {
        let (app, _) = try app("t t t t t tab tab j j")
        let chosen = try #require(app.state.selectedBrowserEvent)
        #expect(app.state.browserList.selected == 2)
        for _ in 0..<3 { app.dispatch(.injectTelemetry) }
        #expect(app.state.browserList.selected == 5)
        #expect(app.state.selectedBrowserEvent?.eventID == chosen.eventID)
        // Moving re-anchors on the new row.
        app.dispatch(.moveDown)
        let next = try #require(app.state.selectedBrowserEvent)
        app.dispatch(.injectTelemetry)
        #expect(app.state.selectedBrowserEvent?.eventID == next.eventID)
    }

    @Test func browserSelectionFollowsWithAFilterAndFarDown() throws {
        let (app, _) = try app("tab tab")
        for i in 0..<300 { try store(app, id: "a-\(i)", type: i % 2 == 0 ? "telemetry.cpu" : "telemetry.mem") }
        for key in try parseKeyScript("/ text:cpu enter G") { app.dispatch(app.keyMap.action(for: key, in: app.state)) }
        #expect(app.state.browserList.selected == 149)
        #expect(app.state.selectedBrowserEvent?.eventID == "a-0")
        for i in 0..<10 { try store(app, id: "b-\(i)", type: "telemetry.cpu") }
        try store(app, id: "c-0", type: "telemetry.mem")
        #expect(app.state.browserList.selected == 159)
        #expect(app.state.selectedBrowserEvent?.eventID == "a-0")
        let rows = app.state.layout.listRows(.browser)
        #expect(app.state.browserList.scroll == 160 - rows)
    }

    @Test func whenTheSelectedEventExpiresTheRowBelowTakesItsPlace() throws {
        let (app, clock) = try app("tab tab")
        try store(app, id: "old", ttl: 3600)
        try store(app, id: "short", ttl: 5)
        try store(app, id: "new", ttl: 3600)
        // At the top the list follows the newest row (issue 15's follow mode).
        #expect(app.state.selectedBrowserEvent?.eventID == "new", "the cursor at the top follows the newest")
        app.dispatch(.moveDown)
        #expect(app.state.selectedBrowserEvent?.eventID == "short")
        clock.advance(seconds: 6)
        app.dispatch(.tick(clock.now()))
        #expect(app.state.core.browserRows.map(\.eventID) == ["new", "old"])
        #expect(app.state.browserList.selected == 1)
        #expect(app.state.selectedBrowserEvent?.eventID == "old")
    }

    @Test func whenTheBottomRowExpiresTheRowAboveIsSelected() throws {
        let (app, clock) = try app("tab tab")
        try store(app, id: "first", ttl: 5)
        try store(app, id: "second", ttl: 3600)
        try store(app, id: "third", ttl: 3600)
        app.dispatch(.moveBottom)
        #expect(app.state.selectedBrowserEvent?.eventID == "first")
        try store(app, id: "fourth")
        clock.advance(seconds: 6)
        app.dispatch(.tick(clock.now()))
        #expect(app.state.core.browserRows.map(\.eventID) == ["fourth", "third", "second"])
        #expect(app.state.selectedBrowserEvent?.eventID == "second")
    }

    @Test func aReplacedEventIsFollowedToTheTop() throws {
        let (app, _) = try app("tab tab")
        for i in 0..<200 { try store(app, id: "e-\(i)") }
        app.dispatch(.moveBottom)
        #expect(app.state.selectedBrowserEvent?.eventID == "e-0")
        try store(app, id: "e-0")  // same id again: a new arrival, now the newest
        #expect(app.state.browserList.selected == 0)
        #expect(app.state.selectedBrowserEvent?.eventID == "e-0")
    }

    @Test func popLogSelectionFollowsItsStep() throws {
        let (app, _) = try app("3 3 3 space space tab tab tab j")
        #expect(app.state.focus == .popLog)
        #expect(app.state.core.popLog[app.state.popLogList.selected].number == 1)
        app.dispatch(.step)
        app.dispatch(.inject(.normal))
        app.dispatch(.step)
        #expect(app.state.core.popLog[app.state.popLogList.selected].number == 1)
        #expect(app.state.popLogList.selected == 3)
    }

    @Test func anchorsPreferTheRowBelowThenAbove() {
        let a = ListAnchor.at(2, in: ["a", "b", "c", "d", "e"])
        #expect(a == ListAnchor(id: "c", index: 2, neighbours: ["d", "b", "e", "a"]))
        #expect(a?.locate(in: ["x", "a", "b", "d", "e"]) == 3)
        #expect(a?.locate(in: ["x", "a", "b"]) == 2)
        #expect(a?.locate(in: ["x"]) == nil)
        #expect(ListAnchor.at(5, in: ["a"]) == nil)
        #expect(ListAnchor.at(10, in: ["a", "b"], offset: 9)?.id == "b")
    }
}
