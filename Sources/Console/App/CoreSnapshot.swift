import PeatEvents

/// A critical alert: a CRITICAL event this node emitted, kept for the operator to acknowledge.
public struct AlertRecord: Equatable, Sendable {
    /// The event as the emitter built it.
    public var event: PeatEvent
    /// Acknowledged by the operator (`x`).
    public var acknowledged: Bool
    /// Already popped from the outbound queue (handed to the link towards the parent tier).
    public var sent: Bool
    /// What the modelled link did with it once popped; nil before.
    public var linkFate: LinkFate?

    /// Where a popped event is on the modelled link.
    public enum LinkFate: Equatable, Sendable {
        /// Waiting on the link for tokens.
        case waiting
        /// Transmitted.
        case transmitted
        /// Dropped or refused by a full link queue.
        case dropped
    }

    /// The alert's own identity, assigned on arrival (1, 2, 3… over the session): event ids
    /// come from producers and may repeat, so selection and acknowledgement use this.
    public var key: Int

    public init(event: PeatEvent, key: Int = 0, acknowledged: Bool = false, sent: Bool = false, linkFate: LinkFate? = nil) {
        self.event = event
        self.key = key
        self.acknowledged = acknowledged
        self.sent = sent
        self.linkFate = linkFate
    }

    public var eventID: String { event.eventID }

    /// The id an alerts-pane selection follows: the arrival key.
    public var anchorID: String { String(key) }
}

/// One `popEvents` call as the pop log shows it.
public struct PopStep: Equatable, Sendable {
    /// 1, 2, 3… over the session.
    public var number: Int
    /// The `max` asked for.
    public var asked: Int
    /// Events returned (criticals included).
    public var got: Int
    /// The levels of the popped events in pop order (at most `PopStep.keptLevels`).
    public var levels: [PriorityLevel]
    /// Made by auto-drain rather than a key.
    public var automatic: Bool
    /// Fewer events than asked although more were pending.
    public var short: Bool
    /// When it happened (seconds since the epoch).
    public var time: UInt64
    /// How many identical consecutive empty pops this entry stands for.
    public var repeats: Int = 1

    /// At most this many levels are kept per step.
    public static let keptLevels = 256

    /// The id a pop-log selection follows: the step number.
    public var anchorID: String { String(number) }
}

/// The modelled link (`LinkTransmitter`) as the queue pane shows it.
public struct LinkSnapshot: Equatable, Sendable {
    /// The link's bandwidth, bytes per second.
    public var bytesPerSecond = 0
    /// What a full level's queue does.
    public var overflow: OverflowPolicy = .rejectNew
    /// Per level, CRITICAL…LOW: whole tokens (bytes) in the bucket (negative in debt) and the
    /// bucket's capacity (one second of the level's share).
    public var tokens: [Int] = [0, 0, 0, 0]
    public var capacities: [Int] = [0, 0, 0, 0]
    /// Events waiting on the link per level, and the most each level's queue holds.
    public var queued: [Int] = [0, 0, 0, 0]
    public var queueCapacities: [Int] = [0, 0, 0, 0]
    /// Per-level transmitted / dropped / rejected / oversize / bytes.
    public var stats: [LinkLevelStats] = Array(repeating: LinkLevelStats(), count: 4)

    public init() {}
}

/// What the views need from the core, copied after every change so rendering never touches
/// the emitter.
public struct CoreSnapshot: Equatable, Sendable {
    public var policy: SchedulingPolicy = .reference
    /// Queued events per level, CRITICAL…LOW.
    public var pendingCounts: [Int] = [0, 0, 0, 0]
    /// Queued events per class.
    public var pendingByClass: [EventClass: Int] = [:]
    /// Queue depth per level sampled once a second, oldest first.
    public var depthHistory: [[Int]] = [[], [], [], []]
    public var stats = SchedulerStats()
    /// Events in the local store.
    public var localCount = 0
    /// Stored events removed by TTL expiry, and evicted to stay within the store's capacity.
    public var expiredCount = 0
    public var evictedCount = 0
    /// Stored events replaced by a later event with the same id (the store keeps one per id).
    public var replacedCount = 0
    /// The most events the local store holds.
    public var storeCapacity = StoreLimits.defaultCapacity
    /// The local-store rows for the browser's current page and filter.
    public var browserRows: [PeatEvent] = []
    /// Rows matching the filter in all.
    public var browserTotal = 0
    /// The offset `browserRows` starts at.
    public var browserOffset = 0
    /// The filter `browserRows` were read with ("" for none).
    public var browserFilter = ""
    /// Where the browser's anchored row (or its nearest surviving neighbour) is now, when the
    /// snapshot was asked to follow one and found it.
    public var browserAnchorIndex: Int?
    /// Critical alerts, newest first.
    public var alerts: [AlertRecord] = []
    /// The last pops, newest first.
    public var popLog: [PopStep] = []
    /// Events emitted and popped over the session.
    public var emitted = 0
    public var popped = 0
    /// Recent rates, events per second; nil while no time has passed to measure them over.
    public var emittedRate: Double?
    public var poppedRate: Double?
    /// Emitter calls that failed.
    public var errors = 0
    /// The live input's status and errors; nil without one.
    public var stream: StreamStatus?
    /// The modelled link the pops feed.
    public var link = LinkSnapshot()

    public init() {}

    /// Alerts not yet acknowledged.
    public var unacknowledged: Int { alerts.reduce(0) { $0 + ($1.acknowledged ? 0 : 1) } }
    /// All queued events.
    public var pending: Int { pendingCounts.reduce(0, +) }
}
