/// A bounded first-in-first-out list: appending past the capacity drops the oldest. The one
/// ring behind the last errors of an input and the popped events kept for an export.
///
/// Inlinable so that it is specialised where it is used: the console appends every popped
/// event to one, and through the generic entry points each element went through value
/// witnesses (a copy and a destroy per field) at a call each.
public struct BoundedRing<Element: Sendable>: Sendable {
    /// The most elements kept (at least 1).
    public let capacity: Int
    @usableFromInline var storage: [Element] = []
    @usableFromInline var head = 0

    @inlinable
    public init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Elements kept.
    @inlinable
    public var count: Int { storage.count }
    @inlinable
    public var isEmpty: Bool { storage.isEmpty }

    /// Adds `element`, dropping the oldest when full.
    @inlinable
    public mutating func append(_ element: consuming Element) {
        if storage.count < capacity {
            storage.append(element)
        } else {
            storage[head] = element
            head += 1
            if head == capacity { head = 0 }
        }
    }

    /// Adds each of `elements` in order (only the last `capacity` stay).
    @inlinable
    public mutating func append(contentsOf elements: some Sequence<Element>) {
        for e in elements { append(e) }
    }

    /// Adds each of `elements` in order (only the last `capacity` stay), moving them in rather
    /// than copying them.
    ///
    /// Once the ring is full each element is swapped with the oldest kept one, which leaves
    /// with `elements` (no copy, and no retain and release, of either).
    @inlinable
    public mutating func append(moving elements: consuming [Element]) {
        var elements = elements
        var i = 0
        while i < elements.count, storage.count < capacity {
            storage.append(elements[i])
            i += 1
        }
        guard i < elements.count else { return }
        var h = head
        let capacity = capacity
        storage.withUnsafeMutableBufferPointer { ring in
            elements.withUnsafeMutableBufferPointer { source in
                while i < source.count {
                    swap(&ring[h], &source[i])
                    h += 1
                    if h == capacity { h = 0 }
                    i += 1
                }
            }
        }
        head = h
    }

    /// The elements, oldest first.
    @inlinable
    public var elements: [Element] { Array(storage[head...] + storage[..<head]) }
}

extension BoundedRing: Equatable where Element: Equatable {
    public static func == (a: BoundedRing, b: BoundedRing) -> Bool { a.capacity == b.capacity && a.elements == b.elements }
}
