import Console
import PeatEvents

// Conversions between NodeConsole's messages and the console's node model, used by both
// sides: the node (NodeService) builds messages from the model it folds, the console
// (RemoteNode) rebuilds the model from them.

/// NodeConsole's messages under shorter names.
public typealias NodeUpdateMessage = Cap_Console_V1_NodeUpdate
public typealias NodeFiguresMessage = Cap_Console_V1_NodeFigures
public typealias NodeIdentityMessage = Cap_Console_V1_NodeIdentity

extension Cap_Console_V1_Policy {
    /// The wire value for `policy` (any fair policy over bytes is `fairBytes`).
    public init(_ policy: SchedulingPolicy) {
        switch (policy.kind, policy.cost) {
        case (.reference, _): self = .reference
        case (.fair, .events): self = .fair
        case (.fair, .encodedBytes): self = .fairBytes
        }
    }

    /// The scheduling policy, nil for a number this build does not know.
    public var schedulingPolicy: SchedulingPolicy? {
        switch self {
        case .reference: .reference
        case .fair: .fair
        case .fairBytes: .fair(cost: .encodedBytes)
        case .UNRECOGNIZED: nil
        }
    }
}

extension Cap_Console_V1_Level {
    public init(_ level: PriorityLevel) {
        self = Cap_Console_V1_Level(rawValue: level.rawValue) ?? .normal
    }

    /// The queue level (an unknown number reads as NORMAL, as the schema's priorities do).
    public var priorityLevel: PriorityLevel { PriorityLevel(rawValue: rawValue) ?? .normal }
}

extension Cap_Console_V1_Overflow {
    public init(_ overflow: OverflowPolicy) {
        switch overflow {
        case .rejectNew: self = .rejectNew
        case .dropOldest: self = .dropOldest
        case .dropLowestPriority: self = .dropLowestPriority
        }
    }

    public var overflowPolicy: OverflowPolicy {
        switch self {
        case .dropOldest: .dropOldest
        case .dropLowestPriority: .dropLowestPriority
        default: .rejectNew
        }
    }
}

extension Cap_Console_V1_PopStep {
    public init(_ step: PopStep) {
        self.init()
        number = UInt64(max(0, step.number))
        asked = UInt32(clamping: step.asked)
        got = UInt32(clamping: step.got)
        levels = step.levels.map(Cap_Console_V1_Level.init)
        automatic = step.automatic
        short = step.short
        time = step.time
        repeats = UInt32(clamping: step.repeats)
    }

    public var popStep: PopStep {
        PopStep(number: Int(clamping: number), asked: Int(asked), got: Int(got),
                levels: levels.prefix(PopStep.keptLevels).map(\.priorityLevel), automatic: automatic, short: short,
                time: time, repeats: max(1, Int(repeats)))
    }
}

extension Cap_Console_V1_Alert {
    public init(_ alert: AlertRecord) {
        self.init()
        key = UInt64(max(0, alert.key))
        event = alert.event
        acknowledged = alert.acknowledged
        sent = alert.sent
        switch alert.linkFate {
        case nil: linkFate = .none
        case .waiting?: linkFate = .waiting
        case .transmitted?: linkFate = .transmitted
        case .dropped?: linkFate = .dropped
        }
    }

    public var alertRecord: AlertRecord {
        let fate: AlertRecord.LinkFate?
        switch linkFate {
        case .waiting: fate = .waiting
        case .transmitted: fate = .transmitted
        case .dropped: fate = .dropped
        default: fate = nil
        }
        return AlertRecord(event: event, key: Int(clamping: key), acknowledged: acknowledged, sent: sent, linkFate: fate)
    }
}

extension Cap_Console_V1_LinkLevel {
    init(_ link: LinkSnapshot, _ i: Int) {
        self.init()
        tokens = Int64(link.tokens[i])
        bucketCapacity = Int64(link.capacities[i])
        queued = UInt64(max(0, link.queued[i]))
        queueCapacity = UInt64(max(0, link.queueCapacities[i]))
        let s = link.stats[i]
        transmitted = UInt64(max(0, s.transmitted))
        bytesTransmitted = UInt64(max(0, s.bytesTransmitted))
        dropped = UInt64(max(0, s.dropped))
        rejected = UInt64(max(0, s.rejected))
        oversize = UInt64(max(0, s.oversize))
    }
}

extension Cap_Console_V1_NodeFigures {
    /// The figures of `model` (its last observation and its totals).
    public init(_ model: NodeModel) {
        self.init()
        let o = model.observed
        time = o.time
        policy = Cap_Console_V1_Policy(o.policy)
        pendingByLevel = (0..<4).map { UInt64(max(0, $0 < o.pendingCounts.count ? o.pendingCounts[$0] : 0)) }
        for (c, n) in o.pendingByClass where n > 0 { pendingByClass[Int32(c.rawValue)] = UInt64(n) }
        stored = UInt64(max(0, o.localCount))
        storeCapacity = UInt64(max(0, o.storeCapacity))
        expired = UInt64(max(0, o.expiredCount))
        evicted = UInt64(max(0, o.evictedCount))
        var s = Cap_Console_V1_SchedulerFigures()
        s.served = o.stats.served.map { UInt64(max(0, $0)) }
        s.targetShare = o.stats.targetShare
        s.achievedShare = o.stats.achievedShare
        s.recentShare = o.stats.recentShare
        s.shortPops = UInt64(max(0, o.stats.shortPops))
        s.inversions = UInt64(max(0, o.stats.inversions))
        s.weightedPops = UInt64(max(0, o.stats.weightedPops))
        scheduler = s
        var l = Cap_Console_V1_LinkFigures()
        l.bytesPerSecond = UInt64(max(0, o.link.bytesPerSecond))
        l.overflow = Cap_Console_V1_Overflow(o.link.overflow)
        l.critical = Cap_Console_V1_LinkLevel(o.link, 0)
        l.high = Cap_Console_V1_LinkLevel(o.link, 1)
        l.normal = Cap_Console_V1_LinkLevel(o.link, 2)
        l.low = Cap_Console_V1_LinkLevel(o.link, 3)
        link = l
        emitted = UInt64(max(0, model.emitted))
        popped = UInt64(max(0, model.popped))
        emitErrors = UInt64(max(0, model.errors))
        alertsReceived = UInt64(max(0, model.alertsReceived))
        alertsDroppedUnacknowledged = UInt64(max(0, model.alertsDroppedUnacknowledged))
        emittedRate = model.emittedRate ?? 0
        poppedRate = model.poppedRate ?? 0
        if let input = o.stream {
            var i = Cap_Console_V1_InputFigures()
            i.name = input.label
            i.phase = input.phase.description
            i.records = UInt64(max(0, input.events))
            i.errors = UInt64(max(0, input.errors.total))
            i.bytes = UInt64(max(0, input.bytes))
            self.input = i
        }
    }

    /// Three shares, each a finite fraction in 0…1 (a peer can send any double: NaN, 1e300, -4).
    static func usableShares(_ shares: [Double]) -> Bool {
        shares.count == 3 && shares.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 }
    }

    /// A rate the console can show: finite and not negative (nil otherwise).
    public static func usableRate(_ rate: Double) -> Double? { rate.isFinite && rate >= 0 ? rate : nil }

    /// How many of the figures' floating-point values the console cannot use and leaves out:
    /// a rate that is NaN, infinite or negative, or a set of shares that is not three fractions
    /// in 0…1 (an empty set is "not sent", not malformed).
    public var unusableFigures: Int {
        var n = 0
        if Self.usableRate(emittedRate) == nil { n += 1 }
        if Self.usableRate(poppedRate) == nil { n += 1 }
        for shares in [scheduler.targetShare, scheduler.achievedShare, scheduler.recentShare] where !shares.isEmpty {
            if !Self.usableShares(shares) { n += 1 }
        }
        return n
    }

    /// The observation these figures describe (no browser page: that comes from Query).
    public var observation: NodeObservation {
        var o = NodeObservation()
        o.time = time
        o.policy = policy.schedulingPolicy ?? .reference
        o.pendingCounts = (0..<4).map { $0 < pendingByLevel.count ? Int(clamping: pendingByLevel[$0]) : 0 }
        o.pendingByClass = Dictionary(uniqueKeysWithValues: pendingByClass.map { (EventClass(rawValue: Int($0.key)) ?? .UNRECOGNIZED(Int($0.key)), Int(clamping: $0.value)) })
        o.localCount = Int(clamping: stored)
        o.storeCapacity = Int(clamping: storeCapacity)
        o.expiredCount = Int(clamping: expired)
        o.evictedCount = Int(clamping: evicted)
        var s = SchedulerStats()
        if scheduler.served.count == 4 { s.served = scheduler.served.map { Int(clamping: $0) } }
        if Self.usableShares(scheduler.targetShare) { s.targetShare = scheduler.targetShare }
        if Self.usableShares(scheduler.achievedShare) { s.achievedShare = scheduler.achievedShare }
        if Self.usableShares(scheduler.recentShare) { s.recentShare = scheduler.recentShare }
        s.shortPops = Int(clamping: scheduler.shortPops)
        s.inversions = Int(clamping: scheduler.inversions)
        s.weightedPops = Int(clamping: scheduler.weightedPops)
        o.stats = s
        var l = LinkSnapshot()
        l.bytesPerSecond = Int(clamping: link.bytesPerSecond)
        l.overflow = link.overflow.overflowPolicy
        for (i, level) in [link.critical, link.high, link.normal, link.low].enumerated() {
            l.tokens[i] = Int(clamping: level.tokens)
            l.capacities[i] = Int(clamping: level.bucketCapacity)
            l.queued[i] = Int(clamping: level.queued)
            l.queueCapacities[i] = Int(clamping: level.queueCapacity)
            var st = LinkLevelStats()
            st.transmitted = Int(clamping: level.transmitted)
            st.bytesTransmitted = Int(clamping: level.bytesTransmitted)
            st.dropped = Int(clamping: level.dropped)
            st.rejected = Int(clamping: level.rejected)
            st.oversize = Int(clamping: level.oversize)
            l.stats[i] = st
        }
        o.link = l
        if hasInput {
            var status = StreamStatus(label: input.name)
            switch input.phase {
            case "waiting": status.phase = .waiting
            case "live": status.phase = .receiving
            case "stalled": status.phase = .stalled
            case "ended": status.phase = .ended
            default: status.phase = .failed(input.phase.hasPrefix("failed: ") ? String(input.phase.dropFirst(8)) : input.phase)
            }
            status.events = Int(clamping: input.records)
            status.bytes = Int(clamping: input.bytes)
            // The node sends the total only: shown under one reason.
            status.errors[.malformedJSON] = Int(clamping: input.errors)
            o.stream = status
        }
        return o
    }
}
