import Console
import Foundation
import Logging
import LocalNode
import NodeService
import PeatEvents
import PeatRemoteProto
import RemoteNode
import Testing

/// Polls `condition` every 10 ms until it holds or `seconds` pass.
/// - Returns: whether it held.
/// How long a test waits for what normally takes milliseconds (a server binding, a watch
/// going live). Generous on purpose: the whole suite runs on the cooperative pool, as wide as
/// the machine's cores (2 here), and the synchronous suites beside these can hold every thread
/// of it for a minute or more on a loaded machine, while a remote test's continuation waits
/// its turn. Nothing here waits for something *not* to happen, so a long limit costs only
/// when a test fails.
let patience: Double = 600

func eventually(_ seconds: Double = patience, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// A value set from another task.
final class Box<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T?
    func set(_ v: T) { lock.withLock { stored = v } }
    var value: T? { lock.withLock { stored } }
}

/// A node (empty scenario, manual clock) and options naming it.
func makeNode(_ id: String = "node-1", formation: String = "squad-1") -> WatchedNode {
    var options = ConsoleOptions()
    options.scenario = .none
    options.nodeID = id
    options.formationID = formation
    return WatchedNode(source: LocalNodeSource(options: options, clock: SystemClock()))
}

/// A NodeServer on 127.0.0.1 (a free port unless one is given), stopped with `stop()`.
final class RunningServer: @unchecked Sendable {
    let server: NodeServer
    let task: Task<Void, any Error>
    let address: ServiceAddress

    private init(server: NodeServer, task: Task<Void, any Error>, address: ServiceAddress) {
        self.server = server
        self.task = task
        self.address = address
    }

    static func start(_ node: WatchedNode, port: Int = 0, configure: (inout NodeServerConfig) -> Void = { _ in }) async throws -> RunningServer {
        var config = NodeServerConfig()
        config.address = ServiceAddress(host: "127.0.0.1", port: port)
        config.limits = WatchHub.Limits(intervalMs: 20, maxWatchers: 4, bufferCapacity: 16, heartbeatMs: 200)
        configure(&config)
        var quiet = Logger(label: "peat.node.test")
        quiet.logLevel = .warning
        let server = NodeServer(node: node, config: config, logger: quiet)
        let bound = Box<ServiceAddress>()
        let failed = Box<String>()
        let task = Task {
            do { try await server.run(onListening: { bound.set($0) }) } catch { failed.set("\(error)"); throw error }
        }
        _ = await eventually { bound.value != nil || failed.value != nil }
        guard let address = bound.value else {
            server.shutdown()
            throw TestFailure("server did not start: \(failed.value ?? "no address within \(Int(patience)) s")")
        }
        return RunningServer(server: server, task: task, address: address)
    }

    func stop() async {
        server.shutdown()
        _ = try? await task.value
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Drains a remote source's events into a model, as the app's reducer would.
final class Mirror {
    let source: RemoteNodeSource
    var model: NodeModel
    var reports: [String] = []

    init(_ source: RemoteNodeSource) {
        self.source = source
        model = source.initialModel
    }

    func pump() {
        for e in source.perform(.advance(to: SystemClock().now(), generate: false, drainRate: 0, batch: 8)) {
            if case .report(let text, _) = e { reports.append(text) }
            _ = model.fold(e, running: true)
        }
        _ = model.fold(.observed(source.observe(ObservationRequest(query: LocalQuery(limit: 0)))), running: true)
    }

    func until(_ seconds: Double = patience, _ condition: (NodeModel) -> Bool) async -> Bool {
        await eventually(seconds) {
            pump()
            return condition(model)
        }
    }
}
