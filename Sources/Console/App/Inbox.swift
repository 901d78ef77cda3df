import Foundation
import PeatEvents
import Synchronization

/// A lock-protected queue of actions posted by background threads (stream readers, signal
/// watchers); the main loop drains it on every wake-up.
///
/// Stream deliveries are bounded by what they hold, not by how many there are: one 64 KiB
/// read can decode to 65,536 records. A reader posting with `post(_:waitingFor:)` waits while
/// the deliveries waiting here hold more than `recordLimit` records or `byteLimit` input
/// bytes (an empty inbox always takes one delivery, however large), and the main loop takes
/// at most a budget of records a wake-up (`drain(recordBudget:)`), so neither memory nor the
/// time between two frames grows with the input's rate.
public final class Inbox: Sendable {
    private struct Pending: Sendable {
        var actions: [Action] = []
        var head = 0
        var records = 0
        var bytes = 0
        var closed = false
    }

    private let queue = Mutex<Pending>(Pending())
    /// Wakes readers waiting for room (the mutex above guards the state; this only signals).
    private let room = NSCondition()
    /// Most records that may wait in stream deliveries before a reader holds back.
    public let recordLimit: Int
    /// Most input bytes that may wait in stream deliveries before a reader holds back.
    public let byteLimit: Int

    /// The default bounds: 65,536 records, 16 MiB of input.
    public init(recordLimit: Int = 65_536, byteLimit: Int = 16 << 20) {
        self.recordLimit = max(1, recordLimit)
        self.byteLimit = max(1, byteLimit)
    }

    /// Adds `action` (any thread), without waiting.
    public func post(_ action: Action) {
        queue.withLock { q in
            q.actions.append(action)
            q.records += Inbox.records(of: action)
            q.bytes += Inbox.bytes(of: action)
        }
    }

    /// Adds `action` when there is room for it, else does nothing.
    /// - Returns: true when it was added.
    public func tryPost(_ action: Action) -> Bool {
        queue.withLock { q in
            guard q.closed || fits(action, in: q) else { return false }
            q.actions.append(action)
            q.records += Inbox.records(of: action)
            q.bytes += Inbox.bytes(of: action)
            return true
        }
    }

    /// Adds `action` once there is room, waiting (a reader thread) while the inbox is full.
    /// Gives up when `cancelled()` turns true (checked at least every 50 ms) or the inbox is
    /// closed, so a waiting reader never holds up shutdown.
    /// - Returns: true when it was added.
    @discardableResult
    public func post(_ action: Action, waitingFor cancelled: () -> Bool) -> Bool {
        while !cancelled() {
            if isClosed { return false }
            if tryPost(action) { return true }
            room.lock()
            if !hasRoom(for: action) && !isClosed { _ = room.wait(until: Date(timeIntervalSinceNow: 0.05)) }
            room.unlock()
        }
        return false
    }

    /// Stops waiting readers (at shutdown); later waiting posts return false at once.
    public func close() {
        queue.withLock { $0.closed = true }
        room.lock()
        room.broadcast()
        room.unlock()
    }

    private var isClosed: Bool { queue.withLock { $0.closed } }

    private func hasRoom(for action: Action) -> Bool { queue.withLock { fits(action, in: $0) } }

    private func fits(_ action: Action, in q: Pending) -> Bool {
        q.actions.count == q.head
            || (q.records + Inbox.records(of: action) <= recordLimit && q.bytes + Inbox.bytes(of: action) <= byteLimit)
    }

    /// Actions waiting.
    public var count: Int { queue.withLock { $0.actions.count - $0.head } }

    /// Records and input bytes waiting in stream deliveries.
    public var load: (records: Int, bytes: Int) { queue.withLock { ($0.records, $0.bytes) } }

    /// Takes every pending action, oldest first (main loop).
    public func drain() -> [Action] { drain(recordBudget: .max) }

    /// Takes pending actions, oldest first, until the stream records taken would pass
    /// `recordBudget` (the first action is always taken); the rest stay for the next call.
    public func drain(recordBudget: Int) -> [Action] {
        let out = queue.withLock { q -> [Action] in
            var taken = 0
            var end = q.head
            while end < q.actions.count {
                let n = Inbox.records(of: q.actions[end])
                if end > q.head && taken + n > recordBudget { break }
                taken += n
                q.bytes -= Inbox.bytes(of: q.actions[end])
                end += 1
            }
            q.records -= taken
            let out = Array(q.actions[q.head..<end])
            if end == q.actions.count {
                q.actions.removeAll(keepingCapacity: true)
                q.head = 0
            } else {
                q.head = end
                // Compact once the taken front is the larger part: amortised O(1) per action.
                if q.head > q.actions.count / 2 {
                    q.actions.removeFirst(q.head)
                    q.head = 0
                }
            }
            return out
        }
        if !out.isEmpty {
            room.lock()
            room.broadcast()
            room.unlock()
        }
        return out
    }

    private static func records(of action: Action) -> Int {
        if case .stream(let d) = action { return d.records.count }
        return 0
    }

    private static func bytes(of action: Action) -> Int {
        if case .stream(let d) = action { return d.bytes }
        return 0
    }
}
