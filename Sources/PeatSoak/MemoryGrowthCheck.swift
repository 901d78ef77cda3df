import Console
import LocalNode
import PeatDemo
import PeatEvents
import Foundation

/// One RSS sample of a soak run.
public struct MemorySample: Sendable, Equatable {
    /// Seconds since the run started.
    public var time: Double
    /// Resident set size, bytes.
    public var residentBytes: Int
    /// Events in the local store.
    public var stored: Int
    /// Events queued for the parent tier.
    public var queued: Int
    /// The store's bounds had taken hold by then: it had evicted (capacity) or expired (TTL)
    /// events, so it no longer grows.
    public var storeBounded: Bool

    public init(time: Double, residentBytes: Int, stored: Int = 0, queued: Int = 0, storeBounded: Bool = false) {
        self.time = time
        self.residentBytes = residentBytes
        self.stored = stored
        self.queued = queued
        self.storeBounded = storeBounded
    }
}

/// Decides from RSS samples whether memory stayed flat or grew without bound.
///
/// The rule:
/// 1. **Warm-up** ends at the later of a third of the run and the first sample at which the
///    store's bounds had taken hold (it evicted or expired an event). Before that the store
///    is still filling towards its capacity, and growth is expected.
/// 2. The rest of the run is the **window**; it needs `minimumSamples` samples.
/// 3. **Baseline** = the *highest* RSS in the window's first quarter; **final** = the
///    *lowest* RSS in its last quarter. Taking the high early value and the low late value
///    means that allocator sawtooth and one-off spikes never fail a run; only a rise that
///    lasts to the end does.
/// 4. The run **fails** when final − baseline exceeds the slack: the larger of
///    `absoluteSlack` and `relativeSlack` × baseline.
///
/// A leak of r bytes/s shows as about r × window/2, so longer runs catch slower leaks.
public struct MemoryGrowthCheck: Sendable, Equatable {
    /// Growth always allowed, bytes (default 32 MiB).
    public var absoluteSlack: Int
    /// Growth allowed as a fraction of the baseline (default 10 %).
    public var relativeSlack: Double
    /// Fewest samples the window needs for a verdict.
    public var minimumSamples: Int

    public init(absoluteSlack: Int = 32 << 20, relativeSlack: Double = 0.10, minimumSamples: Int = 8) {
        self.absoluteSlack = absoluteSlack
        self.relativeSlack = relativeSlack
        self.minimumSamples = minimumSamples
    }

    /// What the check found.
    public struct Verdict: Sendable, Equatable {
        /// True when memory stayed within the slack after warm-up.
        public var passed: Bool
        /// When the measured window starts, seconds.
        public var warmUpEnd: Double
        /// Baseline and final RSS, bytes (0 when there were too few samples).
        public var baseline: Int
        public var final: Int
        /// The growth allowed, bytes.
        public var allowed: Int
        /// One line explaining the verdict.
        public var message: String

        /// final − baseline, bytes.
        public var growth: Int { final - baseline }
    }

    /// Judges `samples` (in time order). `evicted` and `expired`, the store's counts at the
    /// end, say whether its bounds ever took hold, also when no sample saw it.
    public func judge(_ samples: [MemorySample], evicted: Int? = nil, expired: Int? = nil) -> Verdict {
        // Said from the store's own counts: no sample seeing the bounds does not mean they
        // never took hold (the last samples may come before the store filled).
        let boundsText = (evicted ?? 0) + (expired ?? 0) > 0
            ? "the store's bounds took hold only after the last sample (evicted \(evicted ?? 0), expired \(expired ?? 0) by the end)"
            : "the store never reached its capacity and nothing expired"
        guard let last = samples.last, let first = samples.first else {
            return Verdict(passed: false, warmUpEnd: 0, baseline: 0, final: 0, allowed: 0,
                           message: "no memory samples (is /proc/self/status readable?)")
        }
        let span = last.time - first.time
        let boundedAt = samples.first(where: \.storeBounded)?.time
        let warmUpEnd = max(first.time + span / 3, boundedAt ?? 0)
        let window = samples.filter { $0.time >= warmUpEnd }
        guard window.count >= minimumSamples, let w0 = window.first?.time, last.time > w0 else {
            let why = boundedAt == nil
                ? boundsText
                : "the store's bounds took hold only at \(seconds(boundedAt!)) of \(seconds(span))"
            return Verdict(passed: false, warmUpEnd: warmUpEnd, baseline: 0, final: 0, allowed: 0,
                           message: "inconclusive: \(window.count) samples after warm-up, \(minimumSamples) needed (\(why)); run longer or lower --store-capacity / --ttl")
        }
        let quarter = (last.time - w0) / 4
        let baseline = window.filter { $0.time <= w0 + quarter }.map(\.residentBytes).max()!
        let final = window.filter { $0.time >= last.time - quarter }.map(\.residentBytes).min()!
        let allowed = max(absoluteSlack, Int(relativeSlack * Double(baseline)))
        let growth = final - baseline
        let passed = growth <= allowed
        let mib = ProcessMemory.describe(bytes:)
        var message = "after warm-up (t ≥ \(seconds(warmUpEnd))) RSS went from \(mib(baseline)) to \(mib(final)): "
            + "\(growth < 0 ? "-" : "+")\(mib(abs(growth))), allowed +\(mib(allowed))"
        if !passed {
            message += boundedAt == nil
                ? " — memory grows without bound (\(boundsText))"
                : " — memory grows without bound"
        }
        return Verdict(passed: passed, warmUpEnd: warmUpEnd, baseline: baseline, final: final,
                       allowed: allowed, message: message)
    }

    private func seconds(_ t: Double) -> String { String(format: "%.1f s", t) }
}
