import PeatEvents

/// A named warning, as tokio-console's lints: a stable name, switched on and off with
/// `--warn NAME` / `--allow NAME`.
public enum LintName: String, CaseIterable, Sendable, Comparable {
    /// A level with a backlog got nothing for more than `starvationSeconds` while a lower
    /// level was served.
    case starvation
    /// An achieved share off its target by more than `shareDriftPoints` over a window in which
    /// HIGH, NORMAL and LOW were all backlogged.
    case shareDrift = "share-drift"
    /// The queue grew for more than `growthSeconds` because arrivals outpace the drain.
    case unboundedGrowth = "unbounded-growth"
    /// A CRITICAL event dropped by the link or popped past its TTL.
    case criticalDropped = "critical-dropped"
    /// Events popped after their TTL had run out while they waited in the queue.
    case ttlExpiredInQueue = "ttl-expired-in-queue"
    /// A critical alert left unacknowledged for more than `unacknowledgedSeconds`.
    case alertUnacknowledged = "alert-unacknowledged"

    /// The name as written on the command line and on screen.
    public var name: String { rawValue }

    /// What it means, one line (the warnings table of the README and the `W` list).
    public var meaning: String {
        switch self {
        case .starvation: return "a level with a backlog got nothing for N s while a lower level was served"
        case .shareDrift: return "achieved share off its target by more than X points while H, N and L were all backlogged"
        case .unboundedGrowth: return "the queue grew for more than N s: arrivals outpace the drain"
        case .criticalDropped: return "a CRITICAL event dropped by the link or popped past its TTL"
        case .ttlExpiredInQueue: return "events popped after their TTL ran out while they waited in the queue"
        case .alertUnacknowledged: return "a critical alert unacknowledged for more than N s"
        }
    }

    public static func < (a: LintName, b: LintName) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Which warnings are on, and their thresholds (each a command-line flag).
public struct WarningSettings: Equatable, Sendable {
    /// The warnings evaluated (all by default; `--allow NAME` removes one, `--warn NAME` adds it back).
    public var enabled: Set<LintName> = Set(LintName.allCases)
    /// `starvation`: seconds a backlogged level goes unserved while a lower one is served.
    public var starvationSeconds = 5
    /// `share-drift`: points (percent) an achieved share may be off its target…
    public var shareDriftPoints = 8
    /// …over a window of this many seconds in which all of HIGH, NORMAL, LOW were backlogged.
    public var shareDriftWindowSeconds = 10
    /// `unbounded-growth`: seconds of sustained growth.
    public var growthSeconds = 15
    /// `alert-unacknowledged`: seconds an alert may wait for `x`.
    public var unacknowledgedSeconds = 60
    /// Seconds a cleared warning stays on screen (marked cleared) after its condition ended.
    public var holdSeconds = 60

    /// Events served with all levels backlogged that a share-drift window needs before it judges.
    public static let shareDriftMinimumEvents = 100

    public init() {}
}

/// One warning as shown: a lint on a level (or on the node), with its one-line reason.
public struct Warning: Equatable, Sendable {
    public var name: LintName
    /// The level it is about, nil for the node as a whole.
    public var level: PriorityLevel?
    /// The one-line reason, as of the last evaluation in which it held.
    public var reason: String
    /// Its condition holds now.
    public var active: Bool
    /// When it last started to hold, and when it last held (seconds since the epoch).
    public var since: UInt64
    public var lastSeen: UInt64
    /// Times it started to hold.
    public var fired: Int

    public init(name: LintName, level: PriorityLevel?, reason: String, active: Bool, since: UInt64, lastSeen: UInt64, fired: Int) {
        self.name = name
        self.level = level
        self.reason = reason
        self.active = active
        self.since = since
        self.lastSeen = lastSeen
        self.fired = fired
    }

    /// "starvation NORMAL", "unbounded-growth".
    public var title: String { name.name + (level.map { " " + $0.name } ?? "") }
}

/// Tracks what the warnings are computed from (served levels per pop, backlogged windows,
/// growth, expiries, drops) and holds the warnings as last evaluated. Lives in the node model;
/// folded from the node's pops and delay samples, evaluated at each observation with the
/// app's settings. Starvation and growth read the signals the queue pane shows (oldest age,
/// net rate, time to drain), not a second copy.
public struct WarningTracker: Equatable, Sendable {
    /// Per level CRITICAL…LOW: the second it was last served, and the second a lower level was
    /// last served.
    var lastServed: [UInt64?] = [nil, nil, nil, nil]
    var lastServedLower: [UInt64?] = [nil, nil, nil, nil]
    /// Per second: H/N/L served in steps where all three were backlogged.
    var allBacklogged: [(second: UInt64, served: [Int])] = []
    /// When the queue started to grow without a break (the model's `sustainedGrowth`).
    var growthSince: UInt64?
    /// Events popped past their TTL, per level, in all; and CRITICAL drops seen.
    public private(set) var expiredInQueue = [0, 0, 0, 0]
    var expiredSeen = [0, 0, 0, 0]
    var droppedCriticalsSeen = 0
    var expiredCriticalsSeen = 0
    /// The longest wait past TTL seen (ms).
    var longestExpiredWait: UInt64 = 0
    /// Every warning that has fired, active first then most recent.
    public private(set) var warnings: [Warning] = []

    public init() {}

    public static func == (a: WarningTracker, b: WarningTracker) -> Bool {
        a.warnings == b.warnings && a.expiredInQueue == b.expiredInQueue
    }

    /// A pop: which levels were served, and which were waiting.
    mutating func note(_ p: PopResult) {
        var served = [0, 0, 0, 0]
        for l in p.levels { served[l.rawValue] += 1 }
        for l in 0..<4 where served[l] > 0 { lastServed[l] = p.time }
        if let lowest = (0..<4).last(where: { served[$0] > 0 }) {
            for l in 0..<lowest { lastServedLower[l] = p.time }
        }
        // All backlogged: each of HIGH, NORMAL, LOW had enough waiting to fill the pop alone,
        // so each was entitled to exactly its weight of it.
        if let pending = p.pendingByLevel, pending.count == 4, (1...3).allSatisfy({ pending[$0] >= max(1, p.asked) }) {
            let hnl = [served[1], served[2], served[3]]
            if let last = allBacklogged.last, last.second == p.time {
                for i in 0..<3 { allBacklogged[allBacklogged.count - 1].served[i] += hnl[i] }
            } else {
                allBacklogged.append((p.time, hnl))
            }
            if allBacklogged.count > 600 { allBacklogged.removeFirst(allBacklogged.count - 600) }
        }
    }

    /// Waits measured: events that left the queue past their TTL.
    mutating func note(_ samples: DelaySamples) {
        guard samples.stage == .queue else { return }
        for l in 0..<4 { expiredInQueue[l] += samples.expired[safe: l] ?? 0 }
        if samples.expired.contains(where: { $0 > 0 }) {
            longestExpiredWait = max(longestExpiredWait, samples.millis.joined().max() ?? 0)
        }
    }

    /// Evaluates every enabled warning on `model` at `now`.
    public mutating func evaluate(_ model: NodeModel, now: UInt64, settings: WarningSettings) {
        var holding: [(LintName, PriorityLevel?, String)] = []
        let on = settings.enabled

        if on.contains(.starvation) {
            let n = UInt64(max(1, settings.starvationSeconds))
            for l in 0..<3 {
                let level = PriorityLevel(rawValue: l)!
                guard let age = model.oldestAge(level, now: now), age > Int64(n) else { continue }
                let unserved = lastServed[l].map { now >= $0 ? now - $0 : 0 } ?? UInt64(age)
                guard unserved > n, let lower = lastServedLower[l], now >= lower, now - lower <= n,
                      lower > (lastServed[l] ?? 0) else { continue }
                let lowest = (l + 1..<4).last { lastServed[$0] == lower }.map { PriorityLevel(rawValue: $0)!.name } ?? "a lower level"
                let waiting = model.pendingCounts[safe: l] ?? 0
                holding.append((.starvation, level,
                                "\(level.name) got nothing for \(Format.duration(Int64(clamping: unserved))) while \(lowest) was served (\(Names.count(waiting)) waiting, oldest \(Format.duration(age)))"))
            }
        }

        if on.contains(.shareDrift) {
            let window = UInt64(max(1, settings.shareDriftWindowSeconds))
            allBacklogged.removeAll { $0.second + window * 4 < now }
            let inWindow = allBacklogged.filter { $0.second + window > now }
            var served = [0, 0, 0]
            for s in inWindow { for i in 0..<3 { served[i] += s.served[i] } }
            let total = served.reduce(0, +)
            let targets = model.stats.targetShare
            if total >= WarningSettings.shareDriftMinimumEvents, targets.count == 3 {
                let points = (0..<3).map { (Double(served[$0]) / Double(total) - targets[$0]) * 100 }
                if let worst = (0..<3).max(by: { abs(points[$0]) < abs(points[$1]) }), abs(points[worst]) > Double(settings.shareDriftPoints) {
                    let level = PriorityLevel(rawValue: worst + 1)!
                    let achieved = (0..<3).map { "\(Int(saturating: Double(served[$0]) * 100 / Double(total)))" }.joined(separator: "/")
                    let target = targets.map { "\(Int(saturating: $0 * 100))" }.joined(separator: "/")
                    holding.append((.shareDrift, level,
                                    "\(level.name) at \(Format.percent(Double(served[worst]) / Double(total))) of its \(Format.percent(targets[worst])) with all levels backlogged (H/N/L \(achieved) vs \(target), last \(window)s)"))
                }
            }
        }

        if on.contains(.unboundedGrowth) {
            if model.sustainedGrowth {
                let since = growthSince ?? now
                growthSince = since
                // The growth started a rate window before it was first seen as sustained.
                let seen = now >= since ? now - since : 0
                let lasted = seen > UInt64.max - UInt64(NodeModel.rateWindow) ? UInt64.max : seen + UInt64(NodeModel.rateWindow)
                if lasted > UInt64(max(1, settings.growthSeconds)) {
                    let net = model.netRates?.reduce(0, +) ?? 0
                    var reason = "queue growing \(Names.count(Int(saturating: net)))/s for \(Format.duration(Int64(clamping: lasted))) (in > out)"
                    if let drain = model.secondsToDrain, let out = model.poppedRate {
                        reason += "; \(Names.count(model.pending)) queued take \(Format.duration(drain)) at \(Names.count(Int(saturating: out)))/s"
                    }
                    let grows = (0..<4).filter { model.levelGrows(PriorityLevel(rawValue: $0)!) }
                    holding.append((.unboundedGrowth, grows.count == 1 ? PriorityLevel(rawValue: grows[0])! : nil, reason))
                }
            } else {
                growthSince = nil
            }
        }

        if on.contains(.criticalDropped) {
            let dropped = model.alerts.filter { $0.linkFate == .dropped }.count
            let expired = expiredInQueue[0]
            if dropped > droppedCriticalsSeen || expired > expiredCriticalsSeen {
                var parts: [String] = []
                if dropped > 0 { parts.append("\(Names.count(dropped)) dropped by the link") }
                if expired > 0 { parts.append("\(Names.count(expired)) popped past their TTL") }
                holding.append((.criticalDropped, .critical, "CRITICAL lost: " + parts.joined(separator: ", ")))
            }
            droppedCriticalsSeen = dropped
            expiredCriticalsSeen = expired
        }

        if on.contains(.ttlExpiredInQueue) {
            let fresh = (0..<4).filter { expiredInQueue[$0] > expiredSeen[$0] }
            if !fresh.isEmpty {
                let total = expiredInQueue.reduce(0, +)
                let letters = (0..<4).filter { expiredInQueue[$0] > 0 }.map { "\(PriorityLevel(rawValue: $0)!.letter) \(Names.count(expiredInQueue[$0]))" }
                holding.append((.ttlExpiredInQueue, fresh.count == 1 ? PriorityLevel(rawValue: fresh[0])! : nil,
                                "\(Names.count(total)) events left the queue past their TTL (\(letters.joined(separator: " "))), longest wait \(QueueDelays.format(millis: longestExpiredWait))"))
            }
            expiredSeen = expiredInQueue
        }

        if on.contains(.alertUnacknowledged) {
            let n = UInt64(max(1, settings.unacknowledgedSeconds))
            let old = model.alerts.filter { !$0.acknowledged && now >= $0.event.timestamp.seconds && now - $0.event.timestamp.seconds > n }
            if let oldest = old.min(by: { $0.event.timestamp.seconds < $1.event.timestamp.seconds }) {
                holding.append((.alertUnacknowledged, .critical,
                                "\(Names.count(old.count)) alert\(old.count == 1 ? "" : "s") unacknowledged for over \(Format.duration(Int64(n))) (oldest \(Format.duration(Int64(now - oldest.event.timestamp.seconds))), x acknowledges)"))
            }
        }

        // Merge: what holds is active (fired again when it was not); the rest is cleared, and
        // forgotten from the screen after the hold time (kept in the list with its count).
        for i in warnings.indices { warnings[i].active = false }
        for (name, level, reason) in holding {
            if let i = warnings.firstIndex(where: { $0.name == name && $0.level == level }) {
                if warnings[i].lastSeen + 1 < now || warnings[i].fired == 0 { warnings[i].since = now; warnings[i].fired += 1 }
                warnings[i].active = true
                warnings[i].reason = reason
                warnings[i].lastSeen = now
            } else {
                warnings.append(Warning(name: name, level: level, reason: reason, active: true, since: now, lastSeen: now, fired: 1))
            }
        }
        warnings.removeAll { !on.contains($0.name) }
        warnings.sort { a, b in
            if a.active != b.active { return a.active }
            if a.lastSeen != b.lastSeen { return a.lastSeen > b.lastSeen }
            return a.name < b.name
        }
    }

    /// The warnings to show at `now`: active ones, then those cleared within the hold time.
    public func shown(now: UInt64, settings: WarningSettings) -> [Warning] {
        warnings.filter { $0.active || now <= $0.lastSeen + UInt64(max(0, settings.holdSeconds)) }
    }
}
