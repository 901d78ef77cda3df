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
            Example: peat-console snapshot --scenario none --keys "1 2 2 t space" --size 120x40
            """
    )

    @OptionGroup var console: ConsoleOptionGroup
    @OptionGroup(title: "Remote nodes") var remote: ConnectOptionGroup

    @Option(name: .customLong("wait"), help: "With --connect: most seconds to wait for every node's state (or first failure).")
    var waitSeconds: Double = 5

    @Option(help: "Keys to press, separated by spaces (e.g. \"1 2 2 t space\").")
    var keys: String = ""

    @Option(help: "Screen size as WIDTHxHEIGHT.")
    var size: String = "120x40"

    @Option(help: "Colour depth assumed (affects layout only where the views degrade): none, 8, 16 or 256.")
    var color: ColorChoice = .none

    @Flag(help: "Draw as on a terminal without UTF-8 (ASCII borders and bars).")
    var ascii = false

    func validate() throws {
        _ = try parsedSize()
        _ = try parsedKeys()
    }

    func run() throws {
        if remote.isRemote {
            let frame = ConsoleApp.remoteSnapshotBuffer(
                targets: try remote.targets(), options: console.options, keys: try parsedKeys(), size: try parsedSize(),
                capabilities: TerminalCapabilities(colors: color.depth, unicode: !ascii), wait: max(0, min(waitSeconds, 60)))
            print(frame.text)
            return
        }
        let frame = ConsoleApp.snapshot(
            options: console.options, keys: try parsedKeys(), size: try parsedSize(),
            capabilities: TerminalCapabilities(colors: color.depth, unicode: !ascii))
        print(frame)
    }

    private func parsedKeys() throws -> [Key] {
        do {
            return try parseKeyScript(keys)
        } catch {
            throw ValidationError("--keys: \(error)")
        }
    }

    private func parsedSize() throws -> Size {
        guard let size = ScreenSizeParser.parse(size) else {
            throw ValidationError("--size must be WIDTHxHEIGHT with each side 1...1000, e.g. 120x40 (got '\(size)')")
        }
        return size
    }
}

/// Reads "120x40" (also "120X40" and "120×40").
enum ScreenSizeParser {
    static func parse(_ text: String) -> Size? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "x" || $0 == "X" || $0 == "×" })
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
              (1...1000).contains(w), (1...1000).contains(h) else { return nil }
        return Size(width: w, height: h)
    }
}
