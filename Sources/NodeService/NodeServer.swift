import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import PeatRemoteProto

/// How a node serves NodeConsole.
public struct NodeServerConfig: Sendable {
    public var address = ServiceAddress(host: "127.0.0.1", port: 7450)
    /// PEM files of the certificate chain and its private key: TLS when both are given.
    public var tlsCertificatePath: String?
    public var tlsKeyPath: String?
    /// Serve plaintext on a non-loopback address (refused without it).
    public var insecure = false
    /// Every call must carry `authorization: Bearer <token>` when set.
    public var token: String?
    /// Answer the control calls (else PERMISSION_DENIED).
    public var allowControl = false
    public var limits = WatchHub.Limits()

    public init() {}

    /// Why this configuration must not start, in one line; nil when it may.
    public var refusal: String? {
        if (tlsCertificatePath == nil) != (tlsKeyPath == nil) {
            return "TLS needs both --tls-cert and --tls-key"
        }
        if !address.isLoopback && tlsCertificatePath == nil && !insecure {
            return "refusing to serve on \(address) without TLS: anyone on the network could watch the node; give --tls-cert and --tls-key (or --insecure to accept that)"
        }
        if let token, token.isEmpty { return "the token file is empty" }
        return nil
    }
}

/// Serves NodeConsole for one node until `shutdown()`: a gRPC server over HTTP/2 (NIO), the
/// snapshot task, the auth interceptor.
public final class NodeServer: Sendable {
    public let hub: WatchHub
    public let config: NodeServerConfig
    private let logger: Logger
    private let server: GRPCServer<HTTP2ServerTransport.Posix>
    private let transport: HTTP2ServerTransport.Posix

    /// A server for `node`; nothing listens until `run`.
    public init(node: WatchedNode, config: NodeServerConfig, logger: Logger = Logger(label: "peat.node")) {
        self.config = config
        self.logger = logger
        hub = WatchHub(node: node, limits: config.limits)
        let address: GRPCNIOTransportHTTP2.SocketAddress = config.address.isIPv6
            ? .ipv6(host: config.address.host, port: config.address.port)
            : .ipv4(host: config.address.host, port: config.address.port)
        let security: HTTP2ServerTransport.Posix.TransportSecurity
        if let cert = config.tlsCertificatePath, let key = config.tlsKeyPath {
            security = .tls(certificateChain: [.file(path: cert, format: .pem)], privateKey: .file(path: key, format: .pem))
        } else {
            security = .plaintext
        }
        transport = HTTP2ServerTransport.Posix(address: address, transportSecurity: security, config: .defaults)
        let service = NodeConsoleService(hub: hub, controlAllowed: config.allowControl, logger: logger)
        let interceptors: [any ServerInterceptor] = config.token.map { [BearerTokenInterceptor(token: $0)] } ?? []
        server = GRPCServer(transport: transport, services: [service], interceptors: interceptors)
    }

    /// Serves until `shutdown()`; `onListening` gets the address bound (the real port when 0
    /// was asked for).
    /// - Throws: when the address cannot be bound (or TLS files cannot be read).
    public func run(onListening: @escaping @Sendable (ServiceAddress) -> Void = { _ in }) async throws {
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await self.server.serve() }
            group.addTask { await self.hub.run() }
            do {
                let bound = try await transport.listeningAddress
                let port = bound.ipv4?.port ?? bound.ipv6?.port ?? config.address.port
                let address = ServiceAddress(host: config.address.host, port: port)
                logger.info("serving NodeConsole", metadata: [
                    "address": "\(address)", "tls": "\(config.tlsCertificatePath != nil)",
                    "token": "\(config.token != nil)", "control": "\(config.allowControl)",
                    "max-watchers": "\(config.limits.maxWatchers)",
                ])
                onListening(address)
            } catch {
                hub.close()
                throw error
            }
        }
    }

    /// Ends every watch, refuses new calls, lets calls in flight finish; `run` then returns.
    public func shutdown() {
        hub.close()
        server.beginGracefulShutdown()
    }
}
