import Foundation
import PeatEvents

/// The one place where the console touches the core: it owns the emitter, the demo
/// generator, the alert log and the pop log, performs effects, and takes snapshots.
public final class Session {
    public let emitter: EventEmitter
    private var generator: DemoScenario?
    private var random: SplitMix64
    var alerts: [AlertRecord] = []                   // oldest first (StreamIntake.swift adds stream criticals)
    private var popLog: [PopStep] = []               // oldest first
    private var history: [[Int]] = [[], [], [], []]
    private var steps = 0
    var emitted = 0
    private var popped = 0
    private var errors = 0
    private var telemetryPresses = 0
    private var lastTime: PeatTimestamp?
    private var lastSecond: UInt64?
    private var drainBudget = 0.0
    private var rateSamples: [(second: UInt64, emitted: Int, popped: Int)] = []
    /// Events per second over the last few seconds; nil until two samples a second or more
    /// apart exist (a clock that has not moved gives no rate).
    private var emittedRate: Double?
    private var poppedRate: Double?
    /// Bumped on every change a snapshot would show.
    public internal(set) var version = 0
    /// Live stream input and the popped events kept for export (StreamIntake.swift).
    var intake = StreamIntake()
    /// The link to the parent tier: popped events queue here and go as its tokens allow.
    private(set) var link: LinkTransmitter

    /// Alerts kept (oldest dropped first).
    public static let alertCapacity = 500
    /// Pop-log entries kept.
    public static let popLogCapacity = 200
    /// Depth samples kept per level (one a second).
    public static let historyCapacity = 240
    /// The longest stretch of time one wake-up may simulate, seconds (a stall must not flood).
    public static let maxStep = 1.0

    /// A session for `options`, reading time from `clock`.
    public init(options: ConsoleOptions, clock: any EventClock) {
        emitter = EventEmitter(nodeID: options.nodeID, formationID: options.formationID,
                               policy: options.policy, clock: clock, storeLimits: options.storeLimits)
        generator = options.scenario == .demo ? DemoScenario(seed: options.seed) : nil
        random = SplitMix64(seed: options.seed ^ 0x5EED_C0DE)
        link = LinkTransmitter(totalBytesPerSecond: options.linkBytesPerSecond, limits: options.linkQueueLimits, clock: clock)
        switch options.export {
        case .currentDirectory: break
        case .directory(let path): intake.exportDirectory = path
        case .off: exportOff = true
        }
    }

    /// `e` writes nothing (snapshot without `--export-dir`).
    var exportOff = false

    /// Performs `effect`; returns a status line describing the outcome, if any.
    @discardableResult
    public func perform(_ effect: Effect) -> (text: String, isError: Bool)? {
        switch effect {
        case .inject(let level):
            let e = Session.manual(level)
            return emit(e, injected: true).map { ("injected \(level.name) \(e.eventType) as \($0)", false) } ?? lastError
        case .injectTelemetry:
            let metrics = DemoScenario.metrics
            let metric = metrics[telemetryPresses % metrics.count]
            telemetryPresses += 1
            let value = 20 + random.below(600) / 10
            let payload = Data("\(metric)=\(value).\(random.below(10)) (manual)".utf8)
            let e = DemoEmission(kind: .telemetry(metric), payload: payload)
            return emit(e, injected: true).map { ("injected telemetry.\(metric) as \($0) (local store)", false) } ?? lastError
        case .burst(let count):
            var made: [Int] = [0, 0, 0, 0, 0]
            for e in burst(count) {
                if emit(e, injected: true) != nil { made[Session.slot(e)] += 1 }
            }
            return ("burst: \(made.reduce(0, +)) events (C\(made[0]) H\(made[1]) N\(made[2]) L\(made[3]) + \(made[4]) telemetry)", false)
        case .pop(let max):
            let step = pop(max: max, automatic: false)
            if step.got == 0 { return ("step #\(step.number): asked \(max), got nothing (queue \(emitter.pendingCount == 0 ? "empty" : "not empty"))", step.short) }
            return ("step #\(step.number): asked \(max), got \(step.got)", false)
        case .setPolicy(let policy):
            emitter.setPolicy(policy)
            version += 1
            return ("scheduling policy: \(policy)", false)
        case .acknowledge(let key):
            // By the alert's own key: event ids come from outside and may repeat.
            let index = key.map { key in alerts.firstIndex { $0.key == key } }
                ?? alerts.lastIndex { !$0.acknowledged }
            guard let i = index else {
                return key == nil ? ("no unacknowledged alerts", false) : ("that alert is no longer kept", true)
            }
            guard !alerts[i].acknowledged else {
                let left = alerts.reduce(0) { $0 + ($1.acknowledged ? 0 : 1) }
                return (left == 0 ? "no unacknowledged alerts" : "already acknowledged (\(left) unacknowledged)", false)
            }
            alerts[i].acknowledged = true
            version += 1
            return ("acknowledged \(alerts[i].event.eventType) \(alerts[i].eventID)", false)
        case .advance(let time, let generate, let drainRate, let batch):
            advance(to: time, generate: generate, drainRate: drainRate, batch: batch)
            return nil
        case .ingest(let delivery):
            return ingest(delivery)
        case .export:
            return exportFiles()
        }
    }

    private var injectedCount = 0

    /// The next `"<node>-inject-<n>"` not held by the local store.
    private func nextInjectedID() -> String {
        while true {
            injectedCount += 1
            let id = "\(emitter.nodeID)-inject-\(injectedCount)"
            if emitter.getLocal(id) == nil { return id }
        }
    }

    private var alertsArrived = 0

    /// Keeps `event` as an alert with the next arrival key (oldest dropped past the capacity).
    func addAlert(_ event: PeatEvent) {
        alertsArrived += 1
        alerts.append(AlertRecord(event: event, key: alertsArrived))
        if alerts.count > Session.alertCapacity { alerts.removeFirst(alerts.count - Session.alertCapacity) }
    }

    private var lastErrorText = ""
    private var lastError: (text: String, isError: Bool) { (lastErrorText, true) }

    /// Emits `emission`; records criticals as alerts. Returns the id, nil on error.
    ///
    /// `injected` (keys `1`–`4`, `t`, `b`): the event gets an id of its own,
    /// `"<node>-inject-<n>"`, never the emitter's `"<node>-<n>"` that live streams and the demo
    /// use, and never one the local store already holds, so an injected event cannot replace
    /// a stream's stored event.
    @discardableResult
    func emit(_ emission: DemoEmission, injected: Bool = false) -> String? {
        do {
            let id: String
            var event: PeatEvent?
            if injected {
                id = nextInjectedID()
                let e = emission.makeEvent(id: id, timestamp: emitter.clock.now(),
                                           nodeID: emitter.nodeID, formationID: emitter.formationID)
                event = e
                try emitter.emit(e)
            } else {
                id = try emission.emit(into: emitter)
            }
            emitted += 1
            version += 1
            if case .critical = emission.kind {
                let e = event ?? emission.makeEvent(id: id, timestamp: emitter.clock.now(),
                                                    nodeID: emitter.nodeID, formationID: emitter.formationID)
                addAlert(e)
            }
            return id
        } catch {
            errors += 1
            version += 1
            lastErrorText = "emit failed: \(error)"
            return nil
        }
    }

    /// One `popEvents(max:)`, logged.
    @discardableResult
    func pop(max: Int, automatic: Bool) -> PopStep {
        let pendingBefore = emitter.pendingCount
        let events = emitter.popEvents(max: max)
        popped += events.count
        intake.recordPopped(events)
        for e in events {
            let outcome = link.enqueue(e)
            if e.priorityLevel == .critical { setFate(outcome == .rejected ? .dropped : .waiting, of: e.eventID, from: nil) }
            if case .queuedAfterDropping(let victim) = outcome, victim.priorityLevel == .critical { setFate(.dropped, of: victim.eventID, from: .waiting) }
        }
        transmit(now: emitter.clock.now())
        let levels = events.prefix(PopStep.keptLevels).map(\.priorityLevel)
        if events.contains(where: { $0.priorityLevel == .critical }) {
            // Popped criticals, oldest first, each to the oldest unsent alert with its id (ids
            // may repeat across producers; the queue is FIFO per level).
            for e in events where e.priorityLevel == .critical {
                if let i = alerts.firstIndex(where: { !$0.sent && $0.eventID == e.eventID }) { alerts[i].sent = true }
            }
        }
        let short = events.count < Swift.min(max, pendingBefore)
        let now = emitter.clock.now().seconds
        if let last = popLog.last, last.got == 0, events.isEmpty, last.asked == max, last.automatic == automatic, automatic {
            popLog[popLog.count - 1].repeats += 1
            popLog[popLog.count - 1].time = now
        } else {
            steps += 1
            popLog.append(PopStep(number: steps, asked: max, got: events.count, levels: Array(levels),
                                  automatic: automatic, short: short, time: now))
            if popLog.count > Session.popLogCapacity { popLog.removeFirst(popLog.count - Session.popLogCapacity) }
        }
        version += 1
        return popLog[popLog.count - 1]
    }

    /// Lets time pass: the generator runs, auto-drain pops at `drainRate` events/s (fractional
    /// budget carried), and once a second the depth history and rates are sampled.
    func advance(to time: PeatTimestamp, generate: Bool, drainRate: Int, batch: Int) {
        let dt = lastTime.map { Swift.min(Session.maxStep, Swift.max(0, Session.seconds(from: $0, to: time))) } ?? 0
        lastTime = time
        // TTL runs on the clock, paused or not: nothing expired stays on screen.
        if emitter.expireLocal(now: time) > 0 { version += 1 }
        if generate, dt > 0, var g = generator {
            for e in g.advance(by: dt) { emit(e) }
            generator = g
        }
        if drainRate > 0 {
            // The link takes one popEvents(max: batch) every batch/drainRate seconds: the
            // budget fills at drainRate events/s and each pop spends a whole batch.
            drainBudget = Swift.min(Double(Swift.max(batch, drainRate)), drainBudget + Double(drainRate) * dt)
            var rounds = 0
            while drainBudget + 1e-9 >= Double(batch), rounds < 64 {
                if emitter.pendingCount == 0 {
                    drainBudget = Swift.min(drainBudget, Double(batch))
                    break
                }
                pop(max: batch, automatic: true)
                drainBudget -= Double(batch)
                rounds += 1
            }
        } else {
            drainBudget = 0
        }
        transmit(now: time)
        if time.seconds != lastSecond {
            lastSecond = time.seconds
            sample(second: time.seconds, running: generate || drainRate > 0)
        }
    }

    /// Sends what the link's tokens allow at `now`; a change the queue pane would show bumps
    /// the version (a link at rest with full buckets changes nothing).
    private func transmit(now: PeatTimestamp) {
        let before = linkPicture
        for e in link.transmit(now: now) where e.priorityLevel == .critical { setFate(.transmitted, of: e.eventID, from: .waiting) }
        if linkPicture != before { version += 1 }
    }

    /// Records what the link did with the critical event `id`'s alert: the oldest alert with
    /// that id still at `from` (ids may repeat across producers; the link is FIFO per level).
    private func setFate(_ fate: AlertRecord.LinkFate, of id: String, from: AlertRecord.LinkFate?) {
        if let i = alerts.firstIndex(where: { $0.eventID == id && $0.linkFate == from }) { alerts[i].linkFate = fate }
    }

    /// The link as the views see it.
    var linkPicture: LinkSnapshot {
        var l = LinkSnapshot()
        l.bytesPerSecond = link.allocation.totalBytesPerSecond
        l.overflow = link.limits.overflow
        l.tokens = PriorityLevel.allCases.map { link.bucket(of: $0).tokens }
        l.capacities = PriorityLevel.allCases.map { link.bucket(of: $0).capacity }
        l.queued = link.queuedCounts
        l.queueCapacities = link.limits.capacities
        l.stats = link.stats
        return l
    }

    /// Seconds from `a` to `b`, exact to the nanosecond (no large-double rounding).
    static func seconds(from a: PeatTimestamp, to b: PeatTimestamp) -> Double {
        // The gap as an unsigned magnitude and a sign: a difference of 2^63 s or more would
        // wrap as an Int64 (0 → 2^64-1 read as -1 s).
        let forward = b.seconds >= a.seconds
        let gap = forward ? b.seconds - a.seconds : a.seconds - b.seconds
        let nanos = Int64(clamping: gap).multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanos.overflow else { return forward ? .infinity : -.infinity }
        // In Doubles: the nanoseconds added to a product near Int64.max would overflow.
        return ((forward ? 1 : -1) * Double(nanos.partialValue) + Double(b.nanos) - Double(a.nanos)) / 1e9
    }

    /// Once a second: the depth history (skipped while idle and unchanged, so an idle console
    /// draws nothing) and the rates.
    private func sample(second: UInt64, running: Bool) {
        var changed = false
        let counts = emitter.pendingCounts
        if running || history[0].isEmpty || (0..<4).contains(where: { history[$0].last != counts[$0] }) {
            for i in 0..<4 {
                history[i].append(i < counts.count ? counts[i] : 0)
                if history[i].count > Session.historyCapacity { history[i].removeFirst() }
            }
            changed = true
        }
        rateSamples.append((second, emitted, popped))
        if rateSamples.count > 6 { rateSamples.removeFirst() }
        if let first = rateSamples.first, let last = rateSamples.last, last.second > first.second {
            let span = Double(last.second - first.second)
            let e = Double(last.emitted - first.emitted) / span
            let p = Double(last.popped - first.popped) / span
            if e != emittedRate || p != poppedRate { changed = true }
            emittedRate = e
            poppedRate = p
        }
        if changed { version += 1 }
    }

    /// A picture of the core for the views, with the browser page for `query`; when `anchor`
    /// is given, where its row (or nearest surviving neighbour) now is among the rows matching
    /// `query`'s filter.
    public func snapshot(query: LocalQuery, anchor: ListAnchor? = nil) -> CoreSnapshot {
        let located = anchor.flatMap { locate($0, typeContains: query.typeContains) }
        let mark = storeMark
        lastStoreMark = mark
        var s = CoreSnapshot()
        s.browserAnchorIndex = located
        s.browserFilter = query.typeContains ?? ""
        s.policy = emitter.policy
        s.pendingCounts = emitter.pendingCounts
        s.pendingByClass = emitter.pendingByClass
        s.depthHistory = history
        s.stats = emitter.schedulerStats
        s.localCount = emitter.localCount
        s.expiredCount = emitter.expiredCount
        s.evictedCount = emitter.evictedCount
        s.replacedCount = emitter.replacedCount
        s.storeCapacity = emitter.storeLimits.capacity
        let page = emitter.localPage(query)
        s.browserRows = page.events
        s.browserTotal = page.totalMatching
        s.browserOffset = query.offset
        s.alerts = alerts.reversed()
        s.popLog = popLog.reversed()
        s.emitted = emitted
        s.popped = popped
        s.emittedRate = emittedRate
        s.poppedRate = poppedRate
        s.errors = errors
        s.stream = intake.status
        s.link = linkPicture
        return s
    }

    // MARK: Following a row of the local store

    /// Store arrivals and removals as of the last snapshot.
    private var lastStoreMark = StoreMark(arrivals: 0, removals: 0)
    /// Rows beyond the expected window searched for an anchored row (covers replaced ids).
    static let anchorSlack = 64
    /// The most rows searched for an anchored row that left its expected window.
    static let anchorScanLimit = 100_000

    /// Counts from which the store's arrivals and removals since the last snapshot follow
    /// (a replaced id counts as neither; `anchorSlack` covers it).
    private struct StoreMark {
        var arrivals: Int
        var removals: Int
    }

    private var storeMark: StoreMark {
        let removals = emitter.expiredCount + emitter.evictedCount
        return StoreMark(arrivals: emitter.localCount + removals, removals: removals)
    }

    /// The index, newest first among the events whose type contains `typeContains`, of the
    /// anchored event, or of its nearest neighbour still stored; nil when none is found.
    ///
    /// Since the last snapshot the row can only have moved down by the events stored since
    /// and up by the events removed since, so only that window of the store is read.
    func locate(_ anchor: ListAnchor, typeContains: String?) -> Int? {
        let mark = storeMark
        let arrived = max(0, mark.arrivals - lastStoreMark.arrivals)
        let removed = max(0, mark.removals - lastStoreMark.removals)
        let reach = anchor.neighbours.count / 2 + 1 + Session.anchorSlack
        let low = max(0, anchor.index - removed - reach)
        let high = anchor.index + arrived + reach
        let window = emitter.localPage(LocalQuery(typeContains: typeContains, offset: low, limit: high - low + 1))
        let ids = window.events.map(\.eventID)
        if let i = ids.firstIndex(of: anchor.id) { return low + i }
        // Still stored but outside the window (an id replaced by a newer event): look further.
        if let e = emitter.getLocal(anchor.id),
           typeContains.map({ e.eventType.lowercased().contains($0.lowercased()) }) ?? true {
            var offset = 0
            while offset < min(window.totalMatching, Session.anchorScanLimit) {
                let page = emitter.localPage(LocalQuery(typeContains: typeContains, offset: offset, limit: 4096))
                if let i = page.events.firstIndex(where: { $0.eventID == anchor.id }) { return offset + i }
                if page.events.isEmpty { break }
                offset += page.events.count
            }
        }
        for id in anchor.neighbours {
            if let i = ids.firstIndex(of: id) { return low + i }
        }
        return nil
    }

    /// The synthetic event a `1`–`4` key injects.
    static func manual(_ level: PriorityLevel) -> DemoEmission {
        switch level {
        case .critical: return DemoEmission(kind: .critical("manual"), payload: Data("injected from the console".utf8))
        case .high: return DemoEmission(kind: .anomaly("manual"), payload: Data("injected from the console".utf8))
        case .normal: return DemoEmission(kind: .product("detection", .propagationSummary, .priorityNormal), payload: Data("class=test conf=1.00 (manual)".utf8))
        case .low: return DemoEmission(kind: .product("track", .propagationFull, .priorityLow), payload: Data("track=T000 (manual)".utf8))
        }
    }

    /// 100 mixed events: 2 CRITICAL, 18 HIGH, 40 NORMAL, 25 LOW, 15 telemetry per hundred,
    /// shuffled by the session's seeded generator.
    func burst(_ count: Int) -> [DemoEmission] {
        let mix: [(Int, Int)] = [(0, 2), (1, 18), (2, 40), (3, 25), (4, 15)]
        var slots: [Int] = []
        for (slot, perHundred) in mix { slots += Array(repeating: slot, count: perHundred * count / 100) }
        while slots.count < count { slots.append(2) }
        for i in stride(from: slots.count - 1, to: 0, by: -1) { slots.swapAt(i, random.below(i + 1)) }
        let metrics = DemoScenario.metrics
        return slots.enumerated().map { n, slot in
            if slot == 4 {
                let m = metrics[n % metrics.count]
                return DemoEmission(kind: .telemetry(m), payload: Data("\(m)=\(random.below(100)) (burst)".utf8))
            }
            var e = Session.manual(PriorityLevel(rawValue: slot)!)
            e.payload = Data("burst \(n + 1)/\(count)".utf8)
            return e
        }
    }

    private static func slot(_ e: DemoEmission) -> Int {
        switch e.kind {
        case .telemetry: return 4
        case .critical: return 0
        case .anomaly: return 1
        case .product(_, _, let p): return p == .priorityLow ? 3 : p == .priorityNormal ? 2 : p == .priorityHigh ? 1 : 0
        }
    }
}
