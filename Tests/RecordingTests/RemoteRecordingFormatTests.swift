import Console
import Foundation
import PeatEvents
import PeatRemoteProto
@testable import Recording
import Testing

/// Watched nodes in a recording (format version 2), without a network: the inputs written
/// by hand through the writer, as a live `RemoteNodeSource` hands them over.
@Suite("Recording watched nodes")
struct RemoteRecordingFormatTests {
    let start = ManualClock(seconds: 1_800_000_000)
    let addresses = ["10.0.0.1:7450", "10.0.0.2:7450"]

    func update(_ sequence: UInt64, node: String, queued: UInt64, full: Bool = false) -> NodeUpdateMessage {
        var u = NodeUpdateMessage()
        u.sequence = sequence
        u.full = full
        if full {
            u.identity.nodeID = node
            u.identity.formationID = "f"
            u.identity.instanceID = "i-\(node)"
            u.identity.controlAllowed = true
        }
        u.figures.pendingByLevel = [0, queued, 0, 0]
        return u
    }

    func rows(_ ids: ClosedRange<Int>) -> [PeatEvent] {
        ids.reversed().map { i in
            var e = PeatEvent()
            e.eventID = "t-\(i)"
            e.eventType = "telemetry.temp"
            e.timestamp = PeatTimestamp(seconds: UInt64(1_800_000_000 + i))
            return e
        }
    }

    /// A recording of two watched nodes over `ticks` ticks, each tick's inputs written as the
    /// live source hands them to the writer.
    func record(_ ticks: [[(node: Int, inputs: [RemoteInput])]]) throws -> (path: String, app: ConsoleApp, nodes: [ReplayedRemoteNode]) {
        let path = temporaryPath("watched.peatrec")
        let clock = HeldClock(base: start)
        let writer = try RecordingWriter(path: path, options: ConsoleOptions(), clock: clock, connect: addresses)
        // Stand-ins for the live sources: the same fold, fed what each tick brings.
        let nodes = addresses.map(ReplayedRemoteNode.init(address:))
        let app = ConsoleApp(options: ConsoleOptions(), sources: nodes, clock: clock)
        app.recorder = writer
        app.begin(on: MemoryBackend(size: Size(width: 100, height: 30), capabilities: .init(colors: .none, unicode: true)))
        for tick in ticks {
            start.advance(nanos: 100_000_000)
            for (node, inputs) in tick {
                nodes[node].deliver(inputs)
                writer.remote(node: node, inputs)
            }
            app.apply(.tick)
        }
        writer.flush()
        return (path, app, nodes)
    }

    @Test("a watched nodes' recording is version 2, names the nodes, and replays to the same state")
    func roundTrip() throws {
        let ticks: [[(node: Int, inputs: [RemoteInput])]] = [
            [(0, [.update(update(1, node: "a", queued: 3, full: true))]), (1, [.update(update(1, node: "b", queued: 1, full: true))])],
            [(0, [.store(rows(1...40))])],
            [(0, [.update(update(2, node: "a", queued: 5)), .store(rows(1...45))])],
            [(1, [.ended(failure: .refused, reason: "connection refused", failures: 2)])],
            [(0, [.reply("injected HIGH", isError: false), .store(rows(10...60))])],
            [],
            [(0, [.store(rows(100...105))])],  // nothing kept of the previous read
        ]
        let (path, app, _) = try record(ticks)
        let recording = try Recording(path: path)
        #expect(recording.damage == nil)
        #expect(recording.header.formatVersion == 2)
        #expect(recording.header.options.connect == addresses)
        // The store reads come back whole, though written as what changed.
        let stores = recording.inputs.flatMap(\.remote).flatMap(\.inputs).compactMap { input -> [PeatEvent]? in
            if case .store(let r) = input { r } else { nil }
        }
        #expect(stores == [rows(1...40), rows(1...45), rows(10...60), rows(100...105)])
        let replay = try Replay(recording)
        replay.seek(toPosition: recording.inputs.count)
        #expect(replay.app.state.nodes == app.state.nodes)
        let second = replay.app.state.nodes[NodeKey(addresses[1])]?.connection
        #expect(second?.phase == .reconnecting && second?.failures == 2)
        #expect(replay.app.state.nodes[NodeKey(addresses[0])]?.pendingCounts == [0, 5, 0, 0])
    }

    @Test("a store read is written as the events new since the previous read, and what it kept")
    func storeReadsAreDeltas() throws {
        let (small, _, _) = try record([[(0, [.store(rows(1...200))])], [(0, [.store(rows(1...201))])]])
        let (large, _, _) = try record([[(0, [.store(rows(1...200))])], [(0, [.store(rows(1...200).map { var e = $0; e.eventType += "x"; return e })])]])
        let smallBytes = try FileManager.default.attributesOfItem(atPath: small)[.size] as? Int ?? 0
        let largeBytes = try FileManager.default.attributesOfItem(atPath: large)[.size] as? Int ?? 0
        // The second read of the first recording costs one event; of the second, all 200.
        #expect(largeBytes - smallBytes > 150 * 20)
        #expect(RecordingFormat.keptPrefix(of: rows(1...200), endingRows: rows(1...201)) == 200)
        #expect(RecordingFormat.keptPrefix(of: rows(1...200), endingRows: rows(5...210)) == 196)
        #expect(RecordingFormat.keptPrefix(of: rows(1...200), endingRows: rows(300...310)) == 0)
        #expect(RecordingFormat.keptPrefix(of: [], endingRows: rows(1...3)) == 0)
    }

    @Test("damage in watched nodes' records: an unknown node, a store read keeping more than there was, watched nodes in version 1")
    func damage() throws {
        func file(version: UInt32, connect: [String], record: Cap_Recording_V1_Record) throws -> [UInt8] {
            var header = RecordingFormat.header(options: ConsoleOptions(), start: PeatTimestamp(seconds: 1), connect: connect)
            header.formatVersion = version
            var bytes = RecordingFormat.magic
            try RecordingWriter.appendDelimited(header, to: &bytes)
            try RecordingWriter.appendDelimited(record, to: &bytes)
            return bytes
        }
        var tick = Cap_Recording_V1_Record()
        tick.tick = Cap_Recording_V1_Tick()
        var stranger = tick
        var batch = Cap_Recording_V1_RemoteInputs()
        batch.node = 5
        stranger.remote = [batch]
        let unknownNode = try Recording(bytes: try file(version: 2, connect: addresses, record: stranger))
        #expect(unknownNode.inputs.isEmpty)
        #expect(unknownNode.damage?.reason.contains("watched node 5, of 2") == true)

        var greedy = tick
        var store = Cap_Recording_V1_RemoteInput()
        store.store.kept = 3
        batch.node = 0
        batch.inputs = [store]
        greedy.remote = [batch]
        let keepsTooMuch = try Recording(bytes: try file(version: 2, connect: addresses, record: greedy))
        #expect(keepsTooMuch.damage?.reason.contains("keeping 3 of the previous read's 0") == true)

        #expect(throws: RecordingError.self) { try Recording(bytes: try file(version: 1, connect: addresses, record: tick)) }
        // The in-process node's recordings stay version 1, which every reader reads.
        #expect(RecordingFormat.header(options: ConsoleOptions(), start: PeatTimestamp(seconds: 1)).formatVersion == 1)
    }

    @Test("a watched node goes stale on the recorded clock, not the wall clock")
    func staleOnTheConsoleClock() {
        var fold = RemoteNodeFold(address: "n:1")
        _ = fold.take([.update(update(1, node: "n", queued: 0, full: true))], at: PeatTimestamp(seconds: 100))
        _ = fold.take([], at: PeatTimestamp(seconds: 103))
        #expect(fold.connection.phase == .live)
        let events = fold.take([], at: PeatTimestamp(seconds: 103, nanos: 500_000_000))
        #expect(fold.connection.phase == .stale)
        #expect(events.contains { if case .connection(let c) = $0 { c.phase == .stale } else { false } })
    }
}
