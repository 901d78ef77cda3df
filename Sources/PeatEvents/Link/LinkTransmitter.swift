import DequeModule

/// What a full level does with one more event (SPEC.md "Transmitter").
public enum OverflowPolicy: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Refuse the new event.
    case rejectNew
    /// Drop the oldest event of the new event's level, then queue the new one.
    case dropOldest
    /// Drop the oldest event of the least urgent level that has anything — LOW, then NORMAL,
    /// then HIGH (CRITICAL is never dropped) — then queue the new one; when none of them has
    /// anything (only possible for a CRITICAL arrival), refuse it. Dropping from a lower
    /// level than the new event's lets that level hold more than its capacity by the number
    /// of events it displaced: the total queued does not grow.
    case dropLowestPriority

    /// `rejectNew`, `dropOldest`, `dropLowestPriority`.
    public var description: String { rawValue }
}

/// The result of `LinkTransmitter.enqueue(_:)`.
public enum EnqueueOutcome: Hashable, Sendable {
    /// Queued; nothing dropped.
    case queued
    /// Queued after dropping `dropped` (from the level the policy chose).
    case queuedAfterDropping(PeatEvent)
    /// Refused: the level was full and the policy found nothing to drop.
    case rejected

    /// True unless rejected.
    public var isQueued: Bool { self != .rejected }
}

/// Bounds of the transmitter's per-level queues.
public struct LinkQueueLimits: Hashable, Sendable {
    /// Most events queued per level, CRITICAL, HIGH, NORMAL, LOW (each at least 1).
    public var capacities: [Int]
    /// What a full level does.
    public var overflow: OverflowPolicy

    /// Limits; the defaults are SPEC.md's: CRITICAL 100, the others 1000, reject new.
    public init(critical: Int = 100, high: Int = 1000, normal: Int = 1000, low: Int = 1000,
                overflow: OverflowPolicy = .rejectNew) {
        capacities = [critical, high, normal, low].map { Swift.max(1, $0) }
        self.overflow = overflow
    }

    /// Capacity of `level`.
    public func capacity(of level: PriorityLevel) -> Int { capacities[level.rawValue] }
}

/// What the transmitter did at one level.
public struct LinkLevelStats: Hashable, Sendable {
    /// Events sent.
    public var transmitted = 0
    /// Bytes sent (encoded sizes).
    public var bytesTransmitted = 0
    /// Queued events dropped to make room (by `.dropOldest` or `.dropLowestPriority`).
    public var dropped = 0
    /// New events refused.
    public var rejected = 0
    /// Events sent that were bigger than the level's whole bucket (sent on a full bucket,
    /// into debt; see `TokenBucket`).
    public var oversize = 0

    /// Zero counts.
    public init() {}
}

/// The link model of a node (SPEC.md "Transmitter"): four bounded FIFO queues, one token
/// bucket per level sized to one second of the level's share of the link
/// (`BandwidthAllocation`), refilled continuously from an injectable clock.
///
/// `transmit` sends, CRITICAL first, then HIGH, NORMAL, LOW, every head its level's bucket
/// can pay for, in FIFO order; a level stops at the first head it cannot pay (no
/// reordering). Levels do not borrow each other's tokens. An event costs its protobuf
/// encoded size, measured once when it is queued.
///
/// A value type; not synchronised. Nothing sleeps: tests drive it with a `ManualClock`.
public struct LinkTransmitter: Sendable {
    /// The split of the link between levels.
    public let allocation: BandwidthAllocation
    /// Queue bounds and overflow policy.
    public let limits: LinkQueueLimits
    /// Where the time comes from when `transmit()` is called without one.
    public let clock: any EventClock

    private var queues: [Deque<(event: PeatEvent, size: Int)>] = Array(repeating: Deque(), count: 4)
    private var buckets: [TokenBucket]
    private var levelStats = Array(repeating: LinkLevelStats(), count: 4)

    /// A transmitter for a link of `totalBytesPerSecond`, its buckets full as of the clock's
    /// current time.
    public init(totalBytesPerSecond: Int, limits: LinkQueueLimits = LinkQueueLimits(),
                clock: any EventClock = SystemClock()) {
        self.init(allocation: BandwidthAllocation(totalBytesPerSecond: totalBytesPerSecond), limits: limits, clock: clock)
    }

    /// A transmitter for `allocation`.
    public init(allocation: BandwidthAllocation, limits: LinkQueueLimits = LinkQueueLimits(),
                clock: any EventClock = SystemClock()) {
        self.allocation = allocation
        self.limits = limits
        self.clock = clock
        let now = clock.now()
        buckets = allocation.rates.map { TokenBucket(rate: $0, now: now) }
    }

    // MARK: Queueing

    /// Queues `event` at its level, applying the overflow policy when the level is full.
    @discardableResult
    public mutating func enqueue(_ event: PeatEvent) -> EnqueueOutcome {
        let level = event.priorityLevel.rawValue
        guard queues[level].count >= limits.capacities[level] else {
            queues[level].append((event, event.encodedSize))
            return .queued
        }
        let victimLevel: Int?
        switch limits.overflow {
        case .rejectNew: victimLevel = nil
        case .dropOldest: victimLevel = level
        case .dropLowestPriority: victimLevel = [3, 2, 1].first { !queues[$0].isEmpty }
        }
        guard let victimLevel else {
            levelStats[level].rejected += 1
            return .rejected
        }
        let victim = queues[victimLevel].removeFirst().event
        levelStats[victimLevel].dropped += 1
        queues[level].append((event, event.encodedSize))
        return .queuedAfterDropping(victim)
    }

    // MARK: Sending

    /// Refills the buckets to the clock's time and sends what they allow.
    public mutating func transmit() -> [PeatEvent] { transmit(now: clock.now()) }

    /// Refills the buckets to `now` and sends, CRITICAL first, every queued event the buckets
    /// can pay for, oldest first within a level.
    public mutating func transmit(now: PeatTimestamp) -> [PeatEvent] {
        var out: [PeatEvent] = []
        for level in 0..<4 {
            buckets[level].refill(now: now)
            // Only the head's size is read before it goes; the event is then moved out, not
            // copied (a copy of an event costs a retain and a release per string).
            while let size = queues[level].first?.size, buckets[level].take(size) {
                out.append(queues[level].removeFirst().event)
                levelStats[level].transmitted += 1
                levelStats[level].bytesTransmitted += size
                if size > buckets[level].capacity { levelStats[level].oversize += 1 }
            }
        }
        return out
    }

    // MARK: Reading

    /// Per-level statistics, CRITICAL, HIGH, NORMAL, LOW.
    public var stats: [LinkLevelStats] { levelStats }

    /// Statistics of `level`.
    public func stats(of level: PriorityLevel) -> LinkLevelStats { levelStats[level.rawValue] }

    /// Events queued per level, CRITICAL, HIGH, NORMAL, LOW.
    public var queuedCounts: [Int] { queues.map(\.count) }

    /// Events queued at all levels.
    public var queuedCount: Int { queues.reduce(0) { $0 + $1.count } }

    /// Bytes queued at `level`.
    public func queuedBytes(at level: PriorityLevel) -> Int { queues[level.rawValue].reduce(0) { $0 + $1.size } }

    /// The events queued at `level`, oldest first.
    public func queued(at level: PriorityLevel) -> [PeatEvent] { queues[level.rawValue].map(\.event) }

    /// The token bucket of `level` as of its last refill.
    public func bucket(of level: PriorityLevel) -> TokenBucket { buckets[level.rawValue] }
}
