import Console
import GRPCCore
import Logging
import PeatEvents
import PeatRemoteProto

/// NodeConsole for one node: Watch through the hub's bounded buffers, Query on the emitter,
/// and the control calls (refused with PERMISSION_DENIED unless control is allowed).
public struct NodeConsoleService: Cap_Console_V1_NodeConsole.SimpleServiceProtocol {
    public let hub: WatchHub
    public let controlAllowed: Bool
    let logger: Logger

    public init(hub: WatchHub, controlAllowed: Bool, logger: Logger = Logger(label: "peat.node")) {
        self.hub = hub
        self.controlAllowed = controlAllowed
        self.logger = logger
        hub.controlAllowed = controlAllowed
    }

    private var node: WatchedNode { hub.node }

    public func watch(request: Cap_Console_V1_WatchRequest, response: RPCWriter<NodeUpdateMessage>,
                      context: ServerContext) async throws {
        let name = request.watcherID.isEmpty ? context.remotePeer : "\(request.watcherID) (\(context.remotePeer))"
        let (id, updates, first) = try hub.add(intervalMs: Int(request.intervalMs), name: name)
        logger.info("watcher connected", metadata: ["watcher": "\(name)", "watchers": "\(hub.watcherCount)"])
        defer {
            hub.remove(id)
            logger.info("watcher gone", metadata: ["watcher": "\(name)"])
        }
        try await response.write(first)
        for await update in updates {
            try await response.write(update)
        }
    }

    public func query(request: EventQuery, context: ServerContext) async throws -> EventQueryResponse {
        var q = request
        // One answer stays well under gRPC's 4 MiB message limit.
        if q.limit == 0 || q.limit > NodeConsoleService.queryLimit { q.limit = NodeConsoleService.queryLimit }
        return node.query(q)
    }

    /// The most events one Query answers (asking for more, or for no limit, is truncated here).
    public static let queryLimit: UInt32 = 1000

    private func requireControl(_ call: String) throws {
        guard controlAllowed else {
            logger.notice("control call refused", metadata: ["call": "\(call)"])
            throw RPCError(code: .permissionDenied,
                           message: "read-only node: control calls are refused (start the node with --allow-control)")
        }
    }

    private func reply(_ events: [NodeEvent], fallback: String) -> Cap_Console_V1_ControlReply {
        var r = Cap_Console_V1_ControlReply()
        var texts: [String] = []
        var ok = true
        for e in events {
            switch e {
            case .report(let text, let isError): texts.append(text); if isError { ok = false }
            case .emitFailed(let why): texts.append("emit failed: \(why)"); ok = false
            case .popped(let p): texts.append("popped \(p.got) of \(p.asked) asked (\(p.pendingBefore) were pending)")
            default: break
            }
        }
        r.message = texts.isEmpty ? fallback : texts.joined(separator: "; ")
        r.ok = ok
        return r
    }

    public func inject(request: Cap_Console_V1_InjectRequest, context: ServerContext) async throws -> Cap_Console_V1_ControlReply {
        try requireControl("Inject")
        let command: NodeCommand
        switch request.what {
        case .level(let level)?:
            if case .UNRECOGNIZED(let n) = level { throw RPCError(code: .invalidArgument, message: "unknown level \(n)") }
            command = .inject(level.priorityLevel)
        case .telemetry(true)?: command = .injectTelemetry
        case .burst(let n)? where (1...10_000).contains(n): command = .burst(count: Int(n))
        case .burst(let n)?: throw RPCError(code: .invalidArgument, message: "burst must be 1...10000 events (got \(n))")
        default: throw RPCError(code: .invalidArgument, message: "say what to inject: level, telemetry or burst")
        }
        logger.info("control: inject", metadata: ["what": "\(command)", "peer": "\(context.remotePeer)"])
        return reply(node.perform(command), fallback: "injected")
    }

    public func pop(request: Cap_Console_V1_PopRequest, context: ServerContext) async throws -> Cap_Console_V1_ControlReply {
        try requireControl("Pop")
        guard (1...10_000).contains(request.max) else {
            throw RPCError(code: .invalidArgument, message: "max must be 1...10000 (got \(request.max))")
        }
        logger.info("control: pop", metadata: ["max": "\(request.max)", "peer": "\(context.remotePeer)"])
        return reply(node.perform(.pop(max: Int(request.max))), fallback: "popped")
    }

    public func setPolicy(request: Cap_Console_V1_SetPolicyRequest, context: ServerContext) async throws -> Cap_Console_V1_ControlReply {
        try requireControl("SetPolicy")
        guard let policy = request.policy.schedulingPolicy else {
            throw RPCError(code: .invalidArgument, message: "unknown policy \(request.policy.rawValue)")
        }
        logger.info("control: set policy", metadata: ["policy": "\(policy)", "peer": "\(context.remotePeer)"])
        return reply(node.perform(.setPolicy(policy)), fallback: "policy \(policy)")
    }

    public func acknowledge(request: Cap_Console_V1_AcknowledgeRequest, context: ServerContext) async throws -> Cap_Console_V1_ControlReply {
        try requireControl("Acknowledge")
        let result = node.acknowledge(key: request.key == 0 ? nil : Int(clamping: request.key))
        logger.info("control: acknowledge", metadata: ["key": "\(request.key)", "peer": "\(context.remotePeer)"])
        var r = Cap_Console_V1_ControlReply()
        r.message = result.text
        r.ok = result.ok
        return r
    }
}

/// Every call must carry `authorization: Bearer <token>`; else UNAUTHENTICATED.
public struct BearerTokenInterceptor: ServerInterceptor {
    private let expected: [UInt8]

    public init(token: String) { expected = Array("Bearer \(token)".utf8) }

    public func intercept<Input: Sendable, Output: Sendable>(
        request: StreamingServerRequest<Input>, context: ServerContext,
        next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
    ) async throws -> StreamingServerResponse<Output> {
        let given = request.metadata[stringValues: "authorization"]
        guard given.contains(where: { matches(Array($0.utf8)) }) else {
            throw RPCError(code: .unauthenticated, message: "missing or wrong bearer token (authorization: Bearer <token>)")
        }
        return try await next(request, context)
    }

    /// Compares in time independent of where the first difference is.
    private func matches(_ given: [UInt8]) -> Bool {
        guard given.count == expected.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<given.count { diff |= given[i] ^ expected[i] }
        return diff == 0
    }
}
