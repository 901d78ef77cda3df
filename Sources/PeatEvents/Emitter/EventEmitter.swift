import Foundation
import Synchronization

/// A node's event emitter (ADR-027): accepts events from software on the node, keeps QUERY
/// and LOCAL events in the local store, and queues SUMMARY and FULL events by priority for
/// the parent tier.
///
/// A port of the reference `EventEmitter` (peat-protocol 0.9.0-rc.7). Synchronous and safe to
/// call from several threads: the queue and the store sit behind one lock (the reference
/// has one per structure and a third for the id counter; here an emit takes one lock once).
public final class EventEmitter: Sendable {
    /// This node's id; generated event ids are `"<nodeID>-<n>"`.
    public let nodeID: String
    /// The formation this node belongs to.
    public let formationID: String
    /// Where timestamps come from.
    public let clock: any EventClock

    /// The queue, the store, the id counter and the type-name cache, behind one lock: an emit
    /// takes it once (the id, the names and the filing happen under it), and the emitter's
    /// readers see the queue and the store as of one moment.
    private let core: Mutex<Core>
    /// `"<nodeID>-"` as UTF-8, the prefix of generated ids.
    private let idPrefix: [UInt8]

    /// Creates an emitter with an empty queue and store.
    /// - Parameters:
    ///   - policy: the scheduler of weighted pops (`.reference` is the Peat node's).
    ///   - clock: the time for timestamps and TTL expiry.
    ///   - storeLimits: the local store's capacity (default one million events; past it the
    ///     oldest are evicted and counted in `evictedCount`).
    public init(nodeID: String, formationID: String, policy: SchedulingPolicy = .reference,
                clock: any EventClock = SystemClock(), storeLimits: StoreLimits = .standard) {
        self.nodeID = nodeID
        self.formationID = formationID
        self.clock = clock
        self.core = Mutex(Core(queue: PriorityEventQueue(policy: policy), store: LocalStore(limits: storeLimits)))
        self.idPrefix = Array((nodeID + "-").utf8)
    }

    // MARK: Emitting

    /// Routes `event` by its propagation: LOCAL and QUERY to the local store (replacing an
    /// event with the same id), SUMMARY and FULL (and an absent or unknown propagation) to
    /// the outbound queue at its priority.
    /// - Throws: `EmitterError` (operation `emit`, field `event_id`) when the id is empty;
    ///   nothing is stored then.
    public func emit(_ event: consuming PeatEvent) throws {
        guard !event.eventID.isEmpty else {
            throw EmitterError(operation: "emit", field: "event_id", message: "Event must have an event_id")
        }
        // The routing is read once (each generated accessor copies the optional message).
        let hasRouting = event.hasRouting
        let routing = event.routing
        let local: Bool
        if hasRouting {
            switch routing.propagation {
            case .propagationQuery, .propagationLocal: local = true
            default: local = false
            }
        } else {
            local = false
        }
        if local {
            // An event without a timestamp is dated by its arrival for TTL purposes.
            let hasTimestamp = event.hasTimestamp
            let second: UInt64? = hasTimestamp ? event.timestamp.seconds : nil
            let born = second ?? clock.now().seconds
            let deadline = LocalStore.deadline(ttl: routing.ttlSeconds, born: born)
            let instance: String? = event.hasSourceInstanceID ? event.sourceInstanceID : nil
            // Moved, not copied, into the store or the queue: a copy of an event costs a
            // retain and a release per string.
            var moving: PeatEvent? = consume event
            core.withLock { _ = $0.store.insert(moving.take()!, second: second, instance: instance, deadline: deadline) }
        } else {
            let level = hasRouting ? PriorityLevel(routing.priority) : .normal
            var moving: PeatEvent? = consume event
            core.withLock { $0.queue.push(moving.take()!, at: level) }
        }
    }

    /// Builds an event with a generated id (`"<nodeID>-<n>"`, n from 1) and the current time,
    /// emits it, and returns its id.
    @discardableResult
    public func emitNew(eventClass: EventClass, eventType: String, routing: AggregationPolicy,
                        payloadTypeURL: String, payload: Data,
                        sourceInstanceID: String? = nil) throws -> String {
        let now = clock.now()
        let filing = Filing(routing: routing, now: now)
        return core.withLock { core in
            let id = core.nextEventID(prefix: idPrefix)
            core.file(filing, id: id, eventClass: eventClass, eventType: eventType, instance: sourceInstanceID) { e in
                // As PeatEvent(id:timestamp:…) sets them, but in place (see `Core.file`).
                e.eventID = id
                e.timestamp = now
                e.sourceNodeID = nodeID
                e.sourceFormationID = formationID
                if let sourceInstanceID { e.sourceInstanceID = sourceInstanceID }
                e.eventClass = eventClass
                e.eventType = eventType
                e.routing = routing
                e.payloadTypeURL = payloadTypeURL
                e.payloadValue = payload
            }
            return id
        }
    }

    /// Emits a PRODUCT event `product.<type>`: TTL 300 s, aggregation window 1000 ms when
    /// SUMMARY, else 0.
    @discardableResult
    public func emitProduct(_ productType: String, payload: Data, propagation: PropagationMode,
                            priority: EventPriority) throws -> String {
        try emitTyped(.product, "product.", productType, payload: payload, propagation: propagation,
                      priority: priority, ttl: 300,
                      window: propagation == .propagationSummary ? 1000 : 0)
    }

    /// Emits a TELEMETRY event `telemetry.<metric>`: QUERY, LOW, TTL 3600 s (kept locally).
    @discardableResult
    public func emitTelemetry(_ metricName: String, payload: Data) throws -> String {
        try emitTyped(.telemetry, "telemetry.", metricName, payload: payload,
                      propagation: .propagationQuery, priority: .priorityLow, ttl: 3600, window: 0)
    }

    /// Emits an ANOMALY event `anomaly.<type>`: FULL, HIGH, TTL 600 s.
    @discardableResult
    public func emitAnomaly(_ anomalyType: String, payload: Data) throws -> String {
        try emitTyped(.anomaly, "anomaly.", anomalyType, payload: payload,
                      propagation: .propagationFull, priority: .priorityHigh, ttl: 600, window: 0)
    }

    /// Emits an ANOMALY event `critical.<type>`: FULL, CRITICAL, TTL 300 s.
    @discardableResult
    public func emitCritical(_ eventType: String, payload: Data) throws -> String {
        try emitTyped(.anomaly, "critical.", eventType, payload: payload,
                      propagation: .propagationFull, priority: .priorityCritical, ttl: 300, window: 0)
    }

    /// The typed helpers: one lock for the id, the cached type names and the filing; the
    /// routing, TTL deadline and queue level are known here, not read back from the event.
    private func emitTyped(_ eventClass: EventClass, _ prefix: String, _ name: String, payload: Data,
                           propagation: PropagationMode, priority: EventPriority,
                           ttl: UInt32, window: UInt32) throws -> String {
        var routing = AggregationPolicy()
        routing.propagation = propagation
        routing.priority = priority
        routing.ttlSeconds = ttl
        routing.aggregationWindowMs = window
        let now = clock.now()
        let filing = Filing(propagation: propagation, priority: priority, ttl: ttl, now: now)
        return core.withLock { core in
            let id = core.nextEventID(prefix: idPrefix)
            let kind = Kind(prefix: prefix, name: name, propagation: propagation, priority: priority)
            let (entry, evicted) = core.names.entry(of: kind)
            if let evicted { core.queue.unpinTemplate(evicted) }
            if !filing.local && now.unknownFields.data.isEmpty {
                // Queued as a slot of the kind's template (see `QueuedSlot`).
                let template: Int32
                if let t = core.names.template(entry) {
                    template = t
                } else {
                    let names = core.names.names(entry)
                    template = core.queue.addTemplate(EventTemplate(
                        sourceNodeID: nodeID, sourceFormationID: formationID, eventClass: eventClass,
                        eventType: names.eventType, routing: routing, payloadTypeURL: names.url))
                    core.names.setTemplate(template, entry)
                }
                core.queue.push(id: id, seconds: now.seconds, nanos: now.nanos, payload: payload, template: template, at: filing.level)
                return id
            }
            let names = core.names.names(entry)
            core.file(filing, id: id, eventClass: eventClass, eventType: names.eventType, instance: nil) { e in
                e.eventID = id
                e.timestamp = now
                e.sourceNodeID = nodeID
                e.sourceFormationID = formationID
                e.eventClass = eventClass
                e.eventType = names.eventType
                e.routing = routing
                e.payloadTypeURL = names.url
                e.payloadValue = payload
            }
            return id
        }
    }

    // MARK: Transmitting

    /// Every queued CRITICAL event, oldest first.
    public func popCritical() -> [PeatEvent] {
        core.withLock { $0.queue.popCritical() }
    }

    /// Every CRITICAL event (even beyond `max`), then what is left of `max` by weighted pop.
    public func popEvents(max: Int) -> [PeatEvent] {
        core.withLock { $0.queue.popCriticalThenWeighted(max: max) }
    }

    /// True when a CRITICAL event is queued.
    public var hasCritical: Bool { core.withLock { $0.queue.hasCritical } }

    /// Events queued for the parent tier.
    public var pendingCount: Int { core.withLock { $0.queue.count } }

    /// Queued events per level, CRITICAL, HIGH, NORMAL, LOW.
    public var pendingCounts: [Int] { core.withLock { $0.queue.counts } }

    /// The timestamp of the oldest queued event per level, CRITICAL…LOW (nil when the level is
    /// empty): the head of each level's FIFO, read without popping.
    public var oldestPendingTimestamps: [PeatTimestamp?] {
        core.withLock { c in PriorityLevel.allCases.map { c.queue.oldest(at: $0)?.timestamp } }
    }

    /// Queued events per event class.
    public var pendingByClass: [EventClass: Int] {
        core.withLock { $0.queue.countsByClass }
    }

    /// The scheduler in use.
    public var policy: SchedulingPolicy { core.withLock { $0.queue.policy } }

    /// Switches the scheduler; queued events are kept.
    public func setPolicy(_ policy: SchedulingPolicy) {
        core.withLock { $0.queue.setPolicy(policy) }
    }

    /// What the scheduler has done so far.
    public var schedulerStats: SchedulerStats { core.withLock { $0.queue.statistics } }

    // MARK: Local store

    /// Events in the local store.
    public var localCount: Int { core.withLock { $0.store.count } }

    /// Stored events of `eventType` (all when nil), in arrival order. A type query costs
    /// O(matches).
    public func queryLocal(eventType: String?) -> [PeatEvent] {
        core.withLock { c in
            if let eventType { return c.store.events(ofType: eventType) }
            return c.store.all()
        }
    }

    /// The stored event with `id`.
    public func getLocal(_ id: String) -> PeatEvent? {
        core.withLock { $0.store.event(id: id) }
    }

    /// One page of the local store, for browsing (expired events stay until `expireLocal`).
    public func localPage(_ query: LocalQuery) -> LocalPage {
        core.withLock { $0.store.page(query) }
    }

    // MARK: TTL, capacity, queries

    /// The local store's bounds.
    public var storeLimits: StoreLimits { core.withLock { $0.store.limits } }

    /// Removes every stored event whose TTL has run out at `now` (default: the clock's time)
    /// and returns how many. An event expires when `timestamp.seconds + ttl_seconds < now`
    /// in whole seconds; TTL 0 never expires; an event without a timestamp is dated by its
    /// arrival. Costs O(expired · log n): nothing is scanned.
    ///
    /// `query(_:)` calls this first; `queryLocal`, `getLocal` and `localPage` do not (they
    /// keep the seed's behaviour), so a console calls it on its tick.
    @discardableResult
    public func expireLocal(now: PeatTimestamp? = nil) -> Int {
        let seconds = (now ?? clock.now()).seconds
        return core.withLock { $0.store.expire(now: seconds) }
    }

    /// Stored events removed by TTL expiry over the emitter's life.
    public var expiredCount: Int { core.withLock { $0.store.expiredCount } }

    /// Stored events evicted (oldest first) to stay within `storeLimits.capacity`.
    public var evictedCount: Int { core.withLock { $0.store.evictedCount } }

    /// Stored events replaced by a later LOCAL or QUERY event with the same id.
    public var replacedCount: Int { core.withLock { $0.store.replacedCount } }

    /// Answers `query` from the local store: expired events are removed first (and counted),
    /// then the filters are applied from the most selective index. See `EventFilters.matches`
    /// for the meaning of each filter: time bounds are exclusive, `limit` 0 is no limit,
    /// events come in arrival order, `truncated` says the limit left matches out.
    public func query(_ query: EventQuery) -> EventQueryResponse {
        let seconds = clock.now().seconds
        let result = core.withLock { c in
            c.store.expire(now: seconds)
            return c.store.query(query.filters, limit: Int(query.limit))
        }
        var response = EventQueryResponse()
        response.queryID = query.queryID
        response.responderID = nodeID
        response.events = result.events
        response.totalMatching = UInt32(clamping: result.totalMatching)
        response.truncated = result.truncated
        return response
    }
}

extension EventEmitter {
    /// The emitter's queue, store, scheduler statistics and id counter as of one moment, for
    /// putting it back later (a replay's checkpoints). A copy of values: the queue's and the
    /// store's storage is shared until either side changes, then copied.
    public struct Checkpoint: Sendable {
        fileprivate let core: Core
    }

    /// The emitter's state now.
    public func checkpoint() -> Checkpoint {
        core.withLock { Checkpoint(core: $0) }
    }

    /// Puts the emitter back to `checkpoint` (taken from this emitter or one with the same
    /// node id); the clock is not part of it.
    public func restore(_ checkpoint: Checkpoint) {
        core.withLock { $0 = checkpoint.core }
    }
}

/// Where an event built by the emitter goes, worked out from the routing it was given.
private struct Filing {
    var local: Bool
    var level: PriorityLevel
    var second: UInt64
    var deadline: UInt64?

    init(routing: AggregationPolicy, now: PeatTimestamp) {
        self.init(propagation: routing.propagation, priority: routing.priority, ttl: routing.ttlSeconds, now: now)
    }

    @inline(__always)
    init(propagation: PropagationMode, priority: EventPriority, ttl: UInt32, now: PeatTimestamp) {
        switch propagation {
        case .propagationQuery, .propagationLocal: local = true
        default: local = false
        }
        level = PriorityLevel(priority)
        second = now.seconds
        deadline = LocalStore.deadline(ttl: ttl, born: now.seconds)
    }
}

/// What the emitter's lock guards.
private struct Core: Sendable {
    var queue: PriorityEventQueue
    var store: LocalStore
    /// `event_type` and `payload_type_url` of the typed helpers' recent names, built once
    /// (they are too long for Swift's inline small strings, so building them costs two
    /// allocations an event), and the queue template of each recent kind.
    var names = TypeNameCache()
    /// The last generated id number.
    var counter: UInt64 = 0
    /// The last generated id's UTF-8.
    var idBytes: [UInt8] = []

    init(queue: PriorityEventQueue, store: LocalStore) {
        self.queue = queue
        self.store = store
    }

    /// Files an event built by the emitter (timestamped, routed) without reading it back:
    /// `fill` sets its fields in the queue's or the store's own slot. (Built as a value and
    /// then filed, the event was copied once and the original destroyed — a retain and a
    /// release per field — whatever the ownership annotations said.)
    @inline(__always)
    mutating func file(_ filing: Filing, id: String, eventClass: EventClass, eventType: String,
                       instance: String?, _ fill: (inout PeatEvent) -> Void) {
        if filing.local {
            store.insert(id: id, eventType: eventType, eventClass: eventClass, second: filing.second,
                         instance: instance, deadline: filing.deadline, fill)
        } else {
            queue.push(at: filing.level, eventClass: eventClass, fill)
        }
    }

    /// `"<nodeID>-<n>"` for the next n. The id's UTF-8 is kept and its decimal digits counted
    /// up in place (ids are built for every event: no interpolation, no division per digit).
    mutating func nextEventID(prefix: [UInt8]) -> String {
        counter &+= 1
        if idBytes.isEmpty || counter == 0 {
            // First id, or the counter wrapped: start again from "<prefix>0".
            idBytes = prefix
            idBytes.append(UInt8(ascii: "0"))
            if counter == 0 { return Self.string(idBytes) }
        }
        var i = idBytes.count - 1
        while true {
            if i < prefix.count {
                idBytes.insert(UInt8(ascii: "1"), at: prefix.count)
                break
            }
            if idBytes[i] == UInt8(ascii: "9") {
                idBytes[i] = UInt8(ascii: "0")
                i -= 1
            } else {
                idBytes[i] &+= 1
                break
            }
        }
        return Self.string(idBytes)
    }

    /// `bytes` as a string (invalid UTF-8 repaired, as `String(decoding:as:)` does). An id of
    /// up to 15 ASCII bytes is built as a small (inline) string without a validation pass.
    @inline(__always)
    private static func string(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                buffer.initialize(fromContentsOf: bytes)
            }
        }
    }
}

/// What a typed helper's event is made of besides its id, timestamp and payload: the helper
/// (its `event_type` prefix), the name it was given, and the routing.
private struct Kind: Equatable, Sendable {
    var prefix: String
    var name: String
    var propagation: PropagationMode
    var priority: EventPriority

    /// Same helper, name and routing numbers (numbers: what is encoded). The name first, it
    /// differs most often.
    static func == (a: Kind, b: Kind) -> Bool {
        a.name == b.name && a.propagation.rawValue == b.propagation.rawValue
            && a.priority.rawValue == b.priority.rawValue && a.prefix == b.prefix
    }
}

/// The typed helpers' recently built type names (see `Core.names`), and the queue template of
/// each kind (see `QueuedSlot`). A few entries, searched linearly from the last hit: a node
/// emits few distinct types, and comparing short names is cheaper than hashing them.
private struct TypeNameCache: Sendable {
    private struct Entry: Sendable {
        var kind: Kind
        var eventType: String
        var url: String
        /// The kind's template in the emitter's queue (pinned while here), once made.
        var template: Int32?
    }

    private var entries: [Entry] = []
    private var nextVictim = 0
    private var lastHit = 0
    private static let capacity = 16

    /// The entry of `kind` (made when not recently used); `evicted`: the template of an entry
    /// this lookup replaced, which the caller unpins in the queue.
    @inline(__always)
    mutating func entry(of kind: Kind) -> (entry: Int, evicted: Int32?) {
        if lastHit < entries.count, entries[lastHit].kind == kind { return (lastHit, nil) }
        for i in entries.indices where entries[i].kind == kind {
            lastHit = i
            return (i, nil)
        }
        let eventType = kind.prefix + kind.name
        let entry = Entry(kind: kind, eventType: eventType, url: "type.peat/" + eventType, template: nil)
        var evicted: Int32?
        if entries.count < Self.capacity {
            entries.append(entry)
            lastHit = entries.count - 1
        } else {
            evicted = entries[nextVictim].template
            entries[nextVictim] = entry
            lastHit = nextVictim
            nextVictim = (nextVictim + 1) % Self.capacity
        }
        return (lastHit, evicted)
    }

    /// `prefix + name` and `"type.peat/" + prefix + name` of entry `i`.
    func names(_ i: Int) -> (eventType: String, url: String) { (entries[i].eventType, entries[i].url) }

    /// The queue template of entry `i`, once made.
    func template(_ i: Int) -> Int32? { entries[i].template }

    /// Records `template` as the queue template of entry `i`.
    mutating func setTemplate(_ template: Int32, _ i: Int) { entries[i].template = template }
}
