import Console
import LocalNode
import PeatDemo
import PeatEvents

/// How a soak run drives the console: the demo generator's events at a fixed rate into the
/// core, the console rendering into an in-memory screen, for a while.
public struct SoakConfiguration: Sendable, Equatable {
    /// How long to run, seconds.
    public var duration: Double = 60
    /// Events generated per second (the demo scenario's mix, time-compressed to this rate).
    public var rate = 100_000
    /// Seed of the demo generator.
    public var seed: UInt64 = 1
    /// The local store's capacity (telemetry beyond it evicts the oldest).
    public var storeCapacity = StoreLimits.defaultCapacity
    /// Events per second the console's auto-drain pops (the link); nil for `rate`, which
    /// keeps up with the queued share (products, anomalies, criticals: about 3/4 of events).
    public var linkRate: Int?
    /// Give every generated event this TTL, seconds, instead of the demo's (products 300 s,
    /// anomalies 600 s, telemetry 3600 s); nil keeps the demo's.
    public var ttlSeconds: UInt32?
    /// Turns the bounds off: unlimited store, no TTL, no `expireLocal`. Memory then grows
    /// with the run (used to check that the growth check catches it).
    public var limitsDisabled = false
    /// The console's tick, milliseconds (as `--refresh-ms`).
    public var refreshMs = 100
    /// Events per auto-drain pop.
    public var batchSize = 1024
    /// The in-memory screen's size.
    public var screenSize = Size(width: 120, height: 40)
    /// Seconds between RSS samples.
    public var sampleInterval = 0.25
    /// Seconds between the generator's batches; nil for the console's tick (one delivery per
    /// wake-up, as a reader that finds a full pipe each time).
    public var generatorTick: Double?
    /// Deliveries waiting in the console's inbox beyond which the generator holds back
    /// (as a live stream reader does).
    public var inboxLimit = 8

    public init() {}

    /// Link bandwidth per event/s of `effectiveLinkRate`: well above the demo's encoded sizes
    /// (~135–200 bytes), so that no level's share of the modelled link (bytes/s) throttles
    /// below what the pops give it; the soak is about the store and the queue, not the link.
    public static let linkBytesPerEvent = 1024

    /// The auto-drain rate in effect.
    public var effectiveLinkRate: Int { linkRate ?? rate }

    /// The store bounds in effect.
    public var storeLimits: StoreLimits {
        limitsDisabled ? StoreLimits(capacity: Int.max) : StoreLimits(capacity: storeCapacity)
    }

    /// The TTL given to generated events, nil for the demo's own.
    public var effectiveTTL: UInt32? { limitsDisabled ? 0 : ttlSeconds }

    /// The console options a soak run uses: no built-in generator (the soak feeds the
    /// console as a live stream does), auto-drain at the link rate, the store's capacity.
    public var consoleOptions: ConsoleOptions {
        var o = ConsoleOptions()
        o.scenario = .none
        o.streaming = true
        o.seed = seed
        o.refreshMs = refreshMs
        o.linkRate = effectiveLinkRate
        o.batchSize = batchSize
        o.storeLimits = storeLimits
        o.linkBytesPerSecond = effectiveLinkRate * SoakConfiguration.linkBytesPerEvent
        // Bounded, and room for a few whole pops per level.
        let perLevel = 4 * batchSize
        o.linkQueueLimits = LinkQueueLimits(critical: perLevel, high: perLevel, normal: perLevel, low: perLevel,
                                            overflow: .dropOldest)
        return o
    }
}
