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
    public static func count(_ n: Int) -> String {
        let s = String(abs(n))
        var out = ""
        for (i, ch) in s.enumerated() {
            if i > 0, (s.count - i) % 3 == 0 { out += "," }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}

/// Age and TTL of events relative to the state's clock.
public enum EventTime {
    /// Seconds since the event was stamped (0 when in the future).
    public static func age(_ e: PeatEvent, now: UInt64) -> Int64 {
        now >= e.timestamp.seconds ? Int64(now - e.timestamp.seconds) : 0
    }

    /// TTL left: "∞" for ttl 0, "expired" when past, else a duration.
    public static func ttlLeft(_ e: PeatEvent, now: UInt64, glyphs: Glyphs) -> (text: String, expired: Bool) {
        let ttl = e.hasRouting ? UInt64(e.routing.ttlSeconds) : 0
        if ttl == 0 { return (glyphs.infinity, false) }
        let expiry = e.timestamp.seconds + ttl
        if expiry < now { return ("expired", true) }
        return (Format.duration(Int64(expiry - now)), false)
    }
}
