/// How the local store reads an `EventQuery` (SPEC.md "Query and TTL").
///
/// - Every filter present must hold; an absent filter matches everything.
/// - `event_class`, `event_type`: exact equality (unknown class numbers compare by number).
/// - `after_seconds` / `before_seconds`: both EXCLUSIVE on `timestamp.seconds` —
///   `after < seconds < before` (nanoseconds are ignored). An event without a timestamp never
///   matches a query with a time bound.
/// - `source_instance_id`: matches events that carry a source instance equal to it; an event
///   without one never matches.
/// - `limit`: 0 means no limit. Results are in arrival order (oldest first); a limited answer
///   holds the first `limit` matches, `total_matching` counts them all and `truncated` says
///   some were left out.
/// - `scope` is the caller's routing concern: the local store answers with what it holds.
extension EventFilters {
    /// Filters with only the given fields set.
    public init(eventClass: EventClass? = nil, eventType: String? = nil,
                afterSeconds: UInt64? = nil, beforeSeconds: UInt64? = nil,
                sourceInstanceID: String? = nil) {
        self.init()
        if let eventClass { self.eventClass = eventClass }
        if let eventType { self.eventType = eventType }
        if let afterSeconds { self.afterSeconds = afterSeconds }
        if let beforeSeconds { self.beforeSeconds = beforeSeconds }
        if let sourceInstanceID { self.sourceInstanceID = sourceInstanceID }
    }

    /// True when at least one time bound is set.
    public var hasTimeBound: Bool { hasAfterSeconds || hasBeforeSeconds }

    /// The inclusive range of whole seconds the time bounds admit, or nil when they admit
    /// none (e.g. `after 5, before 6`). Without bounds: all of `UInt64`.
    public var admittedSeconds: ClosedRange<UInt64>? {
        var lower: UInt64 = 0, upper = UInt64.max
        if hasAfterSeconds {
            guard afterSeconds < .max else { return nil }
            lower = afterSeconds + 1
        }
        if hasBeforeSeconds {
            guard beforeSeconds > 0 else { return nil }
            upper = beforeSeconds - 1
        }
        return lower <= upper ? lower...upper : nil
    }

    /// True when `event` passes every filter present.
    public func matches(_ event: PeatEvent) -> Bool {
        if hasEventClass && event.eventClass != eventClass { return false }
        if hasEventType && event.eventType != eventType { return false }
        if hasSourceInstanceID && !(event.hasSourceInstanceID && event.sourceInstanceID == sourceInstanceID) {
            return false
        }
        if hasTimeBound {
            guard event.hasTimestamp, let range = admittedSeconds, range.contains(event.timestamp.seconds) else {
                return false
            }
        }
        return true
    }
}

extension EventQuery {
    /// A query with `filters` and `limit` (0: no limit).
    public init(queryID: String = "", requesterID: String = "", filters: EventFilters = EventFilters(),
                limit: UInt32 = 0) {
        self.init()
        self.queryID = queryID
        self.requesterID = requesterID
        self.filters = filters
        self.limit = limit
    }
}
