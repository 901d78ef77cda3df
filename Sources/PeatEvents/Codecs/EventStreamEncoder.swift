import Foundation
import SwiftProtobuf

/// Writes `PeatEvent`s in one of the stream framings.
public struct EventStreamEncoder: Sendable {
    /// The framing written.
    public let format: StreamFormat

    public init(_ format: StreamFormat) { self.format = format }

    /// One record: a JSON line (with its newline) or a length-prefixed frame.
    /// - Throws: swift-protobuf's encoding error (e.g. a string that is not valid UTF-8
    ///   cannot occur in Swift, so in practice this does not throw).
    public func encode(_ event: PeatEvent) throws -> [UInt8] {
        var out: [UInt8] = []
        try append(event, to: &out)
        return out
    }

    /// Appends one record for `event` to `out`.
    public func append(_ event: PeatEvent, to out: inout [UInt8]) throws {
        switch format {
        case .jsonl:
            out.append(contentsOf: try event.jsonUTF8Bytes() as [UInt8])
            out.append(0x0A)
        case .protobuf:
            let body: [UInt8] = try event.serializedBytes()
            EventStreamEncoder.appendVarint(UInt64(body.count), to: &out)
            out.append(contentsOf: body)
        }
    }

    /// A whole stream of `events`.
    public func encode(_ events: some Sequence<PeatEvent>) throws -> [UInt8] {
        var out: [UInt8] = []
        for event in events { try append(event, to: &out) }
        return out
    }

    /// Appends `value` as a base-128 varint, least significant group first.
    public static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}
