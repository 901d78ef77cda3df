import DequeModule

/// The arrival numbers of the stored events that share one key (a type, a class, a source
/// instance, a timestamp second), oldest first.
///
/// Removal is lazy: the store clears the slot and tells the index one event fewer is live;
/// the index drops dead numbers at its front at once and compacts the rest when they
/// outnumber the live ones, so every operation is amortised O(1) and a read costs
/// O(live + dead ≤ 2·live + 32).
struct SeqIndex: Sendable {
    /// Arrival numbers, ascending; some may be dead.
    var seqs = Deque<Int>()
    /// How many of `seqs` are live.
    var live = 0

    mutating func add(_ seq: Int) {
        seqs.append(seq)
        live += 1
    }

    /// Records that one of this index's events was removed; `isLive` tells live numbers.
    /// Returns false when the index is now empty (the caller drops it).
    mutating func removeOne(isLive: (Int) -> Bool) -> Bool {
        live -= 1
        guard live > 0 else { return false }
        while let first = seqs.first, !isLive(first) { seqs.removeFirst() }
        if seqs.count > 2 * live + 32 {
            seqs = Deque(seqs.filter(isLive))
        }
        return true
    }
}

extension Dictionary where Value == SeqIndex {
    /// Files `seq` under `key`.
    mutating func add(_ seq: Int, at key: Key) {
        self[key, default: SeqIndex()].add(seq)
    }

    /// Removes one live event from `key`'s index, dropping the index when it empties.
    /// Returns true when it emptied.
    @discardableResult
    mutating func removeOne(at key: Key, isLive: (Int) -> Bool) -> Bool {
        guard var index = removeValue(forKey: key) else { return false }
        if index.removeOne(isLive: isLive) {
            self[key] = index
            return false
        }
        return true
    }
}
