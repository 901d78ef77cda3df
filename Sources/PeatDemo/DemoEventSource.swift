import Foundation
import PeatEvents

/// The demo scenario's events, as many as asked for: the one demo→event source that `gen`,
/// the soak and the benchmarks use. The same generator as the demo (`DemoScenario`), each
/// emission built into the event the emitter's helper would make, with ids `<prefix><n>`.
public struct DemoEventSource: Sendable {
    private var scenario: DemoScenario
    private var pending: [DemoEmission] = []
    private var next = 0
    private var made = 0
    private let nodeID: String
    private let formationID: String
    private let idPrefix: String
    private let ttlSeconds: UInt32?

    /// Scenario seconds generated per refill (about 20 events at the demo's rates).
    static let refillSeconds = 1.0

    /// A source for `seed`. Events carry `nodeID`/`formationID` and ids `<idPrefix><n>`
    /// (default `"<nodeID>-"`); `ttlSeconds` replaces the demo's TTL when given.
    public init(seed: UInt64, nodeID: String = "node-1", formationID: String = "squad-1",
                idPrefix: String? = nil, ttlSeconds: UInt32? = nil) {
        scenario = DemoScenario(seed: seed)
        self.nodeID = nodeID
        self.formationID = formationID
        self.idPrefix = idPrefix ?? nodeID + "-"
        self.ttlSeconds = ttlSeconds
    }

    /// Events made so far.
    public var count: Int { made }

    /// The next event, stamped `stamp(offset)`, where `offset` is when the demo emits it:
    /// seconds from the scenario's start.
    public mutating func next(stampedBy stamp: (Double) -> PeatTimestamp) -> PeatEvent {
        while next == pending.count {
            pending = scenario.advance(by: DemoEventSource.refillSeconds)
            next = 0
        }
        let emission = pending[next]
        next += 1
        made += 1
        var event = emission.makeEvent(id: idPrefix + String(made), timestamp: stamp(emission.offset),
                                       nodeID: nodeID, formationID: formationID)
        if let ttlSeconds { event.routing.ttlSeconds = ttlSeconds }
        return event
    }

    /// The next `count` events of the scenario, all dated `timestamp` (its time compressed to
    /// any rate).
    public mutating func events(_ count: Int, at timestamp: PeatTimestamp) -> [PeatEvent] {
        var out: [PeatEvent] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(next { _ in timestamp }) }
        return out
    }

    /// `events(count, at:)` as records of a live stream (what a reader thread delivers).
    public mutating func records(_ count: Int, at timestamp: PeatTimestamp) -> [StreamRecord] {
        let position = StreamPosition(offset: 0)
        return events(count, at: timestamp).map { .event($0, position) }
    }
}
