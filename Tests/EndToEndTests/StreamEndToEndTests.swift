#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PeatDemo
import PeatEvents
import PeatInputs
import Testing

/// Streams through the real binary: `gen` and `convert` in plain pipelines, and a console fed
/// from a pipe and from producers on a Unix socket, inside tmux.
@Suite("Event streams end to end")
struct StreamEndToEndTests {
    static let assets = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("assets/streams")

    /// Runs a shell pipeline with `$BIN` set to the console binary.
    func shell(_ script: String, in directory: URL) throws -> ProcessResult {
        var env = ProcessInfo.processInfo.environment
        env["BIN"] = ConsoleBinary.url?.path ?? "peat-console"
        env["SWIFT_BACKTRACE"] = "enable=no"
        return try spawnAndWait(["sh", "-c", "cd '\(directory.path)' && \(script)"], environment: env)
    }

    func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peat-e2e-streams-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("gen → convert to JSONL → convert back gives the same protobuf bytes")
    func convertRoundTrip() throws {
        guard ConsoleBinary.require() != nil else { return }
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try shell("""
            "$BIN" gen --rate 0 --count 3000 --format protobuf --seed 5 --epoch 1735689600 > a.pb &&
            "$BIN" convert --from protobuf --to jsonl < a.pb > a.jsonl &&
            "$BIN" convert --from jsonl --to protobuf < a.jsonl > b.pb &&
            cmp a.pb b.pb && wc -l < a.jsonl
            """, in: dir)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "3000")
        let records = EventStreamDecoder.decodeAll([UInt8](try Data(contentsOf: dir.appendingPathComponent("a.pb"))), format: .auto)
        #expect(events(records).map(\.eventID).prefix(2) == ["node-1-1", "node-1-2"])
    }

    @Test("convert writes every good record, reports each bad one with its position, and exits 1",
          arguments: ["jsonl", "pb"])
    func convertBadInput(ext: String) throws {
        guard ConsoleBinary.require() != nil else { return }
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = StreamEndToEndTests.assets.appendingPathComponent("bad-every-kind.\(ext)").path
        let result = try shell("\"$BIN\" convert --to jsonl < '\(input)'", in: dir)
        #expect(result.status == 1)
        // JSONL: the unknown-field line is written too, without its field (an empty event).
        #expect(result.stdout.split(separator: "\n").count == (ext == "jsonl" ? 9 : 8))
        let reported = result.stderr.split(separator: "\n").filter { $0.hasPrefix("peat-console convert: ") }
        #expect(reported.count == 6, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(ext == "jsonl" ? "line 2 (byte 457): malformed JSON" : "byte 148: malformed protobuf"))
        #expect(result.stderr.contains("truncated final frame"))
    }

    @Test("a full disk is an error with its reason and status 74, not success or 'bad records'",
          arguments: ["gen --rate 0 --count 5000", "convert --to jsonl < a.pb"])
    func fullDisk(command: String) throws {
        guard ConsoleBinary.require() != nil, FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try shell("""
            "$BIN" gen --rate 0 --count 5000 --format protobuf > a.pb && "$BIN" \(command) > /dev/full
            """, in: dir)
        #expect(result.status == 74, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("cannot write the output: No space left on device"), "stderr: \(result.stderr)")
        let help = try shell("\"$BIN\" \(command.split(separator: " ")[0]) --help", in: dir)
        #expect(help.stdout.contains("74"), "help documents the status")
    }

    @Test("a reader that goes away ends gen and convert quietly, status 0",
          arguments: ["gen --rate 0 --count 200000", "convert --to jsonl < a.pb"])
    func closedPipe(command: String) throws {
        guard ConsoleBinary.require() != nil else { return }
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try shell("""
            "$BIN" gen --rate 0 --count 50000 --format protobuf > a.pb &&
            { "$BIN" \(command) 2> err; echo $? > status; } | head -c 100 > /dev/null; cat status err
            """, in: dir)
        #expect(result.stdout == "0\n", "status and stderr: \(result.stdout)")
    }

    @Test("convert escapes what it quotes from the input: no escape sequence reaches the terminal")
    func convertEscapesQuotedInput() throws {
        guard ConsoleBinary.require() != nil else { return }
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = #"{"eventId":"a","\u001b]52;c;aGk=\u0007\u001b[2J\u202e":1}"#
        try Data((line + "\n").utf8).write(to: dir.appendingPathComponent("in.jsonl"))
        let result = try shell("\"$BIN\" convert --to jsonl < in.jsonl", in: dir)
        #expect(result.status == 0)
        #expect(result.stdout == "{\"eventId\":\"a\"}\n")
        #expect(result.stderr.contains(#"unknown field "\u{1B}]52;c;aGk=\u{7}\u{1B}[2J\u{202E}" skipped"#), "\(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    }

    @Test("--listen over a file that is not a socket, or a live socket, and --source of a missing file exit 1 with the reason and no screen")
    func unusableInputsFailBeforeTheScreen() throws {
        guard ConsoleBinary.require() != nil else { return }
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("precious\n".utf8).write(to: dir.appendingPathComponent("f.txt"))
        let file = try shell("\"$BIN\" --listen unix:f.txt; echo \"status $?\"; cat f.txt", in: dir)
        #expect(file.stdout == "status 1\nprecious\n", "stdout: \(file.stdout)")
        #expect(file.stderr.contains("cannot listen on unix:f.txt: a file that is not a socket is there"), "\(file.stderr)")
        let live = StreamInput(source: .unixSocket(dir.appendingPathComponent("live.sock").path),
                               emitter: EventEmitter(nodeID: "n", formationID: "f"))
        try live.start()
        defer { live.stop() }
        let taken = try shell("\"$BIN\" --listen unix:live.sock", in: dir)
        #expect(taken.status == 1 && taken.stdout.isEmpty)
        #expect(taken.stderr.contains("in use by process \(getpid())"), "\(taken.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("live.sock").path))
        let missing = try shell("\"$BIN\" --source /nonexistent/peat.jsonl", in: dir)
        #expect(missing.status == 1 && missing.stdout.isEmpty)
        #expect(missing.stderr.contains("cannot read /nonexistent/peat.jsonl: No such file or directory"), "\(missing.stderr)")
    }

    @Test("gen piped into --source - shows a live console that ends cleanly; e exports the store and pop log",
          .enabled(if: tmuxAvailable))
    func pipeIntoConsole() throws {
        guard ConsoleBinary.require() != nil else { return }
        // A shell pipeline as a user would type it; keys still reach the console (from /dev/tty).
        let console = try TmuxConsole(script: """
            trap ':' INT TERM QUIT HUP
            stty -g > before.tmp && mv before.tmp before
            "$BIN" gen --rate 1000 --count 2500 --format protobuf | "$BIN" --source - --link-rate 200 2> stderr
            echo $? > status.tmp && mv status.tmp status
            stty -g > after.tmp && mv after.tmp after

            """)
        console.waitForText("stdin ended · 2,500 ev")
        try console.press("e")
        let screen = console.waitForText("peat-export-node-1-")
        #expect(screen.contains("-{store,poplog,alerts,delays}.jsonl"))
        try console.press("q")
        #expect(console.waitForFile("status") == "0")
        #expect(console.waitForFile("after") == console.file("before")?.trimmingCharacters(in: .whitespacesAndNewlines),
                "terminal modes restored")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: console.directory.path)) ?? []
        let store = files.first { $0.hasPrefix("peat-export-node-1-") && $0.hasSuffix("-store.jsonl") }
        let popLog = files.first { $0.hasPrefix("peat-export-node-1-") && $0.hasSuffix("-poplog.jsonl") }
        #expect(store != nil && popLog != nil, "files: \(files)")
        if let store, let popLog {
            let stored = EventStreamDecoder.decodeAll([UInt8](try Data(contentsOf: console.directory.appendingPathComponent(store))), format: .jsonl)
            let popped = EventStreamDecoder.decodeAll([UInt8](try Data(contentsOf: console.directory.appendingPathComponent(popLog))), format: .jsonl)
            #expect(events(stored).allSatisfy { $0.eventType.hasPrefix("telemetry.") } && !events(stored).isEmpty)
            #expect(!events(popped).isEmpty && errorsOf(stored).isEmpty && errorsOf(popped).isEmpty)
        }
    }

    @Test("producers on a Unix socket feed the console; a bad line is counted and listed",
          .enabled(if: tmuxAvailable))
    func socketProducers() throws {
        guard ConsoleBinary.require() != nil else { return }
        let console = try TmuxConsole(script: recordedRun("--listen unix:\"$PWD/in.sock\""), width: 160)
        let socket = console.directory.appendingPathComponent("in.sock").path
        console.waitForText("src: unix:")
        var events: [PeatEvent] = []
        var scenario = DemoScenario(seed: 9)
        while events.count < 300 {
            for e in scenario.advance(by: 1) where events.count < 300 {
                events.append(e.makeEvent(id: "sock-\(events.count + 1)", timestamp: SystemClock().now(),
                                          nodeID: "producer", formationID: "squad-1"))
            }
        }
        let first = try StreamInput.connectUnixSocket(socket)
        let second = try StreamInput.connectUnixSocket(socket)
        send(first, try EventStreamEncoder(.jsonl).encode(events.prefix(150)) + Array("not an event\n".utf8))
        send(second, try EventStreamEncoder(.protobuf).encode(events.suffix(150)))
        close(first)
        close(second)
        let header = console.waitForText("300 events")
        #expect(header.contains("bad 1") || header.contains("bad1"))  // bad input is a fault: in the header's fault field
        try console.press("E")
        let overlay = console.waitForText("conn 1 line 151 (byte")
        #expect(overlay.contains("malformed JSON"))
        try console.press("q")  // closes the overlay
        try console.press("q")
        #expect(console.waitForFile("status") == "0")
    }

    private func send(_ fd: Int32, _ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            sent += n
        }
    }

    private func events(_ records: [StreamRecord]) -> [PeatEvent] { records.compactMap(\.event) }
    private func errorsOf(_ records: [StreamRecord]) -> [StreamError] { records.compactMap(\.error) }
}
