import ArgumentParser
import Console
import PeatEvents

/// Who the node is and how its demo is seeded: `--seed`, `--node`, `--formation`, shared by
/// every subcommand that makes or shows a node's events (`run`, `snapshot`, `gen`).
struct NodeIdentityOptions: ParsableArguments {
    @Option(help: "Seed of the demo generator (same seed, same events).")
    var seed: UInt64 = 1

    @Option(name: .customLong("node"), help: "Node id of the emitter (event ids are <node>-<n>).")
    var nodeID: String = "node-1"

    @Option(name: .customLong("formation"), help: "Formation id of the emitter.")
    var formationID: String = "squad-1"

    func validate() throws {
        guard !nodeID.isEmpty else { throw ValidationError("--node must not be empty") }
        guard !formationID.isEmpty else { throw ValidationError("--formation must not be empty") }
    }
}

/// `--size WIDTHxHEIGHT` (also `X` or `×`), each side 1…1000.
struct ScreenSizeArgument: ExpressibleByArgument, Equatable {
    var size: Size

    init(_ size: Size) { self.size = size }

    init?(argument: String) {
        let parts = argument.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "x" || $0 == "X" || $0 == "×" })
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
              (1...1000).contains(w), (1...1000).contains(h) else { return nil }
        size = Size(width: w, height: h)
    }

    var defaultValueDescription: String { "\(size.width)x\(size.height)" }
}

/// `--keys "1 2 2 t space"`: a key script, parsed once.
struct KeyScriptArgument: ExpressibleByArgument, Equatable {
    var keys: [Key]

    init(_ keys: [Key]) { self.keys = keys }

    init?(argument: String) {
        guard let keys = try? parseKeyScript(argument) else { return nil }
        self.keys = keys
    }

    var defaultValueDescription: String { "none" }
}

/// `--listen unix:/path`: the socket producers connect to.
struct ListenAddressArgument: ExpressibleByArgument, Equatable {
    var source: StreamSource

    init?(argument: String) {
        guard let source = try? StreamSource.listen(argument) else { return nil }
        self.source = source
    }
}
