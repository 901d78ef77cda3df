/// Bounds of the emitter's local store.
///
/// When an insert would take the store past `capacity`, the oldest arrivals are evicted
/// (oldest first) and counted (`EventEmitter.evictedCount`).
public struct StoreLimits: Hashable, Sendable {
    /// Most events the store holds; at least 1.
    public var capacity: Int

    /// The default capacity, 1,000,000 events.
    public static let defaultCapacity = 1_000_000

    /// Creates limits; `capacity` below 1 is taken as 1.
    public init(capacity: Int = StoreLimits.defaultCapacity) {
        self.capacity = Swift.max(1, capacity)
    }

    /// One million events.
    public static let standard = StoreLimits()
}
