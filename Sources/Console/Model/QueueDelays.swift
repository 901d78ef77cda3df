import Histogram
import PeatEvents

/// Where an event waited: in the node's outbound queue (emit → pop), or on the modelled link
/// after it was popped (pop → sent).
public enum DelayStage: Int, CaseIterable, Sendable {
    /// From the event's timestamp (its emit time) to the pop that took it.
    case queue
    /// From the pop to the link's transmission.
    case link

    /// "queue", "link".
    public var name: String { self == .queue ? "queue" : "link" }
}

/// Waits a node source measured, in milliseconds, per level CRITICAL…LOW.
public struct DelaySamples: Equatable, Sendable {
    public var stage: DelayStage
    /// Per level CRITICAL…LOW, the waits of the events that left the stage.
    public var millis: [[UInt64]]
    /// When they left (seconds since the epoch).
    public var time: UInt64
    /// The CRITICAL events among them, by id, with their own wait (for an alert's detail).
    public var criticals: [CriticalWait]
    /// Per level CRITICAL…LOW, how many of them had waited past their TTL (they left the queue
    /// already expired).
    public var expired: [Int]

    public init(stage: DelayStage, millis: [[UInt64]], time: UInt64, criticals: [CriticalWait] = [], expired: [Int] = [0, 0, 0, 0]) {
        self.stage = stage
        self.millis = millis
        self.time = time
        self.criticals = criticals
        self.expired = expired
    }

    /// Nothing measured.
    public var isEmpty: Bool { millis.allSatisfy(\.isEmpty) }
}

/// One CRITICAL event's wait at a stage.
public struct CriticalWait: Equatable, Sendable {
    public var eventID: String
    public var millis: UInt64

    public init(eventID: String, millis: UInt64) {
        self.eventID = eventID
        self.millis = millis
    }
}

/// p50/p90/p99/max of a set of waits, milliseconds (all 0 when `count` is 0).
public struct DelaySummary: Equatable, Sendable {
    public var count: UInt64 = 0
    public var p50: UInt64 = 0
    public var p90: UInt64 = 0
    public var p99: UInt64 = 0
    public var max: UInt64 = 0

    public init(count: UInt64 = 0, p50: UInt64 = 0, p90: UInt64 = 0, p99: UInt64 = 0, max: UInt64 = 0) {
        self.count = count
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.max = max
    }

    /// The summary of `histogram`.
    init(_ histogram: DelayHistogram) {
        count = histogram.totalCount
        guard count > 0 else { return }
        p50 = histogram.valueAtPercentile(50)
        p90 = histogram.valueAtPercentile(90)
        p99 = histogram.valueAtPercentile(99)
        max = histogram.max
    }
}

/// The histogram behind the delays: HdrHistogram, two significant digits (1 % resolution),
/// milliseconds, growing to the longest wait seen.
typealias DelayHistogram = Histogram<UInt64>

/// Waits of one level at one stage: over the whole run, and per second over the last
/// `QueueDelays.windowSeconds` seconds (merged when summarised).
struct LevelDelays: Sendable {
    var whole = DelayHistogram(numberOfSignificantValueDigits: .two)
    /// (second, waits recorded in that second), oldest first; seconds with none are absent.
    var seconds: [(second: UInt64, histogram: DelayHistogram)] = []

    /// Records `waits`, all left at `second`: the second's histogram is found once for them
    /// all, not once per wait.
    mutating func record(_ waits: some Collection<UInt64>, at second: UInt64) {
        guard !waits.isEmpty else { return }
        for w in waits { whole.record(w) }
        if seconds.last?.second != second {
            seconds.append((second, DelayHistogram(numberOfSignificantValueDigits: .two)))
        }
        let last = seconds.count - 1
        for w in waits { seconds[last].histogram.record(w) }
    }

    /// Drops the seconds that left the window ending at `now`.
    mutating func trim(now: UInt64) {
        let first = now >= UInt64(QueueDelays.windowSeconds) ? now - UInt64(QueueDelays.windowSeconds) + 1 : 0
        seconds.removeAll { $0.second < first }
    }

    /// The waits of the seconds still in the window, merged.
    var recent: DelayHistogram {
        var h = DelayHistogram(numberOfSignificantValueDigits: .two)
        for s in seconds { h.add(s.histogram) }
        return h
    }
}

/// Queueing delay per level and stage: from emit to pop (`queue`) and from pop to sent on the
/// link (`link`), as p50/p90/p99/max over the last `windowSeconds` seconds and the whole run,
/// recorded in HdrHistograms and summarised once a second (what the views read).
public struct QueueDelays: Sendable, Equatable {
    /// The recent window, seconds.
    public static let windowSeconds = 10

    /// [stage][level] histograms.
    var histograms: [[LevelDelays]] = Array(repeating: Array(repeating: LevelDelays(), count: 4), count: DelayStage.allCases.count)
    /// [stage][level] summaries over the last `windowSeconds` seconds and over the run, as of
    /// the last `refresh`.
    public private(set) var recent: [[DelaySummary]] = Array(repeating: Array(repeating: DelaySummary(), count: 4), count: 2)
    public private(set) var run: [[DelaySummary]] = Array(repeating: Array(repeating: DelaySummary(), count: 4), count: 2)
    /// Waits recorded since the last `refresh` (the summaries are then stale).
    public private(set) var pending = 0
    /// The last CRITICAL events' own waits by id, at each stage (newest last, at most
    /// `criticalsKept`).
    public private(set) var criticalWaits: [[CriticalWait]] = [[], []]
    /// CRITICAL waits kept per stage.
    public static let criticalsKept = 500

    public init() {}

    /// Records what a node measured.
    public mutating func record(_ samples: DelaySamples) {
        let s = samples.stage.rawValue
        for (level, waits) in samples.millis.prefix(4).enumerated() {
            histograms[s][level].record(waits, at: samples.time)
            pending += waits.count
        }
        if !samples.criticals.isEmpty {
            criticalWaits[s] += samples.criticals
            if criticalWaits[s].count > QueueDelays.criticalsKept { criticalWaits[s].removeFirst(criticalWaits[s].count - QueueDelays.criticalsKept) }
        }
    }

    /// Brings the summaries up to `now` (the window moves on even with nothing recorded).
    public mutating func refresh(now: UInt64) {
        for s in 0..<histograms.count {
            for l in 0..<4 {
                histograms[s][l].trim(now: now)
                recent[s][l] = DelaySummary(histograms[s][l].recent)
                run[s][l] = DelaySummary(histograms[s][l].whole)
            }
        }
        pending = 0
    }

    /// The wait of the CRITICAL event `id` at `stage` (the newest with that id), if kept.
    public func criticalWait(_ id: String, at stage: DelayStage) -> UInt64? {
        criticalWaits[stage.rawValue].last { $0.eventID == id }?.millis
    }

    /// The summary of `level` at `stage`, over the recent window or the whole run.
    public func summary(_ level: PriorityLevel, _ stage: DelayStage = .queue, recent window: Bool) -> DelaySummary {
        (window ? recent : run)[stage.rawValue][level.rawValue]
    }

    /// Equal when the summaries are: the views draw only those.
    public static func == (a: QueueDelays, b: QueueDelays) -> Bool {
        a.recent == b.recent && a.run == b.run && a.pending == b.pending && a.criticalWaits.map(\.count) == b.criticalWaits.map(\.count)
    }

    /// "41s", "0.3s", "12ms", "2m05s": a wait in milliseconds, short.
    public static func format(millis: UInt64) -> String {
        if millis < 1000 { return millis < 100 ? "\(millis)ms" : "0.\(millis / 100)s" }
        if millis < 10_000 { return "\(millis / 1000).\((millis % 1000) / 100)s" }
        return Format.duration(Int64(clamping: millis / 1000))
    }
}
