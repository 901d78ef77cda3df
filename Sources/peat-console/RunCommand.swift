import ArgumentParser
import Console
import LocalNode
import Foundation
import NcursesBackend
import PeatEvents
import PeatInputs
import Recording
import RemoteNode

/// `peat-console run` (the default): the live console in this terminal.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Open the live console in this terminal (the default)."
    )

    @OptionGroup var console: ConsoleOptionGroup
    @OptionGroup(title: "Live input") var streams: StreamOptionGroup
    @OptionGroup(title: "Remote nodes") var remote: ConnectOptionGroup

    @Flag(name: .customLong("no-mouse"),
          help: "Do not take the mouse (no click to focus, no wheel): the terminal's own text selection works as usual (with the mouse on, most terminals select with Shift held).")
    var noMouse = false
    @Option(help: ArgumentHelp("Record everything that enters the console (keys, ticks, stream input, watched nodes' updates) to this file; `peat-console replay FILE` plays it back.",
                               valueName: "path"))
    var record: String?

    func run() throws {
        var options = console.options
        streams.apply(to: &options)
        let environment = ProcessInfo.processInfo.environment
        options.clipboard = options.clipboard.resolved(environment: environment).choice
        if remote.isRemote && streams.streamSource != nil {
            throw ValidationError("--source and --listen feed a local node; they do not go with --connect")
        }
        if remote.isRemote && options.compare != nil {
            throw ValidationError("--compare runs two lanes of the in-process node; it does not go with --connect")
        }
        // Recording: the clock holds still per input (moved by the writer), so every reading
        // while an input is applied is the time recorded with it.
        let clock: any EventClock = record != nil ? HeldClock(base: SystemClock()) : SystemClock()
        let targets = try remote.targets()
        let app = remote.isRemote ? ConsoleApp(options: options, remote: targets, clock: clock) : ConsoleApp(options: options, clock: clock)
        app.writeNewFile = NewFile.create
        let writer = try (clock as? HeldClock).flatMap {
            try startRecording(app: app, options: options, clock: $0, connect: targets.map(\.address.description))
        }
        defer { writer.map(finishRecording) }
        defer { app.remoteNodes.forEach { $0.stop() } }
        let input: StreamInput?
        do { input = try streams.start(into: app.inbox) } catch {
            FileHandle.standardError.write(Data("peat-console: \(error)\n".utf8))
            throw ExitCode.failure
        }
        defer {
            input?.stop()
            app.inbox.close()  // a reader waiting for room gives up: nothing holds up the exit
        }
        let status: Int32
        do {
            status = try TerminalSession.run(environment: environment,
                                             keysFromControllingTerminal: streams.streamSource == .standardInput,
                                             mouse: !noMouse) { terminal, stopRequested in
                app.run(on: terminal, stopRequested: stopRequested)
            }
        } catch let error as TerminalStartError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
        if status != 0 { throw ExitCode(status) }
    }
}

extension RunCommand {
    /// Starts `--record`: the writer takes every input of `app` (whose clock it holds still
    /// per input); a failed write stops the recording and says so in the status bar.
    func startRecording(app: ConsoleApp, options: ConsoleOptions, clock: HeldClock, connect: [String]) throws -> RecordingWriter? {
        guard let record else { return nil }
        do {
            let writer = try RecordingWriter(path: record, options: options, clock: clock,
                                             input: streams.source ?? streams.listen.map { "\($0.source)" }, connect: connect)
            app.recordRemoteInputs { [weak writer] node, inputs in writer?.remote(node: node, inputs) }
            let inbox = app.inbox
            writer.onFailure = { why in inbox.post(.report("recording stopped: \(why)", isError: true)) }
            app.recorder = writer
            return writer
        } catch {
            FileHandle.standardError.write(Data("peat-console: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Flushes the recording and says what it holds (or why it stopped).
    func finishRecording(_ writer: RecordingWriter) {
        writer.flush()
        let text = writer.failure.map { "peat-console: recording to \(record ?? "") stopped: \($0)" }
            ?? "peat-console: recorded \(writer.records) inputs (\(writer.bytes) bytes) to \(record ?? "")"
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
