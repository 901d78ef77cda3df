import DequeModule
import Foundation

/// The outbound queue of a node: four FIFO levels, CRITICAL…LOW, and a scheduler that decides
/// how a weighted pop shares HIGH, NORMAL and LOW.
///
/// With `.reference` every result matches the Peat node's queue exactly, including its
/// integer arithmetic and its defects (see SPEC.md). With `.fair` the pop is work-conserving
/// and each level gets its weight's share within one event (smooth weighted round-robin), or,
/// counting encoded bytes, within one event's size (WF²Q over bytes).
///
/// A value type; not synchronised (the emitter guards it with a lock).
public struct PriorityEventQueue: Sendable {
    /// The scheduler in use.
    public private(set) var policy: SchedulingPolicy {
        didSet { weightValues = policy.weights.values }
    }
    /// `policy.weights.values`, kept to spare an array per pick.
    private var weightValues: [Int]

    private var levels: [QueueLevel] = [QueueLevel(), QueueLevel(), QueueLevel(), QueueLevel()]
    /// The kinds of event the emitter's typed helpers queue as slots (see `QueuedSlot`).
    private var templates = TemplateTable()
    private var fair = FairState()
    private var statCounters = StatCounters()
    /// Queued events per event class, kept on push and pop so the console's snapshot does not
    /// walk the queue: indexes 0…4 are UNSPECIFIED…COMMAND, unknown class numbers go below.
    private var knownClassCounts = InlineArray<5, Int>(repeating: 0)
    private var unknownClassCounts: [Int: Int] = [:]

    /// Creates an empty queue.
    public init(policy: SchedulingPolicy = .reference) {
        self.policy = policy
        self.weightValues = policy.weights.values
    }

    // MARK: Contents

    /// Events queued at all levels.
    public var count: Int { levels[0].count + levels[1].count + levels[2].count + levels[3].count }

    /// True when nothing is queued.
    public var isEmpty: Bool { count == 0 }

    /// True when a CRITICAL event is queued.
    public var hasCritical: Bool { !levels[0].isEmpty }

    /// Events queued at `level`.
    public func count(at level: PriorityLevel) -> Int { levels[level.rawValue].count }

    /// Events queued per level, CRITICAL, HIGH, NORMAL, LOW.
    public var counts: [Int] { levels.map(\.count) }

    /// The events queued at `level`, oldest first (a copy: O(events at the level)).
    public func events(at level: PriorityLevel) -> Deque<PeatEvent> { levels[level.rawValue].events(templates) }

    /// The oldest event queued at `level`, read without popping it: O(1).
    public func oldest(at level: PriorityLevel) -> PeatEvent? { levels[level.rawValue].first(templates) }

    // MARK: Push and pop

    /// Files `event` at its level (NORMAL when it has no routing or an unknown priority).
    public mutating func push(_ event: consuming PeatEvent) {
        let level = event.priorityLevel
        push(event, at: level)
    }

    /// Files `event` at `level`, which the caller has already worked out (`priorityLevel`).
    mutating func push(_ event: consuming PeatEvent, at level: PriorityLevel) {
        countClass(event.eventClass, by: 1)
        levels[level.rawValue].append(consume event)
    }

    /// Files at `level` an event of `eventClass` that `fill` builds.
    @inline(__always)
    mutating func push(at level: PriorityLevel, eventClass: EventClass, _ fill: (inout PeatEvent) -> Void) {
        countClass(eventClass, by: 1)
        var event = PeatEvent()
        fill(&event)
        levels[level.rawValue].append(consume event)
    }

    // MARK: Templated events (the emitter's typed helpers)

    /// Registers (pinned) the template of a kind of event (what the typed helpers set besides
    /// the id, the timestamp and the payload). Returns its number for `push(id:…)`.
    mutating func addTemplate(_ template: EventTemplate) -> Int32 { templates.add(template) }

    /// The emitter builds no more events from `template`; it is freed once none is queued.
    mutating func unpinTemplate(_ template: Int32) { templates.unpin(template) }

    /// Files at `level` the event of `template` with this id, timestamp (no unknown fields)
    /// and payload (`EventTemplate.event(id:…)`, built when it is popped or read).
    @inline(__always)
    mutating func push(id: String, seconds: UInt64, nanos: UInt32, payload: Data, template: Int32, at level: PriorityLevel) {
        templates.didQueue(template)
        countClass(templates.eventClass(template), by: 1)
        levels[level.rawValue].append(slot: QueuedSlot(id: id, payload: payload, seconds: seconds, nanos: nanos, template: template))
    }

    /// The head of the most urgent non-empty level.
    public mutating func pop() -> PeatEvent? {
        for level in 0..<4 where !levels[level].isEmpty {
            return take(level)
        }
        return nil
    }

    /// Every CRITICAL event, oldest first.
    public mutating func popCritical() -> [PeatEvent] {
        let critical = levels[0].count
        guard critical > 0 else { return [] }
        return Array(unsafeUninitializedCapacity: critical) { buffer, initialized in
            takeRun(0, critical, to: buffer.baseAddress!)
            initialized = critical
        }
    }

    /// Up to `max` events shared between levels by the policy.
    ///
    /// `.reference` takes HIGH, NORMAL and LOW only (CRITICAL is `popCritical`'s), with the
    /// reference's allocation: `high = max*50/100`, `normal = max*35/100`, unused HIGH
    /// allocation rolling down to NORMAL, LOW taking the rest. `.fair` takes CRITICAL first,
    /// then shares the rest by weight and never returns fewer than `min(max, count)`.
    public mutating func popWeighted(max: Int) -> [PeatEvent] {
        if policy.kind == .reference { return popReference(max: max, criticalFirst: false) }
        var out: [PeatEvent] = []
        out.reserveCapacity(Swift.min(Swift.max(0, max), count))
        popWeighted(max: max, into: &out)
        return out
    }

    /// `popCritical()`, then `popWeighted(max: max - criticals)` when that is positive, into
    /// one array (the emitter's `popEvents`).
    mutating func popCriticalThenWeighted(max: Int) -> [PeatEvent] {
        if policy.kind == .reference { return popReference(max: max, criticalFirst: true) }
        let critical = levels[0].count
        let remaining = max - critical
        var out: [PeatEvent] = []
        out.reserveCapacity(critical + (remaining > 0 ? Swift.min(remaining, count - critical) : 0))
        while !levels[0].isEmpty { out.append(take(0)) }
        if remaining > 0 { popWeighted(max: remaining, into: &out) }
        return out
    }

    /// The fair scheduler's `popWeighted(max:)`, appending to `out` (the reference's is
    /// `popReference(max:criticalFirst:)`).
    private mutating func popWeighted(max: Int, into out: inout [PeatEvent]) {
        precondition(policy.kind == .fair)
        let asked = Swift.max(0, max)
        let available = count
        statCounters.weightedPops += 1
        let before = out.count
        popFair(asked, into: &out)
        if out.count - before < Swift.min(asked, available) { statCounters.shortPops += 1 }
    }

    /// Empties every level. Statistics are kept; `resetStatistics()` clears them.
    public mutating func removeAll() {
        for i in 0..<4 { levels[i].removeAll() }
        templates.dequeuedAll()
        knownClassCounts = InlineArray(repeating: 0)
        unknownClassCounts = [:]
        fair.reset()
        fair.headCost = [-1, -1, -1, -1]
    }

    /// Switches scheduler; queued events stay where they are, the fair state starts afresh.
    public mutating func setPolicy(_ policy: SchedulingPolicy) {
        self.policy = policy
        fair.reset()
    }

    /// Queued events per event class (classes with none queued are left out), in O(classes).
    public var countsByClass: [EventClass: Int] {
        var out: [EventClass: Int] = [:]
        for raw in knownClassCounts.indices where knownClassCounts[raw] > 0 {
            out[EventClass(rawValue: raw) ?? .UNRECOGNIZED(raw)] = knownClassCounts[raw]
        }
        for (raw, n) in unknownClassCounts where n > 0 { out[.UNRECOGNIZED(raw)] = n }
        return out
    }

    @inline(__always)
    private mutating func countClass(_ eventClass: EventClass, by delta: Int) {
        let raw = eventClass.rawValue
        if raw >= 0 && raw < knownClassCounts.count {
            knownClassCounts[raw] += delta
        } else {
            unknownClassCounts[raw, default: 0] += delta
        }
    }

    // MARK: Statistics

    /// What the scheduler has done so far.
    public var statistics: SchedulerStats {
        var s = SchedulerStats()
        s.served = statCounters.served
        s.targetShare = policy.weights.fractions
        let nonCritical = statCounters.served[1] + statCounters.served[2] + statCounters.served[3]
        if nonCritical > 0 {
            s.achievedShare = (1...3).map { Double(statCounters.served[$0]) / Double(nonCritical) }
        }
        let recent = statCounters.recent
        if recent.count > 0 {
            s.recentShare = (1...3).map { Double(recent.count(of: $0)) / Double(recent.count) }
        }
        s.shortPops = statCounters.shortPops
        s.inversions = statCounters.inversions
        s.weightedPops = statCounters.weightedPops
        return s
    }

    /// Clears the statistics.
    public mutating func resetStatistics() { statCounters = StatCounters() }

    // MARK: Internals

    /// Removes the head of `level`, recording it in the statistics.
    private mutating func take(_ level: Int) -> PeatEvent {
        let e = levels[level].removeFirst(&templates)
        countClass(e.eventClass, by: -1)
        fair.headCost[level] = -1
        statCounters.record(level: level, count: 1, highWaiting: !levels[1].isEmpty)
        return e
    }

    /// Moves the `k` oldest events of `level` to `destination` (uninitialised room for `k`),
    /// recording them as `k` calls of `take(level)` would, with the statistics updated once.
    @inline(__always)
    private mutating func takeRun(_ level: Int, _ k: Int, to destination: UnsafeMutablePointer<PeatEvent>) {
        guard k > 0 else { return }
        levels[level].moveFirst(k, to: destination, &templates)
        for i in 0..<k { countClass(destination[i].eventClass, by: -1) }
        fair.headCost[level] = -1
        // HIGH does not change while a run of another level is taken, so "HIGH waiting" after
        // each of the run's events is HIGH waiting after the run.
        statCounters.record(level: level, count: k, highWaiting: !levels[1].isEmpty)
    }

    /// How many HIGH, NORMAL and LOW events the reference's weighted pop of `max` takes:
    /// `high = max*50/100` from HIGH, `normal = max*35/100` plus HIGH's unused allocation
    /// from NORMAL, the rest of `max` from LOW, each bounded by what the level holds.
    private func referenceTakes(_ max: Int) -> (high: Int, normal: Int, low: Int) {
        guard max > 0 else { return (0, 0, 0) }
        let high = Self.percent(max, 50)
        let normal = Self.percent(max, 35)
        let h = Swift.min(high, max, levels[1].count)
        let n = Swift.max(0, Swift.min(normal + (high - h), max - h, levels[2].count))
        let l = Swift.max(0, Swift.min(max - h - n, levels[3].count))
        return (h, n, l)
    }

    /// The reference scheduler's pop: with `criticalFirst` every CRITICAL event, then (when
    /// `max` leaves room) a weighted pop of the rest (`popCriticalThenWeighted`); without, a
    /// weighted pop of `max` (`popWeighted`). The counts are worked out first, then each
    /// level's run is moved into the result in one go.
    private mutating func popReference(max: Int, criticalFirst: Bool) -> [PeatEvent] {
        let critical = criticalFirst ? levels[0].count : 0
        let weighted = max - critical
        var takes = (high: 0, normal: 0, low: 0)
        if !criticalFirst || weighted > 0 {
            let asked = Swift.max(0, weighted)
            let available = levels[1].count + levels[2].count + levels[3].count
            takes = referenceTakes(asked)
            statCounters.weightedPops += 1
            if takes.high + takes.normal + takes.low < Swift.min(asked, available) { statCounters.shortPops += 1 }
        }
        let total = critical + takes.high + takes.normal + takes.low
        guard total > 0 else { return [] }
        return Array(unsafeUninitializedCapacity: total) { buffer, initialized in
            var p = buffer.baseAddress!
            takeRun(0, critical, to: p)
            p += critical
            takeRun(1, takes.high, to: p)
            p += takes.high
            takeRun(2, takes.normal, to: p)
            p += takes.normal
            takeRun(3, takes.low, to: p)
            initialized = total
        }
    }

    /// `x * p / 100` rounded down as the reference computes it, without overflowing.
    @inline(__always)
    static func percent(_ x: Int, _ p: Int) -> Int { (x / 100) * p + (x % 100) * p / 100 }

    private mutating func popFair(_ max: Int, into out: inout [PeatEvent]) {
        let end = out.count + max
        while out.count < end, !levels[0].isEmpty { out.append(take(0)) }
        while out.count < end, let level = nextFairLevel() { out.append(take(level)) }
        if levels[1].isEmpty && levels[2].isEmpty && levels[3].isEmpty { fair.reset() }
    }

    /// The level the fair scheduler serves next, or nil when HIGH, NORMAL and LOW are empty.
    private mutating func nextFairLevel() -> Int? {
        guard !(levels[1].isEmpty && levels[2].isEmpty && levels[3].isEmpty) else { return nil }
        let w = weightValues
        switch policy.cost {
        case .events:
            // Smooth weighted round-robin over the backlogged levels: every pick credits each
            // backlogged level its weight and charges the winner the backlogged total, so
            // each level's count stays within one event of its exact share.
            var total = 0
            var best = -1
            for i in 1...3 where !levels[i].isEmpty {
                total += w[i - 1]
                fair.current[i - 1] += w[i - 1]
                if best < 0 || fair.current[i - 1] > fair.current[best - 1] { best = i }
            }
            fair.current[best - 1] -= total
            return best
        case .encodedBytes:
            // Worst-case fair weighted fair queueing (WF²Q) over bytes, kept as SWRR-style
            // credits: `byteCredit[i]` is, over the backlogged run, (bytes served in all) ×
            // weight − (bytes served at i) × total weight, i.e. the level's lag behind its
            // exact share scaled by the total weight. Eligible levels are those not ahead of
            // their share (credit ≥ 0); of those, the one whose head would finish first in
            // the ideal fluid schedule goes. Each level's bytes then stay within one event
            // size of its exact share at every step.
            var totalWeight = 0
            for i in 1...3 where !levels[i].isEmpty {
                totalWeight += w[i - 1]
                if fair.headCost[i] < 0 { fair.headCost[i] = levels[i].first(templates)!.encodedSize }
            }
            var best = -1
            for pass in 0..<2 {
                for i in 1...3 where !levels[i].isEmpty {
                    if pass == 0 && fair.byteCredit[i - 1] < 0 { continue }
                    if best < 0 || finishesBefore(i, best, totalWeight: totalWeight) { best = i }
                }
                if best > 0 { break }
            }
            let size = fair.headCost[best]
            for i in 1...3 where !levels[i].isEmpty { fair.byteCredit[i - 1] += size * w[i - 1] }
            fair.byteCredit[best - 1] -= size * totalWeight
            return best
        }
    }

    /// True when level `a`'s head would finish strictly before level `b`'s in the fluid
    /// schedule: (head·W − credit)/weight compared by cross-multiplication.
    private func finishesBefore(_ a: Int, _ b: Int, totalWeight: Int) -> Bool {
        let w = weightValues
        let fa = fair.headCost[a] * totalWeight - fair.byteCredit[a - 1]
        let fb = fair.headCost[b] * totalWeight - fair.byteCredit[b - 1]
        let (l, o1) = fa.multipliedReportingOverflow(by: w[b - 1])
        let (r, o2) = fb.multipliedReportingOverflow(by: w[a - 1])
        if o1 || o2 { return Double(fa) * Double(w[b - 1]) < Double(fb) * Double(w[a - 1]) }
        return l < r
    }
}

/// State the fair scheduler carries between calls.
private struct FairState: Sendable {
    /// Smooth weighted round-robin credit per HIGH, NORMAL, LOW.
    var current = [0, 0, 0]
    /// Byte-weighted credit per HIGH, NORMAL, LOW (bytes × weight; see `nextFairLevel`).
    var byteCredit = [0, 0, 0]
    /// Encoded size of each level's head (−1: not measured yet).
    var headCost = [-1, -1, -1, -1]

    /// Forgets the credits (a new backlogged run starts).
    mutating func reset() {
        current = [0, 0, 0]
        byteCredit = [0, 0, 0]
    }
}

/// Raw counters behind `SchedulerStats`.
private struct StatCounters: Sendable {
    var served = [0, 0, 0, 0]
    var shortPops = 0
    var inversions = 0
    var weightedPops = 0
    /// Levels (1…3) of the last `SchedulerStats.recentWindow` non-critical pops.
    var recent = RecentLevels()

    /// Records `count` pops from `level`; `highWaiting`: HIGH held events after them.
    mutating func record(level: Int, count: Int, highWaiting: Bool) {
        served[level] += count
        guard level > 0 else { return }
        if level == 3 && highWaiting { inversions += count }
        recent.append(level, times: count)
    }
}

/// The levels (1…3) of the last `SchedulerStats.recentWindow` non-critical pops: a ring, with
/// the count of each level kept as levels enter and leave it.
struct RecentLevels: Sendable {
    private var ring = [UInt8](repeating: 0, count: SchedulerStats.recentWindow)
    private var next = 0
    /// Pops held (at most the window).
    private(set) var count = 0
    private var perLevel = InlineArray<3, Int>(repeating: 0)

    /// Pops of `level` (1…3) held.
    func count(of level: Int) -> Int { perLevel[level - 1] }

    /// Records `times` pops of `level`, oldest leaving once the window is full.
    mutating func append(_ level: Int, times: Int) {
        let window = ring.count
        // Of a run longer than the window only its last `window` pops stay.
        let k = Swift.min(times, window)
        guard k > 0 else { return }
        let value = UInt8(level)
        ring.withUnsafeMutableBufferPointer { ring in
            for _ in 0..<k {
                if count == window { perLevel[Int(ring[next]) - 1] -= 1 } else { count += 1 }
                ring[next] = value
                next = next + 1 == window ? 0 : next + 1
            }
        }
        perLevel[level - 1] += k
    }
}
