import Foundation
import SwiftProtobuf

/// Decodes JSON Lines of `PeatEvent`s (proto3 JSON mapping) from byte chunks of any size.
///
/// Lines end at `\n` (a `\r` before it is ignored); blank lines are skipped. A bad line is
/// reported and skipped, and decoding carries on with the next line. A line longer than
/// `maxLineBytes` is reported as oversize without being buffered. A final line without a
/// newline is decoded at `finish()`; if it does not decode it is reported as truncated.
public struct JSONLinesDecoder: Sendable {
    /// The longest line accepted, in bytes, newline excluded.
    public let maxLineBytes: Int
    /// How the JSON is parsed (e.g. whether unknown fields are an error).
    public let options: JSONDecodingOptions

    private var line: [UInt8] = []
    private var lineStart = 0
    private var lineNumber = 1
    private var skippingOversize = false
    /// Bytes fed so far.
    public private(set) var bytesConsumed = 0

    /// A decoder that accepts lines of up to `maxLineBytes` bytes (default 1 MiB).
    public init(maxLineBytes: Int = EventStreamDecoder.defaultMaxRecordBytes,
                options: JSONDecodingOptions = JSONDecodingOptions()) {
        self.maxLineBytes = max(1, maxLineBytes)
        self.options = options
    }

    /// JSON whitespace: space, tab, carriage return, newline.
    @inlinable
    public static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// Decodes every line that `bytes` completes.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [StreamRecord] {
        var out: [StreamRecord] = []
        let chunk = Array(bytes)
        var i = 0
        while i < chunk.count {
            let newline = chunk[i...].firstIndex(of: 0x0A)
            let end = newline ?? chunk.count
            if skippingOversize {
                // The rest of an oversize line: drop it.
            } else if line.count + (end - i) > maxLineBytes {
                // Reported as soon as the limit is passed, so the detail cannot say how long
                // the whole line is (that would depend on how the stream was chunked).
                out.append(.error(StreamError(.oversizeFrame, at: position,
                                              detail: "line exceeds \(maxLineBytes) bytes")))
                line.removeAll(keepingCapacity: true)
                skippingOversize = true
            } else {
                line.append(contentsOf: chunk[i..<end])
            }
            bytesConsumed += end - i
            guard let newline else { break }
            if !skippingOversize, let record = decodeLine(final: false) { out.append(record) }
            bytesConsumed += 1
            i = newline + 1
            startNextLine()
        }
        return out
    }

    /// Ends the stream: decodes a last line that had no newline, or reports it as truncated.
    public mutating func finish() -> [StreamRecord] {
        let record = skippingOversize ? nil : decodeLine(final: true)
        if !line.isEmpty || skippingOversize { startNextLine() }
        return record.map { [$0] } ?? []
    }

    private var position: StreamPosition { StreamPosition(offset: lineStart, line: lineNumber) }

    private mutating func startNextLine() {
        line.removeAll(keepingCapacity: true)
        lineStart = bytesConsumed
        lineNumber += 1
        skippingOversize = false
    }

    /// The record for the buffered line, nil for a blank one.
    private func decodeLine(final: Bool) -> StreamRecord? {
        var text = line[...]
        if text.last == 0x0D { text = text.dropLast() }
        if text.allSatisfy(JSONLinesDecoder.isWhitespace) { return nil }
        let reason: StreamErrorReason
        let detail: String
        if String(validating: text, as: UTF8.self) == nil {
            reason = .invalidUTF8
            detail = "line is not valid UTF-8"
        } else {
            do {
                let event = try PeatEvent(jsonUTF8Bytes: Array(text), options: options)
                return .event(event, position)
            } catch {
                reason = .malformedJSON
                detail = JSONLinesDecoder.describe(error)
            }
        }
        if final {
            return .error(StreamError(.truncated, at: position,
                                      detail: "last line has no newline and does not decode (\(reason): \(detail))"))
        }
        return .error(StreamError(reason, at: position, detail: detail))
    }

    /// A short message for a swift-protobuf JSON error.
    static func describe(_ error: any Error) -> String {
        if let e = error as? JSONDecodingError {
            switch e {
            case .unknownField(let name): return "unknown field \"\(name)\""
            case .truncated: return "JSON ends early"
            case .trailingGarbage: return "text after the JSON object"
            case .unrecognizedEnumValue: return "unknown enum name"
            case .malformedNumber: return "bad number"
            case .numberRange: return "number out of range"
            case .malformedString: return "bad string"
            case .schemaMismatch: return "value of the wrong type"
            case .illegalNull: return "null where a value is required"
            case .failure: return "not a JSON object"
            default: return "\(e)"
            }
        }
        return "\(error)"
    }
}
