import Foundation
import Console
import PeatDemo
import PeatEvents
import PeatInputs

/// The in-process node: an emitter with its demo generator, stream and socket inputs and the
/// modelled link. It performs node commands and reports what happened as node events; it
/// keeps the node's own state (queue, store, link, generator, drain budget) and none of the
/// console's (alerts, pop log, history and rates live in `NodeModel`).
public final class LocalNodeSource: NodeSource {
    public let key: NodeKey
    public let emitter: EventEmitter
    private var generator: DemoScenario?
    private var random: SplitMix64
    private var telemetryPresses = 0
    private var lastTime: PeatTimestamp?
    private var drainBudget = 0.0
    /// Live stream input and the popped events kept for export (StreamIntake.swift).
    var intake = StreamIntake()
    /// The link to the parent tier: popped events queue here and go as its tokens allow.
    private(set) var link: LinkTransmitter
    /// Events of the batch being performed, reported together.
    var events: [NodeEvent] = []
    /// Pop times of the events on the link, for their pop → sent waits (WaitClock.swift).
    private var waits = WaitClock()
    /// The demo's cap on a pop while its radio is jammed, as last applied.
    private var demoBatchCap: Int?
    private var emittedInBatch = 0
    private var criticalsInBatch: [PeatEvent] = []

    /// The longest stretch of time one wake-up may simulate, seconds (a stall must not flood).
    public static let maxStep = 1.0

    /// The node for `options`, reading time from `clock`, reporting as `key` (by default the
    /// node id; a comparison's lanes each have their own).
    public init(options: ConsoleOptions, clock: any EventClock, key: NodeKey? = nil) {
        self.key = key ?? NodeKey(options.nodeID)
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

    /// A node over an emitter and link that a program made itself: no demo generator, no
    /// live input; it pops and advances time when asked.
    public init(emitter: EventEmitter, link: LinkTransmitter, seed: UInt64 = 1) {
        key = NodeKey(emitter.nodeID)
        self.emitter = emitter
        generator = nil
        random = SplitMix64(seed: seed ^ 0x5EED_C0DE)
        self.link = link
    }

    public var initialModel: NodeModel {
        NodeModel(nodeID: emitter.nodeID, formationID: emitter.formationID, policy: emitter.policy)
    }

    /// Everything the node keeps between commands (emitter, generator, random numbers, drain
    /// budget, link, live-input counts, inject counters), for a replay's checkpoints.
    public struct Checkpoint: Sendable {
        fileprivate var emitter: EventEmitter.Checkpoint
        fileprivate var generator: DemoScenario?
        fileprivate var random: SplitMix64
        fileprivate var telemetryPresses: Int
        fileprivate var lastTime: PeatTimestamp?
        fileprivate var drainBudget: Double
        fileprivate var intake: StreamIntake
        fileprivate var link: LinkTransmitter
        fileprivate var injectedCount: Int
        fileprivate var waits: WaitClock
        fileprivate var demoBatchCap: Int?
    }

    /// The node's state now.
    public func checkpoint() -> Checkpoint {
        Checkpoint(emitter: emitter.checkpoint(), generator: generator, random: random, telemetryPresses: telemetryPresses,
                   lastTime: lastTime, drainBudget: drainBudget, intake: intake, link: link, injectedCount: injectedCount,
                   waits: waits, demoBatchCap: demoBatchCap)
    }

    /// Puts the node back to `checkpoint` (taken from this node).
    public func restore(_ checkpoint: Checkpoint) {
        emitter.restore(checkpoint.emitter)
        generator = checkpoint.generator
        random = checkpoint.random
        telemetryPresses = checkpoint.telemetryPresses
        lastTime = checkpoint.lastTime
        drainBudget = checkpoint.drainBudget
        intake = checkpoint.intake
        link = checkpoint.link
        injectedCount = checkpoint.injectedCount
        waits = checkpoint.waits
        demoBatchCap = checkpoint.demoBatchCap
        events = []
        emittedInBatch = 0
        criticalsInBatch = []
    }

    public func perform(_ command: NodeCommand) -> [NodeEvent] {
        events = []
        switch command {
        case .inject(let level):
            let e = LocalNodeSource.manual(level)
            if let id = emit(e, injected: true) { report("injected \(level.name) \(e.eventType) as \(id)") }
        case .injectTelemetry:
            let metrics = DemoScenario.metrics
            let metric = metrics[telemetryPresses % metrics.count]
            telemetryPresses += 1
            let value = 20 + random.below(600) / 10
            let payload = Data("\(metric)=\(value).\(random.below(10)) (manual)".utf8)
            let e = DemoEmission(kind: .telemetry(metric), payload: payload)
            if let id = emit(e, injected: true) { report("injected telemetry.\(metric) as \(id) (local store)") }
        case .burst(let count):
            var made: [Int] = [0, 0, 0, 0, 0]
            for e in burst(count) {
                if emit(e, injected: true) != nil { made[LocalNodeSource.slot(e)] += 1 }
            }
            report("burst: \(made.reduce(0, +)) events (C\(made[0]) H\(made[1]) N\(made[2]) L\(made[3]) + \(made[4]) telemetry)")
        case .pop(let max):
            pop(max: max, automatic: false)
        case .setPolicy(let policy):
            emitter.setPolicy(policy)
            report("scheduling policy: \(policy)")
        case .advance(let time, let generate, let drainRate, let batch):
            advance(to: time, generate: generate, drainRate: drainRate, batch: batch)
        case .ingest(let delivery):
            ingest(delivery)
        case .acknowledge:
            break  // a local node's alerts live in the console's model (acknowledged there)
        case .export(let alerts):
            flushEmitted()
            exportFiles(alerts: alerts)
        }
        flushEmitted()
        return events
    }

    private func report(_ text: String, isError: Bool = false) {
        flushEmitted()
        events.append(.report(text, isError: isError))
    }

    /// Reports the emits so far as one `.emitted` event (before whatever follows them).
    private func flushEmitted() {
        guard emittedInBatch > 0 else { return }
        events.append(.emitted(count: emittedInBatch, criticals: criticalsInBatch))
        emittedInBatch = 0
        criticalsInBatch = []
    }

    /// Counts `count` accepted events as emitted; `alerting` (those of them that
    /// `raisesAlert`) raise alerts.
    func noteEmitted(count: Int, alerting: [PeatEvent]) {
        emittedInBatch += count
        criticalsInBatch.append(contentsOf: alerting)
    }

    /// An emitted event raises an alert: a CRITICAL one queued for the parent tier.
    static func raisesAlert(_ event: PeatEvent) -> Bool {
        event.priorityLevel == .critical && !event.isStoredLocally
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

    /// Emits `emission`. Returns the id, nil on error.
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
            emittedInBatch += 1
            if case .critical = emission.kind {
                criticalsInBatch.append(event ?? emission.makeEvent(id: id, timestamp: emitter.clock.now(),
                                                                    nodeID: emitter.nodeID, formationID: emitter.formationID))
            }
            return id
        } catch {
            flushEmitted()
            events.append(.emitFailed("\(error)"))
            return nil
        }
    }

    /// One `popEvents(max:)`, handed to the link.
    func pop(max: Int, automatic: Bool) {
        flushEmitted()
        let pendingBefore = emitter.pendingCount
        let pendingByLevel = emitter.pendingCounts
        let popped = emitter.popEvents(max: max)
        let now = emitter.clock.now()
        // The events are read in place (a loop over copies, or reading an event's level here,
        // costs a retain and a release per string of each), once for the waits and the link.
        let timings = PeatEvent.timings(of: popped)
        let measured = waits.popped(popped, timings: timings, at: now)
        if !popped.isEmpty { events.append(.delays(measured)) }
        var fates: [LinkFateChange] = []
        var criticals: [String] = []
        var levels: [PriorityLevel] = []
        levels.reserveCapacity(Swift.min(popped.count, PopStep.keptLevels))
        // The link keeps a copy of each event; the pop log takes them after.
        popped.withUnsafeBufferPointer { popped in
            for i in popped.indices {
                let level = timings[i].level
                if i < PopStep.keptLevels { levels.append(level) }
                let outcome = link.enqueue(popped[i])
                waits.enqueued(level: level, outcome: outcome, at: now)
                if level == .critical {
                    criticals.append(popped[i].eventID)
                    fates.append(LinkFateChange(eventID: popped[i].eventID, fate: outcome == .rejected ? .dropped : .waiting, from: nil))
                }
                if case .queuedAfterDropping(let victim) = outcome, victim.priorityLevel == .critical {
                    fates.append(LinkFateChange(eventID: victim.eventID, fate: .dropped, from: .waiting))
                }
            }
        }
        let got = popped.count
        intake.recordPopped(consume popped)
        events.append(.popped(PopResult(asked: max, got: got, levels: levels,
                                        pendingBefore: pendingBefore, pendingByLevel: pendingByLevel, automatic: automatic, criticalIDs: criticals,
                                        time: emitter.clock.now().seconds, longestWait: measured.millis.joined().max())))
        if !fates.isEmpty { events.append(.linkFates(fates)) }
        transmit(now: emitter.clock.now())
    }

    /// Lets time pass: TTL expiry, the generator, auto-drain popping at `drainRate` events/s
    /// (fractional budget carried), and the link.
    func advance(to time: PeatTimestamp, generate: Bool, drainRate: Int, batch: Int) {
        let dt = lastTime.map { Swift.min(LocalNodeSource.maxStep, Swift.max(0, LocalNodeSource.seconds(from: $0, to: time))) } ?? 0
        lastTime = time
        // TTL runs on the clock, paused or not: nothing expired stays on screen.
        emitter.expireLocal(now: time)
        if generate, dt > 0, var g = generator {
            for e in g.advance(by: dt) { emit(e) }
            generator = g
        }
        // The demo's jammed radio takes small pops (DemoScenario.batchCap): said when it starts and ends.
        let cap = generator.flatMap { DemoScenario.batchCap(at: $0.elapsed) }
        if cap != demoBatchCap {
            if let cap { report("demo: the radio is jammed — pops of at most \(cap) events for \(Int(DemoScenario.jamLength)) s") }
            else if demoBatchCap != nil { report("demo: jamming over — pops of \(batch) again") }
            demoBatchCap = cap
        }
        let batch = cap.map { Swift.min(batch, $0) } ?? batch
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
    }

    /// Sends what the link's tokens allow at `now`.
    private func transmit(now: PeatTimestamp) {
        let all = link.transmit(now: now)
        let timings = PeatEvent.timings(of: all)
        if !all.isEmpty { events.append(.delays(waits.sent(all, timings: timings, at: now))) }
        var sent: [LinkFateChange] = []
        for (i, t) in timings.enumerated() where t.level == .critical {
            sent.append(LinkFateChange(eventID: all[i].eventID, fate: .transmitted, from: .waiting))
        }
        if !sent.isEmpty { events.append(.linkFates(sent)) }
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

    public func observe(_ request: ObservationRequest) -> NodeObservation {
        let query = request.query
        var o = NodeObservation()
        o.time = emitter.clock.now()
        o.browserAnchorIndex = request.anchor.flatMap { locate($0, typeContains: query.typeContains, since: request.storeMark) }
        o.browserFilter = query.typeContains ?? ""
        o.policy = emitter.policy
        o.pendingCounts = emitter.pendingCounts
        o.pendingByClass = emitter.pendingByClass
        o.oldestQueued = emitter.oldestPendingTimestamps
        o.stats = emitter.schedulerStats
        o.localCount = emitter.localCount
        o.expiredCount = emitter.expiredCount
        o.evictedCount = emitter.evictedCount
        o.replacedCount = emitter.replacedCount
        o.storeCapacity = emitter.storeLimits.capacity
        let page = emitter.localPage(query)
        o.browserRows = page.events
        o.browserTotal = page.totalMatching
        o.browserOffset = query.offset
        o.stream = intake.status
        o.link = linkPicture
        return o
    }

    // MARK: Following a row of the local store

    /// Rows beyond the expected window searched for an anchored row (covers replaced ids).
    static let anchorSlack = 64
    /// The most rows searched for an anchored row that left its expected window.
    static let anchorScanLimit = 100_000

    private var storeMark: StoreMark {
        StoreMark(stored: emitter.localCount, expired: emitter.expiredCount, evicted: emitter.evictedCount)
    }

    /// The index, newest first among the events whose type contains `typeContains`, of the
    /// anchored event, or of its nearest neighbour still stored; nil when none is found.
    ///
    /// Since `last` (the store's counts when the row was last seen) the row can only have
    /// moved down by the events stored since and up by the events removed since, so only that
    /// window of the store is read.
    func locate(_ anchor: ListAnchor, typeContains: String?, since last: StoreMark) -> Int? {
        let mark = storeMark
        let arrived = max(0, mark.arrivals - last.arrivals)
        let removed = max(0, mark.removals - last.removals)
        let reach = anchor.neighbours.count / 2 + 1 + LocalNodeSource.anchorSlack
        let low = max(0, anchor.index - removed - reach)
        let high = anchor.index + arrived + reach
        let window = emitter.localPage(LocalQuery(typeContains: typeContains, offset: low, limit: high - low + 1))
        let ids = window.events.map(\.eventID)
        if let i = ids.firstIndex(of: anchor.id) { return low + i }
        // Still stored but outside the window (an id replaced by a newer event): look further.
        if let e = emitter.getLocal(anchor.id),
           typeContains.map({ e.eventType.lowercased().contains($0.lowercased()) }) ?? true {
            var offset = 0
            while offset < min(window.totalMatching, LocalNodeSource.anchorScanLimit) {
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
            var e = LocalNodeSource.manual(PriorityLevel(rawValue: slot)!)
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
