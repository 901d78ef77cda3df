import Foundation
import Testing
@testable import PeatEvents

/// A stored (QUERY) event with the fields queries look at.
func stored(_ id: String, type: String = "t", eventClass: EventClass = .telemetry, at seconds: UInt64? = 1000,
            ttl: UInt32 = 0, instance: String? = nil) -> PeatEvent {
    var e = event(id, .priorityLow, propagation: .propagationQuery, type: type, eventClass: eventClass, ttl: ttl)
    if let seconds { e.timestamp = PeatTimestamp(seconds: seconds) }
    if let instance { e.sourceInstanceID = instance }
    return e
}

@Suite("LocalStore: TTL")
struct StoreTTLTests {
    @Test func expiresOnlyPastTimestampPlusTTL() {
        var s = LocalStore()
        s.insert(stored("a", at: 1000, ttl: 10))
        #expect(s.expire(now: 1009) == 0)
        #expect(s.expire(now: 1010) == 0)      // exactly ttl: 1000 + 10 < 1010 is false
        #expect(s.count == 1)
        #expect(s.nextExpiry == 1011)
        #expect(s.expire(now: 1011) == 1)      // ttl + 1
        #expect(s.count == 0 && s.expiredCount == 1)
        #expect(s.event(id: "a") == nil)
        #expect(s.expire(now: 5000) == 0 && s.expiredCount == 1)
    }

    @Test func ttlZeroAndNoRoutingNeverExpire() {
        var s = LocalStore()
        s.insert(stored("zero", at: 1, ttl: 0))
        var bare = stored("bare", at: 1)
        bare.clearRouting()
        s.insert(bare)
        #expect(s.expire(now: .max) == 0)
        #expect(s.count == 2 && s.nextExpiry == nil)
    }

    /// An event without a timestamp is dated by its arrival; without one either, never.
    @Test func eventWithoutTimestampIsDatedByArrival() {
        var s = LocalStore()
        s.insert(stored("arrived", at: nil, ttl: 5), receivedAt: 2000)
        s.insert(stored("undated", at: nil, ttl: 5))
        #expect(s.expire(now: 2005) == 0)
        #expect(s.expire(now: 2006) == 1)
        #expect(s.event(id: "arrived") == nil && s.event(id: "undated") != nil)
        #expect(s.expire(now: .max) == 0)
    }

    @Test func aReplacedEventKeepsOnlyItsNewDeadline() {
        var s = LocalStore()
        s.insert(stored("a", at: 1000, ttl: 5))
        s.insert(stored("a", at: 1100, ttl: 5))
        #expect(s.expire(now: 1006) == 0)      // the first deadline is stale
        #expect(s.event(id: "a")?.timestamp.seconds == 1100)
        #expect(s.expire(now: 1106) == 1)
        #expect(s.expiredCount == 1 && s.count == 0)
    }

    @Test func expiresInDeadlineOrderAndKeepsTheRest() {
        var s = LocalStore()
        var rng = TestRNG(seed: 4)
        var deadlines: [String: UInt64] = [:]
        for i in 0..<5000 {
            let at = UInt64.random(in: 1000...2000, using: &rng)
            let ttl = UInt32.random(in: 0...50, using: &rng)
            s.insert(stored("e\(i % 3000)", at: at, ttl: ttl))    // some replaced
            deadlines["e\(i % 3000)"] = ttl == 0 ? nil : at + UInt64(ttl)
        }
        for now in stride(from: UInt64(1000), through: 2100, by: 37) {
            s.expire(now: now)
            let alive = Set(s.all().map(\.eventID))
            let expected = Set((0..<3000).map { "e\($0)" }.filter { id in deadlines[id].map { $0 >= now } ?? true })
            #expect(alive == expected, "at \(now)")
        }
        #expect(s.expiredCount == 3000 - s.count)
    }
}

@Suite("LocalStore: capacity")
struct StoreCapacityTests {
    @Test func evictsOldestFirstAndCounts() {
        var s = LocalStore(limits: StoreLimits(capacity: 3))
        for i in 0..<5 { s.insert(stored("e\(i)")) }
        #expect(s.count == 3 && s.evictedCount == 2)
        #expect(s.all().map(\.eventID) == ["e2", "e3", "e4"])
        // Replacing at capacity evicts nothing.
        s.insert(stored("e3", type: "new"))
        #expect(s.evictedCount == 2 && s.all().map(\.eventID) == ["e2", "e4", "e3"])
        #expect(s.count(ofType: "new") == 1 && s.count(ofType: "t") == 2)
        #expect(StoreLimits(capacity: 0).capacity == 1)
        #expect(StoreLimits().capacity == 1_000_000)
    }

    @Test func emitterCountsEvictions() throws {
        let emitter = EventEmitter(nodeID: "n", formationID: "f", clock: ManualClock(), storeLimits: StoreLimits(capacity: 10))
        for _ in 0..<25 { try emitter.emitTelemetry("cpu", payload: Data()) }
        #expect(emitter.localCount == 10 && emitter.evictedCount == 15)
        #expect(emitter.queryLocal(eventType: nil).first?.eventID == "n-16")
        #expect(emitter.storeLimits.capacity == 10)
    }
}

@Suite("LocalStore: queries")
struct StoreQueryTests {
    /// 0…59: types a/b/c cycling, classes telemetry/product, instances i0/i1/none, seconds 100+i.
    static func sample() -> LocalStore {
        var s = LocalStore()
        for i in 0..<60 {
            s.insert(stored("e\(i)", type: ["a", "b", "c"][i % 3], eventClass: i % 2 == 0 ? .telemetry : .product,
                            at: 100 + UInt64(i), instance: i % 4 == 3 ? nil : "i\(i % 4 % 2)"))
        }
        return s
    }

    func ids(_ r: LocalQueryResult) -> [Int] { r.events.map { Int($0.eventID.dropFirst())! } }

    @Test func eachFilter() {
        let s = Self.sample()
        #expect(ids(s.query(EventFilters(eventType: "b"))) == Array(stride(from: 1, to: 60, by: 3)))
        #expect(ids(s.query(EventFilters(eventClass: .product))) == Array(stride(from: 1, to: 60, by: 2)))
        #expect(ids(s.query(EventFilters(sourceInstanceID: "i1"))) == (0..<60).filter { $0 % 4 == 1 })
        // Time bounds are exclusive.
        #expect(ids(s.query(EventFilters(afterSeconds: 150))) == Array(51..<60))
        #expect(ids(s.query(EventFilters(beforeSeconds: 103))) == [0, 1, 2])
        #expect(ids(s.query(EventFilters(afterSeconds: 110, beforeSeconds: 114))) == [11, 12, 13])
        #expect(s.query(EventFilters()).totalMatching == 60)
    }

    @Test func emptyAndImpossibleFilters() {
        let s = Self.sample()
        #expect(s.query(EventFilters(eventType: "zzz")).totalMatching == 0)
        #expect(s.query(EventFilters(eventClass: .command)).totalMatching == 0)
        #expect(s.query(EventFilters(sourceInstanceID: "nope")).totalMatching == 0)
        #expect(s.query(EventFilters(afterSeconds: 110, beforeSeconds: 111)).totalMatching == 0)
        #expect(s.query(EventFilters(beforeSeconds: 0)).totalMatching == 0)
        #expect(s.query(EventFilters(afterSeconds: .max)).totalMatching == 0)
        #expect(s.query(EventFilters(afterSeconds: 500)).totalMatching == 0)
    }

    @Test func combinations() {
        let s = Self.sample()
        let r = s.query(EventFilters(eventClass: .telemetry, eventType: "a", afterSeconds: 105, sourceInstanceID: "i0"))
        // type a: i%3==0; telemetry: even; instance i0: i%4 in {0,2}; after 105: i > 5
        #expect(ids(r) == (6..<60).filter { $0 % 3 == 0 && $0 % 2 == 0 && ($0 % 4 == 0 || $0 % 4 == 2) })
        #expect(r.totalMatching == r.events.count && !r.truncated)
    }

    @Test func limitTruncatesAndCountsAll() {
        let s = Self.sample()
        let one = s.query(EventFilters(eventType: "a"), limit: 4)
        #expect(ids(one) == [0, 3, 6, 9] && one.totalMatching == 20 && one.truncated)
        let combined = s.query(EventFilters(eventClass: .telemetry, eventType: "a"), limit: 2)
        #expect(ids(combined) == [0, 6] && combined.totalMatching == 10 && combined.truncated)
        let exact = s.query(EventFilters(eventType: "a"), limit: 20)
        #expect(exact.events.count == 20 && !exact.truncated)
        let all = s.query(EventFilters(), limit: 0)
        #expect(all.events.count == 60 && !all.truncated)
        let time = s.query(EventFilters(afterSeconds: 100), limit: 3)
        #expect(ids(time) == [1, 2, 3] && time.totalMatching == 59 && time.truncated)
    }

    @Test func eventsWithoutTimestampOrInstanceNeverMatchThoseFilters() {
        var s = LocalStore()
        s.insert(stored("undated", at: nil))
        s.insert(stored("dated", at: 50, instance: ""))
        #expect(s.query(EventFilters(afterSeconds: 0)).events.map(\.eventID) == ["dated"])
        #expect(s.query(EventFilters(sourceInstanceID: "")).events.map(\.eventID) == ["dated"])
        #expect(s.query(EventFilters(eventType: "t")).totalMatching == 2)
    }

    /// Random stores (with replacements, evictions, expiry, out-of-order timestamps) answer
    /// every random query exactly as a scan of all events would.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func indexesAgreeWithAScan(seed: UInt64) {
        var rng = TestRNG(seed: seed)
        var s = LocalStore(limits: StoreLimits(capacity: 400))
        let classes: [EventClass] = [.product, .anomaly, .telemetry, .command]
        for i in 0..<3000 {
            let e = stored("e\(Int.random(in: 0..<600, using: &rng))", type: "t\(Int.random(in: 0..<8, using: &rng))",
                           eventClass: classes.randomElement(using: &rng)!,
                           at: Bool.random(using: &rng) ? UInt64(i / 10 + Int.random(in: 0..<30, using: &rng)) : (i % 17 == 0 ? nil : UInt64(i / 10)),
                           ttl: UInt32.random(in: 0..<3, using: &rng) == 0 ? 0 : UInt32.random(in: 1...200, using: &rng),
                           instance: Int.random(in: 0..<3, using: &rng) == 0 ? nil : "i\(Int.random(in: 0..<5, using: &rng))")
            s.insert(e, receivedAt: UInt64(i / 10))
            if i % 97 == 0 { s.expire(now: UInt64(i / 10)) }
            if i % 13 == 0 { s.remove(id: "e\(Int.random(in: 0..<600, using: &rng))") }
            if i % 50 == 0 {
                for _ in 0..<20 {
                    var f = EventFilters()
                    if Bool.random(using: &rng) { f.eventType = "t\(Int.random(in: 0..<9, using: &rng))" }
                    if Bool.random(using: &rng) { f.eventClass = classes.randomElement(using: &rng)! }
                    if Int.random(in: 0..<3, using: &rng) == 0 { f.sourceInstanceID = "i\(Int.random(in: 0..<6, using: &rng))" }
                    if Bool.random(using: &rng) { f.afterSeconds = UInt64.random(in: 0...330, using: &rng) }
                    if Bool.random(using: &rng) { f.beforeSeconds = UInt64.random(in: 0...330, using: &rng) }
                    let limit = Int.random(in: 0...30, using: &rng)
                    let expected = s.all().filter { f.matches($0) }
                    let got = s.query(f, limit: limit)
                    #expect(got.totalMatching == expected.count)
                    #expect(got.events.map(\.eventID) == Array(expected.prefix(limit == 0 ? .max : limit)).map(\.eventID))
                }
            }
        }
        #expect(s.count == 400)
        #expect(s.evictedCount > 0 && s.expiredCount > 0)
    }
}

@Suite("EventEmitter: TTL and queries")
struct EmitterQueryTests {
    @Test func expireLocalCountsAtTheBoundary() throws {
        let clock = ManualClock(seconds: 1_000_000)
        let emitter = EventEmitter(nodeID: "n", formationID: "f", clock: clock)
        try emitter.emitTelemetry("cpu", payload: Data())            // TTL 3600
        try emitter.emit(stored("forever", at: 1, ttl: 0))
        clock.advance(seconds: 3600)
        #expect(emitter.expireLocal() == 0)
        clock.advance(seconds: 1)
        #expect(emitter.expireLocal() == 1)
        #expect(emitter.expiredCount == 1 && emitter.localCount == 1)
        #expect(emitter.expireLocal(now: PeatTimestamp(seconds: .max)) == 0)
    }

    @Test func undatedEventsAreDatedByTheClock() throws {
        let clock = ManualClock(seconds: 500)
        let emitter = EventEmitter(nodeID: "n", formationID: "f", clock: clock)
        try emitter.emit(stored("x", at: nil, ttl: 10))
        #expect(emitter.expireLocal(now: PeatTimestamp(seconds: 510)) == 0)
        #expect(emitter.expireLocal(now: PeatTimestamp(seconds: 511)) == 1)
    }

    @Test func queryAnswersWithAResponseAndExpiresFirst() throws {
        let clock = ManualClock(seconds: 10_000)
        let emitter = EventEmitter(nodeID: "node-9", formationID: "f", clock: clock)
        for i in 0..<10 { try emitter.emit(stored("e\(i)", type: i < 6 ? "a" : "b", at: 10_000 + UInt64(i), ttl: i == 0 ? 5 : 0)) }
        var q = EventQuery(queryID: "q-1", requesterID: "parent", filters: EventFilters(eventType: "a"), limit: 3)
        q.nodeID = "node-9"
        var r = emitter.query(q)
        #expect(r.queryID == "q-1" && r.responderID == "node-9")
        #expect(r.events.map(\.eventID) == ["e0", "e1", "e2"] && r.totalMatching == 6 && r.truncated)
        clock.advance(seconds: 6)                                   // e0: 10000 + 5 < 10006
        r = emitter.query(q)
        #expect(r.events.map(\.eventID) == ["e1", "e2", "e3"] && r.totalMatching == 5)
        #expect(emitter.expiredCount == 1)
        r = emitter.query(EventQuery(filters: EventFilters(afterSeconds: 10_007)))
        #expect(r.events.map(\.eventID) == ["e8", "e9"] && !r.truncated && r.totalMatching == 2)
    }
}
