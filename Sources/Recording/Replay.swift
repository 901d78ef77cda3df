import Console
import LocalNode
import PeatEvents

/// When a replay keeps a copy of the model to seek back to.
public struct CheckpointPolicy: Sendable, Equatable {
    /// A checkpoint after at most this many records…
    public var records: Int
    /// …or this many seconds of recording, whichever comes first.
    public var seconds: Double
    /// Most checkpoints kept: past it every other one goes and the intervals double, so a
    /// long recording costs at most this many copies of the model (each holds the node's
    /// store and its 50,000 popped events kept for export: ~10 MB at the demo's rates).
    public var limit: Int

    public init(records: Int, seconds: Double, limit: Int = 32) {
        self.records = max(1, records)
        self.seconds = max(0.001, seconds)
        self.limit = max(2, limit)
    }

    /// Every 6,000 records or 60 s (600 ticks at most to replay when seeking back), at most 32.
    public static let standard = CheckpointPolicy(records: 6_000, seconds: 60)
}

/// A place on a replay's timeline worth jumping to.
public struct ReplayMark: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A CRITICAL alert was raised.
        case alert
        /// The status bar said something went wrong (bad input, a refused key, an emit error).
        case warning
    }

    public var kind: Kind
    /// Records applied when it happened (the record that caused it is the one before).
    public var position: Int
    /// Nanoseconds since the start.
    public var offset: Int64
    /// What it was.
    public var text: String
}

/// Where a replay stopped matching the original run.
public struct ReplayDivergence: Equatable, Sendable, CustomStringConvertible {
    /// The record's number, from 1.
    public var record: Int
    public var offset: Int64
    public var recorded: [String]
    public var replayed: [String]

    public var description: String {
        "replay diverged at record \(record) (\(ReplayTime.text(offset))): the original run did [\(recorded.joined(separator: ", "))], the replay [\(replayed.joined(separator: ", "))]"
    }
}

/// A recording replayed into a console: the same options, a manual clock set to each
/// record's time, and the records applied through `ConsoleApp.apply(_:)`, the door they were
/// recorded at; so each state, and each frame, is the original run's.
///
/// Seeking backwards restores the nearest earlier checkpoint — a copy of the app's state and
/// of the node's (emitter, generator, link, drain budget) taken every `CheckpointPolicy`
/// records or seconds as the replay first passes them — and applies the records from there.
public final class Replay {
    public let recording: Recording
    public let app: ConsoleApp
    /// The replayed nodes: the in-process node, or its two lanes under `--compare`; none for
    /// a recording of watched nodes…
    public let nodes: [LocalNodeSource]
    /// …which replay from what their connections brought (in the order of `connect`).
    public let remoteNodes: [ReplayedRemoteNode]
    /// The intervals in effect (the policy's, doubled each time the checkpoints were thinned).
    public private(set) var checkpointPolicy: CheckpointPolicy
    private let clock: ManualClock

    /// Records applied so far (the next one to apply is `inputs[position]`).
    public private(set) var position = 0
    /// Alerts and warnings, in order, for the records applied at least once.
    public private(set) var marks: [ReplayMark] = []
    /// The first place where a key caused other commands than in the original run.
    public private(set) var divergence: ReplayDivergence?
    /// Records applied in all (seeks included): what seeking costs.
    public private(set) var applied = 0

    private struct Checkpoint {
        var position: Int
        var offset: Int64
        var time: PeatTimestamp
        var state: AppState
        var nodes: [LocalNodeSource.Checkpoint]
        var remote: [ReplayedRemoteNode.Checkpoint]
    }

    private var checkpoints: [Checkpoint] = []
    /// Records applied at least once (marks and checkpoints exist up to here).
    private var explored = 0

    /// A replay of `recording`, at its start; `e` writes to `export`.
    /// - Throws: `RecordingError.badHeader` when the header's options cannot be run.
    public init(_ recording: Recording, export: ConsoleOptions.ExportTarget = .off,
                checkpoints: CheckpointPolicy = .standard) throws {
        self.recording = recording
        checkpointPolicy = checkpoints
        let options = try RecordingFormat.options(from: recording.header, export: export)
        clock = ManualClock(seconds: recording.start.seconds, nanos: recording.start.nanos)
        let connect = recording.header.options.connect
        remoteNodes = connect.map(ReplayedRemoteNode.init(address:))
        nodes = connect.isEmpty ? LocalNodeSource.sources(options: options, clock: clock) : []
        app = ConsoleApp(options: options, sources: connect.isEmpty ? nodes : remoteNodes, clock: clock)
        takeCheckpoint()
    }

    /// The inputs.
    public var inputs: [RecordedInput] { recording.inputs }
    /// True when every record has been applied.
    public var atEnd: Bool { position >= inputs.count }
    /// Nanoseconds since the start of the last record applied (0 before the first).
    public var offset: Int64 { position == 0 ? 0 : inputs[position - 1].offset }
    /// Checkpoints held.
    public var checkpointCount: Int { checkpoints.count }

    /// The frame the original run showed after the records applied so far.
    public func frame() -> Buffer { app.renderFrame() }

    /// Applies the next record.
    /// - Returns: false at the end.
    @discardableResult
    public func step() -> Bool {
        guard position < inputs.count else { return false }
        let record = inputs[position]
        clock.set(RecordingFormat.time(at: record.offset, from: recording.start))
        let alertsBefore = alertsReceived
        let statusBefore = app.state.status
        for batch in record.remote { remoteNodes[batch.node].deliver(batch.inputs) }
        let effects = app.apply(record.input)
        position += 1
        applied += 1
        if case .key = record.input, divergence == nil {
            let replayed = effects.map { RecordingFormat.text($0.command) }
            if replayed != record.commands {
                divergence = ReplayDivergence(record: position, offset: record.offset, recorded: record.commands, replayed: replayed)
            }
        }
        if position > explored {
            explored = position
            if alertsReceived > alertsBefore {
                let text = app.state.core.alerts.first.map { "CRITICAL \($0.event.eventType)" } ?? "CRITICAL alert"
                marks.append(ReplayMark(kind: .alert, position: position, offset: record.offset, text: text))
            }
            if let status = app.state.status, status.isError, status != statusBefore {
                marks.append(ReplayMark(kind: .warning, position: position, offset: record.offset, text: status.text))
            }
            let last = checkpoints[checkpoints.count - 1]
            if position - last.position >= checkpointPolicy.records
                || Double(record.offset - last.offset) / 1e9 >= checkpointPolicy.seconds {
                takeCheckpoint()
            }
        }
        return true
    }

    /// Applies records up to and including the last one at or before `offset` (forward only).
    public func play(until offset: Int64) {
        while position < inputs.count, inputs[position].offset <= offset { step() }
    }

    /// Applies up to `count` records. - Returns: how many were applied.
    @discardableResult
    public func play(records count: Int) -> Int {
        var n = 0
        while n < count, step() { n += 1 }
        return n
    }

    /// Goes to the state after the records at or before `offset`: from the nearest checkpoint
    /// at or before it (back, or ahead of the replay), else by applying the records on.
    public func seek(to offset: Int64) {
        seek(toPosition: targetPosition(for: offset))
    }

    /// Goes to the state after `target` records.
    public func seek(toPosition target: Int) {
        let target = min(max(0, target), inputs.count)
        // The last checkpoint at or before the target (there is always the start's): from
        // there when going back, or when it is ahead of where the replay is.
        var lo = 0, hi = checkpoints.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if checkpoints[mid].position <= target { lo = mid } else { hi = mid - 1 }
        }
        if target < position || checkpoints[lo].position > position { restore(checkpoints[lo]) }
        while position < target { step() }
    }

    /// Applies every record (marks and checkpoints for the whole recording), then goes back
    /// to the start.
    public func explore() {
        seek(toPosition: inputs.count)
        seek(toPosition: 0)
    }

    /// Records at or before `offset`.
    public func targetPosition(for offset: Int64) -> Int {
        var lo = 0, hi = inputs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if inputs[mid].offset <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Writes the store and the pop log as of now (`e`), leaving the replayed state as it was.
    /// - Returns: the console's report of the export.
    public func export() -> StatusMessage? {
        let state = app.state
        let saved = nodes.map { $0.checkpoint() }
        app.dispatch(.export)
        let report = app.state.status
        app.restore(state)
        for (node, checkpoint) in zip(nodes, saved) { node.restore(checkpoint) }
        return report
    }

    private var alertsReceived: Int { app.state.nodes.values.reduce(0) { $0 + $1.alertsReceived } }

    private func takeCheckpoint() {
        checkpoints.append(Checkpoint(position: position, offset: offset, time: clock.now(), state: app.state,
                                      nodes: nodes.map { $0.checkpoint() }, remote: remoteNodes.map { $0.checkpoint() }))
        if checkpoints.count > checkpointPolicy.limit {
            // Keep the start and every other one after it; take them half as often from now.
            checkpoints = checkpoints.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            checkpointPolicy.records = checkpointPolicy.records.multipliedReportingOverflow(by: 2).overflow ? .max : checkpointPolicy.records * 2
            checkpointPolicy.seconds *= 2
        }
    }

    private func restore(_ c: Checkpoint) {
        app.restore(c.state)
        for (node, checkpoint) in zip(nodes, c.nodes) { node.restore(checkpoint) }
        for (node, checkpoint) in zip(remoteNodes, c.remote) { node.restore(checkpoint) }
        clock.set(c.time)
        position = c.position
    }
}
