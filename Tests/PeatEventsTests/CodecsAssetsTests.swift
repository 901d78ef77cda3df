import Foundation
import Testing
@testable import PeatEvents

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
        ingest.apply(EventStreamDecoder.decodeAll(try bytes("bad-every-kind.\(ext)"), format: .auto), to: emitter)
        #expect(ingest.events == 7)
        let expected: [StreamErrorReason] = ext == "jsonl"
            ? [.malformedJSON, .invalidUTF8, .oversizeFrame, .emitterRejected, .truncated]
            : [.malformedProtobuf, .invalidUTF8, .oversizeFrame, .badVarint, .emitterRejected, .truncated]
        for reason in StreamErrorReason.allCases {
            let want = reason == .malformedJSON && ext == "jsonl" ? 2 : (expected.contains(reason) ? 1 : 0)
            #expect(ingest.errors[reason] == want, "\(reason)")
        }
    }
}
