import Foundation
import SwiftProtobuf

/// Decodes JSON Lines of `PeatEvent`s (proto3 JSON mapping) from byte chunks of any size.
///
/// Lines end at `\n` (a `\r` before it is ignored); blank lines are skipped; a UTF-8 byte
/// order mark at the start of the stream is skipped. A bad line is
/// reported and skipped, and decoding carries on with the next line. A line longer than
/// `maxLineBytes` is reported as oversize without being buffered. A final line without a
/// newline is decoded at `finish()`; if it does not decode it is reported as truncated.
///
/// Unknown fields (a newer producer's schema) do not make a line bad: unless `options`
/// already ignores them, the line is decoded without them and counted in `unknownFields`,
/// with the names.
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
    /// Records that decoded with unknown fields skipped, since the last `takeUnknownFields()`.
    public private(set) var unknownFields = UnknownFieldTally()
    /// Whether a top-level key is a field of `PeatEvent` (probed once per key, bounded).
    private var keyIsKnown: [String: Bool] = [:]
    /// Times `line` moved to new storage while appending (see `EventStreamDecoder.bufferMoves`).
    private(set) var bufferMoves = 0

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
                bufferMoves += appendCountingMoves(&line, chunk[i..<end])
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
    private mutating func decodeLine(final: Bool) -> StreamRecord? {
        var text = line[...]
        // A byte order mark before the stream's first line is not part of the JSON.
        if lineStart == 0, text.starts(with: StreamFormat.byteOrderMark) { text = text.dropFirst(3) }
        if text.last == 0x0D { text = text.dropLast() }
        if text.allSatisfy(JSONLinesDecoder.isWhitespace) { return nil }
        let reason: StreamErrorReason
        let detail: String
        if String(validating: text, as: UTF8.self) == nil {
            reason = .invalidUTF8
            detail = "line is not valid UTF-8"
        } else {
            let json = Array(text)
            do {
                let event = try PeatEvent(jsonUTF8Bytes: json, options: options)
                return .event(event, position)
            } catch JSONDecodingError.unknownField(let name) where !options.ignoreUnknownFields {
                var lenient = options
                lenient.ignoreUnknownFields = true
                do {
                    let event = try PeatEvent(jsonUTF8Bytes: json, options: lenient)
                    unknownFields.note(record: [name] + unknownTopLevelKeys(json))
                    return .event(event, position)
                } catch {
                    reason = .malformedJSON
                    detail = JSONLinesDecoder.describe(error)
                }
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

    /// Hands over the unknown-field tally and starts a new one.
    public mutating func takeUnknownFields() -> UnknownFieldTally {
        defer { unknownFields = UnknownFieldTally() }
        return unknownFields
    }

    /// The top-level keys of the object `json` that are not fields of `PeatEvent` (the
    /// decoder names only the first unknown field it meets).
    private mutating func unknownTopLevelKeys(_ json: [UInt8]) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else { return [] }
        return object.keys.sorted().filter { key in
            if let known = keyIsKnown[key] { return !known }
            var probe = JSONDecodingOptions()
            probe.ignoreUnknownFields = false
            let text = (try? JSONSerialization.data(withJSONObject: [key: NSNull()])) ?? Data()
            let known: Bool
            do {
                _ = try PeatEvent(jsonUTF8Bytes: text, options: probe)
                known = true
            } catch JSONDecodingError.unknownField {
                known = false
            } catch {
                known = true
            }
            if keyIsKnown.count < 256 { keyIsKnown[key] = known }
            return !known
        }
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
            // The line was checked to be UTF-8 before parsing: swift-protobuf says this when
            // it cannot convert a number's text (e.g. 1e999999 overflows a double).
            case .invalidUTF8: return "number out of range or malformed"
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

/// Appends `bytes` to `buffer`.
/// - Returns: 1 when the buffer's storage moved (it grew, or it was shared and had to be
///   copied), else 0.
@inline(__always)
func appendCountingMoves(_ buffer: inout [UInt8], _ bytes: ArraySlice<UInt8>) -> Int {
    let before = buffer.withUnsafeBufferPointer { $0.baseAddress }
    buffer.append(contentsOf: bytes)
    let after = buffer.withUnsafeBufferPointer { $0.baseAddress }
    return before == after ? 0 : 1
}
