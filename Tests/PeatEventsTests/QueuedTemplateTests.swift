import Foundation
import Testing
@testable import PeatEvents

/// The typed helpers' events wait in the queue as slots of a per-kind template (see
/// `QueuedSlot`) and are built when they leave it: they must come out as the helper built
/// them — same fields, same bytes — whatever else is queued, however many kinds there are
/// (more than the emitter's name cache holds, so templates are unpinned, freed and reused),
/// and in FIFO order within a level, events queued whole (`emit`) included.
@Suite("Queued templates")
struct QueuedTemplateTests {
    /// What `emitProduct` builds, written out field by field.
    static func expectedProduct(id: String, at time: PeatTimestamp, name: String, payload: Data,
                                propagation: PropagationMode, priority: EventPriority) -> PeatEvent {
        var routing = AggregationPolicy()
        routing.propagation = propagation
        routing.priority = priority
        routing.ttlSeconds = 300
        routing.aggregationWindowMs = propagation == .propagationSummary ? 1000 : 0
        return PeatEvent(id: id, timestamp: time, sourceNodeID: "node-1", sourceFormationID: "squad-1",
                         eventClass: .product, eventType: "product." + name, routing: routing,
                         payloadTypeURL: "type.peat/product." + name, payload: payload)
    }

    @Test func helperEventsLeaveTheQueueAsBuiltAcrossTemplateReuse() throws {
        let clock = ManualClock(seconds: 1_700_000_000, nanos: 5)
        let emitter = EventEmitter(nodeID: "node-1", formationID: "squad-1", clock: clock)
        var expected: [String: PeatEvent] = [:]
        var order: [String: Int] = [:]
        var popped: [PeatEvent] = []
        var n = 0
        for round in 0..<4 {
            for k in 0..<40 {
                // 40 kinds a round (the name cache holds 16): kinds come back after eviction.
                let name = "p\((k * 7 + round * 3) % 40)"
                let propagation: PropagationMode = k % 2 == 0 ? .propagationSummary : .propagationFull
                let priority: EventPriority = k % 3 == 0 ? .priorityNormal : .priorityLow
                let payload = Data([UInt8(k), UInt8(round), 0xEE])
                let time = clock.now()
                let id = try emitter.emitProduct(name, payload: payload, propagation: propagation, priority: priority)
                expected[id] = Self.expectedProduct(id: id, at: time, name: name, payload: payload,
                                                    propagation: propagation, priority: priority)
                order[id] = n
                n += 1
                if k % 7 == 3 {
                    // An event queued whole, between templated ones at the same level.
                    var whole = event("whole-\(round)-\(k)", priority, propagation: .propagationFull, type: "custom.\(k)")
                    whole.payloadValue = Data([0x01, UInt8(k)])
                    try emitter.emit(whole)
                    expected[whole.eventID] = whole
                    order[whole.eventID] = n
                    n += 1
                }
                clock.advance(nanos: 1_000_003)
            }
            // Part of the queue leaves between rounds, so templates empty and are freed.
            popped += emitter.popEvents(max: 25 + round * 10)
        }
        let pendingByClass = emitter.pendingByClass
        let stillQueued = expected.count - popped.count
        #expect(pendingByClass.values.reduce(0, +) == stillQueued)
        while emitter.pendingCount > 0 { popped += emitter.popEvents(max: 64) }

        #expect(popped.count == expected.count)
        #expect(Set(popped.map(\.eventID)).count == popped.count, "an event left the queue twice")
        var lastByLevel: [PriorityLevel: Int] = [:]
        for e in popped {
            let want = try #require(expected[e.eventID], "unexpected id \(e.eventID)")
            #expect(e == want, "\(e.eventID) differs from what was emitted")
            #expect(try e.serializedBytes() as [UInt8] == want.serializedBytes() as [UInt8])
            let position = order[e.eventID]!
            if let last = lastByLevel[e.priorityLevel] { #expect(position > last, "\(e.eventID) overtook an older event of its level") }
            lastByLevel[e.priorityLevel] = position
        }
        #expect(emitter.pendingByClass.isEmpty)
    }

    @Test func queuedEventsReadWithoutPoppingAreTheHelpersEvents() throws {
        let clock = ManualClock(seconds: 1_700_000_100, nanos: 42)
        let emitter = EventEmitter(nodeID: "node-1", formationID: "squad-1", clock: clock)
        let first = clock.now()
        let id = try emitter.emitProduct("detection", payload: Data([9]), propagation: .propagationSummary, priority: .priorityNormal)
        clock.advance(seconds: 3)
        try emitter.emitProduct("detection", payload: Data([10]), propagation: .propagationSummary, priority: .priorityNormal)
        #expect(emitter.oldestPendingTimestamps == [nil, nil, first, nil])
        #expect(emitter.pendingByClass == [.product: 2])
        // max 2: HIGH's allocation (1) rolls down to NORMAL, which gives its oldest. (With
        // max 1 the reference's allocation gives NORMAL nothing: SPEC.md.)
        let popped = emitter.popEvents(max: 2)
        #expect(popped == [Self.expectedProduct(id: id, at: first, name: "detection", payload: Data([9]),
                                                 propagation: .propagationSummary, priority: .priorityNormal)])
    }

    @Test func queueCopiesKeepTheirOwnEvents() throws {
        var queue = PriorityEventQueue()
        var prototype = AggregationPolicy()
        prototype.priority = .priorityHigh
        let template = queue.addTemplate(EventTemplate(sourceNodeID: "n", sourceFormationID: "f", eventClass: .anomaly,
                                                       eventType: "anomaly.jam", routing: prototype, payloadTypeURL: "type.peat/anomaly.jam"))
        queue.push(id: "a-1", seconds: 7, nanos: 8, payload: Data([1]), template: template, at: .high)
        queue.push(event("w-1", .priorityHigh))
        var copy = queue
        queue.unpinTemplate(template)
        let fromOriginal = queue.popWeighted(max: 10)
        #expect(fromOriginal.map(\.eventID) == ["a-1", "w-1"])
        #expect(fromOriginal[0].eventType == "anomaly.jam" && fromOriginal[0].timestamp.nanos == 8 && fromOriginal[0].payloadValue == Data([1]))
        #expect(copy.count == 2)
        #expect(copy.events(at: .high).map(\.eventID) == ["a-1", "w-1"])
        #expect(copy.popWeighted(max: 10) == fromOriginal)
        #expect(queue.countsByClass.isEmpty && copy.countsByClass.isEmpty)
    }
}
