import Foundation

/// Where a live stream of events comes from.
public enum StreamSource: Hashable, Sendable, CustomStringConvertible {
    /// The process's standard input.
    case standardInput
    /// A regular file (read to its end) or a FIFO (read until every writer closes it).
    case file(String)
    /// A Unix domain socket this process listens on; any number of producers may connect.
    case unixSocket(String)

    /// Parses `--source` (a path, or `-` for standard input).
    public static func source(_ argument: String) -> StreamSource {
        argument == "-" ? .standardInput : .file(argument)
    }

    /// Parses `--listen` (`unix:/path`).
    /// - Throws: `StreamSourceError` for any other scheme.
    public static func listen(_ argument: String) throws -> StreamSource {
        let prefix = "unix:"
        guard argument.hasPrefix(prefix), argument.count > prefix.count else {
            throw StreamSourceError(message: "--listen expects unix:/path/to/socket, got \"\(argument)\"")
        }
        return .unixSocket(String(argument.dropFirst(prefix.count)))
    }

    /// A short name for the header: `stdin`, the file's name, or `unix:/path`.
    public var description: String {
        switch self {
        case .standardInput: "stdin"
        case .file(let path): (path as NSString).lastPathComponent
        case .unixSocket(let path): "unix:" + path
        }
    }
}

/// A source that could not be opened, with the reason in words.
public struct StreamSourceError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// An error of one producer of a live input, labelled with the producer.
public struct SourcedStreamError: Hashable, Sendable, CustomStringConvertible {
    /// The producer: `stdin`, a file name, or `conn 3` for a socket connection.
    public var source: String
    public var error: StreamError

    public init(source: String, error: StreamError) {
        self.source = source
        self.error = error
    }

    /// `conn 3 line 2 (byte 80): malformed JSON: …` (escaped: it may quote the input).
    public var description: String { "\(InputText.escaped(source)) \(error)" }
}

/// What a live input has done so far; what the console's header and error list show.
public struct StreamStatus: Hashable, Sendable, CustomStringConvertible {
    /// Where the input is in its life.
    public enum Phase: Hashable, Sendable, CustomStringConvertible {
        /// Opened, no data yet (or a socket with no producer connected yet).
        case waiting
        /// Data arrived within the stall interval.
        case receiving
        /// Open, but no data for the stall interval.
        case stalled
        /// The stream ended (end of file, every writer gone).
        case ended
        /// The source could not be read; the reason in words.
        case failed(String)

        public var description: String {
            switch self {
            case .waiting: "waiting"
            case .receiving: "live"
            case .stalled: "stalled"
            case .ended: "ended"
            case .failed(let why): "failed: \(why)"
            }
        }
    }

    /// The source's short name (`stdin`, a file name, `unix:/path`).
    public var label: String
    public var phase: Phase = .waiting
    /// The framing in use; nil until detected (or per producer when listening).
    public var format: StreamFormat?
    /// Producers connected now (socket), 1 or 0 otherwise.
    public var producers = 0
    /// Producers that have connected so far (socket).
    public var producersSeen = 0
    /// Events the emitter accepted.
    public var events = 0
    /// Bytes read.
    public var bytes = 0
    /// Errors by reason.
    public var errors = StreamErrorCounts()
    /// The latest errors, oldest first.
    public var recentErrors: [SourcedStreamError] = []
    /// Events decoded with unknown fields skipped (a newer producer's schema), and the names.
    public var unknownFields = UnknownFieldTally()
    /// Seconds of silence after which the input counts as stalled.
    public var stallSeconds: Double = 5

    public init(label: String) { self.label = label }

    /// `src: stdin ended · 12,345 events · 3 errors`.
    public var description: String {
        var parts = ["src: \(InputText.escaped(label)) \(InputText.escaped(phase.description))"]
        if label.hasPrefix("unix:") { parts.append("\(producers) producer\(producers == 1 ? "" : "s")") }
        parts.append("\(StreamStatus.grouped(events)) events")
        let n = errors.total
        parts.append("\(StreamStatus.grouped(n)) error\(n == 1 ? "" : "s")")
        return parts.joined(separator: " · ")
    }

    /// `12345` → `12,345`.
    public static func grouped(_ n: Int) -> String { n.grouped }
}

/// A batch of records from a live input, for a consumer that emits them itself.
public struct StreamDelivery: Sendable, Equatable {
    /// The producer: `stdin`, a file name, or `conn 3`.
    public var source: String
    /// Decoded events and errors, in stream order (empty for a status-only delivery). A
    /// reader keeps only the batch's last few errors here (`folded`); the others are counted
    /// in `foldedErrors`.
    public var records: [StreamRecord]
    /// Errors of the batch counted but not carried in `records`.
    public var foldedErrors = StreamErrorCounts()
    /// Input bytes this batch was decoded from.
    public var bytes = 0
    /// The input's status after this batch (decoding counts only: the consumer counts what
    /// its emitter accepts).
    public var status: StreamStatus

    public init(source: String, records: [StreamRecord], status: StreamStatus, bytes: Int = 0) {
        self.source = source
        self.records = records
        self.status = status
        self.bytes = bytes
    }

    /// Errors a reader carries per delivery, at most; the rest are only counted.
    public static let keptErrors = 8
    /// Records a reader puts in one delivery, at most (`split`).
    public static let recordLimit = 4096

    /// What a reader hands over for one read's `records`: `folded` (every event, the last
    /// `keptErrors` errors, the rest counted), then `split` into parts of at most
    /// `recordLimit` records. The live input and the live-path fuzz target share it.
    public static func batches(source: String, records: [StreamRecord], status: StreamStatus, bytes: Int) -> [StreamDelivery] {
        folded(source: source, records: records, status: status, bytes: bytes).split()
    }

    /// This delivery cut into deliveries of at most `limit` records, in order, with the same
    /// status; the bytes and folded error counts go with the first.
    public func split(limit: Int = recordLimit) -> [StreamDelivery] {
        let limit = max(1, limit)
        guard records.count > limit else { return [self] }
        return stride(from: 0, to: records.count, by: limit).map { start in
            var part = StreamDelivery(source: source, records: Array(records[start..<min(start + limit, records.count)]),
                                      status: status, bytes: start == 0 ? bytes : 0)
            if start == 0 { part.foldedErrors = foldedErrors }
            return part
        }
    }

    /// A delivery of `records` that carries every event but only the last `keptErrors` errors,
    /// in stream order, and counts the other errors in `foldedErrors`: a read of garbage
    /// (64 KiB of zeros can be 65,536 bad records) costs counters, not records.
    public static func folded(source: String, records: [StreamRecord], status: StreamStatus, bytes: Int,
                              keepingErrors keep: Int = keptErrors) -> StreamDelivery {
        let errorCount = records.reduce(0) { $0 + ($1.error == nil ? 0 : 1) }
        guard errorCount > keep else { return StreamDelivery(source: source, records: records, status: status, bytes: bytes) }
        var kept: [StreamRecord] = []
        kept.reserveCapacity(records.count - errorCount + keep)
        var folded = StreamErrorCounts()
        var seen = 0
        for record in records {
            if let error = record.error {
                seen += 1
                if seen <= errorCount - keep {
                    folded.record(error.reason)
                    continue
                }
            }
            kept.append(record)
        }
        var delivery = StreamDelivery(source: source, records: kept, status: status, bytes: bytes)
        delivery.foldedErrors = folded
        return delivery
    }
}
