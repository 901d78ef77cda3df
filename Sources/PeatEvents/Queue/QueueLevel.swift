import DequeModule
import Foundation

/// An event built by the emitter's typed helpers, as the queue holds it: what differs from
/// one event of a kind to the next (id, timestamp, payload) and the kind's template. 48 bytes
/// where a `PeatEvent` takes several times that: W1 queues 900,000 events, and the memory an
/// emit writes (and the page faults that first touch it) was half of its time. The event is
/// built from the template when it leaves the queue, field for field the event the helper
/// would have built (so its encoding is byte-identical).
struct QueuedSlot: Sendable {
    var id: String
    var payload: Data
    var seconds: UInt64
    var nanos: UInt32
    /// Index of the kind's template in the queue's `TemplateTable`, or −1: the event was
    /// queued whole and is the next one of its level's `whole` FIFO.
    var template: Int32

    static let idOffset = MemoryLayout<QueuedSlot>.offset(of: \QueuedSlot.id)!
    static let payloadOffset = MemoryLayout<QueuedSlot>.offset(of: \QueuedSlot.payload)!

    /// The slot of an event queued whole.
    static var whole: QueuedSlot { QueuedSlot(id: "", payload: Data(), seconds: 0, nanos: 0, template: -1) }
}

/// What every event of one kind built by a typed helper shares: the fields it sets besides
/// the id, the timestamp and the payload.
struct EventTemplate: Sendable {
    var sourceNodeID: String
    var sourceFormationID: String
    var eventClass: EventClass
    var eventType: String
    var routing: AggregationPolicy
    var payloadTypeURL: String

    /// The event of this kind with `id`, `timestamp`, `payload`: a fresh event with the
    /// template's six fields, the id, the timestamp and the payload set (as the typed
    /// helpers set them).
    func event(id: String, seconds: UInt64, nanos: UInt32, payload: Data) -> PeatEvent {
        withUnsafePointer(to: self) { Self.event(id: id, seconds: seconds, nanos: nanos, payload: payload, from: $0) }
    }

    /// `event(id:…)` of the template at `template`, read field by field through the pointer
    /// (a whole template read out of an array was copied first).
    @inline(__always)
    static func event(id: String, seconds: UInt64, nanos: UInt32, payload: Data,
                      from template: UnsafePointer<EventTemplate>) -> PeatEvent {
        var e = PeatEvent()
        e.eventID = id
        e.timestamp = PeatTimestamp(seconds: seconds, nanos: nanos)
        e.sourceNodeID = template.pointee.sourceNodeID
        e.sourceFormationID = template.pointee.sourceFormationID
        e.eventClass = template.pointee.eventClass
        e.eventType = template.pointee.eventType
        e.routing = template.pointee.routing
        e.payloadTypeURL = template.pointee.payloadTypeURL
        e.payloadValue = payload
        return e
    }

    /// Builds in `destination` (uninitialised) the event of the slot at `slot`, whose
    /// template is at `template`, moving the slot's id and payload out (the slot is left
    /// deinitialised).
    ///
    /// This is the drain's inner loop. The event starts as a fresh `PeatEvent()`, whose
    /// string and data fields are empty and own nothing; the fields the template and the
    /// slot give are then initialised over them in place (by their offsets in the generated
    /// struct) rather than assigned, which would release each empty default first — a call
    /// per field — and copy the id and payload out of the slot only to destroy the slot's
    /// own. (Built as a value and then stored, the event was copied and the original
    /// destroyed: a retain and a release per field.) Where the offsets are not available
    /// (a generated struct that keeps its fields elsewhere) the fields are assigned.
    @inline(__always)
    static func build(movingFrom slot: UnsafeMutablePointer<QueuedSlot>, template: UnsafePointer<EventTemplate>,
                      into destination: UnsafeMutablePointer<PeatEvent>) {
        destination.initialize(to: PeatEvent())
        let seconds = slot.pointee.seconds, nanos = slot.pointee.nanos
        if let f = EventFieldOffsets.shared {
            let event = UnsafeMutableRawPointer(destination)
            let from = UnsafeMutableRawPointer(slot)
            (event + f.eventID).assumingMemoryBound(to: String.self)
                .initialize(to: (from + QueuedSlot.idOffset).assumingMemoryBound(to: String.self).move())
            (event + f.payloadValue).assumingMemoryBound(to: Data.self)
                .initialize(to: (from + QueuedSlot.payloadOffset).assumingMemoryBound(to: Data.self).move())
            // What is left of the slot (integers) needs no deinitialising.
            (event + f.sourceNodeID).assumingMemoryBound(to: String.self).initialize(to: template.pointee.sourceNodeID)
            (event + f.sourceFormationID).assumingMemoryBound(to: String.self).initialize(to: template.pointee.sourceFormationID)
            (event + f.eventType).assumingMemoryBound(to: String.self).initialize(to: template.pointee.eventType)
            (event + f.payloadTypeURL).assumingMemoryBound(to: String.self).initialize(to: template.pointee.payloadTypeURL)
        } else {
            let moved = slot.move()
            destination.pointee.eventID = moved.id
            destination.pointee.payloadValue = moved.payload
            destination.pointee.sourceNodeID = template.pointee.sourceNodeID
            destination.pointee.sourceFormationID = template.pointee.sourceFormationID
            destination.pointee.eventType = template.pointee.eventType
            destination.pointee.payloadTypeURL = template.pointee.payloadTypeURL
        }
        destination.pointee.timestamp = PeatTimestamp(seconds: seconds, nanos: nanos)
        destination.pointee.eventClass = template.pointee.eventClass
        destination.pointee.routing = template.pointee.routing
    }
}

/// Where the plain stored fields `EventTemplate.build` initialises lie in a `PeatEvent`; nil
/// when one of them is not a stored field with an offset of its own.
private struct EventFieldOffsets {
    var eventID: Int
    var sourceNodeID: Int
    var sourceFormationID: Int
    var eventType: Int
    var payloadTypeURL: Int
    var payloadValue: Int

    static let shared: EventFieldOffsets? = {
        guard let eventID = MemoryLayout<PeatEvent>.offset(of: \PeatEvent.eventID),
              let sourceNodeID = MemoryLayout<PeatEvent>.offset(of: \PeatEvent.sourceNodeID),
              let sourceFormationID = MemoryLayout<PeatEvent>.offset(of: \PeatEvent.sourceFormationID),
              let eventType = MemoryLayout<PeatEvent>.offset(of: \PeatEvent.eventType),
              let payloadTypeURL = MemoryLayout<PeatEvent>.offset(of: \PeatEvent.payloadTypeURL),
              let payloadValue = MemoryLayout<PeatEvent>.offset(of: \PeatEvent.payloadValue)
        else { return nil }
        return EventFieldOffsets(eventID: eventID, sourceNodeID: sourceNodeID, sourceFormationID: sourceFormationID,
                                 eventType: eventType, payloadTypeURL: payloadTypeURL, payloadValue: payloadValue)
    }()
}

/// The templates of the queued event kinds. A template is pinned while the emitter's name
/// cache refers to it; it is freed (and its number reused) once unpinned with nothing queued.
struct TemplateTable: Sendable {
    private var templates: [EventTemplate] = []
    /// Per template: its events queued.
    private var queued: [Int] = []
    /// Per template: still referred to by the emitter.
    private var pinned: [Bool] = []
    /// Per template: false once freed (its number is then in `free`).
    private var inUse: [Bool] = []
    private var free: [Int32] = []

    /// Adds a pinned template and returns its number.
    mutating func add(_ template: EventTemplate) -> Int32 {
        if let t = free.popLast() {
            let i = Int(t)
            templates[i] = template
            queued[i] = 0
            pinned[i] = true
            inUse[i] = true
            return t
        }
        templates.append(template)
        queued.append(0)
        pinned.append(true)
        inUse.append(true)
        return Int32(templates.count - 1)
    }

    /// The emitter no longer builds events from template `t`.
    mutating func unpin(_ t: Int32) {
        pinned[Int(t)] = false
        releaseIfUnused(Int(t))
    }

    /// The class of template `t`'s events.
    func eventClass(_ t: Int32) -> EventClass {
        templates.withUnsafeBufferPointer { ($0.baseAddress! + Int(t)).pointee.eventClass }
    }

    mutating func didQueue(_ t: Int32) { queued[Int(t)] += 1 }

    /// Every queued event is gone (the queue was emptied).
    mutating func dequeuedAll() {
        for t in queued.indices where queued[t] > 0 {
            queued[t] = 0
            releaseIfUnused(t)
        }
    }

    /// Builds in `destination` (uninitialised) the event of the slot at `slot` (which names a
    /// template), moving the slot out: the event leaves the queue.
    @inline(__always)
    mutating func build(movingFrom slot: UnsafeMutablePointer<QueuedSlot>, into destination: UnsafeMutablePointer<PeatEvent>) {
        let t = Int(slot.pointee.template)
        templates.withUnsafeBufferPointer {
            EventTemplate.build(movingFrom: slot, template: $0.baseAddress! + t, into: destination)
        }
        queued[t] -= 1
        if queued[t] == 0 { releaseIfUnused(t) }
    }

    /// A copy of the event of `slot` (which names a template).
    func event(_ slot: QueuedSlot) -> PeatEvent {
        templates[Int(slot.template)].event(id: slot.id, seconds: slot.seconds, nanos: slot.nanos, payload: slot.payload)
    }

    private mutating func releaseIfUnused(_ t: Int) {
        guard inUse[t], queued[t] == 0, !pinned[t] else { return }
        templates[t] = EventTemplate(sourceNodeID: "", sourceFormationID: "", eventClass: .unspecified,
                                     eventType: "", routing: AggregationPolicy(), payloadTypeURL: "")
        inUse[t] = false
        free.append(Int32(t))
    }
}

/// One level of the outbound queue, first in first out: the slots in order, and the events
/// queued whole (by `emit`, `emitNew`, or a typed helper whose template could not be used)
/// in their own FIFO, each standing behind a `QueuedSlot.whole` slot.
struct QueueLevel: Sendable {
    private var slots = RingFIFO<QueuedSlot>()
    private var whole = RingFIFO<PeatEvent>()

    /// Events queued.
    var count: Int { slots.count }

    /// True when nothing is queued.
    var isEmpty: Bool { slots.isEmpty }

    /// Queues `event` whole (moved in).
    mutating func append(_ event: consuming PeatEvent) {
        slots.append(.whole)
        whole.append(event)
    }

    /// Queues a templated event.
    mutating func append(slot: consuming QueuedSlot) { slots.append(slot) }

    /// A copy of the oldest event.
    func first(_ table: TemplateTable) -> PeatEvent? {
        guard let slot = slots.first else { return nil }
        return slot.template < 0 ? whole.first : table.event(slot)
    }

    /// Copies of the events, oldest first.
    func events(_ table: TemplateTable) -> Deque<PeatEvent> {
        var out = Deque<PeatEvent>(minimumCapacity: count)
        var w = 0
        for i in 0..<slots.count {
            let slot = slots[i]
            if slot.template < 0 {
                out.append(whole[w])
                w += 1
            } else {
                out.append(table.event(slot))
            }
        }
        return out
    }

    /// Removes and returns the oldest event; the level must not be empty.
    mutating func removeFirst(_ table: inout TemplateTable) -> PeatEvent {
        if slots.first!.template < 0 {
            _ = slots.removeFirst()
            return whole.removeFirst()
        }
        return withUnsafeTemporaryAllocation(of: PeatEvent.self, capacity: 1) { buffer in
            slots.removeFirst { table.build(movingFrom: $0, into: buffer.baseAddress!) }
            return buffer.baseAddress!.move()
        }
    }

    /// Moves the oldest `k` events (at most `count`) to `destination` (uninitialised room for
    /// `k`), removing them.
    mutating func moveFirst(_ k: Int, to destination: UnsafeMutablePointer<PeatEvent>, _ table: inout TemplateTable) {
        precondition(k >= 0 && k <= count, "moveFirst beyond the level's count")
        for i in 0..<k {
            if slots.headTemplate < 0 {
                _ = slots.removeFirst()
                (destination + i).initialize(to: whole.removeFirst())
            } else {
                slots.removeFirst { table.build(movingFrom: $0, into: destination + i) }
            }
        }
    }

    /// Removes every event.
    mutating func removeAll() {
        slots.removeAll()
        whole.removeAll()
    }
}

extension RingFIFO where Element == QueuedSlot {
    /// The template number of the oldest slot; the FIFO must not be empty.
    var headTemplate: Int32 { withFirst { $0.pointee.template } }
}
