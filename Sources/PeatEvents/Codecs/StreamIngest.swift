import Foundation

/// Feeds decoded records into an emitter and keeps the tally an operator needs: events
/// accepted, errors by reason, and the last few errors with their positions. The one place
/// where a decoded record is applied: the console's live input and a reader thread emitting
/// on its own both go through `apply`.
///
/// An event the emitter refuses (e.g. one with an empty `event_id`) is counted as
/// `emitterRejected` at the position of its record; nothing stops at a bad record. Every error
/// is counted, but only the last `recentLimit` are described: a batch of 65,536 bad records
/// costs counters, not 65,536 messages.
public struct StreamIngest: Sendable {
    /// Events the emitter accepted (or, without an emitter, events decoded).
    public private(set) var events = 0
    /// Errors by reason, decoding and emitting alike.
    public private(set) var errors = StreamErrorCounts()
    /// The most recent errors, oldest first.
    public private(set) var recent: BoundedRing<SourcedStreamError>

    /// What one batch did.
    public struct Batch: Sendable {
        /// The events the emitter accepted, in order (only those `apply`'s `keep` kept).
        public var accepted: [PeatEvent] = []
        /// How many events the emitter accepted, kept or not.
        public var acceptedCount = 0
        /// The batch's last errors (at most `recentLimit`), oldest first.
        public var errors: [SourcedStreamError] = []
        /// Errors in the batch in all, folded ones included.
        public var errorCount = 0
    }

    public init(recentLimit: Int = 8) { recent = BoundedRing(capacity: recentLimit) }

    /// A kept error, described only if it is among the last few.
    private enum Failure: Sendable {
        case decoded(StreamError)
        case rejected(StreamPosition, any Error)
    }

    /// How many recent errors are kept.
    public var recentLimit: Int { recent.capacity }
    /// The most recent errors, oldest first.
    public var recentErrors: [SourcedStreamError] { recent.elements }

    /// Emits each event of `records` into `emitter` in order (without an emitter, counts them
    /// as events for a consumer that emits them itself) and counts each error, `folded` ones
    /// (counted upstream, not carried) included.
    /// - Parameter keep: which accepted events the batch lists in `accepted` (all by default;
    ///   a consumer that needs only some, e.g. the CRITICAL ones, saves a copy of each other
    ///   event: the emitter then takes the event itself).
    @discardableResult
    public mutating func apply(_ records: some Sequence<StreamRecord>, from source: String, to emitter: EventEmitter?,
                               folded: StreamErrorCounts = StreamErrorCounts(),
                               keep: (PeatEvent) -> Bool = { _ in true }) -> Batch {
        apply(Array(records), from: source, to: emitter, folded: folded, keep: keep)
    }

    /// `apply` of an array of records (the common case, without a generic sequence's
    /// per-element indirection).
    @discardableResult
    public mutating func apply(_ records: [StreamRecord], from source: String, to emitter: EventEmitter?,
                               folded: StreamErrorCounts = StreamErrorCounts(),
                               keep: (PeatEvent) -> Bool = { _ in true }) -> Batch {
        var batch = Batch()
        var counts = folded
        var last = BoundedRing<Failure>(capacity: recentLimit)
        for i in records.indices {
            switch records[i] {
            case .event(let event, let position):
                guard let emitter else { events += 1; continue }
                do {
                    if keep(event) {
                        try emitter.emit(event)
                        batch.accepted.append(event)
                    } else {
                        try emitter.emit(event)
                    }
                    batch.acceptedCount += 1
                } catch {
                    counts.record(.emitterRejected)
                    last.append(.rejected(position, error))
                }
            case .error(let error):
                counts.record(error.reason)
                last.append(.decoded(error))
            }
        }
        batch.errors = last.elements.map { failure in
            switch failure {
            case .decoded(let e): SourcedStreamError(source: source, error: e)
            case .rejected(let position, let error):
                SourcedStreamError(source: source, error: StreamError(.emitterRejected, at: position, detail: "\(error)"))
            }
        }
        batch.errorCount = counts.total
        events += batch.acceptedCount
        errors.add(counts)
        recent.append(contentsOf: batch.errors)
        return batch
    }
}

