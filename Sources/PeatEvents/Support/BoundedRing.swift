/// A bounded first-in-first-out list: appending past the capacity drops the oldest. The one
/// ring behind the last errors of an input and the popped events kept for an export.
public struct BoundedRing<Element: Sendable>: Sendable {
    /// The most elements kept (at least 1).
    public let capacity: Int
    private var storage: [Element] = []
    private var head = 0

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Elements kept.
    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    /// Adds `element`, dropping the oldest when full.
    public mutating func append(_ element: Element) {
        if storage.count < capacity {
            storage.append(element)
        } else {
            storage[head] = element
            head = (head + 1) % capacity
        }
    }

    /// Adds each of `elements` in order (only the last `capacity` stay).
    public mutating func append(contentsOf elements: some Sequence<Element>) {
        for e in elements { append(e) }
    }

    /// The elements, oldest first.
    public var elements: [Element] { Array(storage[head...] + storage[..<head]) }
}

extension BoundedRing: Equatable where Element: Equatable {
    public static func == (a: BoundedRing, b: BoundedRing) -> Bool { a.capacity == b.capacity && a.elements == b.elements }
}
