import PeatEvents

/// How the console is connected to a node it watches over the network. Local nodes have none
/// (`NodeModel.connection` is nil).
public struct NodeConnection: Equatable, Sendable {
    /// Where the connection is in its life.
    public enum Phase: Equatable, Sendable {
        /// First attempt under way: nothing seen yet.
        case connecting
        /// Updates arriving.
        case live
        /// Connected, but no update for longer than the node's heartbeat allows: the figures
        /// shown are the last ones received.
        case stale
        /// The connection was lost; trying again (the last state stays shown, marked stale).
        case reconnecting
        /// Nothing accepts connections at the address (connection refused).
        case refused
        /// The address cannot be reached (no route, timeout, unknown host).
        case unreachable
        /// The node refused the token (UNAUTHENTICATED) or the TLS handshake failed.
        case unauthorised
        /// Something answered that does not speak NodeConsole over gRPC.
        case notGRPC
        /// Any other failure.
        case failed
    }

    /// The address as given (`127.0.0.1:7450`).
    public var address: String
    public var phase: Phase = .connecting
    /// Why, in words, for the failing phases ("connection refused", "token rejected").
    public var reason: String?
    /// The node's process instance (a new one means the node restarted: its counts began again).
    public var instanceID: String?
    /// The node answers control calls.
    public var controlAllowed = false
    /// When the last update arrived (console clock, seconds), and its sequence number.
    public var lastUpdate: UInt64?
    public var lastSequence: UInt64 = 0
    /// Updates the node dropped for this console (slow reader), and gaps seen in the sequence.
    public var droppedUpdates: UInt64 = 0
    public var gaps: Int = 0
    /// Floating-point figures from the node the console left out because it cannot show them
    /// (a rate that is NaN, infinite or negative; shares that are not fractions).
    public var unusableFigures = 0
    /// Connection attempts that failed in a row (the backoff grows with them).
    public var failures = 0
    /// A state from the node has been seen (else there is nothing to show but the phase).
    public var hasState = false

    public init(address: String) { self.address = address }

    /// The phase in one word, as the overview shows it.
    public var label: String {
        switch phase {
        case .connecting: "connecting"
        case .live: "live"
        case .stale: "stale"
        case .reconnecting: "reconnecting"
        case .refused: "refused"
        case .unreachable: "unreachable"
        case .unauthorised: "unauthorised"
        case .notGRPC: "not gRPC"
        case .failed: "failed"
        }
    }

    /// The shown figures are not current (anything but live with a state).
    public var isStale: Bool { phase != .live && hasState }
}

/// What a remote node keeps that a local console folds itself: its alerts (acknowledged on the
/// node), pop log and totals. A remote source reports it whole; it replaces the model's own.
public struct NodeReplica: Equatable, Sendable {
    /// The node's own names (the model starts with the address until they are known).
    public var nodeID: String?
    public var formationID: String?
    public var alerts: [AlertRecord] = []
    public var alertsReceived = 0
    public var alertsDroppedUnacknowledged = 0
    public var popLog: [PopStep] = []
    public var popSteps = 0
    public var emitted = 0
    public var popped = 0
    public var errors = 0
    /// The node's own rates (events per second), as it measured them.
    public var emittedRate: Double?
    public var poppedRate: Double?

    public init() {}
}
