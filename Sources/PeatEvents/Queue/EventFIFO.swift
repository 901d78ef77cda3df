import DequeModule
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One level of the outbound queue: a first-in first-out ring of events that moves them in
/// and out. (`Deque.append` captures its argument in a closure and so copies the event — a
/// retain and later a release per string and payload — then destroys the original; an event
/// is large, so that was a fifth of an emit.)
///
/// A value type with copy-on-write storage, like the standard collections.
struct EventFIFO: Sendable {
    private var storage: Storage

    init() { storage = Storage(capacity: 16) }

    /// Events held.
    var count: Int { storage.count }

    /// True when no event is held.
    var isEmpty: Bool { storage.count == 0 }

    /// The oldest event.
    var first: PeatEvent? { storage.count == 0 ? nil : storage.buffer[storage.head] }

    /// Adds `event` at the end (moved in, not copied).
    mutating func append(_ event: consuming PeatEvent) {
        reserveOneMore()
        let s = storage
        (s.buffer + ((s.head + s.count) & (s.capacity - 1))).initialize(to: event)
        s.count += 1
    }

    /// Adds at the end an empty event that `fill` then sets up in place.
    @inline(__always)
    mutating func append(_ fill: (inout PeatEvent) -> Void) {
        reserveOneMore()
        let s = storage
        let slot = s.buffer + ((s.head + s.count) & (s.capacity - 1))
        slot.initialize(to: PeatEvent())
        s.count += 1
        fill(&slot.pointee)
    }

    private mutating func reserveOneMore() {
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(capacity: storage.count == storage.capacity ? storage.capacity * 2 : storage.capacity)
        } else if storage.count == storage.capacity {
            if storage.head == 0 {
                storage.grow(capacity: storage.capacity * 2)
            } else {
                storage = storage.moveOut(capacity: storage.capacity * 2)
            }
        }
    }

    /// Removes and returns the oldest event (moved out); the FIFO must not be empty.
    mutating func removeFirst() -> PeatEvent {
        precondition(storage.count > 0, "removeFirst on an empty EventFIFO")
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(capacity: storage.capacity) }
        let s = storage
        let event = (s.buffer + s.head).move()
        s.head = (s.head + 1) & (s.capacity - 1)
        s.count -= 1
        return event
    }

    /// Removes every event.
    mutating func removeAll() { storage = Storage(capacity: 16) }

    /// The events, oldest first, as a `Deque` (a copy).
    var deque: Deque<PeatEvent> {
        var out = Deque<PeatEvent>(minimumCapacity: storage.count)
        let s = storage
        for i in 0..<s.count { out.append(s.buffer[(s.head + i) & (s.capacity - 1)]) }
        return out
    }

    /// The ring: `count` initialised events from `head`, wrapping at `capacity` (a power of 2).
    private final class Storage: @unchecked Sendable {
        // Mutated only through a uniquely referenced `EventFIFO` (copy-on-write above).
        // The buffer comes from malloc so that an unwrapped ring can grow with realloc: a
        // large block is then remapped rather than copied (events are bitwise movable).
        private(set) var buffer: UnsafeMutablePointer<PeatEvent>
        private(set) var capacity: Int
        var head = 0
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            buffer = Self.allocate(capacity)
        }

        deinit {
            for i in 0..<count { (buffer + ((head + i) & (capacity - 1))).deinitialize(count: 1) }
            free(buffer)
        }

        private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<PeatEvent> {
            guard let raw = malloc(capacity * MemoryLayout<PeatEvent>.stride) else { fatalError("EventFIFO: out of memory") }
            return raw.bindMemory(to: PeatEvent.self, capacity: capacity)
        }

        /// Grows an unwrapped ring (`head` 0) in place or by realloc's move.
        func grow(capacity newCapacity: Int) {
            precondition(head == 0 && newCapacity >= count)
            guard let raw = realloc(buffer, newCapacity * MemoryLayout<PeatEvent>.stride) else { fatalError("EventFIFO: out of memory") }
            buffer = raw.bindMemory(to: PeatEvent.self, capacity: newCapacity)
            capacity = newCapacity
        }

        /// A new ring of `capacity` with copies of the events.
        func copy(capacity: Int) -> Storage {
            let new = Storage(capacity: capacity)
            for i in 0..<count { (new.buffer + i).initialize(to: buffer[(head + i) & (self.capacity - 1)]) }
            new.count = count
            return new
        }

        /// A new ring of `capacity` with the events moved into it; this one is left empty.
        func moveOut(capacity: Int) -> Storage {
            let new = Storage(capacity: capacity)
            let firstRun = Swift.min(count, self.capacity - head)
            new.buffer.moveInitialize(from: buffer + head, count: firstRun)
            if count > firstRun { (new.buffer + firstRun).moveInitialize(from: buffer, count: count - firstRun) }
            new.count = count
            count = 0
            head = 0
            return new
        }
    }
}
