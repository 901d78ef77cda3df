import Foundation
import Testing
@testable import PeatEvents
import PeatInputs

/// The sample streams in assets/streams decode as their README says.
@Suite("Codecs: sample streams")
struct CodecsAssetsTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("assets/streams")

    func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: CodecsAssetsTests.directory.appendingPathComponent(name)))
    }

    @Test("the demo sample is the same 500 events in both framings, byte-identical after conversion")
    func demo() throws {
        let jsonl = EventStreamDecoder.decodeAll(try bytes("demo-500.jsonl"), format: .auto)
        let pb = EventStreamDecoder.decodeAll(try bytes("demo-500.pb"), format: .auto)
        #expect(events(of: jsonl).count == 500 && errors(of: jsonl).isEmpty)
        #expect(events(of: pb) == events(of: jsonl) && errors(of: pb).isEmpty)
        #expect(StreamConverter.convert(try bytes("demo-500.jsonl"), from: .jsonl, to: .protobuf).output == (try bytes("demo-500.pb")))
    }

    @Test("every bad kind is reported once and every good record survives", arguments: ["jsonl", "pb"])
    func everyKind(ext: String) throws {
        let emitter = EventEmitter(nodeID: "n", formationID: "f")
        var ingest = StreamIngest()
        ingest.apply(EventStreamDecoder.decodeAll(try bytes("bad-every-kind.\(ext)"), format: .auto), from: "test", to: emitter)
        #expect(ingest.events == 7)
        let expected: [StreamErrorReason] = ext == "jsonl"
            ? [.malformedJSON, .invalidUTF8, .oversizeFrame, .emitterRejected, .truncated]
            : [.malformedProtobuf, .invalidUTF8, .oversizeFrame, .badVarint, .emitterRejected, .truncated]
        for reason in StreamErrorReason.allCases {
            // The unknown-field line of the JSONL sample is read without the field: an empty
            // event, which the emitter refuses like `{}`.
            let want = reason == .emitterRejected && ext == "jsonl" ? 2 : (expected.contains(reason) ? 1 : 0)
            #expect(ingest.errors[reason] == want, "\(reason)")
        }
    }
}

@Suite("Codecs: export")
struct EventExportTests {
    @Test("export names carry the node and the UTC time; files hold the events as JSON Lines")
    func export() throws {
        let dir = temporaryPath("export")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let time = PeatTimestamp.with { $0.seconds = 1_735_689_600 + 3_723 }  // 2025-01-01 01:02:03Z
        #expect(EventExport.fileNames(nodeID: "node/1", time: time).store == "peat-export-node_1-20250101-010203-store.jsonl")
        let sample = codecSampleEvents(count: 10)
        let first = try EventExport.export(store: sample.prefix(4), popLog: sample.suffix(6), nodeID: "n1", time: time, directory: dir)
        #expect(first.popLog.hasSuffix("/peat-export-n1-20250101-010203-poplog.jsonl"))
        let store = EventStreamDecoder.decodeAll([UInt8](try Data(contentsOf: URL(fileURLWithPath: first.store))), format: .jsonl)
        let pops = EventStreamDecoder.decodeAll([UInt8](try Data(contentsOf: URL(fileURLWithPath: first.popLog))), format: .jsonl)
        #expect(events(of: store) == Array(sample.prefix(4)))
        #expect(events(of: pops) == Array(sample.suffix(6)))
        let second = try EventExport.export(store: [], popLog: [], nodeID: "n1", time: time, directory: dir)
        #expect(second.store.hasSuffix("/peat-export-n1-20250101-010203-2-store.jsonl"))
    }
}
