import Foundation
import Synchronization

/// A node's event emitter (ADR-027): accepts events from software on the node, keeps QUERY
/// and LOCAL events in the local store, and queues SUMMARY and FULL events by priority for
/// the parent tier.
///
/// A port of the reference `EventEmitter` (peat-protocol 0.9.0-rc.7). Synchronous and safe to
/// call from several threads: the queue and the store each sit behind their own lock, as in
/// the reference.
public final class EventEmitter: Sendable {
    /// This node's id; generated event ids are `"<nodeID>-<n>"`.
    public let nodeID: String
    /// The formation this node belongs to.
    public let formationID: String
    /// Where timestamps come from.
    public let clock: any EventClock

    private let queue: Mutex<PriorityEventQueue>
    private let store: Mutex<LocalStore>
    private let counter = Atomic<UInt64>(0)
    /// `event_type` and `payload_type_url` of the typed helpers' recent names, built once
    /// (they are too long for Swift's inline small strings, so building them costs two
    /// allocations an event). A few entries per helper, searched linearly: a node emits few
    /// distinct types, and comparing short names is cheaper than hashing them.
    private let typeNames = Mutex(TypeNameCache())
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
        self.queue = Mutex(PriorityEventQueue(policy: policy))
        self.store = Mutex(LocalStore(limits: storeLimits))
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
        // Moved, not copied, into the queue or store: a copy of an event costs a retain and
        // a release per string.
        let local = event.isStoredLocally
        // An event without a timestamp is dated by its arrival for TTL purposes.
        let receivedAt = local && !event.hasTimestamp ? clock.now().seconds : nil
        var moving: PeatEvent? = consume event
        if local {
            store.withLock { _ = $0.insert(moving.take()!, receivedAt: receivedAt) }
        } else {
            queue.withLock { $0.push(moving.take()!) }
        }
    }

    /// Builds an event with a generated id (`"<nodeID>-<n>"`, n from 1) and the current time,
    /// emits it, and returns its id.
    @discardableResult
    public func emitNew(eventClass: EventClass, eventType: String, routing: AggregationPolicy,
                        payloadTypeURL: String, payload: Data,
                        sourceInstanceID: String? = nil) throws -> String {
        let event = PeatEvent(id: nextEventID(), timestamp: clock.now(), sourceNodeID: nodeID,
                              sourceFormationID: formationID, sourceInstanceID: sourceInstanceID,
                              eventClass: eventClass, eventType: eventType, routing: routing,
                              payloadTypeURL: payloadTypeURL, payload: payload)
        let id = event.eventID
        try emit(event)
        return id
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

    private func emitTyped(_ eventClass: EventClass, _ prefix: String, _ name: String, payload: Data,
                           propagation: PropagationMode, priority: EventPriority,
                           ttl: UInt32, window: UInt32) throws -> String {
        let names = typeNames.withLock { $0.names(prefix: prefix, name: name) }
        var routing = AggregationPolicy()
        routing.propagation = propagation
        routing.priority = priority
        routing.ttlSeconds = ttl
        routing.aggregationWindowMs = window
        return try emitNew(eventClass: eventClass, eventType: names.eventType, routing: routing,
                           payloadTypeURL: names.url, payload: payload)
    }

    /// `"<nodeID>-<n>"`, written straight into the string's storage (ids are built for every
    /// event, so this avoids the intermediate strings of interpolation).
    private func nextEventID() -> String {
        var n = counter.wrappingAdd(1, ordering: .relaxed).newValue
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for UInt64.max
        let count = withUnsafeMutableBytes(of: &digits) { buf -> Int in
            var i = buf.count
            repeat {
                i -= 1
                buf[i] = UInt8(ascii: "0") &+ UInt8(n % 10)
                n /= 10
            } while n > 0
            return buf.count - i
        }
        return withUnsafeBytes(of: &digits) { buf in
            String(unsafeUninitializedCapacity: idPrefix.count + count) { out in
                _ = out.initialize(fromContentsOf: idPrefix)
                for k in 0..<count { out[idPrefix.count + k] = buf[buf.count - count + k] }
                return idPrefix.count + count
            }
        }
    }

    // MARK: Transmitting

    /// Every queued CRITICAL event, oldest first.
    public func popCritical() -> [PeatEvent] {
        queue.withLock { $0.popCritical() }
    }

    /// Every CRITICAL event (even beyond `max`), then what is left of `max` by weighted pop.
    public func popEvents(max: Int) -> [PeatEvent] {
        queue.withLock { q in
            var events = q.popCritical()
            let remaining = max - events.count
            if remaining > 0 { events.append(contentsOf: q.popWeighted(max: remaining)) }
            return events
        }
    }

    /// True when a CRITICAL event is queued.
    public var hasCritical: Bool { queue.withLock { $0.hasCritical } }

    /// Events queued for the parent tier.
    public var pendingCount: Int { queue.withLock { $0.count } }

    /// Queued events per level, CRITICAL, HIGH, NORMAL, LOW.
    public var pendingCounts: [Int] { queue.withLock { $0.counts } }

    /// The timestamp of the oldest queued event per level, CRITICAL…LOW (nil when the level is
    /// empty): the head of each level's FIFO, read without popping.
    public var oldestPendingTimestamps: [PeatTimestamp?] {
        queue.withLock { q in PriorityLevel.allCases.map { q.events(at: $0).first?.timestamp } }
    }

    /// Queued events per event class.
    public var pendingByClass: [EventClass: Int] {
        queue.withLock { $0.countsByClass }
    }

    /// The scheduler in use.
    public var policy: SchedulingPolicy { queue.withLock { $0.policy } }

    /// Switches the scheduler; queued events are kept.
    public func setPolicy(_ policy: SchedulingPolicy) {
        queue.withLock { $0.setPolicy(policy) }
    }

    /// What the scheduler has done so far.
    public var schedulerStats: SchedulerStats { queue.withLock { $0.statistics } }

    // MARK: Local store

    /// Events in the local store.
    public var localCount: Int { store.withLock { $0.count } }

    /// Stored events of `eventType` (all when nil), in arrival order. A type query costs
    /// O(matches).
    public func queryLocal(eventType: String?) -> [PeatEvent] {
        store.withLock { s in
            if let eventType { return s.events(ofType: eventType) }
            return s.all()
        }
    }

    /// The stored event with `id`.
    public func getLocal(_ id: String) -> PeatEvent? {
        store.withLock { $0.event(id: id) }
    }

    /// One page of the local store, for browsing (expired events stay until `expireLocal`).
    public func localPage(_ query: LocalQuery) -> LocalPage {
        store.withLock { $0.page(query) }
    }

    // MARK: TTL, capacity, queries

    /// The local store's bounds.
    public var storeLimits: StoreLimits { store.withLock { $0.limits } }

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
        return store.withLock { $0.expire(now: seconds) }
    }

    /// Stored events removed by TTL expiry over the emitter's life.
    public var expiredCount: Int { store.withLock { $0.expiredCount } }

    /// Stored events evicted (oldest first) to stay within `storeLimits.capacity`.
    public var evictedCount: Int { store.withLock { $0.evictedCount } }

    /// Stored events replaced by a later LOCAL or QUERY event with the same id.
    public var replacedCount: Int { store.withLock { $0.replacedCount } }

    /// Answers `query` from the local store: expired events are removed first (and counted),
    /// then the filters are applied from the most selective index. See `EventFilters.matches`
    /// for the meaning of each filter: time bounds are exclusive, `limit` 0 is no limit,
    /// events come in arrival order, `truncated` says the limit left matches out.
    public func query(_ query: EventQuery) -> EventQueryResponse {
        let seconds = clock.now().seconds
        let result = store.withLock { s in
            s.expire(now: seconds)
            return s.query(query.filters, limit: Int(query.limit))
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

/// The typed helpers' recently built type names (see `EventEmitter.typeNames`).
private struct TypeNameCache: Sendable {
    private struct Entry: Sendable {
        var prefix: String
        var name: String
        var eventType: String
        var url: String
    }

    private var entries: [Entry] = []
    private var nextVictim = 0
    private static let capacity = 16

    /// `prefix + name` and `"type.peat/" + prefix + name`, from the cache when recently built.
    mutating func names(prefix: String, name: String) -> (eventType: String, url: String) {
        for e in entries where e.name == name && e.prefix == prefix {
            return (e.eventType, e.url)
        }
        let eventType = prefix + name
        let entry = Entry(prefix: prefix, name: name, eventType: eventType, url: "type.peat/" + eventType)
        if entries.count < Self.capacity {
            entries.append(entry)
        } else {
            entries[nextVictim] = entry
            nextVictim = (nextVictim + 1) % Self.capacity
        }
        return (entry.eventType, entry.url)
    }
}
