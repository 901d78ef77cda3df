import Console
import LocalNode
import PeatEvents

/// A fuzz target: takes arbitrary bytes, must never crash, and traps when an invariant fails.
struct FuzzTarget: Sendable {
    let name: String
    let summary: String
    let run: @Sendable (UnsafeBufferPointer<UInt8>) -> Void

    static let all: [FuzzTarget] = [jsonl, delimited, keys]

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// The JSON Lines decoder: decoding the input whole must give the same records as
    /// decoding it in two chunks split at a point the input itself chooses, and every byte
    /// must be accounted for.
    static let jsonl = FuzzTarget(name: "jsonl", summary: "JSON Lines stream decoder (whole vs split)") { bytes in
        checkSplitInvariance(bytes, format: .jsonl)
    }

    /// The varint-delimited protobuf decoder, with the same oracle.
    static let delimited = FuzzTarget(name: "delimited", summary: "delimited protobuf stream decoder (whole vs split)") { bytes in
        checkSplitInvariance(bytes, format: .protobuf)
    }

    /// User text as keys: the input is a key script (`--keys`); when it parses, the keys
    /// drive the whole console (reducer and every pane) at a size the input chooses.
    static let keys = FuzzTarget(name: "keys", summary: "key scripts driving the console reducer and views") { bytes in
        guard bytes.count >= 2 else { return }
        let width = Int(bytes[0] % 160) + 1
        let height = Int(bytes[1] % 60) + 1
        let script = String(decoding: UnsafeBufferPointer(rebasing: bytes[2...]), as: UTF8.self)
        guard let keys = try? parseKeyScript(script) else { return }
        var options = ConsoleOptions()
        options.scenario = .none
        let frame = ConsoleApp.snapshot(options: options, keys: Array(keys.prefix(200)),
                                        size: Size(width: width, height: height))
        let lines = frame.split(separator: "\n", omittingEmptySubsequences: false)
        precondition(lines.count <= height, "frame taller than the screen")
        for line in lines { precondition(TextWidth.of(line) <= width, "line wider than the screen: \(line)") }
    }

    private static func checkSplitInvariance(_ bytes: UnsafeBufferPointer<UInt8>, format: StreamFormat) {
        let limit = 4096
        var whole = EventStreamDecoder(format, maxRecordBytes: limit)
        let expected = whole.feed(bytes) + whole.finish()
        let split = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
        var parts = EventStreamDecoder(format, maxRecordBytes: limit)
        let got = parts.feed(UnsafeBufferPointer(rebasing: bytes[..<split]))
            + parts.feed(UnsafeBufferPointer(rebasing: bytes[split...]))
            + parts.finish()
        precondition(got == expected, "\(format): records differ when split at \(split)")
        // Re-encoding what decoded and decoding that again gives the same events.
        let events = expected.compactMap(\.event)
        guard let encoded = try? EventStreamEncoder(format).encode(events) else { return }
        var again = EventStreamDecoder(format, maxRecordBytes: .max)
        let round = (again.feed(encoded) + again.finish()).compactMap(\.event)
        precondition(round == events, "\(format): re-encoded events decode differently")
    }
}
