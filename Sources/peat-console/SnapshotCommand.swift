import ArgumentParser
import Console
import LocalNode
import RemoteNode

/// Colour depth as written on the command line.
enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
    case none = "none", ansi8 = "8", ansi16 = "16", xterm256 = "256"

    var depth: ColorDepth {
        switch self {
        case .none: return .none
        case .ansi8: return .ansi8
        case .ansi16: return .ansi16
        case .xterm256: return .xterm256
        }
    }
}

/// `peat-console snapshot`: the frame the console would show after some keys, as plain text
/// on stdout. Same code path as the live console, no terminal needed.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print the screen after a key script as plain text (no terminal needed).",
        discussion: """
            Examples:
              peat-console snapshot --scenario none --keys "1 2 2 t space" --size 120x40
              peat-console snapshot --duration 45 --record run.peatrec
              peat-console snapshot --replay run.peatrec --at 20
            """
    )

    @OptionGroup var console: ConsoleOptionGroup
    @OptionGroup(title: "Remote nodes") var remote: ConnectOptionGroup

    @Option(name: .customLong("wait"), help: "With --connect: most seconds to wait for every node's state (or first failure).")
    var waitSeconds: Double = 5

    @Option(help: ArgumentHelp("Keys to press, separated by spaces (e.g. \"1 2 2 t space\"; names: space, enter, esc, tab, up, …).",
                               valueName: "keys"))
    var keys = KeyScriptArgument([])

    @Option(help: ArgumentHelp("Screen size as WIDTHxHEIGHT, each side 1 to 1000.", valueName: "WxH"))
    var size = ScreenSizeArgument(Size(width: 120, height: 40))

    @Option(help: "Colour depth assumed (affects layout only where the views degrade): none, 8, 16 or 256.")
    var color: ColorChoice = .none

    @Flag(help: "Draw as on a terminal without UTF-8 (ASCII borders and bars).")
    var ascii = false

    @Option(help: ArgumentHelp("Apply the keys first, then advance a manual clock this many seconds (0 to 86400) — the demo, drain, link and TTL run on it — before drawing. Without it the demo plays \(ConsoleApp.snapshotWarmUp) s and the keys come after.",
                               valueName: "seconds"))
    var duration: Double?

    @OptionGroup(title: "Record and replay") var recording: SnapshotRecordingOptions

    func validate() throws {
        try recording.validate(keys: keys.keys, duration: duration, remote: remote.isRemote)
        if let duration, !(0...ConsoleApp.snapshotMaxDuration).contains(duration) {
            throw ValidationError("--duration must be between 0 and \(Int(ConsoleApp.snapshotMaxDuration)) seconds, not \(duration)")
        }
        if console.scheduling.compare != nil, remote.isRemote {
            throw ValidationError("--compare runs two lanes of the in-process node; it does not go with --connect")
        }
        if duration != nil, remote.isRemote {
            throw ValidationError("--duration runs the in-process node on a manual clock; it does not apply to --connect")
        }
    }

    func run() throws {
        if recording.replay != nil {
            try recording.runReplay(size: size.size, exportDirectory: console.exportDirectory)
            return
        }
        if remote.isRemote {
            let targets = try remote.targets()
            let recorder = try recording.remoteRecorder(options: console.options, connect: targets.map(\.address.description))
            let frame = ConsoleApp.remoteSnapshotBuffer(
                targets: targets, options: console.options, keys: keys.keys, size: size.size,
                capabilities: TerminalCapabilities(colors: color.depth, unicode: !ascii), wait: max(0, min(waitSeconds, 60)),
                clock: recorder.clock, prepare: recorder.prepare)
            try recorder.finish()
            print(frame.text)
            return
        }
        var options = console.options
        // A command that prints writes no files unless asked to: `e` exports only with
        // --export-dir, else says export is off.
        if console.exportDirectory == nil { options.export = .off }
        let deliveries = try recording.captureDeliveries(into: &options)
        let recorder = try recording.recorder(options: options)
        let frame = ConsoleApp.snapshotBuffer(
            options: options, keys: keys.keys, size: size.size,
            capabilities: TerminalCapabilities(colors: color.depth, unicode: !ascii), duration: duration,
            deliveries: deliveries, recorder: recorder.make).text
        try recorder.finish()
        print(frame)
    }
}
