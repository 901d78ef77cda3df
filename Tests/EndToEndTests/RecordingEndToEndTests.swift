import Foundation
import Testing

/// `--record`, `snapshot --replay`, `--at`, damage and `snapshot --source` through the binary.
@Suite("Record and replay from the command line")
struct RecordingEndToEndTests {
    func scratch(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peat-rec-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent(name).path
    }

    @Test("snapshot --record then --replay: the identical frame; --at 20 an earlier one; cut in half: a clear message")
    func recordThenReplay() throws {
        guard let bin = ConsoleBinary.require() else { return }
        let path = scratch("r.peatrec")
        let recorded = try runProcess(bin, ["snapshot", "--scenario", "demo", "--duration", "45", "--keys", "1 2 w b space tab",
                                            "--record", path])
        #expect(recorded.status == 0, "stderr: \(recorded.stderr)")
        let replayed = try runProcess(bin, ["snapshot", "--replay", path])
        #expect(replayed.status == 0, "stderr: \(replayed.stderr)")
        #expect(replayed.stdout == recorded.stdout)
        #expect(replayed.stdout.contains("policy fair"))
        let at20 = try runProcess(bin, ["snapshot", "--replay", path, "--at", "20"])
        #expect(at20.status == 0)
        #expect(at20.stdout != recorded.stdout)
        let plain20 = try runProcess(bin, ["snapshot", "--scenario", "demo", "--duration", "20", "--keys", "1 2 w b space tab"])
        #expect(at20.stdout == plain20.stdout, "20 s into the recording is the 20 s run")

        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let half = scratch("half.peatrec")
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: half))
        let cut = try runProcess(bin, ["snapshot", "--replay", half])
        #expect(cut.status == 3)
        #expect(cut.stderr.contains("recording damaged at byte"), "stderr: \(cut.stderr)")
        #expect(cut.stderr.contains("the file ends inside a record"))
        #expect(cut.stdout.contains("PeatConsole"), "the frame before the damage is printed")
    }

    @Test("not a recording, or a newer format: one line, status 1")
    func refused() throws {
        guard let bin = ConsoleBinary.require() else { return }
        let junk = scratch("junk.peatrec")
        try Data("{\"eventId\":\"x\"}\n".utf8).write(to: URL(fileURLWithPath: junk))
        let result = try runProcess(bin, ["snapshot", "--replay", junk])
        #expect(result.status == 1)
        #expect(result.stderr.contains("not a PeatConsole recording"))
        #expect(result.stdout.isEmpty)
        // Version 9: magic, then a header whose field 1 (format_version) is 9.
        let newer = scratch("newer.peatrec")
        try Data(Array("PEATREC\n".utf8) + [2, 0x08, 9]).write(to: URL(fileURLWithPath: newer))
        let v9 = try runProcess(bin, ["snapshot", "--replay", newer])
        #expect(v9.status == 1)
        #expect(v9.stderr.contains("format version 9"), "stderr: \(v9.stderr)")
        let replay = try runProcess(bin, ["replay", newer])
        #expect(replay.status == 1)
        #expect(replay.stderr.contains("format version 9"))
    }

    @Test("snapshot --source prints the frame after the capture was read")
    func capture() throws {
        guard let bin = ConsoleBinary.require() else { return }
        let gen = try runProcess(bin, ["gen", "--count", "500", "--format", "jsonl"])
        #expect(gen.status == 0)
        let path = scratch("capture.jsonl")
        try Data(gen.stdout.utf8).write(to: URL(fileURLWithPath: path))
        let result = try runProcess(bin, ["snapshot", "--source", path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("capture.jsonl ended"), "\(result.stdout)")
        #expect(result.stdout.contains("500 ev"), "\(result.stdout)")
        let missing = try runProcess(bin, ["snapshot", "--source", scratch("nope.jsonl")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read"))
    }
}
