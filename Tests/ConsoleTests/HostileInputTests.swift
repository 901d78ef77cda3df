import Foundation
import PeatDemo
import PeatEvents
import Testing
@testable import Console
@testable import LocalNode

/// Issue 14, "Hostile input": events and flags that used to crash the console or lie on it.
@Suite struct HostileInputTests {
    /// An app over `--scenario none` at `size`, with `keys` pressed.
    func app(_ keys: String = "", size: Size = Size(width: 120, height: 40)) throws -> (ConsoleApp, ManualClock) {
        let (app, clock) = noneApp()
        app.dispatch(.resize(size))
        try press(keys, app)
        return (app, clock)
    }

    func press(_ keys: String, _ app: ConsoleApp) throws {
        for key in try parseKeyScript(keys) { app.dispatch(app.keyMap.action(for: key, in: app.state)) }
    }

    /// Delivers `events` as one batch of live input from `source`.
    func deliver(_ events: [PeatEvent], to app: ConsoleApp, source: String = "test") {
        let records = events.map { StreamRecord.event($0, StreamPosition(offset: 0)) }
        app.dispatch(.stream(StreamDelivery(source: source, records: records, status: StreamStatus(label: source))))
    }

    // MARK: Item 6: time arithmetic on event fields

    @Test func aTimestampNearTwoToTheSixtyFourDoesNotCrashAnyView() throws {
        let (app, _) = try app()
        let far = UInt64.max - 1
        var telemetry = event(DemoEmission(kind: .telemetry("cpu"), payload: Data("x".utf8)), id: "far-t", at: far)
        telemetry.routing.ttlSeconds = .max
        let critical = event(DemoEmission(kind: .critical("intrusion"), payload: Data()), id: "far-c", at: far)
        deliver([telemetry, critical], to: app)
        // The first frame renders the browser (age, TTL left) and the alert (age).
        let frame = app.renderFrame()
        #expect(frame.text.contains("far") || frame.text.contains("telemetry.cpu"))
        // The detail views of the alert and of the stored event.
        try press("tab enter", app)
        #expect(app.state.detail != nil)
        #expect(app.renderFrame().text.contains("critical.intrusion"))
        try press("esc tab enter", app)
        #expect(app.renderFrame().text.contains("telemetry.cpu"))

        let now = app.state.now
        #expect(EventTime.expiry(telemetry) == .max, "timestamp + ttl saturates")
        #expect(EventTime.ttlLeft(telemetry, now: now, glyphs: Glyphs(unicode: true)).text == ">100y")
        #expect(EventTime.ago(telemetry, now: now) == "in the future")
        #expect(EventTime.age(telemetry, now: now) == 0, "a future event has age 0")
        var ancient = telemetry
        ancient.timestamp = PeatTimestamp(seconds: 0)
        #expect(EventTime.age(ancient, now: .max) == .max, "an age beyond Int64 saturates")
    }

    @Test func secondsBetweenTimesNeverTrap() {
        let a = PeatTimestamp(seconds: 0, nanos: 0)
        let b = PeatTimestamp(seconds: 9_223_372_036, nanos: 999_999_999)  // × 10^9 is just below Int64.max
        #expect(LocalNodeSource.seconds(from: a, to: b) > 9.2e9)
        #expect(LocalNodeSource.seconds(from: a, to: PeatTimestamp(seconds: .max)) == .infinity)
        #expect(LocalNodeSource.seconds(from: PeatTimestamp(seconds: .max), to: a) == -.infinity)
    }

    // MARK: Item 3: repeated event ids

    func telemetry(_ id: String, type: String = "telemetry.cpu", at seconds: UInt64 = ConsoleApp.snapshotEpoch) -> PeatEvent {
        var e = event(DemoEmission(kind: .telemetry("cpu"), payload: Data("x".utf8)), id: id, at: seconds)
        e.eventType = type
        return e
    }

    func storeLine(_ app: ConsoleApp) -> String {
        app.renderFrame().lines.first { $0.contains("local store") } ?? ""
    }

    @Test func repeatedIdsReplaceAndEveryReplacementIsCountedAndShown() throws {
        let (app, _) = try app()
        deliver([telemetry("dup"), telemetry("dup"), telemetry("dup")], to: app)
        #expect(app.state.core.emitted == 3)
        #expect(app.state.core.localCount == 1, "the reference's rule: one event per id")
        #expect(app.state.core.replacedCount == 2)
        #expect(storeLine(app).contains("local store 1 · expired 0 · evicted 0 · replaced 2"), "\(storeLine(app))")
        #expect(QueueView.storeLine(app.state.core, width: 30, theme: Theme(capabilities: mono)).map(\.text).joined()
                .contains("repl 2"))
    }

    @Test func injectedEventsNeverReplaceAStreamsEvents() throws {
        let (app, _) = try app()
        // A live stream from a node with the console's own node id, and a producer that even
        // uses the injected-id form.
        deliver([telemetry("node-1-1"), telemetry("node-1-2"), telemetry("node-1-inject-1")], to: app)
        try press("t t 1 2 3 4 t", app)
        #expect(app.state.core.localCount == 6)
        #expect(app.state.core.replacedCount == 0)
        let ids = app.localNode!.emitter.queryLocal(eventType: nil).map(\.eventID)
        #expect(ids == ["node-1-1", "node-1-2", "node-1-inject-1", "node-1-inject-2", "node-1-inject-3", "node-1-inject-8"])
        #expect(app.state.core.alerts.map(\.eventID) == ["node-1-inject-4"])
        #expect(app.localNode!.emitter.popEvents(max: 10).map(\.eventID) == ["node-1-inject-4", "node-1-inject-5", "node-1-inject-6", "node-1-inject-7"])
    }

    // MARK: Item 11: alerts with a shared id

    func critical(_ id: String) -> PeatEvent {
        event(DemoEmission(kind: .critical("intrusion"), payload: Data()), id: id, at: ConsoleApp.snapshotEpoch)
    }

    @Test func alertsWithASharedIdAreAcknowledgedOneByOneAsSelected() throws {
        let (app, _) = try app()
        // Two producers, both counting from node-1-1.
        deliver([critical("node-1-1"), critical("node-1-2")], to: app, source: "a")
        deliver([critical("node-1-1"), critical("node-1-2")], to: app, source: "b")
        #expect(app.state.core.alerts.count == 4)
        #expect(Set(app.state.core.alerts.map(\.key)).count == 4, "each alert has its own key")
        // Newest first: b's node-1-2, b's node-1-1, a's node-1-2, a's node-1-1. Select the
        // third row (a's node-1-2) and acknowledge it.
        try press("tab j j", app)
        let chosen = try #require(app.state.selectedAlert)
        #expect(chosen.eventID == "node-1-2")
        try press("x", app)
        #expect(app.state.core.alerts.map(\.acknowledged) == [false, false, true, false])
        #expect(app.state.selectedAlert?.key == chosen.key, "the selection stays on its alert")
        // New alerts arrive with the same ids: the selection follows its alert, not the id.
        deliver([critical("node-1-2")], to: app, source: "a")
        #expect(app.state.selectedAlert?.key == chosen.key)
        #expect(app.state.alertsList.selected == 3)
        // Acknowledging the others one by one, by selection.
        var left = 4
        for row in [0, 1, 2, 4] {
            app.dispatch(.moveTop)
            for _ in 0..<row { app.dispatch(.moveDown) }
            try press("x", app)
            left -= 1
            #expect(app.state.core.unacknowledged == left)
            #expect(app.state.status?.text != "no unacknowledged alerts" || left == 0)
        }
        #expect(app.state.core.unacknowledged == 0)
        try press("x", app)
        #expect(app.state.status?.text == "no unacknowledged alerts")
    }
}

/// Issue 14.13: export from `snapshot` and with long node ids.
@Suite struct ExportNamingTests {
    func exportFiles(in dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("peat-export-") }
    }

    @Test func snapshotWithoutAnExportDirectoryWritesNothingAndSaysSo() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let before = try exportFiles(in: cwd)
        var o = ConsoleOptions()
        o.scenario = .none
        o.export = .off
        let text = ConsoleApp.snapshot(options: o, keys: try parseKeyScript("t e"), size: Size(width: 120, height: 40))
        #expect(text.contains("export is off in snapshot (--export-dir DIR writes the files there)"))
        #expect(try exportFiles(in: cwd) == before)
    }

    @Test func aLongOrStrangeNodeIdStillExportsUnderABoundedSafeName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peat-export-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for node in [String(repeating: "n", count: 300), String(repeating: "é/\u{7}", count: 120)] {
            var o = ConsoleOptions()
            o.scenario = .none
            o.nodeID = node
            o.export = .directory(dir)
            let clock = ManualClock(seconds: ConsoleApp.snapshotEpoch)
            let app = ConsoleApp(options: o, clock: clock)
            app.dispatch(.resize(Size(width: 120, height: 40)))
            app.dispatch(.injectTelemetry)
            app.dispatch(.export)
            #expect(app.state.status?.isError == false, "\(app.state.status?.text ?? "")")
        }
        let names = try exportFiles(in: dir)
        #expect(names.count == 8, "store, pop log, alerts and delays, twice")
        for name in names {
            #expect(name.utf8.count <= 255)
            #expect(name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.~".unicodeScalars.contains($0)) })
        }
        #expect(LocalNodeSource.exportName(String(repeating: "n", count: 300)) != LocalNodeSource.exportName(String(repeating: "n", count: 299)))
        #expect(LocalNodeSource.exportName("node-1") == "node-1")
    }
}

/// Issue 14.13: big queue counts keep a space between bar and number.
@Suite struct QueueCountWidthTests {
    @Test func countsOfTenThousandAndMoreDoNotRunIntoTheBar() {
        var s = emptyState(Size(width: 60, height: 12))
        s.core.pendingCounts = [10_000, 123_456, 1_234_567, 7]
        var b = Buffer(size: Size(width: 60, height: 12))
        QueueView.render(s, into: Rect(x: 0, y: 0, width: 60, height: 12), of: &b)
        for (row, text) in [(1, " 10,000 "), (2, " 123,456 "), (3, " 1,234,567 "), (4, " 7 ")] {
            #expect(b.line(row).contains(text), "\(b.line(row))")
        }
    }
}
