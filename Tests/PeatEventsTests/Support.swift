import Foundation
@testable import PeatEvents
import PeatDemo

/// A small deterministic PRNG for property tests (SplitMix64).
struct TestRNG: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// An event with `id` at `priority` (FULL propagation), as the tests of the reference build them.
func event(_ id: String, _ priority: EventPriority = .priorityNormal,
           propagation: PropagationMode = .propagationFull, type: String = "test",
           eventClass: EventClass = .product, ttl: UInt32 = 300) -> PeatEvent {
    var e = PeatEvent()
    e.eventID = id
    e.sourceNodeID = "node-1"
    e.sourceFormationID = "squad-1"
    e.eventClass = eventClass
    e.eventType = type
    var r = AggregationPolicy()
    r.propagation = propagation
    r.priority = priority
    r.ttlSeconds = ttl
    e.routing = r
    return e
}

/// A queue holding `high`, `normal`, `low` events (ids "h0", "n0", "l0", …).
func queue(high: Int = 0, normal: Int = 0, low: Int = 0, critical: Int = 0,
           policy: SchedulingPolicy = .reference) -> PriorityEventQueue {
    var q = PriorityEventQueue(policy: policy)
    for i in 0..<critical { q.push(event("c\(i)", .priorityCritical)) }
    for i in 0..<high { q.push(event("h\(i)", .priorityHigh)) }
    for i in 0..<normal { q.push(event("n\(i)", .priorityNormal)) }
    for i in 0..<low { q.push(event("l\(i)", .priorityLow)) }
    return q
}

/// The first letters of the ids, e.g. "hhnnl".
func shape(_ events: [PeatEvent]) -> String {
    String(events.map { $0.eventID.first! })
}
