import ArgumentParser
import Console
import LocalNode
import Foundation
import NcursesBackend
import PeatEvents
import PeatInputs
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
        let app = remote.isRemote ? ConsoleApp(options: options, remote: try remote.targets()) : ConsoleApp(options: options)
        app.writeNewFile = NewFile.create
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
