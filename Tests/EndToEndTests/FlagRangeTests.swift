import Foundation
import PeatEvents
import Testing

/// Issue 14.8: numeric flags that passed validation and then crashed (exit 132), or were read
/// through a Double. Each is now refused with a message naming the flag and the range, or
/// taken exactly.
@Suite("Numeric flags")
struct FlagRangeTests {
    @Test("out-of-range numbers are refused with the range, not a crash", arguments: [
        (["gen", "--rate", "1e300", "--count", "2"], "--rate must be 0, or 0.001 to 10000000 events/s"),
        (["gen", "--rate", "1e-300", "--count", "2"], "--rate must be 0, or 0.001 to 10000000 events/s"),
        (["gen", "--rate", "nan", "--count", "2"], "--rate"),
        (["--source", "/dev/null", "--stall-seconds", "1e308"], "--stall-seconds must be between 0.1 and 86400"),
        (["--source", "/dev/null", "--stall-seconds", "0"], "--stall-seconds must be between 0.1 and 86400"),
        (["--source", "/dev/null", "--max-record-bytes", "9223372036854775807"], "--max-record-bytes must be between 1 and 1073741824"),
        (["soak", "--duration", "0"], "--duration must be more than 0 and at most 604800 seconds"),
        (["soak", "--duration", "inf"], "--duration must be more than 0 and at most 604800 seconds"),
        (["snapshot", "--batch", "0"], "--batch must be between 1 and 10000"),
        (["snapshot", "--export-dir", "/no/such/directory"], "--export-dir must be an existing directory"),
    ])
    func refused(_ arguments: [String], _ message: String) throws {
        guard let bin = ConsoleBinary.require() else { return }
        let result = try runProcess(bin, arguments)
        #expect(result.status == 64, "status \(result.status), stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        let firstLine = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix("Error:") && firstLine.contains(message), "stderr: \(result.stderr)")
    }

    /// The first event of `gen` with `arguments` (protobuf framing, decoded).
    func firstEvent(_ arguments: [String]) throws -> PeatEvent? {
        guard let bin = ConsoleBinary.require() else { return nil }
        // Protobuf output is binary: to a file, read as bytes.
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("peat-gen-\(UUID().uuidString).pb")
        defer { try? FileManager.default.removeItem(at: out) }
        let argv = ([bin.path, "gen", "--format", "protobuf", "--count", "2"] + arguments).map { "'\($0)'" }.joined(separator: " ")
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        let result = try spawnAndWait(["sh", "-c", argv + " > '\(out.path)'"], environment: env)
        #expect(result.status == 0, "status \(result.status), stderr: \(result.stderr)")
        let records = EventStreamDecoder.decodeAll(try [UInt8](Data(contentsOf: out)), format: .protobuf)
        guard case .event(let e, _)? = records.first else { return nil }
        return e
    }

    @Test("--epoch is read as an integer and taken exactly, up to 2^64-1")
    func epochIsExact() throws {
        guard ConsoleBinary.require() != nil else { return }
        for epoch: UInt64 in [9_007_199_254_740_993, .max, .max - 1] {
            let paced = try firstEvent(["--rate", "1", "--epoch", String(epoch)])
            #expect(paced?.timestamp.seconds == epoch, "paced from --epoch \(epoch)")
            let fast = try firstEvent(["--rate", "0", "--epoch", String(epoch)])
            #expect((fast?.timestamp.seconds ?? 0) >= epoch, "the demo's clock from --epoch \(epoch)")
        }
    }
}
