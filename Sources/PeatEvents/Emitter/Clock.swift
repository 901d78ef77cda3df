#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Where the core reads the time: event timestamps, TTL expiry, token-bucket refills.
/// Tests inject a `ManualClock`; nothing in the core sleeps.
public protocol EventClock: Sendable {
    /// The current wall-clock time.
    func now() -> PeatTimestamp
}

extension PeatTimestamp {
    /// Creates a timestamp.
    public init(seconds: UInt64, nanos: UInt32 = 0) {
        self.init()
        self.seconds = seconds
        self.nanos = nanos
    }

    /// Seconds since the epoch as a `Double`.
    public var timeInterval: Double { Double(seconds) + Double(nanos) / 1e9 }
}

/// The system's real-time clock.
public struct SystemClock: EventClock {
    public init() {}

    public func now() -> PeatTimestamp {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return PeatTimestamp(seconds: UInt64(max(0, ts.tv_sec)), nanos: UInt32(ts.tv_nsec))
    }
}

/// A clock that moves only when told to; safe to share between threads.
public final class ManualClock: EventClock {
    private let state: Mutex<(UInt64, UInt32)>

    /// Starts at `seconds` since the epoch.
    public init(seconds: UInt64 = 1_700_000_000, nanos: UInt32 = 0) {
        state = Mutex((seconds, nanos))
    }

    public func now() -> PeatTimestamp {
        state.withLock { PeatTimestamp(seconds: $0.0, nanos: $0.1) }
    }

    /// Sets the time.
    public func set(_ time: PeatTimestamp) {
        state.withLock { $0 = (time.seconds, time.nanos) }
    }

    /// Moves the time forward.
    public func advance(seconds: UInt64 = 0, nanos: UInt64 = 0) {
        state.withLock { s in
            let total = UInt64(s.1) + nanos
            s.0 += seconds + total / 1_000_000_000
            s.1 = UInt32(total % 1_000_000_000)
        }
    }
}
