import Foundation

/// Feeds decoded records into an emitter and keeps the tally an operator needs: events
/// accepted, errors by reason, and the last few errors with their positions.
///
/// An event the emitter refuses (e.g. one with an empty `event_id`) is counted as
/// `emitterRejected` at the position of its record; nothing stops at a bad record.
public struct StreamIngest: Sendable {
    /// Events the emitter accepted.
    public private(set) var events = 0
    /// Errors by reason, decoding and emitting alike.
    public private(set) var errors = StreamErrorCounts()
    /// The most recent errors, oldest first, at most `recentLimit`.
    public private(set) var recentErrors: [StreamError] = []
    /// How many recent errors are kept.
    public let recentLimit: Int

    public init(recentLimit: Int = 8) { self.recentLimit = max(1, recentLimit) }

    /// Emits each event of `records` in order and counts each error.
    /// - Returns: the errors of this batch, decoding and emitting, in stream order.
    @discardableResult
    public mutating func apply(_ records: [StreamRecord], to emitter: EventEmitter) -> [StreamError] {
        var batchErrors: [StreamError] = []
        for record in records {
            switch record {
            case .event(let event, let position):
                do {
                    try emitter.emit(event)
                    events += 1
                } catch {
                    batchErrors.append(StreamError(.emitterRejected, at: position, detail: "\(error)"))
                }
            case .error(let error):
                batchErrors.append(error)
            }
        }
        for error in batchErrors { note(error) }
        return batchErrors
    }

    /// Counts `n` events that were emitted elsewhere (by a consumer doing its own `emit`).
    public mutating func countAccepted(_ n: Int) { events += max(0, n) }

    /// Counts errors that were only counted, not carried (`StreamDelivery.foldedErrors`).
    public mutating func count(_ folded: StreamErrorCounts) { errors.add(folded) }

    /// Counts `error` and keeps it among the recent ones.
    public mutating func note(_ error: StreamError) {
        errors.record(error.reason)
        recentErrors.append(error)
        if recentErrors.count > recentLimit { recentErrors.removeFirst(recentErrors.count - recentLimit) }
    }
}
