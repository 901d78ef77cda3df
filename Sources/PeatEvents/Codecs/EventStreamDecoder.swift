import Foundation

/// An incremental decoder for a stream of `PeatEvent`s in either framing, or in a framing
/// detected from the stream's first bytes.
///
/// Feed it chunks as they arrive, of any size and split anywhere; the records come out the
/// same however the stream was cut. Call `finish()` at the end of the stream.
public struct EventStreamDecoder: Sendable {
    /// The default limit on one frame or line: 1 MiB.
    public static let defaultMaxRecordBytes = 1 << 20

    private enum State: Sendable {
        case detecting(pending: [UInt8])
        case jsonl(JSONLinesDecoder)
        case protobuf(DelimitedDecoder)
    }

    private var state: State
    /// The largest frame or line accepted, in bytes.
    public let maxRecordBytes: Int

    /// A decoder for `choice` (`auto` decides from the first bytes).
    public init(_ choice: StreamFormatChoice, maxRecordBytes: Int = EventStreamDecoder.defaultMaxRecordBytes) {
        self.maxRecordBytes = maxRecordBytes
        switch choice.format {
        case .jsonl?: state = .jsonl(JSONLinesDecoder(maxLineBytes: maxRecordBytes))
        case .protobuf?: state = .protobuf(DelimitedDecoder(maxFrameBytes: maxRecordBytes))
        case nil: state = .detecting(pending: [])
        }
    }

    /// A decoder for `format`.
    public init(_ format: StreamFormat, maxRecordBytes: Int = EventStreamDecoder.defaultMaxRecordBytes) {
        self.init(format == .jsonl ? StreamFormatChoice.jsonl : .protobuf, maxRecordBytes: maxRecordBytes)
    }

    /// The framing in use; nil while `auto` is still looking at the first bytes.
    public var format: StreamFormat? {
        switch state {
        case .detecting: nil
        case .jsonl: .jsonl
        case .protobuf: .protobuf
        }
    }

    /// Decodes every record that `bytes` completes.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [StreamRecord] {
        switch state {
        case .detecting(var pending):
            state = .detecting(pending: [])
            pending.append(contentsOf: bytes)
            guard let format = StreamFormat.detect(pending) else {
                state = .detecting(pending: pending)
                return []
            }
            return start(format, with: pending)
        case .jsonl(var decoder):
            // Take the decoder out of `state` first: a copy left behind would share the
            // partial record's buffer, and the next append would copy all of it (quadratic
            // on a long record).
            state = .detecting(pending: [])
            let records = decoder.feed(bytes)
            state = .jsonl(decoder)
            return records
        case .protobuf(var decoder):
            state = .detecting(pending: [])
            let records = decoder.feed(bytes)
            state = .protobuf(decoder)
            return records
        }
    }

    /// Hands over the records decoded with unknown fields skipped (JSON Lines) since the last
    /// call, and starts a new tally.
    public mutating func takeUnknownFields() -> UnknownFieldTally {
        guard case .jsonl(var decoder) = state else { return UnknownFieldTally() }
        state = .detecting(pending: [])
        let tally = decoder.takeUnknownFields()
        state = .jsonl(decoder)
        return tally
    }

    /// How many times the buffer of a partial record moved to new storage (growth or a
    /// copy); amortised growth keeps this logarithmic in the record's length.
    var bufferMoves: Int {
        switch state {
        case .detecting: 0
        case .jsonl(let d): d.bufferMoves
        case .protobuf(let d): d.bufferMoves
        }
    }

    /// Ends the stream, reporting a record it cut short.
    public mutating func finish() -> [StreamRecord] {
        switch state {
        case .detecting(let pending):
            let format = StreamFormat.detect(pending, isComplete: true) ?? .jsonl
            return start(format, with: pending) + finish()
        case .jsonl(var decoder):
            state = .detecting(pending: [])
            let records = decoder.finish()
            state = .jsonl(decoder)
            return records
        case .protobuf(var decoder):
            state = .detecting(pending: [])
            let records = decoder.finish()
            state = .protobuf(decoder)
            return records
        }
    }

    private mutating func start(_ format: StreamFormat, with pending: [UInt8]) -> [StreamRecord] {
        switch format {
        case .jsonl: state = .jsonl(JSONLinesDecoder(maxLineBytes: maxRecordBytes))
        case .protobuf: state = .protobuf(DelimitedDecoder(maxFrameBytes: maxRecordBytes))
        }
        return feed(pending)
    }

    /// Decodes a whole stream at once.
    public static func decodeAll(_ bytes: some Collection<UInt8>, format: StreamFormatChoice,
                                 maxRecordBytes: Int = defaultMaxRecordBytes) -> [StreamRecord] {
        var decoder = EventStreamDecoder(format, maxRecordBytes: maxRecordBytes)
        return decoder.feed(bytes) + decoder.finish()
    }
}
