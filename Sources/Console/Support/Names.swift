import PeatEvents

extension Theme {
    /// The style of a core priority level.
    public func style(level: PriorityLevel) -> Style {
        style(for: PriorityLevelRole(rawValue: level.rawValue) ?? .normal)
    }
}

extension PriorityLevel {
    /// One letter for the pop log: C, H, N, L.
    public var letter: String { String(name.prefix(1)) }
}

/// Display names of the schema's enums.
public enum Names {
    public static func eventClass(_ c: EventClass) -> String {
        switch c {
        case .unspecified: return "UNSPECIFIED"
        case .product: return "PRODUCT"
        case .anomaly: return "ANOMALY"
        case .telemetry: return "TELEMETRY"
        case .command: return "COMMAND"
        case .UNRECOGNIZED(let n): return "UNKNOWN(\(n))"
        }
    }

    /// Lower-case class name for table cells.
    public static func eventClassShort(_ c: EventClass) -> String { eventClass(c).lowercased() }

    public static func propagation(_ p: PropagationMode) -> String {
        switch p {
        case .propagationFull: return "FULL"
        case .propagationSummary: return "SUMMARY"
        case .propagationQuery: return "QUERY"
        case .propagationLocal: return "LOCAL"
        case .UNRECOGNIZED(let n): return "UNKNOWN(\(n))"
        }
    }

    public static func priority(_ p: EventPriority) -> String {
        switch p {
        case .priorityCritical: return "CRITICAL"
        case .priorityHigh: return "HIGH"
        case .priorityNormal: return "NORMAL"
        case .priorityLow: return "LOW"
        case .UNRECOGNIZED(let n): return "UNKNOWN(\(n))"
        }
    }

    /// "12,345".
    public static func count(_ n: Int) -> String { n.grouped }
}

/// Age and TTL of events relative to the state's clock.
///
/// An event's timestamp and TTL come from outside (any `uint64`, any `uint32`), so every sum
/// and difference here saturates instead of trapping: a timestamp near 2^64 is far in the
/// future, not a crash.
public enum EventTime {
    /// Seconds since the event was stamped (0 when in the future, `Int64.max` at most).
    public static func age(_ e: PeatEvent, now: UInt64) -> Int64 {
        now >= e.timestamp.seconds ? Int64(clamping: now - e.timestamp.seconds) : 0
    }

    /// The last second the event is alive (`timestamp + ttl`, saturating at `UInt64.max`), or
    /// nil when it never expires (TTL 0 or no routing).
    public static func expiry(_ e: PeatEvent) -> UInt64? {
        let ttl = e.hasRouting ? UInt64(e.routing.ttlSeconds) : 0
        if ttl == 0 { return nil }
        let (sum, overflow) = e.timestamp.seconds.addingReportingOverflow(ttl)
        return overflow ? .max : sum
    }

    /// TTL left: "∞" for ttl 0, "expired" when past, ">100y" beyond a century (a timestamp
    /// far in the future), else a duration.
    public static func ttlLeft(_ e: PeatEvent, now: UInt64, glyphs: Glyphs) -> (text: String, expired: Bool) {
        guard let expiry = expiry(e) else { return (glyphs.infinity, false) }
        if expiry < now { return ("expired", true) }
        let left = expiry - now
        if left > century { return (">100y", false) }
        return (Format.duration(Int64(left)), false)
    }

    /// A hundred years of 365.25 days, seconds.
    public static let century: UInt64 = 3_155_760_000

    /// "12s ago", or "in the future" for a timestamp after `now`.
    public static func ago(_ e: PeatEvent, now: UInt64) -> String {
        e.timestamp.seconds > now ? "in the future" : Format.age(age(e, now: now)) + " ago"
    }
}
