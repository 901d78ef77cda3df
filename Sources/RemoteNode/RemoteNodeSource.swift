import Console
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import PeatEvents
import PeatRemoteProto

/// Where and how to reach a node that serves NodeConsole.
public struct RemoteTarget: Sendable, Equatable {
    public var address: ServiceAddress
    /// Sent as `authorization: Bearer <token>` on every call.
    public var token: String?
    /// PEM of the certificate authority that signed the node's certificate: TLS when set.
    public var tlsCAPath: String?

    public init(address: ServiceAddress, token: String? = nil, tlsCAPath: String? = nil) {
        self.address = address
        self.token = token
        self.tlsCAPath = tlsCAPath
    }
}

/// Backoff between connection attempts: 0.5 s doubling to 5 s, back to 0.5 s once updates flow.
public struct ReconnectBackoff: Sendable, Equatable {
    public var initial = 0.5
    public var maximum = 5.0
    public init(initial: Double = 0.5, maximum: Double = 5.0) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The wait after `failures` failed attempts in a row (1 = the first failure).
    public func delay(afterFailures failures: Int) -> Double {
        guard failures > 0 else { return 0 }
        return min(maximum, initial * pow(2, Double(min(failures - 1, 16))))
    }
}

/// A node watched over the network: a NodeConsole Watch stream kept open (reconnecting with
/// backoff), whose updates are folded into a replica of the node's model; keys that change the
/// node go out as control calls.
///
/// The stream runs on its own task and leaves what it learned under a lock; `perform(.advance)`
/// (every tick of the console's loop) and `observe` hand it to the app. The last state stays
/// shown when the connection goes, marked stale; a node that comes back with a new instance id
/// starts a new model.
public final class RemoteNodeSource: NodeSource, @unchecked Sendable {
    public let key: NodeKey
    public let target: RemoteTarget
    public let backoff: ReconnectBackoff
    /// No update for this long on a live connection marks it stale (the node sends one at least
    /// every second).
    public static let staleAfterSeconds = 3.0

    private typealias Client = Cap_Console_V1_NodeConsole.Client<HTTP2ClientTransport.Posix>

    private let lock = NSLock()
    private var observation = NodeObservation()
    private var replica = NodeReplica()
    private var connection: NodeConnection
    private var replicaChanged = false
    private var connectionChanged = true
    private var reports: [NodeEvent] = []
    private var client: Client?
    private var lastUpdateAt: Date?
    private var task: Task<Void, Never>?
    private var identity: NodeIdentityMessage?
    /// The local store as the last Query read it, newest first (for the browser).
    private var storeRows: [PeatEvent] = []
    private var storeFetchedAt: Date?
    private var storeFetching = false
    private var controlsInFlight = 0
    private let controls: AsyncStream<ControlJob>.Continuation
    private var controlTask: Task<Void, Never>?

    /// The browser reads the node's store with Query at most this often, seconds…
    public static let storeRefreshSeconds = 1.0
    /// …over this much of the recent past, seconds, at most `NodeConsoleService`'s 1,000 events.
    public static let storeWindowSeconds: UInt64 = 600

    /// Starts watching `target` at once.
    public init(target: RemoteTarget, backoff: ReconnectBackoff = ReconnectBackoff()) {
        self.target = target
        self.backoff = backoff
        key = NodeKey(target.address.description)
        connection = NodeConnection(address: target.address.description)
        let (jobs, controls) = AsyncStream.makeStream(of: ControlJob.self)
        self.controls = controls
        task = Task.detached { [weak self] in await self?.watchLoop() }
        controlTask = Task.detached { [weak self] in await self?.runControls(jobs) }
    }

    deinit {
        task?.cancel()
        controls.finish()
    }

    /// Stops watching (the task ends within one backoff step) and sending control calls.
    public func stop() {
        task?.cancel()
        task = nil
        controls.finish()
    }

    public var initialModel: NodeModel {
        var m = NodeModel(nodeID: key.rawValue, formationID: "–")
        m.connection = lock.withLock { connection }
        return m
    }

    /// The connection as last seen.
    public var currentConnection: NodeConnection { lock.withLock { connection } }

    /// Nothing is under way: no control call waits for its answer, and the store has been read
    /// once (or cannot be: not live). For headless frames that should show what was asked.
    public var isSettled: Bool {
        lock.withLock { controlsInFlight == 0 && (storeFetchedAt != nil || connection.phase != .live) && !storeFetching }
    }

    /// The sequence number of the last update received.
    public var lastSequence: UInt64 { lock.withLock { connection.lastSequence } }

    // MARK: NodeSource

    public func perform(_ command: NodeCommand) -> [NodeEvent] {
        switch command {
        case .advance:
            refreshStore()
            return drain()
        case .inject(let level):
            var r = Cap_Console_V1_InjectRequest()
            r.level = Cap_Console_V1_Level(level)
            let request = r
            return control("inject \(level.name)") { c, m in try await c.inject(request, metadata: m) }
        case .injectTelemetry:
            var r = Cap_Console_V1_InjectRequest()
            r.telemetry = true
            let request = r
            return control("inject telemetry") { c, m in try await c.inject(request, metadata: m) }
        case .burst(let count):
            var r = Cap_Console_V1_InjectRequest()
            r.burst = UInt32(clamping: count)
            let request = r
            return control("burst") { c, m in try await c.inject(request, metadata: m) }
        case .pop(let max):
            var r = Cap_Console_V1_PopRequest()
            r.max = UInt32(clamping: max)
            let request = r
            return control("pop") { c, m in try await c.pop(request, metadata: m) }
        case .setPolicy(let policy):
            var r = Cap_Console_V1_SetPolicyRequest()
            r.policy = Cap_Console_V1_Policy(policy)
            let request = r
            return control("set policy") { c, m in try await c.setPolicy(request, metadata: m) }
        case .acknowledge(let alertKey):
            var r = Cap_Console_V1_AcknowledgeRequest()
            r.key = UInt64(max(0, alertKey ?? 0))
            let request = r
            return control("acknowledge") { c, m in try await c.acknowledge(request, metadata: m) }
        case .ingest:
            return [.report("live input goes to the local node only", isError: true)]
        case .export:
            return [.report("export is for the local node (a remote node's store is read with Query)", isError: true)]
        }
    }

    public func observe(_ request: ObservationRequest) -> NodeObservation {
        lock.withLock {
            var o = observation
            let q = request.query
            o.browserFilter = q.typeContains ?? ""
            o.browserOffset = q.offset
            let rows = q.typeContains.map { f in storeRows.filter { $0.eventType.lowercased().contains(f.lowercased()) } } ?? storeRows
            o.browserTotal = rows.count
            o.browserRows = q.offset < rows.count ? Array(rows[q.offset..<min(rows.count, q.offset + q.limit)]) : []
            if let anchor = request.anchor {
                let ids = rows.map(\.eventID)
                o.browserAnchorIndex = anchor.locate(in: ids)
            }
            return o
        }
    }

    /// Reads the node's recent local store for the browser (at most once a second, one at a time).
    private func refreshStore() {
        let due = lock.withLock { () -> Client? in
            guard let client, !storeFetching, connection.phase == .live,
                  storeFetchedAt.map({ Date().timeIntervalSince($0) >= RemoteNodeSource.storeRefreshSeconds }) ?? true else { return nil }
            storeFetching = true
            return client
        }
        guard let client = due else { return }
        let metadata = self.metadata
        let now = UInt64(Date().timeIntervalSince1970)
        Task.detached { [weak self] in
            var q = EventQuery()
            q.queryID = "peat-console-browser"
            q.requesterID = "peat-console"
            q.filters.afterSeconds = now > RemoteNodeSource.storeWindowSeconds ? now - RemoteNodeSource.storeWindowSeconds : 0
            q.limit = 1000
            let response = try? await client.query(q, metadata: metadata)
            guard let self else { return }
            self.lock.withLock {
                if let response { self.storeRows = response.events.reversed() }
                self.storeFetchedAt = Date()
                self.storeFetching = false
            }
        }
    }

    // MARK: Handing over to the app

    private func drain() -> [NodeEvent] {
        lock.lock()
        defer { lock.unlock() }
        if connection.phase == .live, let last = lastUpdateAt, Date().timeIntervalSince(last) > RemoteNodeSource.staleAfterSeconds {
            connection.phase = .stale
            connection.reason = "no update for \(Int(Date().timeIntervalSince(last))) s"
            connectionChanged = true
        }
        var out: [NodeEvent] = []
        if connectionChanged { out.append(.connection(connection)); connectionChanged = false }
        if replicaChanged { out.append(.replica(replica)); replicaChanged = false }
        out += reports
        reports = []
        return out
    }

    private func control(_ what: String,
                         _ call: @escaping @Sendable (Client, Metadata) async throws -> Cap_Console_V1_ControlReply) -> [NodeEvent] {
        let (client, conn) = lock.withLock { (self.client, connection) }
        guard conn.hasState else { return [.report("\(what): not connected to \(conn.address) (\(conn.label))", isError: true)] }
        guard conn.controlAllowed else {
            return [.report("read-only node: \(conn.address) does not allow control (\(what) not sent)", isError: true)]
        }
        guard let client, conn.phase == .live else {
            return [.report("\(what): \(conn.address) is \(conn.label); not sent", isError: true)]
        }
        lock.withLock { controlsInFlight += 1 }
        controls.yield(ControlJob(what: what, client: client, call: call))
        return []
    }

    /// One control call waiting its turn: calls go out one at a time, in the order of the keys.
    private struct ControlJob: Sendable {
        var what: String
        var client: Client
        var call: @Sendable (Client, Metadata) async throws -> Cap_Console_V1_ControlReply
    }

    private func runControls(_ jobs: AsyncStream<ControlJob>) async {
        let metadata = self.metadata
        for await job in jobs {
            let event: NodeEvent
            do {
                let reply = try await job.call(job.client, metadata)
                event = .report(reply.message, isError: !reply.ok)
            } catch let error as RPCError where error.code == .permissionDenied {
                event = .report("read-only node: \(error.message)", isError: true)
            } catch {
                event = .report("\(job.what) failed: \(RemoteNodeSource.describe(error))", isError: true)
            }
            lock.withLock {
                reports.append(event)
                controlsInFlight -= 1
                storeFetchedAt = nil  // what the call did to the store is read again
            }
        }
    }

    private var metadata: Metadata {
        var m: Metadata = [:]
        if let token = target.token { m.addString("Bearer \(token)", forKey: "authorization") }
        return m
    }

    // MARK: The watch

    private func transport() throws -> HTTP2ClientTransport.Posix {
        let a = target.address
        let resolved: any ResolvableTarget = a.isIPv6
            ? ResolvableTargets.IPv6.ipv6(address: a.host, port: a.port)
            : ResolvableTargets.IPv4.ipv4(address: a.host, port: a.port)
        let security: HTTP2ClientTransport.Posix.TransportSecurity
        if let ca = target.tlsCAPath {
            security = .tls {
                $0.trustRoots = .certificates([.file(path: ca, format: .pem)])
            }
        } else {
            security = .plaintext
        }
        var config = HTTP2ClientTransport.Posix.Config.defaults
        config.backoff = .init(initial: .milliseconds(500), max: .seconds(5), multiplier: 2, jitter: 0)
        config.connection.keepalive = .init(time: .seconds(5), timeout: .seconds(5), allowWithoutCalls: true)
        return try HTTP2ClientTransport.Posix(target: resolved, transportSecurity: security, config: config)
    }

    private func watchLoop() async {
        var failures = 0
        while !Task.isCancelled {
            var ended = "the node ended the stream"
            do {
                let transport = try transport()
                var request = Cap_Console_V1_WatchRequest()
                request.watcherID = "peat-console"
                let metadata = self.metadata
                try await withGRPCClient(transport: transport) { grpc in
                    let client = Client(wrapping: grpc)
                    lock.withLock { self.client = client }
                    defer { lock.withLock { self.client = nil } }
                    try await client.watch(request, metadata: metadata) { response in
                        for try await update in response.messages {
                            self.apply(update)
                        }
                    }
                }
            } catch {
                ended = RemoteNodeSource.describe(error)
                setFailure(error)
            }
            if Task.isCancelled { break }
            let hadState = lock.withLock { () -> Bool in
                if connection.phase == .live || connection.phase == .stale {
                    connection.phase = .reconnecting
                    connection.reason = ended
                    connectionChanged = true
                }
                return lastUpdateAt != nil && connection.failures == 0
            }
            failures = hadState ? 1 : failures + 1
            lock.withLock {
                connection.failures = failures
                lastUpdateAt = nil
                connectionChanged = true
            }
            let delay = backoff.delay(afterFailures: failures)
            try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))
        }
    }

    /// Folds one update into the replica.
    private func apply(_ update: NodeUpdateMessage) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
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
        connection.lastUpdate = UInt64(now.timeIntervalSince1970)
        connectionChanged = true
        lastUpdateAt = now

        let f = update.figures
        var o = f.observation
        o.time = PeatTimestamp(seconds: UInt64(now.timeIntervalSince1970))  // the console's clock drives ages and rates
        observation = o
        replica.emitted = Int(clamping: f.emitted)
        replica.popped = Int(clamping: f.popped)
        replica.errors = Int(clamping: f.emitErrors)
        replica.emittedRate = f.emittedRate
        replica.poppedRate = f.poppedRate
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

    private func setFailure(_ error: any Error) {
        let (phase, reason) = RemoteNodeSource.classify(error)
        lock.withLock {
            if connection.hasState && (phase == .refused || phase == .unreachable || phase == .failed) {
                connection.phase = .reconnecting  // the last state stays, marked stale
            } else {
                connection.phase = phase
            }
            connection.reason = reason
            connectionChanged = true
        }
    }

    /// What a failed call says about the connection, in a phase and a few words.
    public static func classify(_ error: any Error) -> (NodeConnection.Phase, String) {
        let text = describe(error)
        let lower = text.lowercased()
        if let rpc = error as? RPCError {
            switch rpc.code {
            case .unauthenticated: return (.unauthorised, "token refused: \(rpc.message)")
            case .permissionDenied: return (.unauthorised, rpc.message)
            case .unimplemented: return (.notGRPC, "the server does not implement NodeConsole")
            case .resourceExhausted: return (.failed, rpc.message)
            default: break
            }
        }
        if lower.contains("refused") { return (.refused, "connection refused") }
        if lower.contains("ssl") || lower.contains("tls") || lower.contains("certificate") || lower.contains("handshake") {
            return (.unauthorised, "TLS failed: \(short(text))")
        }
        if lower.contains("unreachable") || lower.contains("no route") || lower.contains("timed out") || lower.contains("timeout") {
            return (.unreachable, short(text))
        }
        if lower.contains("http2") || lower.contains("protocol") || lower.contains("content-type") || lower.contains("preface")
            || lower.contains("frame") || lower.contains("malformed") || lower.contains("status") || lower.contains("closed") {
            return (.notGRPC, "not a gRPC server: \(short(text))")
        }
        return (.failed, short(text))
    }

    /// An error in one line: an RPC error's message and its cause (which usually says why).
    public static func describe(_ error: any Error) -> String {
        if let rpc = error as? RPCError {
            var s = "\(rpc.code): \(rpc.message)"
            if let cause = rpc.cause { s += " (\(cause))" }
            return s
        }
        return "\(error)"
    }

    static func short(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count > 160 ? String(line.prefix(159)) + "…" : line
    }
}
