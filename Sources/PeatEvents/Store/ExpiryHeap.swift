/// A binary min-heap of (deadline second, arrival number): the store's expiry index.
///
/// Entries of events that left the store some other way (replaced, evicted) stay until they
/// surface or until the store compacts the heap; the store checks an entry is still live
/// before acting on it.
struct ExpiryHeap: Sendable {
    struct Entry: Sendable {
        /// The last second the event is alive: it expires once `now > deadline`.
        var deadline: UInt64
        var seq: Int
    }

    private(set) var entries: [Entry] = []

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }
    var min: Entry? { entries.first }

    mutating func insert(_ e: Entry) {
        entries.append(e)
        siftUp(entries.count - 1)
    }

    @discardableResult
    mutating func removeMin() -> Entry? {
        guard !entries.isEmpty else { return nil }
        let top = entries[0]
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            siftDown(0)
        }
        return top
    }

    /// Keeps only the entries `keep` accepts, in O(n).
    mutating func filter(_ keep: (Entry) -> Bool) {
        entries = entries.filter(keep)
        var i = entries.count / 2
        while i > 0 {
            i -= 1
            siftDown(i)
        }
    }

    mutating func removeAll() { entries.removeAll() }

    private static func less(_ a: Entry, _ b: Entry) -> Bool {
        a.deadline != b.deadline ? a.deadline < b.deadline : a.seq < b.seq
    }

    private mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.less(entries[i], entries[parent]) else { return }
            entries.swapAt(i, parent)
            i = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        let n = entries.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < n, Self.less(entries[l], entries[m]) { m = l }
            if r < n, Self.less(entries[r], entries[m]) { m = r }
            if m == i { return }
            entries.swapAt(i, m)
            i = m
        }
    }
}
