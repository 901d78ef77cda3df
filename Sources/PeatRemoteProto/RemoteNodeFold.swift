import Console
import PeatEvents

/// One thing a watched node's connection brought the console, in the order it arrived: its
/// updates, the end of a watch stream, a control call's answer, a read of its store. These
/// are a remote node's inputs to the console: the live source folds them (`RemoteNodeFold`)
/// on the console's loop, at the console's time, so that a recording of them (`--record`)
/// and of the loop's ticks rebuilds the same frames when replayed.
public enum RemoteInput: Equatable, Sendable {
    /// An update from the node's Watch stream.
    case update(NodeUpdateMessage)
    /// The Watch stream (or its connection) ended. `failure`: how the error that ended it
    /// classifies (nil: the node ended the stream); `reason`: the words for it; `failures`:
    /// attempts that failed in a row with this one (1 when the ended attempt had brought
    /// updates).
    case ended(failure: NodeConnection.Phase?, reason: String, failures: Int)
    /// The answer to a control call (inject, pop, set policy, acknowledge), for the status bar.
    case reply(String, isError: Bool)
    /// The node's recent local store, newest first, as a Query read it (for the browser).
    case store([PeatEvent])
}

/// The console's picture of one watched node: its connection, a replica of what it keeps
/// (alerts, pop log, totals), its last figures and the store rows the browser pages through,
/// folded from `RemoteInput`s at the times the console's loop takes them. Deterministic: the
/// same inputs at the same times give the same events and observations, which is what lets a
/// replay stand in for the network.
public struct RemoteNodeFold: Equatable, Sendable {
    /// No update for this long on a live connection marks it stale (the node sends one at least
    /// every second).
    public static let staleAfterSeconds = 3.0

    public private(set) var connection: NodeConnection
    public private(set) var replica = NodeReplica()
    public private(set) var observation = NodeObservation()
    /// The local store as the last Query read it, newest first.
    public private(set) var storeRows: [PeatEvent] = []
    private var identity: NodeIdentityMessage?
    private var lastUpdateAt: PeatTimestamp?
    private var connectionChanged = true
    private var replicaChanged = false
    private var reports: [NodeEvent] = []

    public init(address: String) {
        connection = NodeConnection(address: address)
    }

    /// The node as the model starts with it: the address for a name, and the connection.
    public var initialModel: NodeModel {
        var m = NodeModel(nodeID: connection.address, formationID: "–")
        m.connection = connection
        return m
    }

    /// Folds `inputs`, taken at `now`, and says what changed for the app: the connection, the
    /// replica, the answers of control calls. A live connection with no update for
    /// `staleAfterSeconds` by `now` turns stale.
    public mutating func take(_ inputs: [RemoteInput], at now: PeatTimestamp) -> [NodeEvent] {
        for input in inputs {
            switch input {
            case .update(let update): apply(update, at: now)
            case .ended(let failure, let reason, let failures): end(failure: failure, reason: reason, failures: failures)
            case .reply(let text, let isError): reports.append(.report(text, isError: isError))
            case .store(let rows): storeRows = rows
            }
        }
        if connection.phase == .live, let last = lastUpdateAt {
            let silent = RemoteNodeFold.seconds(from: last, to: now)
            if silent > RemoteNodeFold.staleAfterSeconds {
                connection.phase = .stale
                connection.reason = "no update for \(Int(silent)) s"
                connectionChanged = true
            }
        }
        var out: [NodeEvent] = []
        if connectionChanged { out.append(.connection(connection)); connectionChanged = false }
        if replicaChanged { out.append(.replica(replica)); replicaChanged = false }
        out += reports
        reports = []
        return out
    }

    /// The figures and the browser's page for `request`.
    public func observe(_ request: ObservationRequest) -> NodeObservation {
        var o = observation
        let q = request.query
        o.browserFilter = q.typeContains ?? ""
        o.browserOffset = q.offset
        let rows = q.typeContains.map { f in storeRows.filter { $0.eventType.lowercased().contains(f.lowercased()) } } ?? storeRows
        o.browserTotal = rows.count
        o.browserRows = q.offset < rows.count ? Array(rows[q.offset..<min(rows.count, q.offset + q.limit)]) : []
        if let anchor = request.anchor {
            o.browserAnchorIndex = anchor.locate(in: rows.map(\.eventID))
        }
        return o
    }

    /// Why a control call (`what`) cannot go out now, or nil when it can.
    public func refusal(of what: String) -> NodeEvent? {
        let conn = connection
        guard conn.hasState else { return .report("\(what): not connected to \(conn.address) (\(conn.label))", isError: true) }
        guard conn.controlAllowed else {
            return .report("read-only node: \(conn.address) does not allow control (\(what) not sent)", isError: true)
        }
        guard conn.phase == .live else { return .report("\(what): \(conn.address) is \(conn.label); not sent", isError: true) }
        return nil
    }

    /// The control call a command makes of a watched node, in words ("inject HIGH"); nil for
    /// a command that is not a control call.
    public static func controlName(_ command: NodeCommand) -> String? {
        switch command {
        case .inject(let level): "inject \(level.name)"
        case .injectTelemetry: "inject telemetry"
        case .burst: "burst"
        case .pop: "pop"
        case .setPolicy: "set policy"
        case .acknowledge: "acknowledge"
        case .advance, .ingest, .export: nil
        }
    }

    /// What a remote node says to a command only the in-process node carries out.
    public static func localOnly(_ command: NodeCommand) -> [NodeEvent] {
        switch command {
        case .ingest: [.report("live input goes to the local node only", isError: true)]
        case .export: [.report("export is for the local node (a remote node's store is read with Query)", isError: true)]
        default: []
        }
    }

    private mutating func apply(_ update: NodeUpdateMessage, at now: PeatTimestamp) {
        if update.full {
            if update.hasIdentity, let old = identity, old.instanceID != update.identity.instanceID {
                // A restarted node: begin again (the app's model is replaced on the connection event).
                replica = NodeReplica()
            }
            if update.hasIdentity { identity = update.identity }
            replica.alerts = []
            replica.popLog = []
        } else if update.sequence > connection.lastSequence + 1, connection.lastSequence > 0 {
            connection.gaps += 1
        }
        connection.lastSequence = update.sequence
        connection.droppedUpdates = update.droppedUpdates
        if let identity {
            connection.instanceID = identity.instanceID
            connection.controlAllowed = identity.controlAllowed
            replica.nodeID = identity.nodeID
            replica.formationID = identity.formationID
        }
        if connection.phase != .live || !connection.hasState || connection.failures != 0 {
            connection.phase = .live
            connection.reason = nil
            connection.failures = 0
            connection.hasState = true
        }
        connection.lastUpdate = now.seconds
        connectionChanged = true
        lastUpdateAt = now

        let f = update.figures
        var o = f.observation
        o.time = PeatTimestamp(seconds: now.seconds)  // the console's clock drives ages and rates
        observation = o
        replica.emitted = Int(clamping: f.emitted)
        replica.popped = Int(clamping: f.popped)
        replica.errors = Int(clamping: f.emitErrors)
        replica.emittedRate = Cap_Console_V1_NodeFigures.usableRate(f.emittedRate)
        replica.poppedRate = Cap_Console_V1_NodeFigures.usableRate(f.poppedRate)
        connection.unusableFigures += f.unusableFigures
        replica.alertsReceived = Int(clamping: f.alertsReceived)
        replica.alertsDroppedUnacknowledged = Int(clamping: f.alertsDroppedUnacknowledged)
        for step in update.pops.map(\.popStep) {
            if let i = replica.popLog.firstIndex(where: { $0.number == step.number }) {
                replica.popLog[i] = step
            } else {
                replica.popLog.insert(step, at: 0)
            }
        }
        if replica.popLog.count > NodeModel.popLogCapacity { replica.popLog.removeLast(replica.popLog.count - NodeModel.popLogCapacity) }
        replica.popSteps = max(replica.popSteps, replica.popLog.first?.number ?? 0)
        for alert in update.alerts.map(\.alertRecord) {
            if let i = replica.alerts.firstIndex(where: { $0.key == alert.key }) {
                replica.alerts[i] = alert
            } else {
                let at = replica.alerts.firstIndex(where: { $0.key < alert.key }) ?? replica.alerts.count
                replica.alerts.insert(alert, at: at)
            }
        }
        if replica.alerts.count > NodeModel.alertCapacity { replica.alerts.removeLast(replica.alerts.count - NodeModel.alertCapacity) }
        replicaChanged = true
    }

    private mutating func end(failure: NodeConnection.Phase?, reason: String, failures: Int) {
        if let failure {
            // A lost connection keeps the last state shown, marked stale, while it tries again.
            if connection.hasState && (failure == .refused || failure == .unreachable || failure == .failed) {
                connection.phase = .reconnecting
            } else {
                connection.phase = failure
            }
            connection.reason = reason
        } else if connection.phase == .live || connection.phase == .stale {
            connection.phase = .reconnecting
            connection.reason = reason
        }
        connection.failures = failures
        lastUpdateAt = nil
        connectionChanged = true
    }

    static func seconds(from a: PeatTimestamp, to b: PeatTimestamp) -> Double {
        (Double(b.seconds) - Double(a.seconds)) + (Double(b.nanos) - Double(a.nanos)) / 1e9
    }
}
