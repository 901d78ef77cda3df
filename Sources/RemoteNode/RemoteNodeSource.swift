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
/// The stream, the control calls and the store reads run on their own tasks and leave what
/// they brought (`RemoteInput`s) under a lock. Only the console's loop folds them
/// (`RemoteNodeFold`), at `perform(.advance)` — every tick — with the tick's time: what the
/// app sees of the node changes only there, in an order and at times a recording keeps
/// (`onTaken`) and a replay gives again. The last state stays shown when the connection goes,
/// marked stale; a node that comes back with a new instance id starts a new model.
public final class RemoteNodeSource: NodeSource, @unchecked Sendable {
    public let key: NodeKey
    public let target: RemoteTarget
    public let backoff: ReconnectBackoff
    /// No update for this long on a live connection marks it stale (the node sends one at least
    /// every second).
    public static let staleAfterSeconds = RemoteNodeFold.staleAfterSeconds

    private typealias Client = Cap_Console_V1_NodeConsole.Client<HTTP2ClientTransport.Posix>

    /// The node as the console's loop has folded it (touched on the loop's thread only).
    private var fold: RemoteNodeFold
    /// What the background tasks brought since the loop last took it.
    private let lock = NSLock()
    private var arrived: [RemoteInput] = []
    private var client: Client?
    private var task: Task<Void, Never>?
    private var storeFetchedAt: Date?
    private var storeFetching = false
    private var controlsInFlight = 0
    private let controls: AsyncStream<ControlJob>.Continuation
    private var controlTask: Task<Void, Never>?

    /// Called on the loop's thread with every batch of inputs the loop takes, before they are
    /// folded (`--record` keeps them).
    public var onTaken: (([RemoteInput]) -> Void)?

    /// The browser reads the node's store with Query at most this often, seconds…
    public static let storeRefreshSeconds = 1.0
    /// …over this much of the recent past, seconds, at most `NodeConsoleService`'s 1,000 events.
    public static let storeWindowSeconds: UInt64 = 600

    /// Starts watching `target` at once.
    public init(target: RemoteTarget, backoff: ReconnectBackoff = ReconnectBackoff()) {
        self.target = target
        self.backoff = backoff
        key = NodeKey(target.address.description)
        fold = RemoteNodeFold(address: target.address.description)
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

    public var initialModel: NodeModel { fold.initialModel }

    /// The connection as last folded.
    public var currentConnection: NodeConnection { fold.connection }

    /// Nothing is under way: no control call waits for its answer, and the store has been read
    /// once (or cannot be: not live), and every answer has been taken in. For headless frames
    /// that should show what was asked.
    public var isSettled: Bool {
        let phase = fold.connection.phase
        return lock.withLock { controlsInFlight == 0 && (storeFetchedAt != nil || phase != .live) && !storeFetching && arrived.isEmpty }
    }

    /// The sequence number of the last update folded.
    public var lastSequence: UInt64 { fold.connection.lastSequence }

    /// Inputs that arrived and wait for the loop (for tests that wait on the network).
    public var waitingInputs: Int { lock.withLock { arrived.count } }

    // MARK: NodeSource

    public func perform(_ command: NodeCommand) -> [NodeEvent] {
        switch command {
        case .advance(let time, _, _, _):
            refreshStore()
            let inputs = lock.withLock { () -> [RemoteInput] in
                defer { arrived.removeAll() }
                return arrived
            }
            if !inputs.isEmpty { onTaken?(inputs) }
            return fold.take(inputs, at: time)
        case .inject(let level):
            var r = Cap_Console_V1_InjectRequest()
            r.level = Cap_Console_V1_Level(level)
            let request = r
            return control(command) { c, m in try await c.inject(request, metadata: m) }
        case .injectTelemetry:
            var r = Cap_Console_V1_InjectRequest()
            r.telemetry = true
            let request = r
            return control(command) { c, m in try await c.inject(request, metadata: m) }
        case .burst(let count):
            var r = Cap_Console_V1_InjectRequest()
            r.burst = UInt32(clamping: count)
            let request = r
            return control(command) { c, m in try await c.inject(request, metadata: m) }
        case .pop(let max):
            var r = Cap_Console_V1_PopRequest()
            r.max = UInt32(clamping: max)
            let request = r
            return control(command) { c, m in try await c.pop(request, metadata: m) }
        case .setPolicy(let policy):
            var r = Cap_Console_V1_SetPolicyRequest()
            r.policy = Cap_Console_V1_Policy(policy)
            let request = r
            return control(command) { c, m in try await c.setPolicy(request, metadata: m) }
        case .acknowledge(let alertKey):
            var r = Cap_Console_V1_AcknowledgeRequest()
            r.key = UInt64(max(0, alertKey ?? 0))
            let request = r
            return control(command) { c, m in try await c.acknowledge(request, metadata: m) }
        case .ingest, .export:
            return RemoteNodeFold.localOnly(command)
        }
    }

    public func observe(_ request: ObservationRequest) -> NodeObservation {
        fold.observe(request)
    }

    /// Reads the node's recent local store for the browser (at most once a second, one at a time).
    private func refreshStore() {
        guard fold.connection.phase == .live else { return }
        let due = lock.withLock { () -> Client? in
            guard let client, !storeFetching,
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
                if let response { self.arrived.append(.store(response.events.reversed())) }
                self.storeFetchedAt = Date()
                self.storeFetching = false
            }
        }
    }

    // MARK: Control calls

    /// Sends `command`'s call, or says at once why not (from the folded state, which a replay
    /// has too). A call that finds no connection open says so as an input, with the answers.
    private func control(_ command: NodeCommand,
                         _ call: @escaping @Sendable (Client, Metadata) async throws -> Cap_Console_V1_ControlReply) -> [NodeEvent] {
        let what = RemoteNodeFold.controlName(command) ?? "control"
        if let refusal = fold.refusal(of: what) { return [refusal] }
        let address = fold.connection.address
        let sent = lock.withLock { () -> Client? in
            guard let client else {
                arrived.append(.reply("\(what): \(address) is between connections; not sent", isError: true))
                return nil
            }
            controlsInFlight += 1
            return client
        }
        guard let client = sent else { return [] }
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
            let input: RemoteInput
            do {
                let reply = try await job.call(job.client, metadata)
                input = .reply(reply.message, isError: !reply.ok)
            } catch let error as RPCError where error.code == .permissionDenied {
                input = .reply("read-only node: \(error.message)", isError: true)
            } catch {
                input = .reply("\(job.what) failed: \(RemoteNodeSource.describe(error))", isError: true)
            }
            lock.withLock {
                arrived.append(input)
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
            var failure: NodeConnection.Phase?
            var reason = "the node ended the stream"
            // Whether this attempt brought updates (then the next failure counts from 1).
            let received = ReceivedFlag()
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
                            received.set()
                            self.lock.withLock { self.arrived.append(.update(update)) }
                        }
                    }
                }
            } catch {
                (failure, reason) = RemoteNodeSource.classify(error)
            }
            if Task.isCancelled { break }
            failures = received.value ? 1 : failures + 1
            let ended = RemoteInput.ended(failure: failure, reason: reason, failures: failures)
            lock.withLock { arrived.append(ended) }
            let delay = backoff.delay(afterFailures: failures)
            try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))
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

/// Set once a watch attempt has brought an update (written by the stream, read after it).
private final class ReceivedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var received = false
    func set() { lock.withLock { received = true } }
    var value: Bool { lock.withLock { received } }
}
