import Foundation
import PeatEvents

/// The demo scenario's events, as many as asked for: the same generator as the demo
/// (`DemoScenario`), its time compressed so it yields any rate, each emission built into the
/// event the emitter's helper would make and wrapped as a stream record.
public struct SoakEventSource: Sendable {
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

    /// A source for `seed`. Events carry `nodeID`/`formationID` and ids `"<nodeID>-soak-<n>"`;
    /// `ttlSeconds` replaces the demo's TTL when given.
    public init(seed: UInt64, nodeID: String = "node-1", formationID: String = "squad-1", ttlSeconds: UInt32? = nil) {
        scenario = DemoScenario(seed: seed)
        self.nodeID = nodeID
        self.formationID = formationID
        self.idPrefix = nodeID + "-soak-"
        self.ttlSeconds = ttlSeconds
    }

    /// Events made so far.
    public var count: Int { made }

    /// The next `count` events of the scenario, all dated `timestamp`.
    public mutating func events(_ count: Int, at timestamp: PeatTimestamp) -> [PeatEvent] {
        var out: [PeatEvent] = []
        out.reserveCapacity(count)
        while out.count < count {
            if next == pending.count {
                pending = scenario.advance(by: SoakEventSource.refillSeconds)
                next = 0
                continue
            }
            made += 1
            var event = pending[next].makeEvent(id: idPrefix + String(made), timestamp: timestamp,
                                                nodeID: nodeID, formationID: formationID)
            if let ttlSeconds { event.routing.ttlSeconds = ttlSeconds }
            out.append(event)
            next += 1
        }
        return out
    }

    /// `events(count, at:)` as records of a live stream (what a reader thread delivers).
    public mutating func records(_ count: Int, at timestamp: PeatTimestamp) -> [StreamRecord] {
        let position = StreamPosition(offset: 0)
        return events(count, at: timestamp).map { .event($0, position) }
    }
}
