import ArgumentParser
import Console
import Foundation
import LocalNode
import PeatEvents
import PeatInputs
import Recording
import RemoteNode

/// `snapshot`'s flags for captures and recordings: `--source` (a capture read whole before
/// the keys), `--record` (the run's inputs to a file), `--replay` and `--at` (a recording's
/// frame at a time).
struct SnapshotRecordingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read this capture (a file of events, JSON Lines or delimited protobuf) before the keys, and print the frame after it (the demo generator is off, auto-drain on).",
                               valueName: "path"))
    var source: String?

    @Option(help: "With --source: framing of the capture (jsonl, protobuf, or auto).")
    var format: StreamFormatChoice = .auto

    @Option(help: ArgumentHelp("Record the run's inputs (keys, ticks, capture, watched nodes' updates) to this file; `snapshot --replay` or `replay` plays it.",
                               valueName: "path"))
    var record: String?

    @Option(help: ArgumentHelp("Print the frame of this recording at --at (the end by default), at the recorded size.",
                               valueName: "path"))
    var replay: String?

    @Option(help: ArgumentHelp("With --replay: seconds since the start of the recording (e.g. 20, 12.5, 1m30s).",
                               valueName: "time"))
    var at: String?

    func validate(keys: [Key], duration: Double?, remote: Bool) throws {
        if replay != nil {
            if record != nil || source != nil || !keys.isEmpty || duration != nil || remote {
                throw ValidationError("--replay prints a recorded frame: it does not go with --record, --source, --keys, --duration or --connect")
            }
        } else if at != nil {
            throw ValidationError("--at goes with --replay")
        }
        if let at, ReplayTime.parse(at) == nil {
            throw ValidationError("--at must be a time such as 20, 12.5, 90s, 1m30s or 1:30 (got '\(at)')")
        }
        if remote && source != nil {
            throw ValidationError("--source feeds the in-process node; it does not go with --connect")
        }
    }

    /// The capture's deliveries (and the options of a console fed by a stream), or none.
    func captureDeliveries(into options: inout ConsoleOptions) throws -> [StreamDelivery] {
        guard let source else { return [] }
        options.scenario = .none
        options.streaming = true
        do {
            return try CaptureFile.deliveries(path: source, format: format)
        } catch {
            FileHandle.standardError.write(Data("peat-console snapshot: cannot read \(source): \(error.localizedDescription)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The recorder `--record` asks for: a maker for the snapshot's clock, and a finish that
    /// reports a failed write.
    func recorder(options: ConsoleOptions) throws -> (make: ((ManualClock) -> any InputRecorder)?, finish: () throws -> Void) {
        guard let record else { return (nil, {}) }
        // Opened here, so a path that cannot be written fails before the run.
        let box = WriterBox()
        let input = source
        let make: (ManualClock) -> any InputRecorder = { clock in
            do {
                let writer = try RecordingWriter(path: record, options: options, clock: clock, input: input)
                box.writer = writer
                return writer
            } catch {
                box.error = "\(error)"
                return NoRecorder()
            }
        }
        guard FileManager.default.createFile(atPath: record, contents: nil) else {
            FileHandle.standardError.write(Data("peat-console snapshot: cannot record to \(record)\n".utf8))
            throw ExitCode.failure
        }
        return (make, {
            box.writer?.flush()
            if let why = box.error ?? box.writer?.failure {
                FileHandle.standardError.write(Data("peat-console snapshot: recording failed: \(why)\n".utf8))
                throw ExitCode.failure
            }
        })
    }

    /// `snapshot --connect … --record FILE`: a writer for the app watching `connect`, on a
    /// clock it holds still per input; `finish` flushes it and reports a failed write.
    func remoteRecorder(options: ConsoleOptions, connect: [String]) throws -> (clock: any EventClock, prepare: (ConsoleApp) -> Void, finish: () throws -> Void) {
        guard let record else { return (SystemClock(), { _ in }, {}) }
        let clock = HeldClock(base: SystemClock())
        let writer: RecordingWriter
        do { writer = try RecordingWriter(path: record, options: options, clock: clock, connect: connect) } catch {
            FileHandle.standardError.write(Data("peat-console snapshot: \(error)\n".utf8))
            throw ExitCode.failure
        }
        return (clock, { app in
            app.recorder = writer
            app.recordRemoteInputs { node, inputs in writer.remote(node: node, inputs) }
        }, {
            writer.flush()
            if let why = writer.failure {
                FileHandle.standardError.write(Data("peat-console snapshot: recording failed: \(why)\n".utf8))
                throw ExitCode.failure
            }
        })
    }

    /// `snapshot --replay FILE [--at T]`: the frame, and on standard error the damage if any.
    func runReplay(size: Size, exportDirectory: String?) throws {
        guard let replay else { return }
        let recording: Recording
        do { recording = try Recording(path: replay) } catch {
            FileHandle.standardError.write(Data("peat-console snapshot: \(replay): \(error)\n".utf8))
            throw ExitCode.failure
        }
        let session: Replay
        do {
            session = try Replay(recording, export: exportDirectory.map { .directory($0) } ?? .off,
                                 checkpoints: CheckpointPolicy(records: .max, seconds: .infinity))
        } catch {
            FileHandle.standardError.write(Data("peat-console snapshot: \(replay): \(error)\n".utf8))
            throw ExitCode.failure
        }
        let target = at.flatMap(ReplayTime.parse)
        if let target { session.seek(to: target) } else { session.seek(toPosition: recording.inputs.count) }
        print(session.frame().text)
        if let divergence = session.divergence {
            FileHandle.standardError.write(Data("peat-console snapshot: \(replay): \(divergence)\n".utf8))
        }
        if let damage = recording.damage, target.map({ $0 > damage.after }) ?? true {
            FileHandle.standardError.write(Data("peat-console snapshot: \(replay): \(damage)\n".utf8))
            throw ExitCode(SnapshotRecordingOptions.damagedStatus)
        }
    }

    /// Exit status of `snapshot --replay` when the recording is damaged before the time asked
    /// (the frame printed is the last one before the damage).
    static let damagedStatus: Int32 = 3
}

/// Holds the writer the snapshot's run made.
private final class WriterBox {
    var writer: RecordingWriter?
    var error: String?
}

/// Records nothing (the writer could not start).
private final class NoRecorder: InputRecorder {
    func willApply() {}
    func didApply(_ input: ConsoleInput, commands: [NodeCommand]) {}
    func endOfWake() {}
}
