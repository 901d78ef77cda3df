/// A token bucket holding up to one second's worth of a rate, refilled continuously.
///
/// Exact integer arithmetic: tokens are kept in byte·nanoseconds (bytes × 10⁹), so a refill
/// of any number of nanoseconds adds exactly `rate × elapsed` and nothing drifts. The bucket
/// starts full. Time that goes backwards refills nothing.
///
/// An event larger than the whole bucket (one second of the rate) may go only when the
/// bucket is full, and then takes it into debt (negative tokens) that later refills repay;
/// so the long-run rate is kept and a big event is delayed, never lost. A bucket whose rate
/// is 0 never sends.
public struct TokenBucket: Hashable, Sendable {
    /// Bytes per second.
    public let rate: Int
    /// Tokens (bytes × 10⁹); may be negative after an oversize event.
    private var scaledTokens: Int
    /// Nanoseconds since the epoch of the last refill.
    private var lastRefill: Int

    private static let nanosPerSecond = 1_000_000_000

    /// A full bucket for `rate` bytes per second, as of `now`.
    public init(rate: Int, now: PeatTimestamp) {
        self.rate = Swift.max(0, rate)
        self.scaledTokens = self.rate.multipliedReportingOverflow(by: Self.nanosPerSecond).overflow
            ? Int.max : self.rate * Self.nanosPerSecond
        self.lastRefill = Self.nanos(now)
    }

    /// The most tokens the bucket holds, in bytes (one second of the rate).
    public var capacity: Int { rate }

    /// Whole tokens available, in bytes (rounded down; negative while in debt).
    public var tokens: Int {
        scaledTokens >= 0 ? scaledTokens / Self.nanosPerSecond
            : -((-scaledTokens + Self.nanosPerSecond - 1) / Self.nanosPerSecond)
    }

    /// True when the bucket holds its whole capacity.
    public var isFull: Bool { scaledTokens >= capacityScaled }

    private var capacityScaled: Int {
        rate.multipliedReportingOverflow(by: Self.nanosPerSecond).overflow ? Int.max : rate * Self.nanosPerSecond
    }

    /// Adds `rate × (now − last refill)`, up to the capacity.
    public mutating func refill(now: PeatTimestamp) {
        let t = Self.nanos(now)
        guard t > lastRefill else { return }
        let elapsed = t - lastRefill
        lastRefill = t
        guard rate > 0 else { return }
        let deficit = capacityScaled - scaledTokens
        guard deficit > 0 else { return }
        // Past `deficit / rate` nanoseconds the bucket is full; before, the product is small.
        if elapsed > deficit / rate {
            scaledTokens = capacityScaled
        } else {
            scaledTokens += rate * elapsed
        }
    }

    /// Takes `bytes` tokens if the bucket can pay: when it holds that many, or, for an event
    /// bigger than the bucket, when the bucket is full (going into debt). False otherwise.
    public mutating func take(_ bytes: Int) -> Bool {
        guard rate > 0 else { return false }
        let cost = bytes.multipliedReportingOverflow(by: Self.nanosPerSecond)
        if !cost.overflow, cost.partialValue <= scaledTokens {
            scaledTokens -= cost.partialValue
            return true
        }
        if bytes > capacity, isFull {
            scaledTokens = cost.overflow ? Int.min / 2 : scaledTokens - cost.partialValue
            return true
        }
        return false
    }

    /// Nanoseconds since the epoch of a timestamp (saturating).
    static func nanos(_ t: PeatTimestamp) -> Int {
        let (s, o) = Int(clamping: t.seconds).multipliedReportingOverflow(by: nanosPerSecond)
        return o ? Int.max : s + Int(t.nanos)
    }
}
