import PeatEvents

/// What the app asks of a node: carried out by the node's source, whose results come back as
/// `NodeEvent`s.
public enum NodeCommand: Equatable, Sendable {
    /// Inject one synthetic event at a level (as the emitter helpers would make it).
    case inject(PriorityLevel)
    /// Inject a telemetry sample (QUERY: goes to the local store).
    case injectTelemetry
    /// Inject `count` mixed events.
    case burst(count: Int)
    /// One `popEvents(max:)`.
    case pop(max: Int)
    case setPolicy(SchedulingPolicy)
    /// Let time pass until `time`: run the generator when `generate`, drain at `drainRate`
    /// events/s (0 = no auto-drain) in pops of `batch`.
    case advance(to: PeatTimestamp, generate: Bool, drainRate: Int, batch: Int)
    /// Emit a stream delivery's events and count its errors.
    case ingest(StreamDelivery)
    /// Acknowledge the alert with this key (nil: the newest unacknowledged), on a node that
    /// keeps its alerts itself (a remote one); a local node's alerts are acknowledged in the model.
    case acknowledge(alertKey: Int?)
    /// Write the export files; the alerts come from the model (the node does not keep them).
    case export(AlertExport)
}

/// The alerts as the model holds them, for an export.
public struct AlertExport: Equatable, Sendable {
    /// Kept alerts, oldest first.
    public var alerts: [AlertRecord]
    /// Alerts received in all (the rest fell off the kept list).
    public var received: Int
    /// The queueing delays per level and stage, as the model summarised them.
    public var delays: QueueDelays

    public init(alerts: [AlertRecord], received: Int, delays: QueueDelays = QueueDelays()) {
        self.alerts = alerts
        self.received = received
        self.delays = delays
    }
}

/// A command for one node.
public struct Effect: Equatable, Sendable {
    public var node: NodeKey
    public var command: NodeCommand

    public init(_ command: NodeCommand, for node: NodeKey) {
        self.node = node
        self.command = command
    }
}

/// What feeds one node model and takes its commands: the in-process emitter
/// (`LocalNodeSource`), and later a remote node or a replay. A source holds no model state:
/// what it did comes back as node events, which the reducer folds into the node's model.
///
/// Called on the main loop's thread only.
public protocol NodeSource: AnyObject {
    /// The node this source feeds.
    var key: NodeKey { get }
    /// The node's identity as the model starts with it.
    var initialModel: NodeModel { get }
    /// Carries out `command`.
    /// - Returns: what happened, in order.
    func perform(_ command: NodeCommand) -> [NodeEvent]
    /// Reads the node's figures and the browser page asked for.
    func observe(_ request: ObservationRequest) -> NodeObservation
}
