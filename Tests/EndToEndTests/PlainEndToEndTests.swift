import Foundation
import Testing

/// The binary without a terminal: a clear error when there is none, and `snapshot`.
@Suite("Without a terminal")
struct PlainEndToEndTests {
    @Test("not a TTY: one-line error, status 1, nothing on stdout")
    func notATerminal() throws {
        guard let bin = ConsoleBinary.require() else { return }
        let result = try runProcess(bin, ["--scenario", "none"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        expectOneLineError(result.stderr, mentioning: "not a terminal")
    }

    @Test("snapshot renders the frame after a key script")
    func snapshot() throws {
        guard let bin = ConsoleBinary.require() else { return }
        let result = try runProcess(bin, ["snapshot", "--scenario", "none", "--keys", ConsoleText.scriptedKeys,
                                          "--size", "120x40"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).filter { !$0.isEmpty }
        #expect(lines.count == 40)
        #expect(lines.allSatisfy { $0.count == 120 }, "every line is 120 columns")
        for text in ConsoleText.afterScriptedKeys {
            #expect(result.stdout.contains(text), "snapshot lacks '\(text)':\n\(result.stdout)")
        }
    }

    /// The goldens of the README captures (Tests/ConsoleTests/Golden) are rendered in-process;
    /// the binary's `snapshot` must print the same text, or the captures would not be what
    /// the command under them prints.
    @Test("snapshot prints the README captures' golden frames", arguments: [
        ("readme-console-120x40", ["--keys", "1 2 2 t space tab", "--size", "120x40"]),
        ("readme-reference-defects-100x30",
         ["--scenario", "none", "--keys", "2 2 2 2 2 2 4 4 4 4 - - - space space space space tab tab tab", "--size", "100x30"]),
    ])
    func snapshotIsTheGolden(_ golden: String, _ arguments: [String]) throws {
        guard let bin = ConsoleBinary.require() else { return }
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ConsoleTests/Golden/\(golden).txt")
        let stored = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let height = Int(arguments.last!.split(separator: "x")[1])!
        #expect(stored.first == "$ peat-console snapshot " + arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " "))
        let result = try runProcess(bin, ["snapshot"] + arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == stored[1...height].joined(separator: "\n") + "\n")
    }

    @Test("--link-bytes sets the modelled link's bandwidth, shown in the header and the link rule")
    func linkBytes() throws {
        guard let bin = ConsoleBinary.require() else { return }
        let result = try runProcess(bin, ["snapshot", "--scenario", "none", "--link-bytes", "1500", "--keys", "1 space",
                                          "--size", "140x40"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("link 1.5 kB/s"), "header:\n\(result.stdout)")
        #expect(result.stdout.contains("── link 1.5 kB/s ──"), "link rule:\n\(result.stdout)")
        // No time passes in a snapshot of the empty scenario: the rates are unknown, not 0.0.
        #expect(result.stdout.contains("in –/s out –/s"))
        let help = try runProcess(bin, ["snapshot", "--help"])
        #expect(help.stdout.contains("--link-bytes"))
    }

    @Test("snapshot --ascii uses no box-drawing characters")
    func snapshotASCII() throws {
        guard let bin = ConsoleBinary.require() else { return }
        let result = try runProcess(bin, ["snapshot", "--scenario", "none", "--keys", "1", "--ascii", "--size", "100x30"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII in:\n\(result.stdout)")
    }

    @Test("bad flags give a clear error", arguments: [
        (["snapshot", "--size", "120by40"], "--size"),
        (["snapshot", "--size", "0x40"], "--size"),
        (["snapshot", "--keys", "1 no-such-key"], "no-such-key"),
        (["snapshot", "--policy", "greedy"], "policy"),
        (["snapshot", "--color", "3"], "color"),
        (["--scenario", "nope"], "scenario"),
        (["snapshot", "--link-bytes", "0"], "--link-bytes"),
    ])
    func badFlags(_ arguments: [String], _ mentioned: String) throws {
        guard let bin = ConsoleBinary.require() else { return }
        let result = try runProcess(bin, arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let firstLine = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix("Error:"), "stderr: \(result.stderr)")
        #expect(firstLine.contains(mentioned), "stderr: \(result.stderr)")
    }
}
