import Console
import Foundation
import LocalNode
import PeatEvents
import Recording
import Testing

/// A recorder that writes through a `RecordingWriter` and keeps the frame after every input:
/// what the original run looked like, input by input.
final class FrameKeepingRecorder: InputRecorder {
    let writer: RecordingWriter
    weak var app: ConsoleApp?
    var frames: [Buffer] = []

    init(writer: RecordingWriter) { self.writer = writer }

    func willApply() { writer.willApply() }
    func didApply(_ input: ConsoleInput, commands: [NodeCommand]) {
        writer.didApply(input, commands: commands)
        if let app { frames.append(app.renderFrame()) }
    }
    func endOfWake() { writer.endOfWake() }
}

/// A fresh path under the temporary directory.
func temporaryPath(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peat-recording-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
}

/// A stream delivery of `events` (and one bad record), as a live reader would post it.
func delivery(_ events: [PeatEvent], label: String = "capture.jsonl") -> StreamDelivery {
    var status = StreamStatus(label: label)
    status.phase = .receiving
    status.format = .jsonl
    var records = events.enumerated().map { StreamRecord.event($0.element, StreamPosition(offset: $0.offset * 100, line: $0.offset + 1)) }
    records.append(.error(StreamError(.malformedJSON, at: StreamPosition(offset: 9_999, line: 99), detail: "unexpected '}'")))
    return StreamDelivery(source: label, records: records, status: status, bytes: 10_000)
}

func event(_ id: String, _ type: String, priority: EventPriority, at seconds: UInt64) -> PeatEvent {
    var e = PeatEvent()
    e.eventID = id
    e.eventType = type
    e.timestamp = PeatTimestamp(seconds: seconds)
    e.sourceNodeID = "producer"
    var routing = AggregationPolicy()
    routing.propagation = .propagationFull
    routing.priority = priority
    routing.ttlSeconds = 300
    e.routing = routing
    return e
}

/// A live-like run: the loop's own `wake` on a memory terminal, a clock that moves 100 ms a
/// wake-up (held still per input by the writer), keys, a resize and a stream delivery along
/// the way. Returns the recording's path and the frame after every input.
func recordedRun(wakes: Int = 120, options: ConsoleOptions = ConsoleOptions()) throws -> (path: String, frames: [Buffer]) {
    let path = temporaryPath("run.peatrec")
    let base = ManualClock(seconds: 1_800_000_000, nanos: 123_000_000)
    let clock = HeldClock(base: base)
    let app = ConsoleApp(options: options, clock: clock)
    let recorder = FrameKeepingRecorder(writer: try RecordingWriter(path: path, options: options, clock: clock))
    recorder.app = app
    app.recorder = recorder
    let backend = MemoryBackend(size: Size(width: 120, height: 40), capabilities: .init(colors: .xterm256, unicode: true))
    app.begin(on: backend)
    let script: [Int: [Key]] = [
        3: [.character("1"), .character("2"), .character("2")],
        10: [.character("t"), .character(" ")],
        25: [.character("w")],  // policy switch
        30: [.tab, .down, .down],
        40: [.character("b"), .character("+")],
        55: [.character("/"), .character("d"), .character("e"), .enter],
        70: [.character("?"), .down, .escape],
        80: [.mouse(MouseEvent(.press, x: 80, y: 23)), .mouse(MouseEvent(.wheelDown, x: 20, y: 25))],
        90: [.character("w"), .character("x"), .character("Z")],  // Z: an unknown key (a warning)
    ]
    for wake in 0..<wakes {
        base.advance(nanos: 100_000_000 + UInt64(wake % 7) * 1_000_000)
        if let keys = script[wake] { backend.pendingEvents += keys.map { .key($0) } }
        if wake == 50 {
            backend.resize(to: Size(width: 100, height: 30))
            backend.pendingEvents.append(.resized)
        }
        if wake == 60 {
            app.inbox.post(.stream(delivery([event("s-1", "critical.fire", priority: .priorityCritical, at: 1_800_000_006),
                                             event("s-2", "detection.person", priority: .priorityNormal, at: 1_800_000_006)])))
        }
        app.wake(on: backend)
    }
    recorder.writer.flush()
    return (path, recorder.frames)
}

@Suite("Record and replay")
struct RecordReplayTests {
    @Test("a replay shows the original run's frame after every input")
    func frameForFrame() throws {
        let (path, frames) = try recordedRun()
        let recording = try Recording(path: path)
        #expect(recording.damage == nil)
        #expect(recording.inputs.count == frames.count)
        #expect(frames.count > 120, "ticks, keys, the resize, the delivery: \(frames.count) inputs")
        let replay = try Replay(recording)
        var index = 0
        while replay.step() {
            let frame = replay.frame()
            if frame != frames[index] {
                Issue.record("frame \(index) differs (input \(recording.inputs[index].input)):\n\(frame.text)\n--- original ---\n\(frames[index].text)")
                return
            }
            index += 1
        }
        #expect(index == frames.count)
        #expect(replay.divergence == nil)
        // The run had alerts (the delivery's CRITICAL, the demo's) and a warning (the unknown key).
        #expect(replay.marks.contains { $0.kind == .alert })
        #expect(replay.marks.contains { $0.kind == .warning && $0.text.contains("unknown key") })
    }

    @Test("side by side (--compare) and the mouse: both lanes replay frame for frame, and seek back")
    func compareLanes() throws {
        var options = ConsoleOptions()
        options.compare = [.reference, .fair]
        options.warnings.starvationSeconds = 3
        options.clipboard = .file
        let (path, frames) = try recordedRun(options: options)
        let recording = try Recording(path: path)
        let replayed = try RecordingFormat.options(from: recording.header, export: .off)
        #expect(replayed.compare == [.reference, .fair])
        #expect(replayed.warnings == options.warnings)
        #expect(replayed.clipboard == .file)
        #expect(recording.inputs.contains { $0.input == .key(.mouse(MouseEvent(.press, x: 80, y: 23))) })
        let replay = try Replay(recording, checkpoints: CheckpointPolicy(records: 25, seconds: 1))
        #expect(replay.nodes.count == 2)
        var index = 0
        while replay.step() {
            if replay.frame() != frames[index] {
                Issue.record("frame \(index) differs:\n\(replay.frame().text)\n--- original ---\n\(frames[index].text)")
                return
            }
            index += 1
        }
        #expect(index == frames.count)
        // Back to 3 s from the end, from a checkpoint of both lanes: as replaying straight there.
        let end = replay.frame()
        replay.seek(to: 3_000_000_000)
        let linear = try Replay(recording)
        linear.play(until: 3_000_000_000)
        #expect(replay.frame() == linear.frame())
        #expect(replay.app.state == linear.app.state)
        replay.seek(toPosition: recording.inputs.count)
        #expect(replay.frame() == end)
    }

    @Test("the recorded inputs are what entered the console")
    func recordedInputs() throws {
        let (path, _) = try recordedRun(wakes: 70)
        let recording = try Recording(path: path)
        let inputs = recording.inputs.map(\.input)
        #expect(inputs.first == .capabilities(TerminalCapabilities(colors: .xterm256, unicode: true)))
        #expect(inputs.contains(.resize(Size(width: 100, height: 30))))
        #expect(inputs.contains(.key(.character("w"))))
        let w = try #require(recording.inputs.first { $0.input == .key(.character("w")) })
        #expect(w.commands == ["setPolicy(fair)"])
        let streams = inputs.compactMap { input -> StreamDelivery? in
            if case .background(.stream(let d)) = input { return d }
            return nil
        }
        #expect(streams.count == 1)
        #expect(streams.first?.records.count == 3)
        #expect(streams.first?.records.first?.event?.eventType == "critical.fire")
        // Time moves forward, tick by tick, from the start.
        #expect(recording.length > 6_000_000_000 && recording.length < 8_000_000_000)
        #expect(zip(recording.inputs, recording.inputs.dropFirst()).allSatisfy { $0.offset <= $1.offset })
    }

    @Test("seeking back to T gives the frame of replaying straight to T", arguments: [0.0, 0.35, 2.0, 4.55, 6.1, 7.0, 100.0])
    func seekBackwards(seconds: Double) throws {
        let (path, _) = try recordedRun()
        let recording = try Recording(path: path)
        let t = Int64(seconds * 1e9)
        let seeking = try Replay(recording, checkpoints: CheckpointPolicy(records: 25, seconds: 1))
        seeking.explore()  // to the end and back: every checkpoint taken
        seeking.seek(toPosition: recording.inputs.count)
        #expect(seeking.checkpointCount > 5)
        let before = seeking.applied
        seeking.seek(to: t)
        let linear = try Replay(recording)
        linear.play(until: t)
        #expect(seeking.position == linear.position)
        #expect(seeking.frame() == linear.frame())
        #expect(seeking.app.state == linear.app.state)
        // From a checkpoint, not from the start: fewer records than the position.
        #expect(seeking.applied - before <= 25 || linear.position == 0,
                "seeking back applied \(seeking.applied - before) records for position \(linear.position)")
        // And forward again from there reaches the same end.
        seeking.seek(toPosition: recording.inputs.count)
        linear.seek(toPosition: recording.inputs.count)
        #expect(seeking.frame() == linear.frame())
    }

    @Test("past the checkpoint limit every other one goes; seeking back still lands on the same state")
    func thinnedCheckpoints() throws {
        let (path, _) = try recordedRun()
        let recording = try Recording(path: path)
        let replay = try Replay(recording, checkpoints: CheckpointPolicy(records: 5, seconds: 100, limit: 4))
        replay.seek(toPosition: recording.inputs.count)
        #expect(replay.checkpointCount <= 4)
        #expect(replay.checkpointPolicy.records > 5, "intervals doubled: \(replay.checkpointPolicy.records)")
        for target in [recording.inputs.count * 3 / 4, recording.inputs.count / 3, 7, 0] {
            replay.seek(toPosition: target)
            let linear = try Replay(recording)
            linear.seek(toPosition: target)
            #expect(replay.app.state == linear.app.state)
            #expect(replay.frame() == linear.frame())
        }
    }

    @Test("e in a replay exports as of the current time and leaves the replay as it was")
    func exportFromReplay() throws {
        let (path, _) = try recordedRun()
        let dir = temporaryPath("export")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let replay = try Replay(try Recording(path: path), export: .directory(dir))
        replay.seek(to: 5_000_000_000)
        let state = replay.app.state
        let frame = replay.frame()
        let report = try #require(replay.export())
        #expect(!report.isError, "\(report.text)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(files.contains { $0.contains("store") }, "\(files)")
        #expect(files.contains { $0.contains("poplog") || $0.contains("pop") }, "\(files)")
        #expect(replay.app.state == state)
        #expect(replay.frame() == frame)
        // The replay goes on as if nothing happened.
        let linear = try Replay(try Recording(path: path))
        linear.seek(toPosition: replay.inputs.count)
        replay.seek(toPosition: replay.inputs.count)
        #expect(replay.frame() == linear.frame())
    }
}

@Suite("Headless record and replay")
struct HeadlessRecordReplayTests {
    static let keys: [Key] = [.character("1"), .character("2"), .character("w"), .character("b"), .character(" "), .tab]

    func snapshot(duration: Double, record path: String?) -> String {
        var options = ConsoleOptions()
        options.export = .off
        return ConsoleApp.snapshotBuffer(options: options, keys: Self.keys, size: Size(width: 120, height: 40), duration: duration,
                                         recorder: path.map { p in { clock in try! RecordingWriter(path: p, options: options, clock: clock) } }).text
    }

    @Test("snapshot --record, then --replay prints the same frame; --at 20 an earlier one")
    func snapshotThenReplay() throws {
        let path = temporaryPath("snapshot.peatrec")
        let original = snapshot(duration: 45, record: path)
        #expect(original == snapshot(duration: 45, record: nil), "recording changes nothing")
        let recording = try Recording(path: path)
        #expect(recording.damage == nil)
        let replay = try Replay(recording)
        replay.seek(toPosition: recording.inputs.count)
        #expect(replay.frame().text == original)
        replay.seek(to: 20_000_000_000)
        let at20 = replay.frame().text
        #expect(at20 != original)
        #expect(at20 == snapshot(duration: 20, record: nil))
    }

    @Test("a recording cut in half replays up to the cut and says where and why")
    func cutInHalf() throws {
        let path = temporaryPath("snapshot.peatrec")
        _ = snapshot(duration: 45, record: path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let recording = try Recording(bytes: Array(bytes.prefix(bytes.count / 2)))
        let damage = try #require(recording.damage)
        #expect(damage.description.contains("recording damaged at byte \(damage.byteOffset)"))
        #expect(damage.description.contains("the file ends inside a record"))
        #expect(damage.after > 15_000_000_000 && damage.after < 30_000_000_000, "about half of 45 s: \(damage.after)")
        let replay = try Replay(recording)
        replay.seek(toPosition: recording.inputs.count)
        let full = try Replay(try Recording(bytes: bytes))
        full.seek(toPosition: recording.inputs.count)
        #expect(replay.frame() == full.frame(), "up to the damage, the same frames")
    }

    @Test("snapshot with a capture prints the frame after it was read")
    func captureSnapshot() throws {
        let path = temporaryPath("capture.jsonl")
        let lines = (1...30).map { i in
            "{\"eventId\":\"cap-\(i)\",\"eventType\":\"\(i % 10 == 0 ? "critical.fire" : "detection.person")\",\"routing\":{\"propagation\":\"PROPAGATION_FULL\",\"priority\":\"\(i % 10 == 0 ? "PRIORITY_CRITICAL" : "PRIORITY_NORMAL")\"}}"
        } + ["not json"]
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let deliveries = try CaptureFileTestSupport.deliveries(path)
        var options = ConsoleOptions()
        options.scenario = .none
        options.streaming = true
        options.export = .off
        let frame = ConsoleApp.snapshotBuffer(options: options, keys: [], size: Size(width: 120, height: 40), deliveries: deliveries).text
        #expect(frame.contains("capture.jsonl"), "\(frame)")
        #expect(frame.contains("30 events") || frame.contains("30 ev"), "\(frame)")
        #expect(frame.contains("critical.fire"), "\(frame)")
    }
}

@Suite("Damaged recordings")
struct DamagedRecordingTests {
    @Test("cut at every byte of its first records: never a crash, the records before the cut kept")
    func everyCut() throws {
        let (path, _) = try recordedRun(wakes: 70)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let whole = try Recording(bytes: bytes)
        let firstRecords = whole.inputs.prefix(80)
        let limit = min(bytes.count, (firstRecords.last?.byteOffset ?? bytes.count) + 1)
        var damaged = 0
        for cut in 0..<limit {
            let prefix = Array(bytes.prefix(cut))
            guard let recording = try? Recording(bytes: prefix) else {
                // Only a cut inside the magic or the header refuses the file.
                #expect(cut <= (whole.inputs.first?.byteOffset ?? 0), "cut \(cut) refused")
                continue
            }
            let complete = whole.inputs.filter { $0.byteOffset < cut }.count
            let boundary = whole.inputs.contains { $0.byteOffset == cut }
            #expect(recording.inputs.count == (boundary ? complete : complete - 1) || recording.inputs.count == complete)
            #expect((recording.damage == nil) == (boundary || cut == (whole.inputs.first?.byteOffset ?? -1)))
            if recording.damage != nil { damaged += 1 }
            let replay = try Replay(recording)
            replay.seek(toPosition: recording.inputs.count)
            _ = replay.frame()
        }
        #expect(damaged > 100)
    }

    @Test("flipped bytes: never a crash; what replays is what came before the damage")
    func flippedBytes() throws {
        let (path, _) = try recordedRun(wakes: 40)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            for flip: UInt8 in [0xFF, 0x80, 0x01] {
                var copy = bytes
                copy[position] ^= flip
                guard let recording = try? Recording(bytes: copy), let replay = try? Replay(recording) else { continue }
                replay.seek(toPosition: recording.inputs.count)
                _ = replay.frame()
            }
        }
    }

    @Test("a newer format is refused, naming its version")
    func newerVersion() throws {
        var header = RecordingFormat.header(options: ConsoleOptions(), start: PeatTimestamp(seconds: 1))
        header.formatVersion = 7
        var bytes = RecordingFormat.magic
        let body: [UInt8] = try header.serializedBytes()
        var length = body.count  // a varint: the header is longer than one byte can say
        while length >= 0x80 { bytes.append(UInt8(length & 0x7F) | 0x80); length >>= 7 }
        bytes.append(UInt8(length))
        bytes += body
        #expect(throws: RecordingError.newerVersion(found: 7, newest: RecordingFormat.version)) { try Recording(bytes: bytes) }
        #expect(RecordingError.newerVersion(found: 7, newest: 1).description.contains("format version 7"))
    }

    @Test("not a recording: said so")
    func notARecording() {
        #expect(throws: RecordingError.notARecording) { try Recording(bytes: Array("{\"eventId\":\"x\"}\n".utf8)) }
        #expect(throws: (any Error).self) { try Recording(bytes: Array("PEATREC".utf8)) }
    }
}

@Suite("Replay player")
struct ReplayPlayerTests {
    @Test("times as typed after ':'", arguments: [
        ("12.5", Int64(12_500_000_000)), ("90", 90_000_000_000), ("1m30s", 90_000_000_000), ("1:30", 90_000_000_000),
        ("2m", 120_000_000_000), ("1h", 3_600_000_000_000), ("1:02:03.5", 3_723_500_000_000), ("0.25s", 250_000_000),
    ])
    func parse(_ text: String, _ nanos: Int64) {
        #expect(ReplayTime.parse(text) == nanos)
    }

    @Test("not times", arguments: ["", "abc", "-3", "1m30", "1:2:3:4", "5x", "nan"])
    func notTimes(_ text: String) {
        #expect(ReplayTime.parse(text) == nil)
    }

    @Test("keys: seek prompt, step, speed, next alert, and the strip")
    func keys() throws {
        let (path, _) = try recordedRun()
        let replay = try Replay(try Recording(path: path))
        replay.explore()
        let player = ReplayPlayer(replay)
        for key in ":4.5".map(Key.character) { player.handle(key) }
        #expect(player.prompt == "4.5")
        player.handle(.enter)
        #expect(player.paused)
        #expect(replay.offset <= 4_500_000_000 && replay.offset > 4_300_000_000)
        let at = replay.position
        player.handle(.character("."))
        #expect(replay.position == at + 1)
        player.handle(.left)
        #expect(replay.offset <= 3_600_000_000)
        player.handle(.character("g"))
        #expect(replay.offset == 0)
        #expect(replay.position == replay.targetPosition(for: 0) && replay.position > 0)
        player.handle(.character("]"))
        let mark = try #require(replay.marks.first)
        #expect(replay.position == mark.position)
        #expect(player.message?.text.contains(mark.kind == .alert ? "alert" : "warning") == true)
        player.handle(.character("+"))
        #expect(player.speedText == "×2")
        for _ in 0..<10 { player.handle(.character("+")) }
        #expect(player.speedText == "×64")
        for _ in 0..<20 { player.handle(.character("-")) }
        #expect(player.speedText == "×¼")
        player.handle(.character("a"))
        #expect(player.speedText == "max")
        player.handle(.character(" "))
        #expect(!player.paused)
        while !replay.atEnd { player.advance(wallSeconds: 0.01) }
        #expect(player.paused)
        #expect(player.message?.text.contains("end of the recording") == true)
        let screen = player.render(size: Size(width: 120, height: 41))
        let strip = screen.line(40)
        #expect(strip.contains("REPLAY"))
        #expect(strip.contains("!"), "alert marks on the track: \(strip)")
        #expect(strip.contains("●"))
        // The frame above the strip is the replayed frame (recorded at 100x30 after the resize).
        #expect(screen.line(0).hasPrefix(replay.frame().line(0)))
    }

    @Test("playing at ×1 follows the wall clock")
    func realTime() throws {
        let (path, _) = try recordedRun()
        let replay = try Replay(try Recording(path: path))
        let player = ReplayPlayer(replay)
        player.advance(wallSeconds: 2)
        #expect(replay.offset <= 2_000_000_000 && replay.offset > 1_800_000_000)
        player.handle(.character("+"))
        player.advance(wallSeconds: 1)
        #expect(replay.offset <= 4_000_000_000 && replay.offset > 3_800_000_000)
    }
}
