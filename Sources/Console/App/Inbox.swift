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

    /// Takes every pending action, oldest first (main loop).
    public func drain() -> [Action] {
        queue.withLock { q in
            let out = q
            q.removeAll(keepingCapacity: true)
            return out
        }
    }
}
