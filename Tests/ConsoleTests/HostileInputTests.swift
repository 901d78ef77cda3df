import Foundation
import PeatEvents
import Testing
@testable import Console

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
        #expect(EventTime.ttlLeft(telemetry, now: now, glyphs: Glyphs(unicode: true)).text == Format.duration(.max))
        #expect(EventTime.age(telemetry, now: now) == 0, "a future event has age 0")
        var ancient = telemetry
        ancient.timestamp = PeatTimestamp(seconds: 0)
        #expect(EventTime.age(ancient, now: .max) == .max, "an age beyond Int64 saturates")
    }
}
