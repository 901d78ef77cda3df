import Foundation

/// Re-frames a stream of events incrementally: decodes chunks in one framing and encodes
/// every good record in another, collecting the bad records' errors.
///
/// Protobuf → JSON Lines → protobuf gives back the original bytes for any stream the
/// swift-protobuf or a conforming encoder wrote (fields in number order, defaults omitted).
public struct StreamConverter: Sendable {
    private var decoder: EventStreamDecoder
    private let encoder: EventStreamEncoder
    /// Events written so far.
    public private(set) var eventsWritten = 0
    /// Errors so far, by reason.
    public private(set) var errors = StreamErrorCounts()
    /// Events read with unknown fields skipped (a newer schema), and the names, so far.
    public private(set) var unknownFields = UnknownFieldTally()

    /// A converter from `input` (or auto-detected) to `output`.
    public init(from input: StreamFormatChoice, to output: StreamFormat,
                maxRecordBytes: Int = EventStreamDecoder.defaultMaxRecordBytes) {
        decoder = EventStreamDecoder(input, maxRecordBytes: maxRecordBytes)
        encoder = EventStreamEncoder(output)
    }

    /// The output for what `bytes` completes, and the errors met.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> (output: [UInt8], errors: [StreamError]) {
        let records = decoder.feed(bytes)
        unknownFields.add(decoder.takeUnknownFields())
        return convert(records)
    }

    /// The output for the end of the stream, and its errors (a truncated last record).
    public mutating func finish() -> (output: [UInt8], errors: [StreamError]) {
        let records = decoder.finish()
        unknownFields.add(decoder.takeUnknownFields())
        return convert(records)
    }

    private mutating func convert(_ records: [StreamRecord]) -> (output: [UInt8], errors: [StreamError]) {
        var out: [UInt8] = []
        var bad: [StreamError] = []
        for record in records {
            switch record {
            case .event(let event, let position):
                do {
                    try encoder.append(event, to: &out)
                    eventsWritten += 1
                } catch {
                    bad.append(StreamError(.malformedProtobuf, at: position, detail: "cannot encode: \(error)"))
                }
            case .error(let error):
                bad.append(error)
            }
        }
        for error in bad { errors.record(error.reason) }
        return (out, bad)
    }

    /// Converts a whole stream at once.
    public static func convert(_ bytes: some Collection<UInt8>, from input: StreamFormatChoice,
                               to output: StreamFormat) -> (output: [UInt8], errors: [StreamError]) {
        var converter = StreamConverter(from: input, to: output)
        let a = converter.feed(bytes), b = converter.finish()
        return (a.output + b.output, a.errors + b.errors)
    }
}
