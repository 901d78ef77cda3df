import Foundation
import PeatEvents

/// A small, fast, seedable pseudo-random generator (SplitMix64). Same seed, same sequence, on
/// every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Starts the sequence for `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform integer in `0..<bound` (bound > 0).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

    /// An exponentially distributed wait with mean `1 / rate` (Poisson arrivals).
    public mutating func exponential(rate: Double) -> Double {
        -log(1 - unit()) / max(rate, 1e-9)
    }
}

/// One event the demo wants emitted: which emitter helper it corresponds to, its payload and
/// the software instance on the node that produced it.
public struct DemoEmission: Hashable, Sendable {
    /// The emitter helper this emission stands for.
    public enum Kind: Hashable, Sendable {
        /// `emitProduct(type, payload, propagation, priority)`.
        case product(String, PropagationMode, EventPriority)
        /// `emitTelemetry(metric, payload)`.
        case telemetry(String)
        /// `emitAnomaly(type, payload)`.
        case anomaly(String)
        /// `emitCritical(type, payload)`.
        case critical(String)
    }

    public var kind: Kind
    public var payload: Data
    /// The producing instance on the node ("eo-sensor-1"), nil for none.
    public var sourceInstanceID: String?
    /// Seconds since the scenario started at which the event happens.
    public var offset: Double

    public init(kind: Kind, payload: Data, sourceInstanceID: String? = nil, offset: Double = 0) {
        self.kind = kind
        self.payload = payload
        self.sourceInstanceID = sourceInstanceID
        self.offset = offset
    }

    /// The class the emitter helper gives the event.
    public var eventClass: EventClass {
        switch kind {
        case .product: return .product
        case .telemetry: return .telemetry
        case .anomaly, .critical: return .anomaly
        }
    }

    /// The full event type, e.g. `product.detection`, `telemetry.cpu`.
    public var eventType: String {
        switch kind {
        case .product(let t, _, _): return "product." + t
        case .telemetry(let m): return "telemetry." + m
        case .anomaly(let t): return "anomaly." + t
        case .critical(let t): return "critical." + t
        }
    }

    /// The routing the emitter helper gives the event (propagation, priority, TTL, window).
    public var routing: AggregationPolicy {
        var r = AggregationPolicy()
        switch kind {
        case .product(_, let propagation, let priority):
            r.propagation = propagation
            r.priority = priority
            r.ttlSeconds = 300
            r.aggregationWindowMs = propagation == .propagationSummary ? 1000 : 0
        case .telemetry:
            r.propagation = .propagationQuery
            r.priority = .priorityLow
            r.ttlSeconds = 3600
        case .anomaly:
            r.propagation = .propagationFull
            r.priority = .priorityHigh
            r.ttlSeconds = 600
        case .critical:
            r.propagation = .propagationFull
            r.priority = .priorityCritical
            r.ttlSeconds = 300
        }
        return r
    }

    /// `type.peat/<event_type>`.
    public var payloadTypeURL: String { "type.peat/" + eventType }

    /// The event the emitter would build for this emission with `id` at `timestamp`.
    public func makeEvent(id: String, timestamp: PeatTimestamp, nodeID: String, formationID: String) -> PeatEvent {
        PeatEvent(id: id, timestamp: timestamp, sourceNodeID: nodeID, sourceFormationID: formationID,
                  sourceInstanceID: sourceInstanceID, eventClass: eventClass, eventType: eventType,
                  routing: routing, payloadTypeURL: payloadTypeURL, payload: payload)
    }

    /// Emits through `emitter`: the typed helper when there is no source instance (the
    /// helpers take none), else `emitNew` with exactly the fields the helper would set.
    /// - Returns: the new event's id.
    @discardableResult
    public func emit(into emitter: EventEmitter) throws -> String {
        if sourceInstanceID == nil {
            switch kind {
            case .product(let t, let propagation, let priority):
                return try emitter.emitProduct(t, payload: payload, propagation: propagation, priority: priority)
            case .telemetry(let m): return try emitter.emitTelemetry(m, payload: payload)
            case .anomaly(let t): return try emitter.emitAnomaly(t, payload: payload)
            case .critical(let t): return try emitter.emitCritical(t, payload: payload)
            }
        }
        return try emitter.emitNew(eventClass: eventClass, eventType: eventType, routing: routing,
                                   payloadTypeURL: payloadTypeURL, payload: payload,
                                   sourceInstanceID: sourceInstanceID)
    }
}

/// A deterministic, seeded model of a busy node, at the rates of ADR-027's example table:
///
/// | stream | event type | propagation | priority | rate |
/// |---|---|---|---|---|
/// | detections | `product.detection` | SUMMARY | NORMAL | ~10/s on average |
/// | tracks | `product.track` | FULL | LOW | ~4/s on average |
/// | telemetry | `telemetry.cpu/mem/temp/battery/link_rssi` | QUERY | LOW | 1/s each |
/// | anomalies | `anomaly.jam/gps_spoof/overheat` | FULL | HIGH | ~0.2/s |
/// | criticals | `critical.intrusion/fratricide_risk` | FULL | CRITICAL | ~1 per 45 s |
///
/// Detections and tracks follow the node's activity: a slow swell around a quiet baseline,
/// and a "contact" of `contactLength` seconds every `activityPeriod` seconds when they run at
/// four times the mean (so a 40 events/s link falls behind and the queues fill, then drain).
/// A *jamming* phase of `jamLength` seconds starts `jamStart` seconds into every `jamPeriod`
/// (the first within the first 30 s): the RF monitor reports jamming (HIGH) at `jamAnomalyRate`,
/// detections and tracks run at least at `jamDetectionRate` and `jamTrackRate`, and the jammed
/// radio takes the queue in pops of at most `jamBatch` events (`batchCap(at:)`); a contact
/// that falls in the phase is masked by it. HIGH, NORMAL
/// and LOW are then all backlogged under a small batch: the reference scheduler gives NORMAL
/// nothing (its 35 % rounds to 0 of 2), the fair one keeps 50/35/15.
/// Arrivals are Poisson, drawn from the scenario's own generator: the same seed gives the same
/// emissions for the same sequence of `advance` calls' total time. So that a first look shows
/// every pane at work, the first anomaly comes within `firstAnomalyBy` (3 s) and the first
/// critical within `firstCriticalBy` (10 s); the Poisson arrivals follow from there.
public struct DemoScenario: Sendable {
    /// Mean rates, events per second.
    public static let detectionRate = 10.0
    public static let trackRate = 4.0
    public static let anomalyRate = 0.2
    public static let criticalRate = 1.0 / 45.0
    /// Telemetry metrics, one sample per second each.
    public static let metrics = ["cpu", "mem", "temp", "battery", "link_rssi"]
    /// The period of the detection/track activity cycle, seconds.
    public static let activityPeriod = 45.0
    /// How long a contact lasts, seconds; it starts `contactStart` seconds into each period.
    public static let contactLength = 6.0
    public static let contactStart = 8.0
    /// The jamming phase: from `jamStart` for `jamLength` seconds of every `jamPeriod`.
    public static let jamStart = 15.0
    public static let jamLength = 60.0
    public static let jamPeriod = 180.0
    /// Rates while jammed, events per second: jamming reports (HIGH), detections (NORMAL) and
    /// tracks (LOW), just above the fair shares of the 40/s drain (20/14/6), so that all three
    /// stay backlogged while the fair queue grows by little (41.5/s in all).
    public static let jamAnomalyRate = 20.5
    public static let jamDetectionRate = 14.5
    public static let jamTrackRate = 6.5
    /// The most events one pop takes while jammed.
    public static let jamBatch = 2
    /// The first anomaly comes within this many seconds of the start (in its second half).
    public static let firstAnomalyBy = 3.0
    /// The first critical comes within this many seconds of the start (in its last 40%).
    public static let firstCriticalBy = 10.0

    private enum Stream: Int, CaseIterable { case detection, track, anomaly, critical }

    private var random: SplitMix64
    /// Scenario time, seconds since start.
    public private(set) var elapsed: Double = 0
    private var nextArrival: [Double]
    private var nextTelemetry: Double = 0
    private var metricValues: [Double] = [38, 52, 47, 96, 67]
    private var sequence = 0
    /// The time the jamming phase last started or ended (the streams' arrivals were redrawn).
    private var ratesDrawnAt = 0.0

    /// A scenario whose every draw follows from `seed`.
    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        nextArrival = []
        for s in Stream.allCases { nextArrival.append(random.exponential(rate: rate(s, at: 0))) }
        // The story starts at once: a first anomaly within `firstAnomalyBy` seconds and a first
        // critical within `firstCriticalBy`, both seeded, then the streams' Poisson arrivals.
        nextArrival[Stream.anomaly.rawValue] = DemoScenario.firstAnomalyBy * (0.5 + 0.5 * random.unit())
        nextArrival[Stream.critical.rawValue] = DemoScenario.firstCriticalBy * (0.6 + 0.4 * random.unit())
        nextTelemetry = 0.5
    }

    /// The detection/track activity factor at time `t`: 4 during a contact, else a swell of
    /// 0.35 … 0.85 (about 1 on average over a period). (While jammed, the jamming rates apply instead.)
    public static func activity(at t: Double) -> Double {
        let phase = t.truncatingRemainder(dividingBy: activityPeriod)
        if phase >= contactStart, phase < contactStart + contactLength { return 4 }
        return 0.6 + 0.25 * sin(2 * Double.pi * t / activityPeriod)
    }

    /// True while the radio is jammed (the phase of `jamLength` seconds from `jamStart` in
    /// every `jamPeriod`).
    public static func jammed(at t: Double) -> Bool {
        let phase = t.truncatingRemainder(dividingBy: jamPeriod)
        return phase >= jamStart && phase < jamStart + jamLength
    }

    /// The first start or end of a jamming phase strictly after `t`.
    static func nextJamBoundary(after t: Double) -> Double {
        let base = (t / jamPeriod).rounded(.down) * jamPeriod
        for candidate in [base + jamStart, base + jamStart + jamLength, base + jamPeriod + jamStart] where candidate > t {
            return candidate
        }
        return base + jamPeriod + jamStart + jamLength
    }

    /// The most events one pop may take at time `t` (`jamBatch` while jammed), nil for no cap.
    public static func batchCap(at t: Double) -> Int? { jammed(at: t) ? jamBatch : nil }

    private func rate(_ s: Stream, at t: Double) -> Double {
        let jam = DemoScenario.jammed(at: t)
        switch s {
        case .detection: return jam ? DemoScenario.jamDetectionRate : DemoScenario.detectionRate * DemoScenario.activity(at: t)
        case .track: return jam ? DemoScenario.jamTrackRate : DemoScenario.trackRate * DemoScenario.activity(at: t)
        case .anomaly: return jam ? DemoScenario.jamAnomalyRate : DemoScenario.anomalyRate
        case .critical: return DemoScenario.criticalRate
        }
    }

    /// Moves scenario time forward by `seconds` and returns what happened meanwhile, oldest first.
    public mutating func advance(by seconds: Double) -> [DemoEmission] {
        guard seconds > 0, seconds.isFinite else { return [] }
        let end = elapsed + seconds
        var out: [DemoEmission] = []
        while true {
            // The earliest pending arrival across streams (telemetry included), in a fixed
            // order for ties so the sequence is reproducible.
            var bestTime = nextTelemetry
            var best: Stream? = nil
            for s in Stream.allCases where nextArrival[s.rawValue] < bestTime {
                bestTime = nextArrival[s.rawValue]
                best = s
            }
            // A jamming phase starts or ends first: the streams' next arrivals are drawn afresh
            // at the new rates (memoryless, so the arrivals stay Poisson in each phase).
            let boundary = DemoScenario.nextJamBoundary(after: ratesDrawnAt)
            if boundary <= bestTime, boundary <= end {
                for s in [Stream.detection, .track, .anomaly] {
                    nextArrival[s.rawValue] = boundary + random.exponential(rate: rate(s, at: boundary))
                }
                ratesDrawnAt = boundary
                continue
            }
            guard bestTime <= end else { break }
            if let s = best {
                out.append(make(s, at: bestTime))
                nextArrival[s.rawValue] = bestTime + random.exponential(rate: rate(s, at: bestTime))
            } else {
                for (i, metric) in DemoScenario.metrics.enumerated() {
                    out.append(telemetry(i, metric, at: bestTime))
                }
                nextTelemetry += 1
            }
        }
        elapsed = end
        return out
    }

    private mutating func make(_ s: Stream, at t: Double) -> DemoEmission {
        sequence += 1
        switch s {
        case .detection:
            let classes = ["person", "vehicle", "vessel", "uav"]
            let c = classes[random.below(classes.count)]
            let confidence = 50 + random.below(50)
            let sensor = "eo-sensor-\(1 + random.below(2))"
            return DemoEmission(kind: .product("detection", .propagationSummary, .priorityNormal),
                                payload: Data("class=\(c) conf=0.\(confidence) seq=\(sequence)".utf8),
                                sourceInstanceID: sensor, offset: t)
        case .track:
            let track = 100 + random.below(40)
            let bearing = random.below(360)
            return DemoEmission(kind: .product("track", .propagationFull, .priorityLow),
                                payload: Data("track=T\(track) bearing=\(bearing) speed=\(random.below(30))m/s".utf8),
                                sourceInstanceID: "tracker-\(1 + random.below(2))", offset: t)
        case .anomaly:
            let kinds = [("jam", "rf-monitor-1", "band=L1 jnr=\(12 + random.below(20))dB"),
                         ("gps_spoof", "gnss-1", "offset=\(40 + random.below(400))m"),
                         ("overheat", "power-1", "temp=\(78 + random.below(15))C")]
            let pick = random.below(kinds.count)
            let k = kinds[DemoScenario.jammed(at: t) ? 0 : pick]
            return DemoEmission(kind: .anomaly(k.0), payload: Data(k.2.utf8), sourceInstanceID: k.1, offset: t)
        case .critical:
            let kinds = [("intrusion", "perimeter-1", "zone=\(1 + random.below(6)) contact=\(1 + random.below(3))"),
                         ("fratricide_risk", "ifs-1", "friendly=\(["alpha", "bravo", "charlie"][random.below(3)]) range=\(80 + random.below(300))m")]
            let k = kinds[random.below(kinds.count)]
            return DemoEmission(kind: .critical(k.0), payload: Data(k.2.utf8), sourceInstanceID: k.1, offset: t)
        }
    }

    private mutating func telemetry(_ i: Int, _ metric: String, at t: Double) -> DemoEmission {
        let bounds: [(Double, Double)] = [(3, 99), (20, 95), (30, 85), (5, 100), (-95, -40)]
        let step = (random.unit() - 0.5) * (i == 3 ? 0.2 : 4)
        var v = metricValues[i] + step - (i == 3 ? 0.05 : 0)
        if i == 3, v < 15 { v = 100 }  // a battery swap
        v = min(bounds[i].1, max(bounds[i].0, v))
        metricValues[i] = v
        let units = ["%", "%", "C", "%", "dBm"]
        let text = metric + "=" + String(format: "%.1f", v) + units[i]
        return DemoEmission(kind: .telemetry(metric), payload: Data(text.utf8),
                            sourceInstanceID: "health-monitor", offset: t)
    }

    /// The event the emitter would build for `emission` (for generators and soak tests).
    public func makeEvent(_ emission: DemoEmission, id: String, timestamp: PeatTimestamp,
                          nodeID: String, formationID: String) -> PeatEvent {
        emission.makeEvent(id: id, timestamp: timestamp, nodeID: nodeID, formationID: formationID)
    }
}
