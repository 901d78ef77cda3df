import Console
import Foundation
import DequeModule
import PeatEvents

/// Measures the waits the console's delay histograms record: emit → pop from each popped
/// event's timestamp (the emitter stamps it when the event is emitted), and pop → sent from
/// the pop time noted when the event went onto the link. The link is FIFO per level and drops
/// only a level's oldest event, so the pop times are kept as one FIFO per level beside it.
struct WaitClock {
    private var popTimes: [Deque<PeatTimestamp>] = [[], [], [], []]

    /// Milliseconds from `a` to `b` (0 when `b` is earlier).
    static func millis(from a: PeatTimestamp, to b: PeatTimestamp) -> UInt64 {
        guard b.seconds > a.seconds || (b.seconds == a.seconds && b.nanos >= a.nanos) else { return 0 }
        let whole = (b.seconds - a.seconds).multipliedReportingOverflow(by: 1000)
        guard !whole.overflow else { return UInt64.max / 4 }
        let nanos = Int64(b.nanos) - Int64(a.nanos)
        return UInt64(clamping: Int64(clamping: whole.partialValue) + nanos / 1_000_000)
    }

    /// The queue waits of `popped`, at `now`; those that waited past their TTL counted.
    /// `timings` are `PeatEvent.timings(of: popped)`, read once by the caller (reading an
    /// event's fields here copied it first, a retain and a release per string).
    func popped(_ popped: [PeatEvent], timings: [EventTiming], at now: PeatTimestamp) -> DelaySamples {
        var samples = DelaySamples(stage: .queue, millis: [[], [], [], []], time: now.seconds)
        for (e, t) in timings.enumerated() {
            let l = t.level.rawValue
            let wait = WaitClock.millis(from: PeatTimestamp(seconds: t.seconds, nanos: t.nanos), to: now)
            samples.millis[l].append(wait)
            let ttl = UInt64(t.ttlSeconds)
            if ttl > 0, wait > ttl * 1000 { samples.expired[l] += 1 }
            if l == 0 { samples.criticals.append(CriticalWait(eventID: popped[e].eventID, millis: wait)) }
        }
        return samples
    }

    /// An event of `level` went onto the link at `now` with `outcome`.
    mutating func enqueued(level: PriorityLevel, outcome: EnqueueOutcome, at now: PeatTimestamp) {
        switch outcome {
        case .rejected: return
        case .queued: break
        case .queuedAfterDropping(let victim): _ = popTimes[victim.priorityLevel.rawValue].popFirst()
        }
        popTimes[level.rawValue].append(now)
    }

    /// The link waits of `sent`, at `now` (`timings`: `PeatEvent.timings(of: sent)`).
    mutating func sent(_ sent: [PeatEvent], timings: [EventTiming], at now: PeatTimestamp) -> DelaySamples {
        var samples = DelaySamples(stage: .link, millis: [[], [], [], []], time: now.seconds)
        for (e, t) in timings.enumerated() {
            let l = t.level.rawValue
            let wait = popTimes[l].popFirst().map { WaitClock.millis(from: $0, to: now) } ?? 0
            samples.millis[l].append(wait)
            if l == 0 { samples.criticals.append(CriticalWait(eventID: sent[e].eventID, millis: wait)) }
        }
        return samples
    }
}

/// The delays file of an export: one line per stage, level and window,
/// `{"stage":"queue","level":"HIGH","window":"10s","count":N,"p50Ms":…,"p90Ms":…,"p99Ms":…,"maxMs":…}`
/// (`window` "10s" for the last ten seconds, "run" for the whole run; `stage` "queue" for
/// emit → pop, "link" for pop → sent).
enum DelayExportFile {
    static func lines(_ delays: QueueDelays) -> [String] {
        var out: [String] = []
        for stage in DelayStage.allCases {
            for level in PriorityLevel.allCases {
                for recent in [true, false] {
                    let s = delays.summary(level, stage, recent: recent)
                    out.append("{\"stage\":\"\(stage.name)\",\"level\":\"\(level.name)\",\"window\":\"\(recent ? "\(QueueDelays.windowSeconds)s" : "run")\","
                               + "\"count\":\(s.count),\"p50Ms\":\(s.p50),\"p90Ms\":\(s.p90),\"p99Ms\":\(s.p99),\"maxMs\":\(s.max)}")
                }
            }
        }
        return out
    }

    static func write(_ delays: QueueDelays, to path: String) throws {
        try Data((lines(delays).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
