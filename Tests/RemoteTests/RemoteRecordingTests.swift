import Console
import Foundation
import PeatEvents
import PeatRemoteProto
import Recording
import RemoteNode
import Testing

/// `--record` with `--connect`: what a watched node's connection brought is recorded with the
/// tick that took it in, and a replay — no network — shows the original frames.
@Suite(.serialized) struct RemoteRecordingTests {
    /// Writes through a `RecordingWriter` and keeps the frame after every recorded input.
    final class FrameKeeper: InputRecorder {
        let writer: RecordingWriter
        weak var app: ConsoleApp?
        var frames: [Buffer] = []
        init(_ writer: RecordingWriter) { self.writer = writer }
        func willApply() { writer.willApply() }
        func didApply(_ input: ConsoleInput, commands: [NodeCommand]) {
            let before = writer.records
            writer.didApply(input, commands: commands)
            if writer.records > before, let app { frames.append(app.renderFrame()) }
        }
        func endOfWake() { writer.endOfWake() }
    }

    @Test("a watched node's run replays frame for frame without the node; seeking back lands on the same frames")
    func watchedNodeReplaysFrameForFrame() async throws {
        let node = makeNode("recorded", formation: "f-rec")
        node.perform(.inject(.critical))
        node.perform(.burst(count: 30))
        let server = try await RunningServer.start(node) { $0.allowControl = true }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("peat-remote-\(UUID().uuidString).peatrec").path
        defer { try? FileManager.default.removeItem(atPath: path) }

        let clock = HeldClock(base: SystemClock())
        let options = ConsoleOptions()
        let app = ConsoleApp(options: options, remote: [RemoteTarget(address: server.address)], clock: clock)
        let writer = try RecordingWriter(path: path, options: options, clock: clock, connect: [server.address.description])
        let keeper = FrameKeeper(writer)
        keeper.app = app
        app.recorder = keeper
        app.recordRemoteInputs { node, inputs in writer.remote(node: node, inputs) }
        let backend = MemoryBackend(size: Size(width: 120, height: 40), capabilities: .init(colors: .xterm256, unicode: true))
        app.begin(on: backend)
        let key = NodeKey(server.address.description)
        var model: NodeModel? { app.state.nodes[key] }
        /// Ticks (recorded inputs, as the live loop's) until `condition` holds.
        func ticks(until condition: () -> Bool) async -> Bool {
            await eventually {
                app.apply(.tick)
                app.recorder?.endOfWake()
                return condition()
            }
        }

        #expect(await ticks { model?.connection?.phase == .live && (model?.browserTotal ?? 0) > 0 && app.remoteNodes.allSatisfy(\.isSettled) })
        app.apply(.key(.character("1")))  // inject CRITICAL: a control call, answered later
        app.apply(.key(.character("b")))
        #expect(await ticks { (model?.alerts.count ?? 0) >= 2 && app.remoteNodes.allSatisfy(\.isSettled) })
        app.apply(.key(.character("x")))  // acknowledge the newest
        app.apply(.key(.tab))
        app.apply(.key(.down))
        #expect(await ticks { model?.alerts.contains(where: \.acknowledged) == true && app.remoteNodes.allSatisfy(\.isSettled) })
        await server.stop()
        #expect(await ticks { model?.connection?.phase != .live && model?.connection?.phase != .stale })
        app.remoteNodes.forEach { $0.stop() }
        writer.flush()

        let recording = try Recording(path: path)
        #expect(recording.damage == nil)
        #expect(recording.header.formatVersion == 2)
        #expect(recording.header.options.connect == [server.address.description])
        let kinds = Set(recording.inputs.flatMap(\.remote).flatMap(\.inputs).map { input -> String in
            switch input {
            case .update: "update"
            case .ended: "ended"
            case .reply: "reply"
            case .store: "store"
            }
        })
        #expect(kinds == ["update", "ended", "reply", "store"])
        #expect(recording.inputs.count == keeper.frames.count)

        let replay = try Replay(recording, checkpoints: CheckpointPolicy(records: 7, seconds: 0.5))
        #expect(replay.remoteNodes.count == 1 && replay.nodes.isEmpty)
        var firstDifference: Int?
        for (i, frame) in keeper.frames.enumerated() {
            replay.step()
            if firstDifference == nil, replay.frame() != frame { firstDifference = i }
        }
        #expect(firstDifference == nil, "record \((firstDifference ?? 0) + 1) of \(keeper.frames.count):\n\(firstDifference.map { replay.seek(toPosition: $0 + 1); return replay.frame().text + "\nwas\n" + keeper.frames[$0].text } ?? "")")
        #expect(replay.divergence == nil)
        #expect(replay.marks.contains { $0.kind == .alert })
        for position in [keeper.frames.count / 3, 1, keeper.frames.count / 2, keeper.frames.count] {
            replay.seek(toPosition: position)
            let same = replay.frame() == keeper.frames[position - 1]
            #expect(same, "seek to record \(position)")
        }
    }
}
