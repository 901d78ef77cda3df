import Foundation
import PeatEvents
import Testing
@testable import Console
@testable import LocalNode
import PeatDemo
import PeatInputs
@testable import PeatSoak

/// Live stream input in the console: deliveries from the inbox go through the emitter, errors
/// are counted and listed, the header shows the input, and `e` exports.
@Suite struct StreamIntakeTests {
    func streamingApp() -> (ConsoleApp, ManualClock) {
        var o = ConsoleOptions()
        o.scenario = .none
        o.streaming = true
        let clock = ManualClock(seconds: ConsoleApp.snapshotEpoch)
        return (ConsoleApp(options: o, clock: clock), clock)
    }

    func records(_ lines: [String]) -> [StreamRecord] {
        EventStreamDecoder.decodeAll(Array(lines.joined(separator: "\n").utf8) + [10], format: .jsonl)
    }

    func line(_ emission: DemoEmission, id: String) -> String {
        try! event(emission, id: id, at: ConsoleApp.snapshotEpoch).jsonString()
    }

    func delivery(_ records: [StreamRecord], phase: StreamStatus.Phase = .receiving) -> StreamDelivery {
        var status = StreamStatus(label: "stdin")
        status.phase = phase
        return StreamDelivery(source: "stdin", records: records, status: status)
    }

    @Test func deliveriesAreEmittedCountedAndShown() {
        let (app, _) = streamingApp()
        #expect(app.state.autoDrain)
        let lines = [
            line(LocalNodeSource.manual(.critical), id: "s-1"),
            line(DemoEmission(kind: .telemetry("cpu"), payload: Data("cpu=1".utf8)), id: "s-2"),
            "{not json",
            "{}",
            line(LocalNodeSource.manual(.normal), id: "s-3"),
        ]
        app.inbox.post(.stream(delivery(records(lines))))
        let backend = MemoryBackend(size: Size(width: 120, height: 30))
        app.begin(on: backend)
        app.wake(on: backend)
        let c = app.state.core
        #expect(c.pendingCounts == [1, 0, 1, 0])
        #expect(c.localCount == 1)
        #expect(c.alerts.map(\.eventID) == ["s-1"])
        #expect(c.stream?.events == 3)
        #expect(c.stream?.errors[.malformedJSON] == 1 && c.stream?.errors[.emitterRejected] == 1)
        #expect(c.stream?.recentErrors.map(\.error.position.line) == [3, 4])
        #expect(app.state.status?.isError == true)
        #expect(app.state.status?.text.hasPrefix("bad input: stdin line 4") == true)

        let frame = app.renderFrame().lines
        #expect(frame[0].contains("src: stdin live · 3 events") && frame[0].contains("bad2"), "\(frame[0])")
        #expect(frame[28].contains("bad input 2 (E)"), "\(frame[28])")
    }

    @Test func everyCriticalOfAStreamIsAccountedForOnTheAlertsPane() throws {
        let (app, _) = streamingApp()
        let n = 2_000
        app.dispatch(.stream(delivery(records((1...n).map { line(LocalNodeSource.manual(.critical), id: "c-\($0)") }))))
        app.dispatch(.resize(Size(width: 120, height: 40)))
        let node = app.state.core
        #expect(node.alertsReceived == n && node.alerts.count == NodeModel.alertCapacity)
        #expect(node.alertsDropped == n - NodeModel.alertCapacity)
        let title = app.renderFrame().lines.first { $0.contains("Critical alerts") } ?? ""
        #expect(title.contains("2,000 unacked") && title.contains("500 kept of 2,000"), "\(title)")

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peat-alerts-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        app.localNode!.intake.exportDirectory = dir.path
        app.dispatch(.export)
        #expect(app.state.status?.text.contains("500 of 2000 alerts, 1500 fell off the list") == true, "\(app.state.status?.text ?? "")")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasSuffix("-alerts.jsonl") })
        let lines = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "{\"alertsReceived\":2000,\"kept\":500,\"fellOff\":1500}")
        #expect(lines.count == 501 && lines[1].hasPrefix("{\"alert\":1501,\"acknowledged\":false"))
    }

    @Test func theInputOverlayListsErrorsAndEscCloses() {
        let (app, _) = streamingApp()
        app.dispatch(.stream(delivery(records(["{oops"]), phase: .ended)))
        let backend = MemoryBackend(size: Size(width: 100, height: 30), keys: [.character("E")])
        app.begin(on: backend)
        app.wake(on: backend)
        #expect(app.state.streamErrorsShown)
        let text = app.renderFrame().text
        #expect(text.contains("src: stdin ended · 0 events · 1 error"))
        #expect(text.contains("1      malformed JSON"))
        #expect(text.contains("stdin line 1 (byte 0) malformed JSON"))
        app.dispatch(.back)
        #expect(!app.state.streamErrorsShown)
    }

    @Test func withoutAnInputTheOverlaySaysHowToStartOne() {
        let (app, _) = noneApp()
        app.dispatch(.toggleStreamErrors)
        app.dispatch(.resize(Size(width: 100, height: 30)))
        #expect(app.renderFrame().text.contains("No live input"))
        #expect(!app.renderFrame().lines[0].contains("src:"))
    }

    @Test func exportWritesTheStoreAndThePoppedEvents() throws {
        let (app, _) = streamingApp()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peat-export-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        app.localNode!.intake.exportDirectory = dir.path
        app.dispatch(.stream(delivery(records([
            line(LocalNodeSource.manual(.high), id: "p-1"), line(LocalNodeSource.manual(.low), id: "p-2"),
            line(DemoEmission(kind: .telemetry("mem"), payload: Data("mem=2".utf8)), id: "t-1"),
        ]))))
        app.dispatch(.step)
        app.dispatch(.export)
        let status = try #require(app.state.status)
        #expect(!status.isError)
        #expect(status.text.hasPrefix("exported peat-export-node-1-20250101-000000-{store,poplog,alerts,delays}.jsonl (1 stored, 2 popped, 0 of 0 alerts)"), "\(status.text)")
        func read(_ name: String) throws -> [PeatEvent] {
            EventStreamDecoder.decodeAll([UInt8](try Data(contentsOf: dir.appendingPathComponent(name))), format: .jsonl)
                .compactMap(\.event)
        }
        #expect(try read("peat-export-node-1-20250101-000000-store.jsonl").map(\.eventID) == ["t-1"])
        #expect(try read("peat-export-node-1-20250101-000000-poplog.jsonl").map(\.eventID) == ["p-1", "p-2"])
        // The queueing delays: one line per stage, level and window; HIGH and LOW waited once each.
        let delays = try String(contentsOf: dir.appendingPathComponent("peat-export-node-1-20250101-000000-delays.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(delays.count == 2 * 4 * 2)
        #expect(delays.contains { $0.hasPrefix(#"{"stage":"queue","level":"HIGH","window":"run","count":1,"#) }, "\(delays)")
        #expect(delays.contains { $0.hasPrefix(#"{"stage":"queue","level":"LOW","window":"10s","count":1,"#) })
        #expect(delays.contains { $0.hasPrefix(#"{"stage":"queue","level":"NORMAL","window":"run","count":0,"#) })
    }

    @Test func theRingKeepsTheNewest() {
        var ring = BoundedRing<PeatEvent>(capacity: 3)
        for i in 1...5 {
            var e = PeatEvent()
            e.eventID = "\(i)"
            ring.append(e)
        }
        #expect(ring.elements.map(\.eventID) == ["3", "4", "5"])
    }
}
