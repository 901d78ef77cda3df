import Console
import Foundation
import LocalNode
import PeatEvents

/// A node as NodeConsole serves it: its source (emitter, link model, inputs) and the model
/// folded from what the source did (alerts, pop log, totals), behind one lock.
///
/// The program that owns the node drives it through `perform` (its own loop: time, inputs,
/// pops); the service reads it through `snapshot` on its own timer, and never from the
/// program's path. Watchers never take this lock: they read copies.
public final class WatchedNode: @unchecked Sendable {
    private let lock = NSLock()
    private let source: any NodeSource
    private let emitter: EventEmitter
    private var model: NodeModel
    /// Random per process: a watcher that sees a new one knows the node restarted.
    public let instanceID: String
    /// When the node started (its clock).
    public let started: PeatTimestamp

    /// Serves `source`, whose emitter answers queries.
    public init(source: any NodeSource, emitter: EventEmitter, instanceID: String = WatchedNode.newInstanceID()) {
        self.source = source
        self.emitter = emitter
        self.model = source.initialModel
        self.instanceID = instanceID
        self.started = emitter.clock.now()
    }

    /// Serves the in-process node `source` (its emitter, link model, demo and inputs).
    public convenience init(source: LocalNodeSource, instanceID: String = WatchedNode.newInstanceID()) {
        self.init(source: source as any NodeSource, emitter: source.emitter, instanceID: instanceID)
    }

    /// Serves an emitter that a program owns, with the link its pops go onto.
    public convenience init(emitter: EventEmitter, link: LinkTransmitter, instanceID: String = WatchedNode.newInstanceID()) {
        self.init(source: LocalNodeSource(emitter: emitter, link: link), instanceID: instanceID)
    }

    /// A fresh random instance id.
    public static func newInstanceID() -> String { UUID().uuidString.lowercased() }

    public var nodeID: String { emitter.nodeID }
    public var formationID: String { emitter.formationID }

    /// Carries out `command` on the node; what it did is recorded for watchers.
    @discardableResult
    public func perform(_ command: NodeCommand) -> [NodeEvent] {
        lock.lock()
        defer { lock.unlock() }
        let events = source.perform(command)
        for event in events { _ = model.fold(event, running: true) }
        return events
    }

    /// The node's model now: figures read just now, alerts, pop log and totals.
    public func snapshot() -> NodeModel {
        lock.lock()
        defer { lock.unlock() }
        let observation = source.observe(ObservationRequest(query: LocalQuery(limit: 0)))
        _ = model.fold(.observed(observation), running: true)
        return model
    }

    /// Acknowledges the alert with `key` (nil: the newest unacknowledged).
    /// - Returns: what happened in words, and whether an alert was acknowledged.
    public func acknowledge(key: Int?) -> (text: String, ok: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if let key, !model.alerts.contains(where: { $0.key == key }) {
            return ("no alert with key \(key) is kept", false)
        }
        let before = model.unacknowledged
        let report = model.acknowledge(key: key)
        return (report.text, model.unacknowledged < before)
    }

    /// The schema's query over the local store (the emitter is thread-safe).
    public func query(_ query: EventQuery) -> EventQueryResponse {
        var response = emitter.query(query)
        response.responderID = emitter.nodeID
        return response
    }
}
