import ArgumentParser
import Console
import Foundation
import NcursesBackend
import Recording

/// `peat-console replay FILE`: a recording played back in the live console.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a recording (--record) back in the console: pause, step, speed, seek, jump to alerts.",
        discussion: """
            Keys:
              space   pause / resume
              .       step one record
              → or l  one second on;  ← or h  one second back
              + / -   speed ×¼ … ×64;  a  as fast as possible
              ] / [   next / previous alert or warning
              :       seek to a time (12.5, 90s, 1m30s, 1:30)
              g / G   start / end
              e       export the store and pop log as of now
              q       quit

            The recorded frame is drawn at its recorded size; the timeline strip takes the \
            terminal's last row. A damaged recording replays up to the damage, which is named \
            on screen and on standard error.
            """
    )

    @Argument(help: ArgumentHelp("The recording.", valueName: "file"))
    var file: String

    @Option(name: .customLong("export-dir"), help: "Directory where 'e' exports (default: the current directory).")
    var exportDirectory: String?

    @Option(name: .customLong("checkpoint-records"), help: "Keep a checkpoint of the model every this many records…")
    var checkpointRecords: Int = CheckpointPolicy.standard.records

    @Option(name: .customLong("checkpoint-seconds"), help: "…or this many recorded seconds, whichever comes first (seeking back starts from the nearest).")
    var checkpointSeconds: Double = CheckpointPolicy.standard.seconds

    @Option(name: .customLong("checkpoint-limit"), help: "Most checkpoints kept (past it every other one goes and the intervals double); each costs about the node's store and its kept pops.")
    var checkpointLimit: Int = CheckpointPolicy.standard.limit

    @Flag(help: "Start paused.")
    var paused = false

    func validate() throws {
        guard checkpointRecords >= 1 else { throw ValidationError("--checkpoint-records must be at least 1") }
        guard checkpointSeconds >= 0.1, checkpointSeconds.isFinite else { throw ValidationError("--checkpoint-seconds must be at least 0.1") }
        guard (2...100_000).contains(checkpointLimit) else { throw ValidationError("--checkpoint-limit must be between 2 and 100000") }
    }

    func run() throws {
        let recording: Recording
        let replay: Replay
        do {
            recording = try Recording(path: file)
            replay = try Replay(recording, export: exportDirectory.map { .directory($0) } ?? .currentDirectory,
                                checkpoints: CheckpointPolicy(records: checkpointRecords, seconds: checkpointSeconds, limit: checkpointLimit))
        } catch {
            FileHandle.standardError.write(Data("peat-console replay: \(file): \(error)\n".utf8))
            throw ExitCode.failure
        }
        // Said after the screen is closed (whatever ends the session), as well as on the strip.
        defer {
            if let damage = recording.damage {
                FileHandle.standardError.write(Data("peat-console replay: \(file): \(damage)\n".utf8))
            }
        }
        // One pass first: the timeline's marks and the checkpoints for the whole recording.
        replay.explore()
        let player = ReplayPlayer(replay)
        if paused { player.handle(.character(" ")) }
        let start = ContinuousClock.now
        let status: Int32
        do {
            status = try TerminalSession.run(environment: ProcessInfo.processInfo.environment) { terminal, stopRequested in
                player.run(on: terminal, stopRequested: stopRequested, monotonicSeconds: {
                    let d = ContinuousClock.now - start
                    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
                })
            }
        } catch let error as TerminalStartError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
        if let divergence = replay.divergence {
            FileHandle.standardError.write(Data("peat-console replay: \(file): \(divergence)\n".utf8))
        }
        if status != 0 { throw ExitCode(status) }
    }
}
