import Foundation

/// Why a record of an event stream was not accepted.
public enum StreamErrorReason: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// A JSON Lines line that is not a `PeatEvent` in the proto3 JSON mapping.
    case malformedJSON
    /// Text that is not valid UTF-8 (a JSON line, or a string field of a protobuf frame).
    case invalidUTF8
    /// A delimited frame whose bytes are not a `PeatEvent`.
    case malformedProtobuf
    /// A frame or line longer than the decoder's limit; its bytes are skipped.
    case oversizeFrame
    /// A frame length prefix that is not a valid 64-bit varint.
    case badVarint
    /// The stream ended inside a frame or inside an unterminated, unparseable line.
    case truncated
    /// The record decoded, but the emitter refused it (e.g. an empty `event_id`).
    case emitterRejected

    /// A short human phrase, e.g. `malformed JSON`.
    public var description: String {
        switch self {
        case .malformedJSON: "malformed JSON"
        case .invalidUTF8: "invalid UTF-8"
        case .malformedProtobuf: "malformed protobuf"
        case .oversizeFrame: "oversize frame"
        case .badVarint: "bad varint"
        case .truncated: "truncated final frame"
        case .emitterRejected: "emitter rejected"
        }
    }
}

/// Where a record starts in its stream.
public struct StreamPosition: Hashable, Sendable, CustomStringConvertible {
    /// Byte offset of the record's first byte (a line's first byte, a frame's length prefix).
    public var offset: Int
    /// The 1-based line number, for JSON Lines; nil for binary framings.
    public var line: Int?

    public init(offset: Int, line: Int? = nil) {
        self.offset = offset
        self.line = line
    }

    /// `line 3 (byte 120)` or `byte 120`.
    public var description: String {
        if let line { return "line \(line) (byte \(offset))" }
        return "byte \(offset)"
    }
}

/// One record of a stream that could not be used, with where it was and why.
public struct StreamError: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: StreamErrorReason
    public var position: StreamPosition
    /// What exactly was wrong, e.g. the decoder's message or the frame's length.
    public var detail: String

    public init(_ reason: StreamErrorReason, at position: StreamPosition, detail: String = "") {
        self.reason = reason
        self.position = position
        self.detail = detail
    }

    /// `line 3 (byte 120): malformed JSON: unknown field "foo"`; the detail escaped
    /// (`InputText.escaped`), since it may quote the input.
    public var description: String {
        detail.isEmpty ? "\(position): \(reason)" : "\(position): \(reason): \(InputText.escaped(detail))"
    }
}

/// What a stream decoder produces: an event, or an error for a record it had to skip.
public enum StreamRecord: Sendable, Equatable {
    /// A decoded event and where its record started.
    case event(PeatEvent, StreamPosition)
    /// A record that could not be decoded.
    case error(StreamError)

    /// The event, if this record is one.
    public var event: PeatEvent? {
        if case .event(let e, _) = self { return e }
        return nil
    }

    /// The error, if this record is one.
    public var error: StreamError? {
        if case .error(let e) = self { return e }
        return nil
    }
}

/// Errors counted by reason.
public struct StreamErrorCounts: Hashable, Sendable, CustomStringConvertible {
    private var counts: [StreamErrorReason: Int] = [:]

    public init() {}

    /// How many errors of `reason`.
    public subscript(reason: StreamErrorReason) -> Int {
        get { counts[reason, default: 0] }
        set { counts[reason] = newValue }
    }

    /// Counts one more error of `reason`.
    public mutating func record(_ reason: StreamErrorReason) { counts[reason, default: 0] += 1 }

    /// Adds every count of `other`.
    public mutating func add(_ other: StreamErrorCounts) {
        for (reason, n) in other.counts { counts[reason, default: 0] += n }
    }

    /// All errors.
    public var total: Int { counts.values.reduce(0, +) }

    /// Reasons with at least one error, in declaration order, with their counts.
    public var nonZero: [(reason: StreamErrorReason, count: Int)] {
        StreamErrorReason.allCases.compactMap { r in counts[r].flatMap { $0 > 0 ? (r, $0) : nil } }
    }

    /// `2 malformed JSON, 1 oversize frame`, or `no errors`.
    public var description: String {
        let parts = nonZero.map { "\($0.count) \($0.reason)" }
        return parts.isEmpty ? "no errors" : parts.joined(separator: ", ")
    }
}

/// Fields a decoder did not know and skipped (a newer producer's schema): how many records
/// had any, and each name once.
public struct UnknownFieldTally: Hashable, Sendable {
    /// Records (events) that carried at least one unknown field.
    public private(set) var records = 0
    /// The unknown field names, each once, in the order first seen, at most `nameLimit`; as
    /// they came in (escape them for display with `InputText.escaped`).
    public private(set) var names: [String] = []
    /// Names kept at most (a hostile producer could send a new name in every record).
    public static let nameLimit = 32

    public init() {}

    /// A tally of `records` records and `names` (at most `nameLimit` kept), as a recording
    /// stored it.
    public init(records: Int, names: [String]) {
        self.records = max(0, records)
        keep(names)
    }

    /// No record had unknown fields.
    public var isEmpty: Bool { records == 0 }

    /// Counts one record whose unknown fields are `names`.
    public mutating func note(record names: some Sequence<String>) {
        records += 1
        keep(names)
    }

    /// Adds `other`'s records and names.
    public mutating func add(_ other: UnknownFieldTally) {
        records += other.records
        keep(other.names)
    }

    private mutating func keep(_ new: some Sequence<String>) {
        for name in new where names.count < UnknownFieldTally.nameLimit && !names.contains(name) {
            names.append(String(name.prefix(128)))
        }
    }
}
