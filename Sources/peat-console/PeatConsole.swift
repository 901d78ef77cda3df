import ArgumentParser

/// `peat-console`: the operator console for one Peat node's event emitter.
///
/// Subcommands are listed here; new ones (e.g. `gen`, `convert`, `soak`) are added to
/// `subcommands` and reuse `ConsoleOptionGroup` for the shared flags.
@main
struct PeatConsole: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peat-console",
        abstract: "A terminal dashboard for a Peat node's event emitter: queues, alerts, local store, pop log.",
        discussion: """
            With no subcommand, opens the live console on the built-in demo scenario.
            Keys are listed in the footer and in the help overlay (press ?).
            """,
        subcommands: [RunCommand.self, SnapshotCommand.self, ServeCommand.self, GenCommand.self, ConvertCommand.self, SoakCommand.self, ReplayCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
