import Foundation
import PeatDemo
import PeatEvents
import Testing
@testable import Console

/// Issue 12: each named warning on a manual clock — it fires when its condition has held past
/// its threshold, and not otherwise.
@Suite struct WarningsTests {
    let t0: UInt64 = 1_735_689_600
    var settings = WarningSettings()

    func ts(_ s: UInt64) -> PeatTimestamp { PeatTimestamp(seconds: s) }

    /// Folds an observation at `t` with `pending` per level, each level's oldest event stamped
    /// `oldest` (nil: empty), then evaluates the warnings at `t`.
    func observe(_ m: inout NodeModel, at t: UInt64, pending: [Int], oldest: UInt64? = nil, settings: WarningSettings) {
        var o = NodeObservation()
        o.time = ts(t)
        o.pendingCounts = pending
        o.oldestQueued = pending.map { $0 > 0 ? oldest.map(ts) : nil }
        _ = m.fold(.observed(o), running: true)
        m.warnings.evaluate(m, now: t, settings: settings)
    }

    func pop(_ m: inout NodeModel, at t: UInt64, served: [PriorityLevel], pending: [Int], asked: Int = 2) {
        _ = m.fold(.popped(PopResult(asked: asked, got: served.count, levels: served, pendingBefore: pending.reduce(0, +),
                                     pendingByLevel: pending, automatic: true, time: t)), running: true)
    }

    func active(_ m: NodeModel, _ name: LintName) -> [Warning] { m.warnings.warnings.filter { $0.name == name && $0.active } }

    func critical(_ id: String, at t: UInt64) -> PeatEvent {
        DemoEmission(kind: .critical("intrusion"), payload: Data("zone=1".utf8)).makeEvent(id: id, timestamp: ts(t), nodeID: "node-1", formationID: "squad-1")
    }

    // MARK: starvation

    /// NORMAL waits from t0 while LOW is served every second: after 5 s (the default) it is
    /// starvation, not before.
    @Test func starvationFiresAfterItsThreshold() {
        var m = NodeModel()
        for t in t0...(t0 + 5) {
            pop(&m, at: t, served: [.low], pending: [0, 0, 10, 10])
            observe(&m, at: t, pending: [0, 0, 10, 10], oldest: t0, settings: settings)
        }
        #expect(active(m, .starvation).isEmpty)
        pop(&m, at: t0 + 6, served: [.low], pending: [0, 0, 10, 10])
        observe(&m, at: t0 + 6, pending: [0, 0, 10, 10], oldest: t0, settings: settings)
        let w = active(m, .starvation)
        #expect(w.count == 1 && w.first?.level == .normal)
        #expect(w.first?.reason.contains("NORMAL got nothing for 6s while LOW was served") == true)
        // Served again: cleared at once, still shown for the hold time, then gone.
        pop(&m, at: t0 + 7, served: [.normal, .low], pending: [0, 0, 10, 10])
        observe(&m, at: t0 + 7, pending: [0, 0, 9, 10], oldest: t0 + 3, settings: settings)
        #expect(active(m, .starvation).isEmpty)
        #expect(m.warnings.shown(now: t0 + 7, settings: settings).map(\.name) == [.starvation])
        #expect(m.warnings.shown(now: t0 + 6 + 61, settings: settings).isEmpty)
    }

    /// A level served now and then, or one left waiting while nothing lower is served (the
    /// link stalled), is not starved; nor is anything with the lint allowed.
    @Test func starvationDoesNotFireWhenServedOrWhenNothingLowerIs() {
        var served = NodeModel(), stalled = NodeModel(), allowed = NodeModel()
        var off = settings
        off.enabled.remove(.starvation)
        for t in t0...(t0 + 20) {
            pop(&served, at: t, served: t % 4 == 0 ? [.normal, .low] : [.low], pending: [0, 0, 10, 10])
            observe(&served, at: t, pending: [0, 0, 10, 10], oldest: t0, settings: settings)
            pop(&stalled, at: t, served: [], pending: [0, 0, 10, 10])
            observe(&stalled, at: t, pending: [0, 0, 10, 10], oldest: t0, settings: settings)
            pop(&allowed, at: t, served: [.low], pending: [0, 0, 10, 10])
            observe(&allowed, at: t, pending: [0, 0, 10, 10], oldest: t0, settings: off)
        }
        #expect(served.warnings.warnings.filter { $0.name == .starvation }.isEmpty)
        #expect(stalled.warnings.warnings.filter { $0.name == .starvation }.isEmpty)
        #expect(allowed.warnings.warnings.isEmpty)
    }

    // MARK: share-drift

    /// All levels backlogged, served H and L only (the reference at batch 2): NORMAL at 0 % of
    /// its 35 % fires; the fair 10/7/3 does not; nor does a skew while LOW had nothing waiting.
    @Test func shareDriftFiresOnlyWhileAllLevelsAreBacklogged() {
        var skewed = NodeModel(), fair = NodeModel(), notAll = NodeModel()
        let fairMix: [PriorityLevel] = Array(repeating: .high, count: 10) + Array(repeating: .normal, count: 7) + Array(repeating: .low, count: 3)
        for t in t0...(t0 + 10) {
            for _ in 0..<12 { pop(&skewed, at: t, served: [.high, .low], pending: [0, 50, 50, 50]) }
            observe(&skewed, at: t, pending: [0, 50, 50, 50], settings: settings)
            pop(&fair, at: t, served: fairMix, pending: [0, 50, 50, 50], asked: 20)
            observe(&fair, at: t, pending: [0, 50, 50, 50], settings: settings)
            for _ in 0..<12 { pop(&notAll, at: t, served: [.high, .high], pending: [0, 50, 50, 0]) }
            observe(&notAll, at: t, pending: [0, 50, 50, 0], settings: settings)
        }
        let w = active(skewed, .shareDrift)
        #expect(w.count == 1 && w.first?.level == .normal, "\(skewed.warnings.warnings)")
        #expect(w.first?.reason.hasPrefix("NORMAL at 0% of its 35%") == true)
        #expect(fair.warnings.warnings.isEmpty)
        #expect(notAll.warnings.warnings.filter { $0.name == .shareDrift }.isEmpty)
    }

    /// Too few events in the window to judge: no verdict.
    @Test func shareDriftNeedsEnoughEvents() {
        var m = NodeModel()
        for t in t0...(t0 + 10) {
            pop(&m, at: t, served: [.high, .low], pending: [0, 5, 5, 5])
            observe(&m, at: t, pending: [0, 5, 5, 5], settings: settings)
        }
        #expect(m.warnings.warnings.isEmpty)
    }

    // MARK: unbounded-growth

    /// NORMAL grows by 10 a second: sustained from the fifth second, a warning once it has
    /// grown for more than 15 s, with the time to drain; a flat queue never warns.
    @Test func unboundedGrowthFiresAfterItsThresholdWithTheDrainTime() {
        var growing = NodeModel(), flat = NodeModel()
        var firedAt: UInt64?
        for t in t0...(t0 + 30) {
            growing.popped = Int(t - t0) * 30  // an out rate of 30/s for the drain time
            observe(&growing, at: t, pending: [0, 0, 10 * Int(t - t0), 0], oldest: t0, settings: settings)
            if firedAt == nil, !active(growing, .unboundedGrowth).isEmpty { firedAt = t }
            observe(&flat, at: t, pending: [0, 0, 50, 0], oldest: t0, settings: settings)
        }
        #expect(firedAt == t0 + 16)
        let w = active(growing, .unboundedGrowth)
        #expect(w.first?.level == .normal)
        #expect(w.first?.reason.contains("queue growing 10/s") == true)
        #expect(w.first?.reason.contains("300 queued take 10s at 30/s") == true, "\(w)")
        #expect(flat.warnings.warnings.isEmpty)
    }

    // MARK: critical-dropped, ttl-expired-in-queue

    @Test func criticalDroppedFiresForADropNotForASend() {
        var dropped = NodeModel(), sent = NodeModel()
        for m in [0, 1] {
            var model = NodeModel()
            _ = model.fold(.emitted(count: 1, criticals: [critical("n-1", at: t0)]), running: true)
            _ = model.fold(.linkFates([LinkFateChange(eventID: "n-1", fate: .waiting, from: nil)]), running: true)
            _ = model.fold(.linkFates([LinkFateChange(eventID: "n-1", fate: m == 0 ? .dropped : .transmitted, from: .waiting)]), running: true)
            observe(&model, at: t0 + 1, pending: [0, 0, 0, 0], settings: settings)
            if m == 0 { dropped = model } else { sent = model }
        }
        #expect(active(dropped, .criticalDropped).first?.reason == "CRITICAL lost: 1 dropped by the link")
        #expect(sent.warnings.warnings.isEmpty)
    }

    @Test func ttlExpiredInQueueFiresForEventsPoppedPastTheirTTL() {
        var late = NodeModel(), onTime = NodeModel()
        _ = late.fold(.delays(DelaySamples(stage: .queue, millis: [[], [], [], [400_000]], time: t0, expired: [0, 0, 0, 1])), running: true)
        _ = onTime.fold(.delays(DelaySamples(stage: .queue, millis: [[], [], [], [4_000]], time: t0)), running: true)
        observe(&late, at: t0, pending: [0, 0, 0, 0], settings: settings)
        observe(&onTime, at: t0, pending: [0, 0, 0, 0], settings: settings)
        let w = active(late, .ttlExpiredInQueue)
        #expect(w.first?.level == .low)
        #expect(w.first?.reason == "1 events left the queue past their TTL (L 1), longest wait 6m40s")
        #expect(onTime.warnings.warnings.isEmpty)
        // An expired CRITICAL is also a lost one.
        var critical = NodeModel()
        _ = critical.fold(.delays(DelaySamples(stage: .queue, millis: [[400_000], [], [], []], time: t0, expired: [1, 0, 0, 0])), running: true)
        observe(&critical, at: t0, pending: [0, 0, 0, 0], settings: settings)
        #expect(active(critical, .criticalDropped).first?.reason == "CRITICAL lost: 1 popped past their TTL")
    }

    // MARK: alert-unacknowledged

    @Test func alertUnacknowledgedFiresAfterItsThresholdUnlessAcknowledged() {
        var m = NodeModel()
        _ = m.fold(.emitted(count: 1, criticals: [critical("n-1", at: t0)]), running: true)
        observe(&m, at: t0 + 60, pending: [0, 0, 0, 0], settings: settings)
        #expect(m.warnings.warnings.isEmpty)
        observe(&m, at: t0 + 61, pending: [0, 0, 0, 0], settings: settings)
        #expect(active(m, .alertUnacknowledged).first?.reason == "1 alert unacknowledged for over 1m00s (oldest 1m01s, x acknowledges)")
        _ = m.acknowledge(key: nil)
        observe(&m, at: t0 + 62, pending: [0, 0, 0, 0], settings: settings)
        #expect(active(m, .alertUnacknowledged).isEmpty)
    }

    /// Thresholds are the settings': a 10 s starvation threshold waits 10 s.
    @Test func thresholdsComeFromTheSettings() {
        var s = settings
        s.starvationSeconds = 10
        var m = NodeModel()
        for t in t0...(t0 + 10) {
            pop(&m, at: t, served: [.low], pending: [0, 10, 0, 10])
            observe(&m, at: t, pending: [0, 10, 0, 10], oldest: t0, settings: s)
        }
        #expect(active(m, .starvation).isEmpty)
        pop(&m, at: t0 + 11, served: [.low], pending: [0, 10, 0, 10])
        observe(&m, at: t0 + 11, pending: [0, 10, 0, 10], oldest: t0, settings: s)
        #expect(active(m, .starvation).first?.level == .high)
    }
}
