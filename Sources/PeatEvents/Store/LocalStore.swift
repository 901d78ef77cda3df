import DequeModule

/// A page request over the local store, for browsing.
public struct LocalQuery: Hashable, Sendable {
    /// Only event types containing this text (case-insensitive); nil for all.
    public var typeContains: String?
    /// Matching events to skip.
    public var offset: Int
    /// Matching events to return at most.
    public var limit: Int
    /// Newest first (the default) or oldest first.
    public var newestFirst: Bool

    /// Creates a page request.
    public init(typeContains: String? = nil, offset: Int = 0, limit: Int = 100, newestFirst: Bool = true) {
        self.typeContains = typeContains
        self.offset = offset
        self.limit = limit
        self.newestFirst = newestFirst
    }
}

/// One page of the local store.
public struct LocalPage: Hashable, Sendable {
    /// The events of the page, in the order asked for.
    public var events: [PeatEvent]
    /// How many events match in all.
    public var totalMatching: Int

    /// Creates a page.
    public init(events: [PeatEvent], totalMatching: Int) {
        self.events = events
        self.totalMatching = totalMatching
    }
}

/// The answer of `LocalStore.query(_:limit:)`.
public struct LocalQueryResult: Hashable, Sendable {
    /// The first `limit` matching events, in arrival order.
    public var events: [PeatEvent]
    /// How many events match in all.
    public var totalMatching: Int
    /// True when `events` leaves matches out.
    public var truncated: Bool { totalMatching > events.count }
}

/// The emitter's store of QUERY and LOCAL events.
///
/// - Keyed by event id: a second event with the same id replaces the first (the reference's
///   rule) and counts as a new arrival; every replacement is counted (`replacedCount`). Kept
///   in arrival order.
/// - Indexed by event type, event class, source instance and timestamp second, so a query
///   walks only the smallest matching index (`query(_:limit:)`), and by expiry second (a
///   min-heap), so `expire(now:)` costs O(expired · log n), not a scan.
/// - Bounded: past `limits.capacity` the oldest arrivals are evicted and counted.
///
/// TTL (SPEC.md): an event expires when `timestamp.seconds + ttl_seconds < now` (whole
/// seconds; at exactly `timestamp + ttl` it is still alive). TTL 0 (or no routing) never
/// expires. An event without a timestamp is dated by the `receivedAt` second given to
/// `insert` (the emitter passes its clock's time); without that either, it never expires.
///
/// Events are kept by type: each type's events lie contiguously in its `TypeBucket`, in
/// arrival order, so a type query copies a contiguous run (or hands out the bucket's array
/// itself, shared copy-on-write, when the bucket has no removed entries). A deque of slots
/// numbered by arrival says where each event lies; removal leaves a hole that is reclaimed
/// when it reaches the front. The other indexes keep slot numbers and skip holes.
public struct LocalStore: Sendable {
    private var slots = Deque<Location>()
    /// Arrival number of `slots.first`.
    private var base = 0
    private var byID: [String: Int] = [:]
    /// Bucket of each stored type (an index into `buckets`).
    private var byType: [String: Int] = [:]
    private var buckets: [TypeBucket] = []
    /// Indexes of `buckets` no type uses.
    private var freeBuckets: [Int] = []
    private var byClass: [Int: SeqIndex] = [:]
    private var byInstance: [String: SeqIndex] = [:]
    private var bySecond: [UInt64: SeqIndex] = [:]
    /// The keys of `bySecond`, ascending.
    private var seconds: [UInt64] = []
    private var expiry = ExpiryHeap()

    /// Live events.
    public private(set) var count = 0
    /// Bounds of the store.
    public let limits: StoreLimits
    /// Events removed because their TTL ran out, over the store's life.
    public private(set) var expiredCount = 0
    /// Events evicted to stay within `limits.capacity`, over the store's life.
    public private(set) var evictedCount = 0
    /// Events replaced by a later event with the same id, over the store's life.
    public private(set) var replacedCount = 0

    /// Creates an empty store.
    public init(limits: StoreLimits = .standard) {
        self.limits = limits
    }

    // MARK: Writing

    /// Stores `event`, evicting the oldest events if the store is full; returns the event it
    /// replaced, if one had the same id. `receivedAt` (seconds) dates an event without a
    /// timestamp for expiry.
    @discardableResult
    public mutating func insert(_ event: consuming PeatEvent, receivedAt: UInt64? = nil) -> PeatEvent? {
        let second: UInt64? = event.hasTimestamp ? event.timestamp.seconds : nil
        let instance: String? = event.hasSourceInstanceID ? event.sourceInstanceID : nil
        let deadline = Self.deadline(of: event, receivedAt: receivedAt)
        return insert(event, second: second, instance: instance, deadline: deadline)
    }

    /// `insert(_:receivedAt:)` with what it reads from the event's optional fields given:
    /// its timestamp second (nil: none), its source instance (nil: none) and the last second
    /// it is alive (nil: never expires). The emitter knows them without reading them back.
    @discardableResult
    mutating func insert(_ event: consuming PeatEvent, second: UInt64?, instance: String?,
                         deadline: UInt64?) -> PeatEvent? {
        let id = event.eventID
        let replaced = makeRoom(for: id)
        let seq = base + slots.count
        byClass.add(seq, at: event.eventClass.rawValue)
        let b = bucket(for: event.eventType)
        let position = buckets[b].append(consume event, seq: seq)
        index(seq, id: id, at: Location(bucket: b, position: position), instance: instance, second: second, deadline: deadline)
        return replaced
    }

    /// `insert(_:second:instance:deadline:)` of an event with `id`, `eventType` and
    /// `eventClass` that `fill` sets up in its slot (the emitter builds events in place).
    @discardableResult
    @inline(__always)
    mutating func insert(id: String, eventType: String, eventClass: EventClass, second: UInt64?,
                         instance: String?, deadline: UInt64?, _ fill: (inout PeatEvent) -> Void) -> PeatEvent? {
        let replaced = makeRoom(for: id)
        let seq = base + slots.count
        byClass.add(seq, at: eventClass.rawValue)
        let b = bucket(for: eventType)
        let position = buckets[b].append(seq: seq, fill)
        index(seq, id: id, at: Location(bucket: b, position: position), instance: instance, second: second, deadline: deadline)
        return replaced
    }

    /// Removes the event with `id` (returned) and evicts the oldest while the store is full.
    private mutating func makeRoom(for id: String) -> PeatEvent? {
        let replaced = remove(id: id)
        if replaced != nil { replacedCount += 1 }
        while count >= limits.capacity, removeOldest() != nil { evictedCount += 1 }
        return replaced
    }

    /// Records a new event `seq` in the slots and the remaining indexes.
    private mutating func index(_ seq: Int, id: String, at location: Location, instance: String?,
                                second: UInt64?, deadline: UInt64?) {
        slots.append(location)
        byID[id] = seq
        if let instance { byInstance.add(seq, at: instance) }
        if let second { addSecond(seq, second) }
        if let deadline { expiry.insert(.init(deadline: deadline, seq: seq)) }
        count += 1
    }

    /// The last second `event` is alive, or nil when it never expires.
    static func deadline(of event: PeatEvent, receivedAt: UInt64?) -> UInt64? {
        let ttl = event.hasRouting ? event.routing.ttlSeconds : 0
        guard ttl > 0 else { return nil }
        guard let born = event.hasTimestamp ? event.timestamp.seconds : receivedAt else { return nil }
        return deadline(ttl: ttl, born: born)
    }

    /// `born + ttl`, or nil when the TTL is 0 (never expires) or the sum overflows.
    @inline(__always)
    static func deadline(ttl: UInt32, born: UInt64) -> UInt64? {
        guard ttl > 0 else { return nil }
        let (sum, overflow) = born.addingReportingOverflow(UInt64(ttl))
        return overflow ? nil : sum
    }

    /// Removes and returns the event with `id`.
    @discardableResult
    public mutating func remove(id: String) -> PeatEvent? {
        guard let seq = byID[id] else { return nil }
        return remove(seq: seq)
    }

    private mutating func remove(seq: Int) -> PeatEvent? {
        guard seq >= base, seq - base < slots.count else { return nil }
        let location = slots[seq - base]
        guard location.isLive else { return nil }
        slots[seq - base] = .removed
        let b = location.bucket
        let event = buckets[b].remove(at: location.position)
        if buckets[b].live == 0 {
            byType.removeValue(forKey: event.eventType)
            buckets[b] = TypeBucket()
            freeBuckets.append(b)
        } else if buckets[b].needsCompaction {
            compact(bucket: b)
        }
        byID.removeValue(forKey: event.eventID)
        count -= 1
        unindex(event)
        while let first = slots.first, !first.isLive {
            slots.removeFirst()
            base += 1
        }
        if expiry.count > 2 * count + 1024 { compactExpiry() }
        return event
    }

    /// Removes and returns the oldest event.
    @discardableResult
    public mutating func removeOldest() -> PeatEvent? {
        guard !slots.isEmpty else { return nil }
        return remove(seq: base)
    }

    /// Removes every event that has expired at `now` (whole seconds: expired when
    /// `deadline < now`) and returns how many; they are added to `expiredCount`.
    @discardableResult
    public mutating func expire(now: UInt64) -> Int {
        var removed = 0
        while let top = expiry.min, top.deadline < now {
            expiry.removeMin()
            if remove(seq: top.seq) != nil { removed += 1 }
        }
        expiredCount += removed
        return removed
    }

    /// Empties the store (the counters are kept).
    public mutating func removeAll() {
        slots.removeAll()
        base = 0
        byID.removeAll()
        byType.removeAll()
        buckets.removeAll()
        freeBuckets.removeAll()
        byClass.removeAll()
        byInstance.removeAll()
        bySecond.removeAll()
        seconds.removeAll()
        expiry.removeAll()
        count = 0
    }

    /// Drops `event` (whose slot is already cleared) from the key indexes. The slots are
    /// borrowed by a local copy that ends here, before the caller mutates them again.
    private mutating func unindex(_ event: PeatEvent) {
        let slots = self.slots, base = self.base
        let isLive: (Int) -> Bool = { $0 >= base && slots[$0 - base].isLive }
        byClass.removeOne(at: event.eventClass.rawValue, isLive: isLive)
        if event.hasSourceInstanceID { byInstance.removeOne(at: event.sourceInstanceID, isLive: isLive) }
        if event.hasTimestamp, bySecond.removeOne(at: event.timestamp.seconds, isLive: isLive),
           let i = Self.firstIndex(in: seconds, notBelow: event.timestamp.seconds),
           i < seconds.count, seconds[i] == event.timestamp.seconds {
            seconds.remove(at: i)
        }
    }

    private func isLive(_ seq: Int) -> Bool { seq >= base && slots[seq - base].isLive }

    /// The event at a live location.
    @inline(__always)
    private func event(at location: Location) -> PeatEvent {
        buckets[location.bucket].event(at: location.position)
    }

    /// The event with arrival number `seq`, which must be live.
    @inline(__always)
    private func event(seq: Int) -> PeatEvent { event(at: slots[seq - base]) }

    /// The bucket of `type`, made when the type has none.
    private mutating func bucket(for type: String) -> Int {
        if let b = byType[type] { return b }
        let b: Int
        if let free = freeBuckets.popLast() {
            b = free
        } else {
            b = buckets.count
            buckets.append(TypeBucket())
        }
        byType[type] = b
        return b
    }

    /// Rewrites bucket `b` with its live events only, and their slots with the new positions.
    private mutating func compact(bucket b: Int) {
        var old = TypeBucket()
        swap(&old, &buckets[b])
        var fresh = TypeBucket(firstPosition: old.endPosition, capacity: old.live)
        for i in old.head..<old.seqs.count {
            let seq = old.seqs[i]
            guard seq >= 0 else { continue }
            slots[seq - base].position = fresh.append(old.events[i], seq: seq)
        }
        buckets[b] = fresh
    }

    private mutating func addSecond(_ seq: Int, _ second: UInt64) {
        if bySecond[second] == nil {
            // Timestamps mostly arrive in order: the common case appends.
            if let last = seconds.last, last > second {
                seconds.insert(second, at: Self.firstIndex(in: seconds, notBelow: second) ?? seconds.count)
            } else {
                seconds.append(second)
            }
        }
        bySecond.add(seq, at: second)
    }

    private mutating func compactExpiry() {
        let slots = self.slots, base = self.base
        expiry.filter { $0.seq >= base && slots[$0.seq - base].isLive }
    }

    /// Index of the first element `>= value` in ascending `array` (nil when empty).
    private static func firstIndex(in array: [UInt64], notBelow value: UInt64) -> Int? {
        guard !array.isEmpty else { return nil }
        var lo = 0, hi = array.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if array[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: Reading

    /// The event with `id`.
    public func event(id: String) -> PeatEvent? {
        guard let seq = byID[id] else { return nil }
        return event(seq: seq)
    }

    /// Every event in arrival order.
    public func all() -> [PeatEvent] {
        var out: [PeatEvent] = []
        out.reserveCapacity(count)
        for location in slots where location.isLive { out.append(event(at: location)) }
        return out
    }

    /// The events of `type` in arrival order, in O(matches) — O(1) when none of the type's
    /// events was removed since its first: the result then shares the bucket's storage
    /// (copy-on-write; a later insert of the type copies it if the result is still held).
    public func events(ofType type: String) -> [PeatEvent] {
        guard let b = byType[type] else { return [] }
        return buckets[b].liveEvents()
    }

    /// Live events of `type`.
    public func count(ofType type: String) -> Int { byType[type].map { buckets[$0].live } ?? 0 }

    /// Live events of `eventClass`.
    public func count(ofClass eventClass: EventClass) -> Int { byClass[eventClass.rawValue]?.live ?? 0 }

    /// Live events from source instance `id`.
    public func count(ofSourceInstance id: String) -> Int { byInstance[id]?.live ?? 0 }

    /// The distinct event types stored, sorted.
    public var types: [String] { byType.keys.sorted() }

    /// The oldest event.
    public var oldest: PeatEvent? { slots.first.flatMap { $0.isLive ? event(at: $0) : nil } }

    /// The earliest second at which some stored event will have expired, if any
    /// (may be early after removals; never late).
    public var nextExpiry: UInt64? { expiry.min.map { $0.deadline + 1 } }

    // MARK: Queries

    /// The events matching `filters` (see `EventFilters.matches`), in arrival order: the first
    /// `limit` of them (0: all), with the total count.
    ///
    /// Answered from the most selective index among those the filters name (type, class,
    /// source instance, time range); the other filters are checked on its events only. With a
    /// single filter the total is the index's size and only `limit` events are read.
    public func query(_ filters: EventFilters, limit: Int = 0) -> LocalQueryResult {
        let limit = limit <= 0 ? Int.max : limit
        if filters.hasTimeBound && filters.admittedSeconds == nil {
            return LocalQueryResult(events: [], totalMatching: 0)
        }

        // Candidate lists: (size, sequence source, exact — the list alone decides a match).
        enum Source { case all, bucket(Int), index(SeqIndex), seconds(Range<Int>) }
        var candidates: [(size: Int, source: Source)] = []
        if filters.hasEventType { candidates.append(byType[filters.eventType].map { (buckets[$0].live, .bucket($0)) } ?? (0, .all)) }
        if filters.hasEventClass { candidates.append(byClass[filters.eventClass.rawValue].map { ($0.live, .index($0)) } ?? (0, .all)) }
        if filters.hasSourceInstanceID { candidates.append(byInstance[filters.sourceInstanceID].map { ($0.live, .index($0)) } ?? (0, .all)) }
        if filters.hasTimeBound, let range = filters.admittedSeconds {
            let lo = Self.firstIndex(in: seconds, notBelow: range.lowerBound) ?? 0
            var hi = lo
            var size = 0
            while hi < seconds.count, seconds[hi] <= range.upperBound {
                size += bySecond[seconds[hi]]!.live
                hi += 1
            }
            candidates.append((size, .seconds(lo..<hi)))
        }
        let exact = candidates.count <= 1
        let best = candidates.min(by: { $0.size < $1.size }) ?? (count, .all)
        if best.size == 0 { return LocalQueryResult(events: [], totalMatching: 0) }

        var out: [PeatEvent] = []
        var total = 0
        func visit(_ e: PeatEvent) -> Bool {
            if !exact && !filters.matches(e) { return true }
            total += 1
            if out.count < limit { out.append(e) }
            // With an exact list the total is known: stop once the page is full.
            return !(exact && out.count >= limit)
        }
        switch best.source {
        case .all:
            for location in slots where location.isLive { if !visit(event(at: location)) { break } }
            if exact { total = count }
        case .bucket(let b):
            let bucket = buckets[b]
            for i in bucket.head..<bucket.seqs.count where bucket.seqs[i] >= 0 {
                if !visit(bucket.events[i]) { break }
            }
            if exact { total = bucket.live }
        case .index(let index):
            for seq in index.seqs where isLive(seq) {
                if !visit(event(seq: seq)) { break }
            }
            if exact { total = index.live }
        case .seconds(let keys) where secondsInArrivalOrder(keys):
            // Timestamps arrived in order (the usual case): walk the buckets as they are.
            walk: for k in keys {
                for seq in bySecond[seconds[k]]!.seqs where isLive(seq) {
                    if !visit(event(seq: seq)) { break walk }
                }
            }
            if exact { total = best.size }
        case .seconds(let keys):
            var seqs: [Int] = []
            seqs.reserveCapacity(best.size)
            var sorted = true
            for k in keys {
                for seq in bySecond[seconds[k]]!.seqs where isLive(seq) {
                    if let last = seqs.last, last > seq { sorted = false }
                    seqs.append(seq)
                }
            }
            if !sorted { seqs.sort() }
            for seq in seqs where !visit(event(seq: seq)) { break }
            if exact { total = best.size }
        }
        return LocalQueryResult(events: out, totalMatching: total)
    }

    /// True when the buckets of `keys` hold ascending, non-overlapping arrival ranges, so
    /// reading them in key order reads in arrival order. O(number of buckets).
    private func secondsInArrivalOrder(_ keys: Range<Int>) -> Bool {
        var last = Int.min
        for k in keys {
            let seqs = bySecond[seconds[k]]!.seqs
            guard let first = seqs.first, first > last else { return false }
            last = seqs.last!
        }
        return true
    }

    /// One page of the events matching `query`.
    public func page(_ query: LocalQuery) -> LocalPage {
        let offset = max(0, query.offset), limit = max(0, query.limit)
        guard let needle = query.typeContains?.lowercased(), !needle.isEmpty else {
            var out: [PeatEvent] = []
            var skipped = 0
            let walk: (Location) -> Bool = { location in
                guard location.isLive else { return true }
                if skipped < offset { skipped += 1; return true }
                out.append(event(at: location))
                return out.count < limit
            }
            if limit > 0 {
                if query.newestFirst {
                    for e in slots.reversed() where !walk(e) { break }
                } else {
                    for e in slots where !walk(e) { break }
                }
            }
            return LocalPage(events: out, totalMatching: count)
        }
        let matching = byType.filter { $0.key.lowercased().contains(needle) }.mapValues { buckets[$0] }
        let total = matching.values.reduce(0) { $0 + $1.live }
        guard limit > 0, offset < total else { return LocalPage(events: [], totalMatching: total) }
        // Merge the per-type arrival lists (few types, each sorted by arrival).
        var cursors = matching.values.map { query.newestFirst ? $0.seqs.count - 1 : 0 }
        let lists = matching.values.map(\.seqs)
        var out: [PeatEvent] = []
        var skipped = 0
        while out.count < limit {
            var pick = -1
            var pickSeq = 0
            for (k, list) in lists.enumerated() {
                var c = cursors[k]
                while c >= 0, c < list.count, !isLive(list[list.startIndex + c]) { c += query.newestFirst ? -1 : 1 }
                cursors[k] = c
                guard c >= 0, c < list.count else { continue }
                let seq = list[list.startIndex + c]
                if pick < 0 || (query.newestFirst ? seq > pickSeq : seq < pickSeq) { pick = k; pickSeq = seq }
            }
            guard pick >= 0 else { break }
            cursors[pick] += query.newestFirst ? -1 : 1
            if skipped < offset { skipped += 1; continue }
            out.append(event(seq: pickSeq))
        }
        return LocalPage(events: out, totalMatching: total)
    }
}

/// Where a stored event lies: its type's bucket and its position there (positions only grow;
/// `TypeBucket.firstPosition` maps them to array indexes). Bucket −1: removed.
private struct Location: Sendable {
    var bucket: Int
    var position: Int

    static let removed = Location(bucket: -1, position: 0)

    @inline(__always)
    var isLive: Bool { bucket >= 0 }
}

/// The stored events of one type, in arrival order, contiguous. A removed event leaves an
/// empty placeholder (its arrival number −1) until the bucket is compacted, which happens
/// when the removed outnumber the live (amortised O(1) per removal).
private struct TypeBucket: Sendable {
    /// The events; entries whose `seqs` is −1 are removed placeholders.
    private(set) var events: [PeatEvent] = []
    /// Arrival number of each entry of `events`, −1 once removed.
    private(set) var seqs: [Int] = []
    /// Position of `events[0]`.
    private(set) var firstPosition = 0
    /// Index of the first entry not removed (entries before it are all removed).
    private(set) var head = 0
    /// Live entries.
    private(set) var live = 0

    init() {}

    init(firstPosition: Int, capacity: Int) {
        self.firstPosition = firstPosition
        events.reserveCapacity(capacity)
        seqs.reserveCapacity(capacity)
    }

    /// The position after the last entry.
    var endPosition: Int { firstPosition + events.count }

    /// True when removed entries outnumber live ones (and there are enough to bother).
    var needsCompaction: Bool { events.count - live > live + 32 }

    /// Appends `event`, which arrived as `seq`; returns its position.
    mutating func append(_ event: consuming PeatEvent, seq: Int) -> Int {
        events.append(consume event)
        seqs.append(seq)
        live += 1
        return firstPosition + events.count - 1
    }

    /// Appends an empty event that `fill` sets up in place; returns its position.
    @inline(__always)
    mutating func append(seq: Int, _ fill: (inout PeatEvent) -> Void) -> Int {
        events.append(PeatEvent())
        fill(&events[events.count - 1])
        seqs.append(seq)
        live += 1
        return firstPosition + events.count - 1
    }

    @inline(__always)
    func event(at position: Int) -> PeatEvent { events[position - firstPosition] }

    /// Removes and returns the live event at `position`.
    mutating func remove(at position: Int) -> PeatEvent {
        let i = position - firstPosition
        var removed = PeatEvent()
        swap(&removed, &events[i])
        seqs[i] = -1
        live -= 1
        while head < seqs.count, seqs[head] < 0 { head += 1 }
        return removed
    }

    /// The live events in arrival order: the array itself when nothing was removed.
    func liveEvents() -> [PeatEvent] {
        if live == events.count { return events }
        if live == events.count - head { return Array(events[head...]) }
        var out: [PeatEvent] = []
        out.reserveCapacity(live)
        for i in head..<seqs.count where seqs[i] >= 0 { out.append(events[i]) }
        return out
    }
}
