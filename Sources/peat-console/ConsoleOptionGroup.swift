import ArgumentParser
import Console
import Foundation
import LocalNode
import PeatEvents

extension ScenarioChoice: ExpressibleByArgument {}
extension ClipboardChoice: ExpressibleByArgument {}

/// A scheduling policy on the command line, by the core's own names.
extension SchedulingPolicy: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { named.map(\.name) }
    public var defaultValueDescription: String {
        Self.named.first { $0.policy == self }?.name ?? description
    }
}

/// The flags every console-driving subcommand shares (`run`, `snapshot`, later `soak`):
/// what the node is, what feeds it and how it is scheduled.
struct ConsoleOptionGroup: ParsableArguments {
    @Option(help: "Event source scenario: 'demo' generates a realistic node's events and drains the queue at the link rate; 'none' starts empty and still.")
    var scenario: ScenarioChoice = .demo

    @OptionGroup var node: NodeIdentityOptions

    @Option(help: "Scheduling policy of the outbound queue: reference (what a Peat node does today), fair, or fair-bytes (fair shares of encoded bytes).")
    var policy: SchedulingPolicy = .reference

    @Option(name: .customLong("refresh-ms"), help: "Screen refresh period in milliseconds (the main loop's tick).")
    var refreshMs: Int = 100

    @Option(name: .customLong("link-rate"), help: "Auto-drain pace: events per second popped from the outbound queue onto the link (its bandwidth is --link-bytes).")
    var linkRate: Int = 40

    @Option(name: .customLong("link-bytes"),
            help: "Bandwidth of the modelled link to the parent tier, bytes per second (split CRITICAL 10%, then HIGH/NORMAL/LOW 50/35/15% of the rest).")
    var linkBytesPerSecond: Int = ConsoleOptions.defaultLinkBytesPerSecond

    @Option(name: .customLong("batch"), help: "Events per pop step (space).")
    var batchSize: Int = 8

    @OptionGroup(title: "Scheduling side by side and warnings") var scheduling: CompareAndWarningOptions

    @Option(name: .customLong("export-dir"),
            help: "Directory where 'e' exports the local store and pop log (run: default the current directory; snapshot: no export without it).")
    var exportDirectory: String?

    @Option(help: "Where 'y' copies the selected event as JSON: osc52 (the terminal's clipboard, by the OSC 52 escape), file (a new peat-copy-*.json in --export-dir or the current directory), off, or auto: osc52 unless inside tmux (which passes it on only with 'set -g set-clipboard on': then use osc52), GNU screen, or the Linux console.")
    var clipboard: ClipboardChoice = .auto

    func validate() throws {
        guard (10...10_000).contains(refreshMs) else {
            throw ValidationError("--refresh-ms must be between 10 and 10000 (got \(refreshMs))")
        }
        guard (0...10_000_000).contains(linkRate) else {
            throw ValidationError("--link-rate must be between 0 and 10000000 events/s (got \(linkRate))")
        }
        guard (1...1_000_000_000).contains(linkBytesPerSecond) else {
            throw ValidationError("--link-bytes must be between 1 and 1000000000 bytes/s (got \(linkBytesPerSecond))")
        }
        guard (1...10_000).contains(batchSize) else {
            throw ValidationError("--batch must be between 1 and 10000 (got \(batchSize))")
        }
        if let dir = exportDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--export-dir must be an existing directory (got '\(dir)')")
            }
        }
    }

    /// The app's options built from these flags.
    var options: ConsoleOptions {
        var o = ConsoleOptions()
        o.scenario = scenario
        o.seed = node.seed
        o.nodeID = node.nodeID
        o.formationID = node.formationID
        o.policy = policy
        o.refreshMs = refreshMs
        o.linkRate = linkRate
        o.linkBytesPerSecond = linkBytesPerSecond
        o.batchSize = batchSize
        o.export = exportDirectory.map { .directory($0) } ?? .currentDirectory
        o.clipboard = clipboard
        o.compare = scheduling.policies
        o.warnings = scheduling.warnings
        return o
    }
}
