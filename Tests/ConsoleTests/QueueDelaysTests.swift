import PeatDemo
import PeatEvents
import Testing
@testable import Console

/// Issue 12: queueing-delay percentiles from HdrHistogram, against a brute-force computation.
@Suite struct QueueDelaysTests {
    /// The nearest-rank percentile of `sorted` (what HdrHistogram approximates): the smallest
    /// value with at least `p` % of the values at or below it.
    func bruteForce(_ sorted: [UInt64], _ p: Double) -> UInt64 {
        let rank = max(1, Int((p / 100 * Double(sorted.count)).rounded(.up)))
        return sorted[min(sorted.count, rank) - 1]
    }

    /// Two significant digits: a percentile is the top of the bucket holding the true value,
    /// at most 1 % (or 1 ms) above it, never below.
    func close(_ histogram: UInt64, _ exact: UInt64) -> Bool {
        histogram >= exact && histogram <= exact + max(1, exact / 100)
    }

    /// Property: for random delays of several shapes (uniform, heavy-tailed, all equal, a
    /// handful), p50/p90/p99/max per level match the brute-force values over the recent window
    /// and over the run.
    @Test(arguments: 0..<40)
    func percentilesMatchBruteForce(trial: Int) {
        var random = SplitMix64(seed: UInt64(trial) &* 0x9E37 &+ 7)
        var delays = QueueDelays()
        var exact: [[UInt64]] = [[], [], [], []]
        let count = [1, 3, 50, 1_000, 5_000][trial % 5]
        for level in 0..<4 {
            var waits: [UInt64] = []
            for _ in 0..<count {
                switch (trial + level) % 4 {
                case 0: waits.append(UInt64(random.below(2_000)))  // up to 2 s
                case 1: waits.append(UInt64(random.exponential(rate: 1.0 / 3_000)))  // mean 3 s, long tail
                case 2: waits.append(41_000)  // all equal
                default: waits.append(UInt64(random.below(10)) * UInt64(random.below(100_000)))  // zeros and minutes
                }
            }
            exact[level] = waits
            // Delivered in a few batches within one second, as pops report them.
            var millis: [[UInt64]] = [[], [], [], []]
            millis[level] = waits
            delays.record(DelaySamples(stage: .queue, millis: millis, time: 1_000))
        }
        delays.refresh(now: 1_000)
        for level in PriorityLevel.allCases {
            let sorted = exact[level.rawValue].sorted()
            for window in [true, false] {
                let s = delays.summary(level, recent: window)
                #expect(s.count == UInt64(sorted.count))
                #expect(close(s.p50, bruteForce(sorted, 50)), "p50 \(s.p50) vs \(bruteForce(sorted, 50))")
                #expect(close(s.p90, bruteForce(sorted, 90)), "p90 \(s.p90) vs \(bruteForce(sorted, 90))")
                #expect(close(s.p99, bruteForce(sorted, 99)), "p99 \(s.p99) vs \(bruteForce(sorted, 99))")
                #expect(close(s.max, sorted.last!), "max \(s.max) vs \(sorted.last!)")
            }
        }
    }

    /// The recent window keeps the last 10 seconds; the run keeps everything.
    @Test func theWindowForgetsOldSecondsTheRunDoesNot() {
        var delays = QueueDelays()
        delays.record(DelaySamples(stage: .queue, millis: [[], [60_000, 60_000], [], []], time: 100))
        delays.record(DelaySamples(stage: .queue, millis: [[], [300], [], []], time: 105))
        delays.refresh(now: 109)
        #expect(delays.summary(.high, recent: true).count == 3)
        delays.refresh(now: 110)  // second 100 left the window [101, 110]
        let recent = delays.summary(.high, recent: true), run = delays.summary(.high, recent: false)
        #expect(recent.count == 1 && close(recent.p99, 300))
        #expect(run.count == 3 && close(run.p99, 60_000) && close(run.p50, 60_000))
        delays.refresh(now: 200)
        #expect(delays.summary(.high, recent: true).count == 0)
        #expect(delays.summary(.high, recent: false).count == 3)
    }

    /// Link waits are kept apart from queue waits; a CRITICAL's own wait is found by id.
    @Test func stagesAreSeparateAndCriticalWaitsAreKeptById() {
        var delays = QueueDelays()
        delays.record(DelaySamples(stage: .queue, millis: [[250], [], [], []], time: 10, criticals: [CriticalWait(eventID: "n-1", millis: 250)]))
        delays.record(DelaySamples(stage: .link, millis: [[1_200], [], [], []], time: 11, criticals: [CriticalWait(eventID: "n-1", millis: 1_200)]))
        delays.refresh(now: 11)
        #expect(close(delays.summary(.critical, .queue, recent: false).max, 250))
        #expect(close(delays.summary(.critical, .link, recent: false).max, 1_200))
        #expect(delays.criticalWait("n-1", at: .queue) == 250)
        #expect(delays.criticalWait("n-1", at: .link) == 1_200)
        #expect(delays.criticalWait("n-2", at: .queue) == nil)
    }

    @Test func waitsReadShort() {
        #expect(QueueDelays.format(millis: 12) == "12ms")
        #expect(QueueDelays.format(millis: 300) == "0.3s")
        #expect(QueueDelays.format(millis: 4_250) == "4.2s")
        #expect(QueueDelays.format(millis: 41_000) == "41s")
        #expect(QueueDelays.format(millis: 125_000) == "2m05s")
    }
}
