import Foundation
import Testing
@testable import PeatEvents

/// An event at `priority` whose encoded size is exactly `size` bytes (size ≥ 16).
func sized(_ id: String, _ priority: EventPriority, size: Int) -> PeatEvent {
    var e = PeatEvent()
    e.eventID = id
    var r = AggregationPolicy()
    r.priority = priority
    r.propagation = .propagationFull
    e.routing = r
    let base = e.encodedSize
    // payload_value: tag (1 byte) + length varint + bytes.
    var n = size - base - 2
    e.payloadValue = Data(repeating: 0, count: max(0, n))
    if e.encodedSize != size {
        n -= e.encodedSize - size
        e.payloadValue = Data(repeating: 0, count: max(0, n))
    }
    precondition(e.encodedSize == size, "cannot build an event of \(size) bytes")
    return e
}

@Suite("Link: bandwidth allocation")
struct BandwidthAllocationTests {
    @Test(arguments: [
        (1000, [100, 450, 315, 135]),
        (999, [99, 450, 315, 135]),      // rest 900
        (1001, [100, 450, 315, 136]),    // rest 901: 450, 315, LOW takes the remainder
        (10, [1, 4, 3, 2]),              // rest 9: 4 (4.5), 3 (3.15), 2
        (0, [0, 0, 0, 0]),
        (1_000_000, [100_000, 450_000, 315_000, 135_000]),
    ])
    func split(_ c: (Int, [Int])) {
        let a = BandwidthAllocation(totalBytesPerSecond: c.0)
        #expect(a.rates == c.1)
        #expect(a.rates.reduce(0, +) == c.0)
    }

    @Test func sumsToTheLinkAndNeverOverflows() {
        for total in [1, 2, 3, 7, 11, 99, 101, 12_345, Int.max] {
            let a = BandwidthAllocation(totalBytesPerSecond: total)
            #expect(a.rates.reduce(0, &+) == total)
            #expect(a.rates.allSatisfy { $0 >= 0 })
        }
        #expect(BandwidthAllocation(totalBytesPerSecond: -5).rates == [0, 0, 0, 0])
        #expect(BandwidthAllocation(totalBytesPerSecond: 1000).description == "1000 B/s: 100/450/315/135")
        #expect(BandwidthAllocation(totalBytesPerSecond: 1000).rate(of: .normal) == 315)
    }
}

@Suite("Link: token bucket")
struct TokenBucketTests {
    let t0 = PeatTimestamp(seconds: 1_700_000_000)

    func at(_ seconds: UInt64, _ nanos: UInt32 = 0) -> PeatTimestamp {
        PeatTimestamp(seconds: t0.seconds + seconds, nanos: nanos)
    }

    @Test func startsFullAndPays() {
        var b = TokenBucket(rate: 100, now: t0)
        #expect(b.capacity == 100 && b.tokens == 100 && b.isFull)
        do { let ok = b.take(60); #expect(ok) }
        #expect(b.tokens == 40)
        do { let ok = !b.take(41); #expect(ok) }
        do { let ok = b.take(40) && b.tokens == 0; #expect(ok) }
    }

    @Test func refillsAtTheRateContinuously() {
        var b = TokenBucket(rate: 100, now: t0)
        do { let ok = b.take(100); #expect(ok) }
        b.refill(now: at(0, 10_000_000))       // 10 ms → 1 byte
        #expect(b.tokens == 1)
        b.refill(now: at(0, 15_000_000))       // +5 ms → 1.5 bytes
        #expect(b.tokens == 1)
        b.refill(now: at(0, 20_000_000))       // 20 ms in all → exactly 2
        #expect(b.tokens == 2)
        b.refill(now: at(0, 500_000_000))      // half a second → 50
        #expect(b.tokens == 50)
        #expect(!b.isFull)
    }

    @Test func capsAtOneSecond() {
        var b = TokenBucket(rate: 100, now: t0)
        do { let ok = b.take(30); #expect(ok) }
        b.refill(now: at(5))
        #expect(b.tokens == 100 && b.isFull)
        b.refill(now: at(3600))
        #expect(b.tokens == 100)
    }

    @Test func partialRefillThenPay() {
        var b = TokenBucket(rate: 1000, now: t0)
        do { let ok = b.take(1000); #expect(ok) }
        b.refill(now: at(0, 250_000_000))
        do { let ok = !b.take(251); #expect(ok) }
        do { let ok = b.take(250); #expect(ok) }
        #expect(b.tokens == 0)
    }

    @Test func clockGoingBackRefillsNothing() {
        var b = TokenBucket(rate: 100, now: at(10))
        do { let ok = b.take(100); #expect(ok) }
        b.refill(now: at(5))
        #expect(b.tokens == 0)
        b.refill(now: at(10, 500_000_000))
        #expect(b.tokens == 50)
    }

    /// An event bigger than the bucket waits for a full bucket, goes, and leaves a debt that
    /// refills repay: 250 bytes on a 100 B/s bucket → −150, full again 2.5 s later.
    @Test func oversizeWaitsForAFullBucketThenGoesIntoDebt() {
        var b = TokenBucket(rate: 100, now: t0)
        do { let ok = b.take(10); #expect(ok) }
        do { let ok = !b.take(250); #expect(ok) }                  // not full: waits
        b.refill(now: at(1))
        do { let ok = b.take(250); #expect(ok) }                   // full: goes
        #expect(b.tokens == -150)
        b.refill(now: at(2))
        do { let ok = b.tokens == -50 && !b.take(1); #expect(ok) }
        b.refill(now: at(3, 500_000_000))
        #expect(b.tokens == 100 && b.isFull)
    }

    @Test func zeroRateNeverSends() {
        var b = TokenBucket(rate: 0, now: t0)
        do { let ok = !b.take(1); #expect(ok) }
        b.refill(now: at(100))
        do { let ok = !b.take(1) && b.tokens == 0; #expect(ok) }
    }
}

@Suite("Link: transmitter")
struct LinkTransmitterTests {
    let clock = ManualClock(seconds: 1_700_000_000)

    @Test func sendsWhatTheBucketsAllowCriticalFirst() {
        // 1000 B/s: CRITICAL 100, HIGH 450, NORMAL 315, LOW 135 bytes per second.
        var link = LinkTransmitter(totalBytesPerSecond: 1000, clock: clock)
        for i in 0..<5 { link.enqueue(sized("l\(i)", .priorityLow, size: 50)) }
        for i in 0..<10 { link.enqueue(sized("h\(i)", .priorityHigh, size: 100)) }
        for i in 0..<3 { link.enqueue(sized("c\(i)", .priorityCritical, size: 40)) }
        let first = link.transmit()
        // CRITICAL 2×40 of 100, HIGH 4×100 of 450, LOW 2×50 of 135.
        #expect(first.map(\.eventID) == ["c0", "c1", "h0", "h1", "h2", "h3", "l0", "l1"])
        do { let ok = link.transmit().isEmpty; #expect(ok) }        // no time passed
        #expect(link.queuedCounts == [1, 6, 0, 3])
        clock.advance(nanos: 400_000_000)       // +0.4 s: CRITICAL 20+40, HIGH 50+180, LOW 35+54
        do { let ok = link.transmit().map(\.eventID) == ["c2", "h4", "h5", "l2"]; #expect(ok) }
        let s = link.stats
        #expect(s[0].transmitted == 3 && s[0].bytesTransmitted == 120)
        #expect(s[1].transmitted == 6 && s[1].bytesTransmitted == 600)
        #expect(s[3].transmitted == 3 && s[3].bytesTransmitted == 150)
        #expect(link.stats(of: .normal) == LinkLevelStats())
    }

    /// Over a long run each level sends its rate: bytes sent ≈ rate × time + one bucket.
    @Test func longRunRatesFollowTheAllocation() {
        var link = LinkTransmitter(totalBytesPerSecond: 10_000,
                                   limits: LinkQueueLimits(critical: 10_000, high: 10_000, normal: 10_000, low: 10_000),
                                   clock: clock)
        let priorities: [EventPriority] = [.priorityCritical, .priorityHigh, .priorityNormal, .priorityLow]
        for i in 0..<4000 { for (l, p) in priorities.enumerated() { link.enqueue(sized("\(l)-\(i)", p, size: 20 + i % 7)) } }
        for _ in 0..<1000 {
            clock.advance(nanos: 10_000_000)    // 10 s in 10 ms ticks
            _ = link.transmit()
        }
        let rates = link.allocation.rates
        for level in 0..<4 {
            let sent = link.stats[level].bytesTransmitted
            // One second's bucket up front plus ten seconds of rate, less the first tick's
            // refill (the bucket was full, so it overflowed) and what is left (< one event).
            #expect(sent <= rates[level] * 11 && sent >= rates[level] * 1099 / 100 - 26, "level \(level): \(sent)")
        }
    }

    @Test func headOfLineBlocksAndOversizeGoesOnAFullBucket() {
        // LOW gets 135 B/s; a 300-byte LOW event is bigger than the bucket.
        var link = LinkTransmitter(totalBytesPerSecond: 1000, clock: clock)
        link.enqueue(sized("small", .priorityLow, size: 100))
        link.enqueue(sized("big", .priorityLow, size: 300))
        link.enqueue(sized("after", .priorityLow, size: 20))
        do { let ok = link.transmit().map(\.eventID) == ["small"]; #expect(ok) }
        clock.advance(nanos: 500_000_000)
        do { let ok = link.transmit().isEmpty; #expect(ok) }                        // bucket not full: big waits, after waits behind it
        clock.advance(seconds: 1)
        do { let ok = link.transmit().map(\.eventID) == ["big"]; #expect(ok) }       // full: goes, 135 − 300 = −165
        #expect(link.bucket(of: .low).tokens == -165)
        #expect(link.stats(of: .low).oversize == 1)
        clock.advance(seconds: 1)
        do { let ok = link.transmit().isEmpty; #expect(ok) }                        // −30
        clock.advance(nanos: 400_000_000)
        do { let ok = link.transmit().map(\.eventID) == ["after"]; #expect(ok) }     // −30 + 54 = 24 ≥ 20
    }

    @Test func rejectNewRefusesAndCounts() {
        var link = LinkTransmitter(totalBytesPerSecond: 0,
                                   limits: LinkQueueLimits(critical: 2, high: 3, overflow: .rejectNew), clock: clock)
        for i in 0..<3 { #expect(link.enqueue(event("h\(i)", .priorityHigh)) == .queued) }
        do { let ok = link.enqueue(event("h3", .priorityHigh)) == .rejected; #expect(ok) }
        #expect(!EnqueueOutcome.rejected.isQueued)
        #expect(link.queued(at: .high).map(\.eventID) == ["h0", "h1", "h2"])
        #expect(link.stats(of: .high).rejected == 1 && link.stats(of: .high).dropped == 0)
        do { let ok = link.enqueue(event("n0", .priorityNormal)) == .queued; #expect(ok) }   // other levels unaffected
    }

    @Test func dropOldestMakesRoomInTheSameLevel() {
        var link = LinkTransmitter(totalBytesPerSecond: 0,
                                   limits: LinkQueueLimits(normal: 2, overflow: .dropOldest), clock: clock)
        link.enqueue(event("n0"))
        link.enqueue(event("n1"))
        link.enqueue(event("l0", .priorityLow))
        let outcome = link.enqueue(event("n2"))
        #expect(outcome == .queuedAfterDropping(event("n0")))
        #expect(outcome.isQueued)
        #expect(link.queued(at: .normal).map(\.eventID) == ["n1", "n2"])
        #expect(link.queuedCounts == [0, 0, 2, 1])
        #expect(link.stats(of: .normal).dropped == 1 && link.stats(of: .normal).rejected == 0)
    }

    @Test func dropLowestPriorityTakesFromLowThenNormalThenHigh() {
        var link = LinkTransmitter(totalBytesPerSecond: 0,
                                   limits: LinkQueueLimits(critical: 1, high: 2, normal: 2, low: 1, overflow: .dropLowestPriority),
                                   clock: clock)
        link.enqueue(event("h0", .priorityHigh))
        link.enqueue(event("h1", .priorityHigh))
        link.enqueue(event("n0"))
        link.enqueue(event("l0", .priorityLow))
        // HIGH full: the LOW event goes, HIGH holds 3 (total unchanged).
        do { let ok = link.enqueue(event("h2", .priorityHigh)) == .queuedAfterDropping(event("l0", .priorityLow)); #expect(ok) }
        #expect(link.queuedCounts == [0, 3, 1, 0])
        // HIGH still over capacity: LOW is empty, so NORMAL's oldest goes.
        do { let ok = link.enqueue(event("h3", .priorityHigh)) == .queuedAfterDropping(event("n0")); #expect(ok) }
        // Now only HIGH has events: its own oldest goes.
        do { let ok = link.enqueue(event("h4", .priorityHigh)) == .queuedAfterDropping(event("h0", .priorityHigh)); #expect(ok) }
        #expect(link.queued(at: .high).map(\.eventID) == ["h1", "h2", "h3", "h4"])
        // A LOW arrival with LOW under capacity is simply queued.
        do { let ok = link.enqueue(event("l1", .priorityLow)) == .queued; #expect(ok) }
        // LOW full: its own oldest is the lowest there is.
        do { let ok = link.enqueue(event("l2", .priorityLow)) == .queuedAfterDropping(event("l1", .priorityLow)); #expect(ok) }
        let s = link.stats
        #expect(s.map(\.dropped) == [0, 1, 1, 2])
        #expect(s.map(\.rejected) == [0, 0, 0, 0])
    }

    @Test func dropLowestPriorityNeverDropsCriticalAndRejectsWhenNothingBelow() {
        var link = LinkTransmitter(totalBytesPerSecond: 0,
                                   limits: LinkQueueLimits(critical: 1, overflow: .dropLowestPriority), clock: clock)
        do { let ok = link.enqueue(event("c0", .priorityCritical)) == .queued; #expect(ok) }
        do { let ok = link.enqueue(event("c1", .priorityCritical)) == .rejected; #expect(ok) }
        #expect(link.stats(of: .critical).rejected == 1)
        link.enqueue(event("h0", .priorityHigh))
        do { let ok = link.enqueue(event("c2", .priorityCritical)) == .queuedAfterDropping(event("h0", .priorityHigh)); #expect(ok) }
        #expect(link.queued(at: .critical).map(\.eventID) == ["c0", "c2"])
    }

    @Test func defaultLimitsAreTheSpecs() {
        let l = LinkQueueLimits()
        #expect(l.capacities == [100, 1000, 1000, 1000])
        #expect(l.overflow == .rejectNew)
        #expect(l.capacity(of: .critical) == 100)
        var link = LinkTransmitter(totalBytesPerSecond: 0, clock: clock)
        var rejected = 0
        for i in 0..<150 where link.enqueue(event("c\(i)", .priorityCritical)) == .rejected { rejected += 1 }
        #expect(rejected == 50 && link.queuedCount == 100)
        #expect(link.queuedBytes(at: .critical) == link.queued(at: .critical).reduce(0) { $0 + $1.encodedSize })
        #expect(link.queuedBytes(at: .critical) > 0)
    }
}
