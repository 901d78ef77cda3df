import Foundation
import SwiftProtobuf

/// One event emitted by software on a node (`cap.event.v1.PeatEvent`).
public typealias PeatEvent = Cap_Event_V1_PeatEvent
/// Seconds and nanoseconds since the Unix epoch (`cap.common.v1.Timestamp`).
public typealias PeatTimestamp = Cap_Common_V1_Timestamp
/// Routing policy carried by an event (`cap.event.v1.AggregationPolicy`).
public typealias AggregationPolicy = Cap_Event_V1_AggregationPolicy
/// What kind of thing an event reports.
public typealias EventClass = Cap_Event_V1_EventClass
/// Transmission priority; `.priorityCritical` is the proto3 zero value.
public typealias EventPriority = Cap_Event_V1_EventPriority
/// How far an event travels up the hierarchy; `.propagationFull` is the proto3 zero value.
public typealias PropagationMode = Cap_Event_V1_PropagationMode
/// Aggregate of SUMMARY events over a window.
public typealias EventSummary = Cap_Event_V1_EventSummary
/// A batch of events sent to the parent tier.
public typealias EventBatch = Cap_Event_V1_EventBatch
/// Filters of an `EventQuery`.
public typealias EventFilters = Cap_Event_V1_EventFilters
/// A query for events kept at a node.
public typealias EventQuery = Cap_Event_V1_EventQuery
/// The answer to an `EventQuery`.
public typealias EventQueryResponse = Cap_Event_V1_EventQueryResponse

/// The four outbound queue levels, most urgent first.
///
/// Unlike `EventPriority` (a wire enum that may carry unknown numbers) this is closed: it is
/// where the queue actually files an event.
public enum PriorityLevel: Int, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    case critical = 0, high, normal, low

    /// `"CRITICAL"`, `"HIGH"`, `"NORMAL"`, `"LOW"`.
    public var name: String {
        switch self {
        case .critical: "CRITICAL"
        case .high: "HIGH"
        case .normal: "NORMAL"
        case .low: "LOW"
        }
    }

    public var description: String { name }

    /// The level for a wire priority: unknown numbers are NORMAL, as in the reference.
    @inlinable
    public init(_ priority: EventPriority) {
        switch priority {
        case .priorityCritical: self = .critical
        case .priorityHigh: self = .high
        case .priorityNormal: self = .normal
        case .priorityLow: self = .low
        case .UNRECOGNIZED: self = .normal
        }
    }

    /// The wire priority of this level.
    public var priority: EventPriority {
        switch self {
        case .critical: .priorityCritical
        case .high: .priorityHigh
        case .normal: .priorityNormal
        case .low: .priorityLow
        }
    }

    public static func < (a: PriorityLevel, b: PriorityLevel) -> Bool { a.rawValue < b.rawValue }
}

extension PeatEvent {
    /// An event with every field of the schema set (the source instance only when given).
    public init(id: String, timestamp: PeatTimestamp, sourceNodeID: String, sourceFormationID: String,
                sourceInstanceID: String? = nil, eventClass: EventClass, eventType: String,
                routing: AggregationPolicy, payloadTypeURL: String, payload: Data) {
        self.init()
        self.eventID = id
        self.timestamp = timestamp
        self.sourceNodeID = sourceNodeID
        self.sourceFormationID = sourceFormationID
        if let sourceInstanceID { self.sourceInstanceID = sourceInstanceID }
        self.eventClass = eventClass
        self.eventType = eventType
        self.routing = routing
        self.payloadTypeURL = payloadTypeURL
        self.payloadValue = payload
    }

    /// The queue level the reference files this event at: its priority, or NORMAL when it
    /// has no routing or an unknown priority number.
    @inlinable
    public var priorityLevel: PriorityLevel {
        hasRouting ? PriorityLevel(routing.priority) : .normal
    }

    /// The propagation the reference acts on: FULL when there is no routing or the number is
    /// unknown.
    @inlinable
    public var effectivePropagation: PropagationMode {
        guard hasRouting else { return .propagationFull }
        switch routing.propagation {
        case .UNRECOGNIZED: return .propagationFull
        case let p: return p
        }
    }

    /// True when the emitter keeps this event in the local store (QUERY or LOCAL) rather than
    /// queueing it for the parent tier.
    @inlinable
    public var isStoredLocally: Bool {
        switch effectivePropagation {
        case .propagationQuery, .propagationLocal: true
        default: false
        }
    }

    /// The event's size on the wire (its protobuf encoding), the unit of the link model.
    ///
    /// Counted field by field as SwiftProtobuf's binary encoder sizes them (the fields
    /// `traverse` visits, tag + length + bytes, unknown fields included), without encoding:
    /// the link sizes every popped event, and serialising each one to count its bytes was
    /// most of that. `SchemaTests` check it against `serializedBytes().count`.
    public var encodedSize: Int {
        var n = 0
        if !eventID.isEmpty { n += WireSize.lengthDelimited(eventID.utf8.count) }
        if hasTimestamp { n += WireSize.lengthDelimited(timestamp.encodedSize) }
        if !sourceNodeID.isEmpty { n += WireSize.lengthDelimited(sourceNodeID.utf8.count) }
        if !sourceFormationID.isEmpty { n += WireSize.lengthDelimited(sourceFormationID.utf8.count) }
        if hasSourceInstanceID { n += WireSize.lengthDelimited(sourceInstanceID.utf8.count) }
        if eventClass != .unspecified { n += WireSize.enumField(eventClass.rawValue) }
        if !eventType.isEmpty { n += WireSize.lengthDelimited(eventType.utf8.count) }
        if hasRouting { n += WireSize.lengthDelimited(routing.encodedSize) }
        if !payloadTypeURL.isEmpty { n += WireSize.lengthDelimited(payloadTypeURL.utf8.count) }
        if !payloadValue.isEmpty { n += WireSize.lengthDelimited(payloadValue.count) }
        return n + unknownFields.data.count
    }
}

/// What the console's delay and link accounting reads of an event, as plain values.
public struct EventTiming: Sendable, Equatable {
    /// The queue level the event is filed at (`PeatEvent.priorityLevel`).
    public var level: PriorityLevel
    /// Its timestamp (zero when unset), seconds and nanoseconds.
    public var seconds: UInt64
    public var nanos: UInt32
    /// Its routing's TTL, seconds (0 without routing).
    public var ttlSeconds: UInt32
}

extension PeatEvent {
    /// The timing of each of `events`, in order, read in place.
    ///
    /// Read here, where the generated accessors are inlined: from another module each
    /// `timestamp`, `routing` or `hasRouting` of an event in an array is a call that first
    /// copies the whole event (a retain and a release per string) — the console read three
    /// of them per popped event.
    public static func timings(of events: [PeatEvent]) -> [EventTiming] {
        var out: [EventTiming] = []
        out.reserveCapacity(events.count)
        events.withUnsafeBufferPointer { events in
            guard let base = events.baseAddress else { return }
            for i in 0..<events.count {
                // Field by field through the pointer: a whole event read out (`for e in`,
                // `map`) is a copy of it.
                let e = base + i
                let routed = e.pointee.hasRouting
                let priority = e.pointee.routing.priority, ttl = e.pointee.routing.ttlSeconds
                let seconds = e.pointee.timestamp.seconds, nanos = e.pointee.timestamp.nanos
                out.append(EventTiming(level: routed ? PriorityLevel(priority) : .normal, seconds: seconds, nanos: nanos,
                                       ttlSeconds: routed ? ttl : 0))
            }
        }
        return out
    }
}

extension PeatTimestamp {
    /// The timestamp's size on the wire (its protobuf encoding), counted as the encoder does.
    public var encodedSize: Int {
        var n = 0
        if seconds != 0 { n += WireSize.varintField(seconds) }
        if nanos != 0 { n += WireSize.varintField(UInt64(nanos)) }
        return n + unknownFields.data.count
    }
}

extension AggregationPolicy {
    /// The policy's size on the wire (its protobuf encoding), counted as the encoder does.
    public var encodedSize: Int {
        var n = 0
        if propagation != .propagationFull { n += WireSize.enumField(propagation.rawValue) }
        if priority != .priorityCritical { n += WireSize.enumField(priority.rawValue) }
        if ttlSeconds != 0 { n += WireSize.varintField(UInt64(ttlSeconds)) }
        if aggregationWindowMs != 0 { n += WireSize.varintField(UInt64(aggregationWindowMs)) }
        return n + unknownFields.data.count
    }
}

/// Sizes of protobuf binary fields with numbers 1–15 (a one-byte tag), as SwiftProtobuf's
/// size visitor counts them.
enum WireSize {
    /// Bytes of `value` as a varint.
    @inline(__always)
    static func varint(_ value: UInt64) -> Int {
        ((UInt64.bitWidth &* 9 &+ 64) &- (value.leadingZeroBitCount &* 9)) / 64
    }

    /// A varint field: tag and value.
    @inline(__always)
    static func varintField(_ value: UInt64) -> Int { 1 + varint(value) }

    /// An enum field: tag and the raw value as a sign-extended 32-bit varint (a negative
    /// number takes ten bytes).
    @inline(__always)
    static func enumField(_ rawValue: Int) -> Int {
        1 + varint(UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: rawValue))))
    }

    /// A string, bytes or message field of `count` bytes: tag, length and the bytes.
    @inline(__always)
    static func lengthDelimited(_ count: Int) -> Int { 1 + varint(UInt64(count)) + count }
}

extension EventClass {
    /// A short lower-case name: `product`, `anomaly`, `telemetry`, `command`, `unspecified`,
    /// or `class#N` for an unknown number.
    public var name: String {
        switch self {
        case .unspecified: "unspecified"
        case .product: "product"
        case .anomaly: "anomaly"
        case .telemetry: "telemetry"
        case .command: "command"
        case .UNRECOGNIZED(let n): "class#\(n)"
        }
    }
}

extension PropagationMode {
    /// `FULL`, `SUMMARY`, `QUERY`, `LOCAL`, or `propagation#N` for an unknown number.
    public var name: String {
        switch self {
        case .propagationFull: "FULL"
        case .propagationSummary: "SUMMARY"
        case .propagationQuery: "QUERY"
        case .propagationLocal: "LOCAL"
        case .UNRECOGNIZED(let n): "propagation#\(n)"
        }
    }
}

extension EventPriority {
    /// `CRITICAL`, `HIGH`, `NORMAL`, `LOW`, or `priority#N` for an unknown number.
    public var name: String {
        switch self {
        case .UNRECOGNIZED(let n): "priority#\(n)"
        default: PriorityLevel(self).name
        }
    }
}
