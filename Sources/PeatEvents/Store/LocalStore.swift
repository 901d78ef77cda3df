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

    public init(events: [PeatEvent], totalMatching: Int) {
        self.events = events
        self.totalMatching = totalMatching
    }
}

/// The emitter's store of QUERY and LOCAL events: keyed by event id (a second event with the
/// same id replaces the first and counts as a new arrival), kept in arrival order, and indexed
/// by event type so a type query costs O(matches).
///
/// Events live in a deque of slots numbered by arrival; removal leaves a hole that is
/// reclaimed when it reaches the front. Each type keeps the slot numbers of its events;
/// numbers of removed events are skipped on read and compacted away once they outnumber the
/// live ones.
public struct LocalStore: Sendable {
    private var slots = Deque<PeatEvent?>()
    /// Arrival number of `slots.first`.
    private var base = 0
    private var byID: [String: Int] = [:]
    private var byType: [String: TypeIndex] = [:]

    /// Live events.
    public private(set) var count = 0

    public init() {}

    private struct TypeIndex: Sendable {
        var seqs = Deque<Int>()
        var live = 0

        mutating func add(_ seq: Int) {
            seqs.append(seq)
            live += 1
        }
    }

    // MARK: Writing

    /// Stores `event`; returns the event it replaced, if one had the same id.
    @discardableResult
    public mutating func insert(_ event: PeatEvent) -> PeatEvent? {
        let replaced = remove(id: event.eventID)
        let seq = base + slots.count
        slots.append(event)
        byID[event.eventID] = seq
        byType[event.eventType, default: TypeIndex()].add(seq)
        count += 1
        return replaced
    }

    /// Removes and returns the event with `id`.
    @discardableResult
    public mutating func remove(id: String) -> PeatEvent? {
        guard let seq = byID.removeValue(forKey: id), let event = slots[seq - base] else { return nil }
        slots[seq - base] = nil
        count -= 1
        let type = event.eventType
        if var index = byType.removeValue(forKey: type) {
            index.live -= 1
            if index.live > 0 {
                while let first = index.seqs.first, isHole(first) { index.seqs.removeFirst() }
                if index.seqs.count > 2 * index.live + 32 {
                    index.seqs = Deque(index.seqs.filter { !isHole($0) })
                }
                byType[type] = index
            }
        }
        while let first = slots.first, first == nil {
            slots.removeFirst()
            base += 1
        }
        return event
    }

    /// Removes and returns the oldest event.
    public mutating func removeOldest() -> PeatEvent? {
        guard let first = slots.first, let event = first else { return nil }
        return remove(id: event.eventID)
    }

    /// Empties the store.
    public mutating func removeAll() {
        slots.removeAll()
        base = 0
        byID.removeAll()
        byType.removeAll()
        count = 0
    }

    private func isHole(_ seq: Int) -> Bool { seq < base || slots[seq - base] == nil }

    // MARK: Reading

    /// The event with `id`.
    public func event(id: String) -> PeatEvent? {
        guard let seq = byID[id] else { return nil }
        return slots[seq - base]
    }

    /// Every event in arrival order.
    public func all() -> [PeatEvent] {
        var out: [PeatEvent] = []
        out.reserveCapacity(count)
        for e in slots { if let e { out.append(e) } }
        return out
    }

    /// The events of `type` in arrival order, in O(matches).
    public func events(ofType type: String) -> [PeatEvent] {
        guard let index = byType[type] else { return [] }
        var out: [PeatEvent] = []
        out.reserveCapacity(index.live)
        for seq in index.seqs where seq >= base {
            if let e = slots[seq - base] { out.append(e) }
        }
        return out
    }

    /// Live events of `type`.
    public func count(ofType type: String) -> Int { byType[type]?.live ?? 0 }

    /// The distinct event types stored, sorted.
    public var types: [String] { byType.keys.sorted() }

    /// The oldest event.
    public var oldest: PeatEvent? { slots.first.flatMap { $0 } }

    /// One page of the events matching `query`.
    public func page(_ query: LocalQuery) -> LocalPage {
        let offset = max(0, query.offset), limit = max(0, query.limit)
        guard let needle = query.typeContains?.lowercased(), !needle.isEmpty else {
            var out: [PeatEvent] = []
            var skipped = 0
            let walk: (PeatEvent?) -> Bool = { e in
                guard let e else { return true }
                if skipped < offset { skipped += 1; return true }
                out.append(e)
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
        let matching = byType.filter { $0.key.lowercased().contains(needle) }
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
                while c >= 0, c < list.count, isHole(list[list.startIndex + c]) { c += query.newestFirst ? -1 : 1 }
                cursors[k] = c
                guard c >= 0, c < list.count else { continue }
                let seq = list[list.startIndex + c]
                if pick < 0 || (query.newestFirst ? seq > pickSeq : seq < pickSeq) { pick = k; pickSeq = seq }
            }
            guard pick >= 0 else { break }
            cursors[pick] += query.newestFirst ? -1 : 1
            if skipped < offset { skipped += 1; continue }
            out.append(slots[pickSeq - base]!)
        }
        return LocalPage(events: out, totalMatching: total)
    }
}
