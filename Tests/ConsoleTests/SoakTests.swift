import Foundation
import PeatEvents
import Testing
@testable import Console
@testable import LocalNode
import PeatDemo
import PeatInputs
@testable import PeatSoak

/// The soak's parts: the growth check on synthetic RSS series, the /proc reader, the event
/// source, and short real runs with and without the store's bounds (counts only: no timing
/// or RSS assertions).
@Suite struct SoakTests {
    static let mib = 1 << 20

    /// Samples every 0.25 s for `seconds`, RSS from `rss(t)`, the store bounded from `boundedAt`.
    func series(seconds: Double, boundedAt: Double? = 0, _ rss: (Double) -> Double) -> [MemorySample] {
        stride(from: 0.0, through: seconds, by: 0.25).map { t in
            MemorySample(time: t, residentBytes: Int(rss(t) * Double(SoakTests.mib)),
                         storeBounded: boundedAt.map { t >= $0 } ?? false)
        }
    }

    @Test func flatMemoryPasses() {
        let v = MemoryGrowthCheck().judge(series(seconds: 30) { _ in 300 })
        #expect(v.passed)
        #expect(v.growth == 0)
        #expect(v.warmUpEnd == 10)
    }

    @Test func steadyGrowthFails() {
        // 20 MiB/s: the store never evicts nor expires anything.
        let v = MemoryGrowthCheck().judge(series(seconds: 30, boundedAt: nil) { 50 + 20 * $0 })
        #expect(!v.passed)
        #expect(v.growth > v.allowed)
        #expect(v.message.contains("without bound"))
        #expect(v.message.contains("never reached its capacity"))
    }

    @Test func slowLeakBeyondTheSlackFails() {
        // 4 MiB/s over a 40 s window is far more than 32 MiB or 10 % of 200 MiB.
        let v = MemoryGrowthCheck().judge(series(seconds: 60) { 200 + 4 * $0 })
        #expect(!v.passed)
    }

    @Test func fillingThenFlatPassesOnceTheStoreIsBounded() {
        // Fills until 40 s (reaching capacity), flat after: the warm-up waits for the bound.
        let rss: (Double) -> Double = { t in t < 40 ? 20 + 10 * t : 420 }
        let v = MemoryGrowthCheck().judge(series(seconds: 60, boundedAt: 40, rss))
        #expect(v.passed)
        #expect(v.warmUpEnd == 40)
        // Judged from a third of the run, the same series would look like growth.
        let early = MemoryGrowthCheck().judge(series(seconds: 60, boundedAt: 0, rss))
        #expect(!early.passed)
    }

    @Test func sawtoothAndSpikesWithinTheSlackPass() {
        let v = MemoryGrowthCheck().judge(series(seconds: 30) { t in
            let saw = Double(Int(t * 4) % 8) * 3        // 0…21 MiB allocator sawtooth
            return 300 + saw + (t > 29 ? 200 : 0)        // and a spike in the last samples
        })
        #expect(v.passed)
    }

    @Test func tooFewSamplesAfterWarmUpIsAFailureThatSaysWhy() {
        let v = MemoryGrowthCheck().judge(series(seconds: 10, boundedAt: 9.5) { _ in 100 })
        #expect(!v.passed)
        #expect(v.message.hasPrefix("inconclusive"))
        #expect(MemoryGrowthCheck().judge([]).passed == false)
    }

    @Test func procStatusIsParsed() {
        let text = "Name:\tpeat\nVmPeak:\t  900 kB\nVmHWM:\t  812344 kB\nVmRSS:\t  512000 kB\nThreads:\t3\n"
        #expect(ProcessMemory.parse(status: text) == ProcessMemory(residentBytes: 512_000 * 1024, peakResidentBytes: 812_344 * 1024))
        #expect(ProcessMemory.parse(status: "Name:\tx\n") == nil)
        #if os(Linux)
        let now = ProcessMemory.current()
        #expect(now != nil && now!.residentBytes > 0 && now!.peakResidentBytes >= now!.residentBytes)
        #endif
    }

    @Test func theSourceMakesTheDemosMixDeterministically() {
        var a = DemoEventSource(seed: 7)
        var b = DemoEventSource(seed: 7)
        let time = PeatTimestamp(seconds: 1_735_689_600)
        let ea = a.events(2_000, at: time) + a.events(1, at: time)
        let eb = b.events(2_001, at: time)
        #expect(ea.count == 2_001 && a.count == 2_001)
        #expect(ea.map(\.eventType) == eb.map(\.eventType))
        #expect(ea.map(\.payloadValue) == eb.map(\.payloadValue))
        #expect(Set(ea.map(\.eventID)).count == 2_001)
        let stored = ea.filter(\.isStoredLocally)
        #expect(!stored.isEmpty && stored.allSatisfy { $0.eventClass == .telemetry })
        #expect(ea.contains { $0.eventType == "product.detection" } && ea.contains { $0.eventType.hasPrefix("anomaly.") })
        #expect(ea.allSatisfy { $0.timestamp == time && $0.sourceNodeID == "node-1" })

        var short = DemoEventSource(seed: 7, ttlSeconds: 2)
        #expect(short.events(100, at: time).allSatisfy { $0.routing.ttlSeconds == 2 })
    }

    func smallRun(_ tweak: (inout SoakConfiguration) -> Void = { _ in }) -> SoakReport {
        var c = SoakConfiguration()
        c.duration = 0.6
        c.rate = 20_000
        c.storeCapacity = 500
        c.refreshMs = 50
        c.screenSize = Size(width: 120, height: 40)
        tweak(&c)
        return SoakRunner.run(c)
    }

    @Test func aShortRunAccountsForEveryEventAndTheCapacityHoldsTheStore() {
        let r = smallRun()
        #expect(r.generated > 0)
        #expect(r.accountingHolds, "in \(r.ingested) out \(r.popped) queued \(r.queued) stored \(r.stored) evicted \(r.evicted) expired \(r.expired)")
        #expect(r.ingested == r.generated && r.rejected == 0)
        #expect(r.stored <= 500)
        #expect(r.evicted > 0)
        #expect(r.popped > 0 && r.linkSent > 0)
        #expect(r.popped == r.linkSent + r.linkDropped + r.linkQueued)
        #expect(r.frames >= 1 && r.cellsDrawn > 0)
        #expect(r.screen.contains("node-1"))
        #expect(!r.samples.isEmpty)
    }

    @Test func withoutLimitsTheStoreKeepsEverything() {
        let r = smallRun { $0.limitsDisabled = true }
        #expect(r.accountingHolds)
        #expect(r.evicted == 0 && r.expired == 0)
        #expect(r.stored > 500)
        #expect(r.configuration.storeLimits.capacity == Int.max && r.configuration.effectiveTTL == 0)
    }

    @Test func aShortTTLExpiresStoredEvents() {
        // TTL 1 s: an event of second s goes once the clock reads s + 2, within 2 s of the start.
        let r = smallRun {
            $0.duration = 2.5
            $0.rate = 5_000
            $0.storeCapacity = 1_000_000
            $0.ttlSeconds = 1
        }
        #expect(r.accountingHolds)
        #expect(r.expired > 0)
        #expect(r.evicted == 0)
    }

    // MARK: Issue 14.12: the report says what happened

    /// A report of the issue's run: 100,000-event store, 429,040 evicted, samples up to
    /// 518 MiB, VmHWM 2,039 MiB, no sample after the store filled.
    func issueReport(heldBack: Int = 0, heldBackSeconds: Double = 0) -> SoakReport {
        var c = SoakConfiguration()
        c.duration = 4
        c.rate = 1_000_000
        c.storeCapacity = 100_000
        let samples = series(seconds: 3, boundedAt: nil) { 300 + 70 * $0 }
        let memory = MemoryGrowthCheck().judge(samples, evicted: 429_040, expired: 0)
        return SoakReport(configuration: c, elapsed: 4.1, generated: 2_000_000, ingested: 2_000_000, rejected: 0,
                          popped: 1_470_960, queued: 0, stored: 100_000, evicted: 429_040, expired: 0,
                          linkSent: 1_470_960, linkDropped: 0, linkQueued: 0, frames: 30, cellsDrawn: 9000,
                          frameMean: 0.001, frameMax: 0.002, heldBack: heldBack, heldBackSeconds: heldBackSeconds,
                          samples: samples, peakResidentBytes: 2039 * SoakTests.mib, memory: memory, screen: "")
    }

    @Test func theCapacityStatementComesFromTheEvictedCount() {
        let r = issueReport()
        #expect(!r.memory.passed)
        #expect(!r.memory.message.contains("never reached its capacity"), "\(r.memory.message)")
        #expect(r.memory.message.contains("evicted 429040"))
        let text = SoakFormat.report(r)
        #expect(!text.contains("never reached"))
        #expect(text.contains("stored at end") && text.contains("100,000  (capacity 100,000, reached: evicting)"))
        // Nothing evicted or expired: then it never did.
        let flat = MemoryGrowthCheck().judge(series(seconds: 1, boundedAt: nil) { _ in 300 }, evicted: 0, expired: 0)
        #expect(flat.message.contains("never reached its capacity"))
    }

    @Test func thePeakIsTheTrueVmHWMAndSaysSoBesideTheHighestSample() {
        let text = SoakFormat.report(issueReport())
        let line = text.split(separator: "\n").first { $0.contains("peak RSS") }.map(String.init) ?? ""
        #expect(line.contains("2039 MiB") && line.contains("VmHWM") && line.contains("highest sample 510 MiB"), "\(line)")
        // A peak read before the last sample can be below it: the larger is the peak.
        var r = issueReport()
        r.peakResidentBytes = 100 * SoakTests.mib
        let low = SoakFormat.report(r).split(separator: "\n").first { $0.contains("peak RSS") } ?? ""
        #expect(low.contains("510 MiB  (VmHWM"), "\(low)")
    }

    @Test func heldBackAndTheDurationAreReportedAsTheyWere() {
        #expect(SoakFormat.report(issueReport()).contains("never (the console kept up)"))
        let held = SoakFormat.report(issueReport(heldBack: 12, heldBackSeconds: 2.5))
        #expect(held.contains("12 times, 2.5 s in all"))
        #expect(held.contains("elapsed") && held.contains("4.1 s  (--duration 4.0 s)"))
    }

    /// A console slower than the generator: it is held back (counted), never more than two
    /// ticks' worth ahead, and the run still accounts for every event.
    @Test func aConsoleThatFallsBehindHoldsTheGeneratorBack() {
        let r = smallRun {
            $0.duration = 1.5
            $0.rate = 10_000_000
            $0.refreshMs = 100
        }
        #expect(r.accountingHolds)
        #expect(r.heldBack > 0 && r.heldBackSeconds > 0, "a debug console does not take in 10^7 events/s")
        #expect(r.achievedRate < 10_000_000)
        #expect(SoakFormat.report(r).contains("\(SoakFormat.count(r.heldBack)) times"))
    }
}

