import Foundation
import SwiftProtobuf

/// Decodes varint-length-delimited protobuf `PeatEvent`s from byte chunks of any size.
///
/// Each frame is a base-128 varint byte count followed by that many bytes of one serialized
/// event (the framing of protobuf's `writeDelimitedTo` / `parseDelimitedFrom`). A frame that
/// does not decode is reported and skipped; the framing itself is intact, so the next frame
/// decodes normally. A frame longer than `maxFrameBytes` is reported and its bytes skipped
/// without being buffered. A length prefix longer than ten bytes, or beyond 64 bits, is
/// reported as a bad varint, its bytes dropped, and reading resumes at the next byte.
public struct DelimitedDecoder: Sendable {
    /// The largest frame accepted, in bytes, length prefix excluded.
    public let maxFrameBytes: Int
    /// How frames are parsed (e.g. whether unknown fields are kept).
    public let options: BinaryDecodingOptions

    private enum Phase: Sendable {
        /// Reading a length prefix: its value so far and how many bytes it has.
        case length(value: UInt64, count: Int)
        /// Collecting a frame of `length` bytes into `frame`.
        case body(length: Int)
        /// Dropping what is left of an oversize frame.
        case skip(remaining: UInt64)
    }

    private var phase: Phase = .length(value: 0, count: 0)
    private var frame: [UInt8] = []
    private var frameStart = 0
    /// Bytes fed so far.
    public private(set) var bytesConsumed = 0
    /// Times `frame` moved to new storage while appending (see `EventStreamDecoder.bufferMoves`).
    private(set) var bufferMoves = 0

    /// A decoder that accepts frames of up to `maxFrameBytes` bytes (default 1 MiB).
    public init(maxFrameBytes: Int = EventStreamDecoder.defaultMaxRecordBytes,
                options: BinaryDecodingOptions = BinaryDecodingOptions()) {
        self.maxFrameBytes = max(1, maxFrameBytes)
        self.options = options
    }

    /// Decodes every frame that `bytes` completes.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [StreamRecord] {
        var out: [StreamRecord] = []
        let chunk = Array(bytes)
        var i = 0
        while i < chunk.count {
            switch phase {
            case .length(var value, var count):
                if count == 0 { frameStart = bytesConsumed }
                let byte = chunk[i]
                i += 1
                bytesConsumed += 1
                // The tenth byte may only carry the 64th bit.
                if count == 9 && byte > 1 {
                    out.append(.error(StreamError(.badVarint, at: position,
                                                  detail: "length prefix overflows 64 bits")))
                    phase = .length(value: 0, count: 0)
                    continue
                }
                value |= UInt64(byte & 0x7F) << (7 * UInt64(count))
                count += 1
                if byte & 0x80 != 0 {
                    phase = .length(value: value, count: count)
                } else if value > UInt64(maxFrameBytes) {
                    out.append(.error(StreamError(.oversizeFrame, at: position,
                                                  detail: "frame of \(value) bytes exceeds \(maxFrameBytes)")))
                    phase = .skip(remaining: value)
                } else if value == 0 {
                    frame.removeAll(keepingCapacity: true)
                    out.append(decodeFrame())
                    phase = .length(value: 0, count: 0)
                } else {
                    frame.removeAll(keepingCapacity: true)
                    phase = .body(length: Int(value))
                }
            case .body(let length):
                let take = min(length - frame.count, chunk.count - i)
                bufferMoves += appendCountingMoves(&frame, chunk[i..<(i + take)])
                i += take
                bytesConsumed += take
                if frame.count == length {
                    out.append(decodeFrame())
                    phase = .length(value: 0, count: 0)
                }
            case .skip(let remaining):
                let take = min(remaining, UInt64(chunk.count - i))
                i += Int(take)
                bytesConsumed += Int(take)
                phase = take == remaining ? .length(value: 0, count: 0) : .skip(remaining: remaining - take)
            }
        }
        return out
    }

    /// Ends the stream: reports a frame (or length prefix) that the stream cut short.
    public mutating func finish() -> [StreamRecord] {
        defer { phase = .length(value: 0, count: 0); frame.removeAll() }
        switch phase {
        case .length(_, let count) where count > 0:
            return [.error(StreamError(.truncated, at: position,
                                       detail: "stream ends inside a length prefix"))]
        case .body(let length):
            return [.error(StreamError(.truncated, at: position,
                                       detail: "stream ends after \(frame.count) of \(length) bytes"))]
        case .skip(let remaining):
            return [.error(StreamError(.truncated, at: position,
                                       detail: "stream ends \(remaining) bytes short of an oversize frame's end"))]
        default:
            return []
        }
    }

    private var position: StreamPosition { StreamPosition(offset: frameStart) }

    private func decodeFrame() -> StreamRecord {
        do {
            return .event(try PeatEvent(serializedBytes: frame, options: options), position)
        } catch BinaryDecodingError.invalidUTF8 {
            return .error(StreamError(.invalidUTF8, at: position,
                                      detail: "a string field of the \(frame.count)-byte frame is not valid UTF-8"))
        } catch {
            return .error(StreamError(.malformedProtobuf, at: position,
                                      detail: "\(frame.count)-byte frame: \(DelimitedDecoder.describe(error))"))
        }
    }

    /// A short message for a swift-protobuf binary error.
    static func describe(_ error: any Error) -> String {
        switch error as? BinaryDecodingError {
        case .truncated?: return "a field runs past the frame's end"
        case .malformedProtobuf?: return "not a protobuf message"
        case .trailingGarbage?: return "bytes after the message"
        case .messageDepthLimit?: return "nested too deeply"
        default: return "\(error)"
        }
    }
}
