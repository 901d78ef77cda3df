import PeatEvents

/// A critical alert: a CRITICAL event this node emitted, kept for the operator to acknowledge.
public struct AlertRecord: Equatable, Sendable {
    /// The alert's own key: 1, 2, 3… in order of arrival at the node model. Event ids are not
    /// unique (two producers may both start at `node-1-1`), so selection and acknowledgement
    /// follow this key.
    public var key: Int
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

    public init(event: PeatEvent, key: Int = 0, acknowledged: Bool = false, sent: Bool = false, linkFate: LinkFate? = nil) {
        self.key = key
        self.event = event
        self.acknowledged = acknowledged
        self.sent = sent
        self.linkFate = linkFate
    }

    public var eventID: String { event.eventID }

    /// The id a selection in the alerts list follows: the alert's own key.
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
    /// A level that had events waiting and was skipped while a lower one was served, and how
    /// many it had waiting (`⚠ H 6 waiting`); nil when none was, or the node did not say.
    public var skipped: PriorityLevel?
    public var skippedWaiting = 0
    /// The step served a lower level while a higher one waited beyond its share.
    public var inversion = false
    /// The longest emit → pop wait among the step's events, milliseconds (nil: not measured).
    public var longestWait: UInt64?

    /// At most this many levels are kept per step.
    public static let keptLevels = 256

    public init(number: Int, asked: Int, got: Int, levels: [PriorityLevel], automatic: Bool, short: Bool,
                time: UInt64, repeats: Int = 1) {
        self.number = number
        self.asked = asked
        self.got = got
        self.levels = levels
        self.automatic = automatic
        self.short = short
        self.time = time
        self.repeats = repeats
    }

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

/// Names a node in the app state: the node id as given on the command line, or an address.
public struct NodeKey: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }
    public static func < (a: NodeKey, b: NodeKey) -> Bool { a.rawValue < b.rawValue }
}

/// What a node source reads off its node on request: the queue, store, scheduler and link
/// figures, the live input's status, and the browser's page. It carries the node's own state
/// only; what the console folds over time (alerts, pop log, history, rates) is in `NodeModel`.
public struct NodeObservation: Equatable, Sendable {
    /// The node's clock when it was read.
    public var time = PeatTimestamp(seconds: 0)
    public var policy: SchedulingPolicy = .reference
    /// Queued events per level, CRITICAL…LOW.
    public var pendingCounts: [Int] = [0, 0, 0, 0]
    /// Queued events per class.
    public var pendingByClass: [EventClass: Int] = [:]
    /// The timestamp of the oldest queued event per level, CRITICAL…LOW (nil: empty, or not
    /// reported).
    public var oldestQueued: [PeatTimestamp?] = [nil, nil, nil, nil]
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
    /// The local-store rows for the browser's page and filter.
    public var browserRows: [PeatEvent] = []
    /// Rows matching the filter in all.
    public var browserTotal = 0
    /// The offset `browserRows` starts at.
    public var browserOffset = 0
    /// The filter `browserRows` were read with ("" for none).
    public var browserFilter = ""
    /// Where the browser's anchored row (or its nearest surviving neighbour) is now, when the
    /// observation was asked to follow one and found it.
    public var browserAnchorIndex: Int?
    /// The live input's status and errors; nil without one.
    public var stream: StreamStatus?
    /// The modelled link the pops feed.
    public var link = LinkSnapshot()

    public init() {}
}

/// What a browser page request asks of a node: the page, and the row to follow.
public struct ObservationRequest: Equatable, Sendable {
    /// The page of the local store the browser shows.
    public var query: LocalQuery
    /// The row the browser's selection follows, if any.
    public var anchor: ListAnchor?
    /// The store's counts as the model last saw them, so that a followed row is looked for only
    /// in the window it can have moved within since.
    public var storeMark: StoreMark

    public init(query: LocalQuery, anchor: ListAnchor? = nil, storeMark: StoreMark = StoreMark()) {
        self.query = query
        self.anchor = anchor
        self.storeMark = storeMark
    }
}

/// Store arrivals and removals as of an observation (a replaced id counts as neither).
public struct StoreMark: Equatable, Sendable {
    public var arrivals = 0
    public var removals = 0

    public init(arrivals: Int = 0, removals: Int = 0) {
        self.arrivals = arrivals
        self.removals = removals
    }

    /// The mark of a store holding `stored` events after `expired` expiries and `evicted`
    /// evictions: every arrival is still stored or was removed.
    public init(stored: Int, expired: Int, evicted: Int) {
        self.init(arrivals: stored + expired + evicted, removals: expired + evicted)
    }
}

/// One `popEvents(max:)` as a node source reports it.
public struct PopResult: Equatable, Sendable {
    /// The `max` asked for.
    public var asked: Int
    /// Events returned (criticals included).
    public var got: Int
    /// The levels of the popped events in pop order (at most `PopStep.keptLevels`).
    public var levels: [PriorityLevel]
    /// Events pending before the pop.
    public var pendingBefore: Int
    /// Events pending before the pop per level, CRITICAL…LOW, when the node reports them (the
    /// demand-aware shares and inversions are folded from these).
    public var pendingByLevel: [Int]?
    /// Made by auto-drain rather than a key.
    public var automatic: Bool
    /// The ids of the popped CRITICAL events (their alerts are now sent).
    public var criticalIDs: [String]
    /// When (seconds since the epoch).
    public var time: UInt64
    /// The longest emit → pop wait among the popped events, milliseconds, when measured.
    public var longestWait: UInt64?

    public init(asked: Int, got: Int, levels: [PriorityLevel], pendingBefore: Int, pendingByLevel: [Int]? = nil,
                automatic: Bool, criticalIDs: [String] = [], time: UInt64, longestWait: UInt64? = nil) {
        self.longestWait = longestWait
        self.pendingByLevel = pendingByLevel
        self.asked = asked
        self.got = got
        self.levels = levels
        self.pendingBefore = pendingBefore
        self.automatic = automatic
        self.criticalIDs = criticalIDs
        self.time = time
    }

    /// Fewer events than asked although more were pending.
    public var short: Bool { got < Swift.min(asked, pendingBefore) }
}

/// What the modelled link did with a popped CRITICAL event.
///
/// Event ids may repeat across producers; the link is FIFO per level, so the change applies to
/// the oldest alert with the id whose fate is still `from`.
public struct LinkFateChange: Equatable, Sendable {
    public var eventID: String
    public var fate: AlertRecord.LinkFate
    /// The fate the alert had before (nil: not yet on the link).
    public var from: AlertRecord.LinkFate?

    public init(eventID: String, fate: AlertRecord.LinkFate, from: AlertRecord.LinkFate?) {
        self.eventID = eventID
        self.fate = fate
        self.from = from
    }
}

/// What a node source reports back; the reducer folds each into the node's model.
public enum NodeEvent: Equatable, Sendable {
    /// The node's figures and the browser page, read just now.
    case observed(NodeObservation)
    /// Events the emitter accepted: `count` in all, of which these CRITICAL ones raise alerts.
    case emitted(count: Int, criticals: [PeatEvent])
    /// An emit the emitter refused (counted as an error; the text says why).
    case emitFailed(String)
    /// One pop from the outbound queue.
    case popped(PopResult)
    /// What the link did with popped CRITICAL events.
    case linkFates([LinkFateChange])
    /// A line for the status bar.
    case report(String, isError: Bool)
    /// A remote node's alerts, pop log and totals, as it keeps them (replace the model's).
    case replica(NodeReplica)
    /// A remote node's connection changed (a new instance id starts the model afresh).
    case connection(NodeConnection)
    /// Waits measured at a stage (emit → pop, pop → sent), folded into `NodeModel.delays`.
    case delays(DelaySamples)
}

/// Everything the panes show for one node. The app state holds one per node; views read it,
/// the reducer folds node events into it, nothing else changes it.
@dynamicMemberLookup
public struct NodeModel: Equatable, Sendable {
    /// The node's identity.
    public var nodeID: String
    public var formationID: String

    /// What was read off the node at the last observation: queue, store, scheduler and link
    /// figures, the input's status, the browser's page. Its fields read (and, in tests, write)
    /// as the model's own: `model.pendingCounts`.
    public var observed = NodeObservation()

    // Folded from node events.
    /// Critical alerts kept, newest first (at most `NodeModel.alertCapacity`).
    public var alerts: [AlertRecord] = []
    /// Critical alerts received in all: `alerts` keeps the newest, the rest fell off the list.
    public var alertsReceived = 0
    /// Of the alerts that fell off the kept list, those never acknowledged.
    public var alertsDroppedUnacknowledged = 0
    /// The last pops, newest first (at most `NodeModel.popLogCapacity`).
    public var popLog: [PopStep] = []
    /// Pop steps logged in all (the next step's number is one more).
    public var popSteps = 0
    /// Queue depth per level sampled once a second, oldest first.
    public var depthHistory: [[Int]] = [[], [], [], []]
    /// Events emitted and popped over the session.
    public var emitted = 0
    public var popped = 0
    /// Recent rates, events per second; nil while no time has passed to measure them over.
    public var emittedRate: Double?
    public var poppedRate: Double?
    /// Emitter calls that failed.
    public var errors = 0
    /// How the console reaches the node: nil for a node in this process.
    public var connection: NodeConnection?
    /// Net queue growth per level, CRITICAL…LOW, events per second over the rate window (in
    /// minus out); nil until time has passed.
    public var netRates: [Double]?
    /// Seconds the rates are taken over (up to `rateWindow`).
    public var rateSpan: UInt64 = 0
    /// Seconds of samples behind the rates.
    public static let rateWindow = 5
    /// Shares and inversions counted over the steps in which each level had a backlog.
    public var demand = DemandShares()
    /// Queueing delay per level, emit → pop and pop → sent (QueueDelays.swift).
    public var delays = QueueDelays()
    /// The named warnings (lints) as last evaluated, and what they track (Warnings.swift).
    public var warnings = WarningTracker()
    /// The second of the last history sample, and the (second, emitted, popped) samples the
    /// rates are taken over.
    var lastSampleSecond: UInt64?
    var rateSamples: [RateSample] = []

    /// Alerts kept (the oldest fall off first, counted).
    public static let alertCapacity = 500
    /// Pop-log entries kept.
    public static let popLogCapacity = 200
    /// Depth samples kept per level (one a second).
    public static let historyCapacity = 240

    /// The model of node `nodeID` before anything was seen of it.
    public init(nodeID: String = "node-1", formationID: String = "squad-1", policy: SchedulingPolicy = .reference) {
        self.nodeID = nodeID
        self.formationID = formationID
        observed.policy = policy
    }

    /// The observed figures, as the model's own fields.
    public subscript<T>(dynamicMember field: WritableKeyPath<NodeObservation, T>) -> T {
        get { observed[keyPath: field] }
        set { observed[keyPath: field] = newValue }
    }

    /// The node is watched over the network and does not answer control calls.
    public var isReadOnly: Bool { connection.map { !$0.controlAllowed } ?? false }

    /// Alerts not yet acknowledged, among those kept.
    public var unacknowledged: Int { alerts.reduce(0) { $0 + ($1.acknowledged ? 0 : 1) } }
    /// Alerts that fell off the kept list.
    public var alertsDropped: Int { alertsReceived - alerts.count }
    /// All queued events.
    public var pending: Int { observed.pendingCounts.reduce(0, +) }
    /// The store's counts as of the last observation.
    public var storeMark: StoreMark {
        StoreMark(stored: observed.localCount, expired: observed.expiredCount, evicted: observed.evictedCount)
    }
}

/// Emitted and popped counts at a whole second, for the rates.
struct RateSample: Equatable, Sendable {
    var second: UInt64
    var emitted: Int
    var popped: Int
    var depths: [Int] = [0, 0, 0, 0]
}

extension NodeModel {
    /// The queue grows: in has exceeded out over a whole rate window, by at least half an
    /// event a second (what rounds to `+1/s`), with something queued.
    public var sustainedGrowth: Bool {
        guard let n = netRates, rateSpan >= UInt64(NodeModel.rateWindow), pending > 0 else { return false }
        return n.reduce(0, +) >= 0.5
    }

    /// A level grows: its net rate over a whole rate window is positive.
    public func levelGrows(_ level: PriorityLevel) -> Bool {
        guard let n = netRates, rateSpan >= UInt64(NodeModel.rateWindow) else { return false }
        return (n[safe: level.rawValue] ?? 0) >= 0.5
    }

    /// Seconds since the oldest queued event of `level` was stamped, nil when none is queued.
    public func oldestAge(_ level: PriorityLevel, now: UInt64) -> Int64? {
        guard let t = observed.oldestQueued[safe: level.rawValue] ?? nil else { return nil }
        return now >= t.seconds ? Int64(clamping: now - t.seconds) : 0
    }

    /// Seconds to drain what is queued at the current out rate, if the inflow stopped (nil
    /// while nothing goes out).
    public var secondsToDrain: Int64? {
        guard let out = poppedRate, out > 0 else { return nil }
        return Int64(saturating: Double(pending) / out, rounding: .up)
    }
}
