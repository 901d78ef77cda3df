#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A first-in first-out ring that moves its elements in and out. (`Deque.append` captures its
/// argument in a closure and so copies it — for an event a retain and later a release per
/// string and payload — then destroys the original; an event is large, so that was a fifth
/// of an emit.)
///
/// A value type with copy-on-write storage, like the standard collections.
struct RingFIFO<Element>: @unchecked Sendable {
    // Sendable when its elements are (the queue's are events and `QueuedSlot`s).
    private var storage: Storage

    init() { storage = Storage(capacity: 16) }

    /// Elements held.
    var count: Int { storage.count }

    /// True when nothing is held.
    var isEmpty: Bool { storage.count == 0 }

    /// The oldest element.
    var first: Element? { storage.count == 0 ? nil : storage.buffer[storage.head] }

    /// The `i`-th oldest element (0 is `first`); `i` must be below `count`.
    subscript(i: Int) -> Element {
        precondition(i >= 0 && i < storage.count, "RingFIFO index out of range")
        return storage.buffer[(storage.head + i) & (storage.capacity - 1)]
    }

    /// Adds `element` at the end (moved in, not copied).
    mutating func append(_ element: consuming Element) {
        reserveOneMore()
        let s = storage
        (s.buffer + ((s.head + s.count) & (s.capacity - 1))).initialize(to: element)
        s.count += 1
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

    /// Removes and returns the oldest element (moved out); the FIFO must not be empty.
    mutating func removeFirst() -> Element {
        precondition(storage.count > 0, "removeFirst on an empty RingFIFO")
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(capacity: storage.capacity) }
        let s = storage
        let element = (s.buffer + s.head).move()
        s.head = (s.head + 1) & (s.capacity - 1)
        s.count -= 1
        return element
    }

    /// Removes the oldest element, handing `body` its address: `body` must move it out or
    /// deinitialise it. The FIFO must not be empty.
    @inline(__always)
    mutating func removeFirst<R>(_ body: (UnsafeMutablePointer<Element>) -> R) -> R {
        precondition(storage.count > 0, "removeFirst on an empty RingFIFO")
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(capacity: storage.capacity) }
        let s = storage
        let element = s.buffer + s.head
        s.head = (s.head + 1) & (s.capacity - 1)
        s.count -= 1
        return body(element)
    }

    /// `body` applied to the oldest element's address (read only); the FIFO must not be empty.
    @inline(__always)
    func withFirst<R>(_ body: (UnsafePointer<Element>) -> R) -> R {
        precondition(storage.count > 0, "withFirst on an empty RingFIFO")
        return body(storage.buffer + storage.head)
    }

    /// Removes every element.
    mutating func removeAll() { storage = Storage(capacity: 16) }

    /// The ring: `count` initialised elements from `head`, wrapping at `capacity` (a power of 2).
    private final class Storage {
        // Mutated only through a uniquely referenced `RingFIFO` (copy-on-write above).
        // The buffer comes from malloc so that an unwrapped ring can grow with realloc: a
        // large block is then remapped rather than copied (elements are bitwise movable).
        private(set) var buffer: UnsafeMutablePointer<Element>
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

        private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<Element> {
            guard let raw = malloc(capacity * MemoryLayout<Element>.stride) else { fatalError("RingFIFO: out of memory") }
            return raw.bindMemory(to: Element.self, capacity: capacity)
        }

        /// Grows an unwrapped ring (`head` 0) in place or by realloc's move.
        func grow(capacity newCapacity: Int) {
            precondition(head == 0 && newCapacity >= count)
            guard let raw = realloc(buffer, newCapacity * MemoryLayout<Element>.stride) else { fatalError("RingFIFO: out of memory") }
            buffer = raw.bindMemory(to: Element.self, capacity: newCapacity)
            capacity = newCapacity
        }

        /// A new ring of `capacity` with copies of the elements.
        func copy(capacity: Int) -> Storage {
            let new = Storage(capacity: capacity)
            for i in 0..<count { (new.buffer + i).initialize(to: buffer[(head + i) & (self.capacity - 1)]) }
            new.count = count
            return new
        }

        /// A new ring of `capacity` with the elements moved into it; this one is left empty.
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
