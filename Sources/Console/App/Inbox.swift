import Synchronization

/// A lock-protected queue of actions posted by background threads (stream readers, signal
/// watchers); the main loop drains it on every wake-up.
public final class Inbox: Sendable {
    private let queue = Mutex<[Action]>([])

    public init() {}

    /// Adds `action` (any thread).
    public func post(_ action: Action) {
        queue.withLock { $0.append(action) }
    }

    /// Actions waiting (a reader thread may hold back while this is large).
    public var count: Int { queue.withLock { $0.count } }

    /// Takes every pending action, oldest first (main loop).
    public func drain() -> [Action] {
        queue.withLock { q in
            let out = q
            q.removeAll(keepingCapacity: true)
            return out
        }
    }
}
