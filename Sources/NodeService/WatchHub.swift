import Console
import Foundation
import GRPCCore
import PeatEvents
import PeatRemoteProto

/// Takes the node's snapshot on its own timer and hands each watcher the changes through a
/// bounded buffer of its own.
///
/// Nothing here runs on the node's path: the node's loop only takes the node's lock, which
/// a snapshot holds for the time of reading counters. A watcher that reads slowly fills its
/// buffer; the oldest update waiting is then dropped and counted, and the watcher sees the
/// gap in the sequence numbers. Memory per watcher is bounded by the buffer.
public final class WatchHub: @unchecked Sendable {
    /// Limits of the hub.
    public struct Limits: Sendable {
        /// Snapshot period (the least time between two updates), milliseconds.
        public var intervalMs: Int = 100
        /// Most watchers at once (one more gets RESOURCE_EXHAUSTED).
        public var maxWatchers: Int = 16
        /// Updates that may wait for one watcher; past it the oldest are dropped.
        public var bufferCapacity: Int = 64
        /// With nothing changed, an update is still sent this often (so that a watcher can tell
        /// a quiet node from a dead connection), milliseconds.
        public var heartbeatMs: Int = 1000

        public init(intervalMs: Int = 100, maxWatchers: Int = 16, bufferCapacity: Int = 64, heartbeatMs: Int = 1000) {
            self.intervalMs = intervalMs
            self.maxWatchers = maxWatchers
            self.bufferCapacity = bufferCapacity
            self.heartbeatMs = heartbeatMs
        }
    }

    private struct Watcher {
        var continuation: AsyncStream<NodeUpdateMessage>.Continuation
        /// Sent every this many snapshots (its interval over the hub's).
        var every: Int
        var countdown: Int
        /// Changes merged while the watcher is not due.
        var pending: NodeUpdateMessage?
        var dropped: UInt64 = 0
        var name: String
    }

    public let node: WatchedNode
    public let limits: Limits
    /// Software named in the identity.
    public var serverName = "peat-console"
    /// Control calls are answered (named in the identity).
    public var controlAllowed = false

    private let lock = NSLock()
    private var watchers: [Int: Watcher] = [:]
    private var nextID = 1
    private var sequence: UInt64 = 0
    private var last: NodeModel?
    private var lastFigures: NodeFiguresMessage?
    private var lastSent = Date.distantPast
    private var closed = false
    /// Updates dropped for slow watchers, all watchers together.
    public private(set) var totalDropped: UInt64 = 0
    /// Snapshots taken.
    public private(set) var snapshots = 0

    public init(node: WatchedNode, limits: Limits = Limits()) {
        self.node = node
        self.limits = limits
    }

    /// Watchers connected now.
    public var watcherCount: Int { lock.withLock { watchers.count } }

    /// Adds a watcher that wants an update at most every `intervalMs` (0: the hub's period).
    /// - Returns: its id (for `remove`), its stream of updates after the first, and the first
    ///   message: the whole state.
    /// - Throws: `RPCError(.resourceExhausted)` past `maxWatchers`; `.unavailable` once closed.
    public func add(intervalMs: Int, name: String) throws -> (id: Int, updates: AsyncStream<NodeUpdateMessage>, first: NodeUpdateMessage) {
        if last == nil { tick() }
        return try lock.withLock {
            if closed { throw RPCError(code: .unavailable, message: "the node is shutting down") }
            guard watchers.count < limits.maxWatchers else {
                throw RPCError(code: .resourceExhausted, message: "this node serves at most \(limits.maxWatchers) watchers")
            }
            let (stream, continuation) = AsyncStream.makeStream(of: NodeUpdateMessage.self,
                                                                bufferingPolicy: .bufferingNewest(max(1, limits.bufferCapacity)))
            let id = nextID
            nextID += 1
            let every = max(1, (max(intervalMs, limits.intervalMs) + limits.intervalMs - 1) / limits.intervalMs)
            watchers[id] = Watcher(continuation: continuation, every: every, countdown: every, name: name)
            return (id, stream, fullUpdate())
        }
    }

    /// Removes a watcher (its stream ended or it went away).
    public func remove(_ id: Int) {
        let w = lock.withLock { watchers.removeValue(forKey: id) }
        w?.continuation.finish()
    }

    /// Ends every watcher's stream and refuses new ones (the node is stopping).
    public func close() {
        let all = lock.withLock { () -> [Watcher] in
            closed = true
            defer { watchers = [:] }
            return Array(watchers.values)
        }
        for w in all { w.continuation.finish() }
    }

    /// Snapshots the node every period until the task is cancelled or the hub closed.
    public func run() async {
        while !Task.isCancelled, !lock.withLock({ closed }) {
            tick()
            try? await Task.sleep(for: .milliseconds(limits.intervalMs))
        }
    }

    /// One snapshot: what changed since the last goes to every watcher that is due.
    public func tick() {
        let model = node.snapshot()
        lock.lock()
        defer { lock.unlock() }
        snapshots += 1
        let figures = NodeFiguresMessage(model)
        guard let previous = last else {
            last = model
            lastFigures = figures
            return
        }
        var update = NodeUpdateMessage()
        update.pops = WatchHub.newPops(model, since: previous)
        update.alerts = WatchHub.changedAlerts(model, since: previous)
        update.figures = figures
        var timeless = figures
        timeless.clearTime()
        var before = lastFigures ?? NodeFiguresMessage()
        before.clearTime()
        let changed = !update.pops.isEmpty || !update.alerts.isEmpty || timeless != before
        last = model
        lastFigures = figures
        let now = Date()
        guard changed || now.timeIntervalSince(lastSent) * 1000 >= Double(limits.heartbeatMs) else { return }
        lastSent = now
        sequence += 1
        update.sequence = sequence
        for id in Array(watchers.keys) {
            guard var w = watchers[id] else { continue }
            let merged = w.pending.map { WatchHub.merge($0, update) } ?? update
            w.countdown -= 1
            if w.countdown > 0 {
                w.pending = merged
            } else {
                w.countdown = w.every
                w.pending = nil
                var out = merged
                out.droppedUpdates = w.dropped
                if case .dropped = w.continuation.yield(out) {
                    w.dropped += 1
                    totalDropped += 1
                }
            }
            watchers[id] = w
        }
    }

    /// The whole state as a first message (call with the lock held).
    private func fullUpdate() -> NodeUpdateMessage {
        let model = last ?? NodeModel(nodeID: node.nodeID, formationID: node.formationID)
        var u = NodeUpdateMessage()
        u.sequence = sequence
        u.full = true
        u.identity = identity(at: model.observed.time)
        u.figures = NodeFiguresMessage(model)
        u.pops = model.popLog.reversed().map(Cap_Console_V1_PopStep.init)
        u.alerts = model.alerts.reversed().map(Cap_Console_V1_Alert.init)
        return u
    }

    private func identity(at now: PeatTimestamp) -> NodeIdentityMessage {
        var i = NodeIdentityMessage()
        i.nodeID = node.nodeID
        i.formationID = node.formationID
        i.instanceID = node.instanceID
        i.started = node.started
        i.uptimeSeconds = now.seconds >= node.started.seconds ? now.seconds - node.started.seconds : 0
        i.controlAllowed = controlAllowed
        i.intervalMs = UInt32(limits.intervalMs)
        i.server = serverName
        return i
    }

    /// Pop steps logged since `previous` (and the newest again when its repeat count grew),
    /// oldest first.
    static func newPops(_ model: NodeModel, since previous: NodeModel) -> [Cap_Console_V1_PopStep] {
        var out: [PopStep] = []
        for step in model.popLog {
            if step.number > previous.popSteps {
                out.append(step)
            } else {
                if step.number == previous.popLog.first?.number, step != previous.popLog.first { out.append(step) }
                break
            }
        }
        return out.reversed().map(Cap_Console_V1_PopStep.init)
    }

    /// Alerts raised or changed (acknowledged, sent, link fate) since `previous`, oldest first.
    static func changedAlerts(_ model: NodeModel, since previous: NodeModel) -> [Cap_Console_V1_Alert] {
        var before: [Int: AlertRecord] = [:]
        for a in previous.alerts { before[a.key] = a }
        var out: [AlertRecord] = []
        for a in model.alerts {
            if let b = before[a.key] {
                if b.acknowledged != a.acknowledged || b.sent != a.sent || b.linkFate != a.linkFate { out.append(a) }
            } else if a.key > previous.alertsReceived {
                out.append(a)
            }
        }
        return out.reversed().map(Cap_Console_V1_Alert.init)
    }

    /// `a` then `b` as one update: `b`'s figures and sequence, both's pops and alerts (the later
    /// copy of one that changed twice).
    static func merge(_ a: NodeUpdateMessage, _ b: NodeUpdateMessage) -> NodeUpdateMessage {
        var m = b
        var pops = a.pops.filter { p in !b.pops.contains { $0.number == p.number } }
        pops.append(contentsOf: b.pops)
        m.pops = pops
        var alerts = a.alerts.filter { x in !b.alerts.contains { $0.key == x.key } }
        alerts.append(contentsOf: b.alerts)
        m.alerts = alerts
        return m
    }
}
