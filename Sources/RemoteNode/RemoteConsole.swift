import Console
import Foundation
import PeatEvents
import PeatRemoteProto

extension ConsoleApp {
    /// An app watching the nodes at `targets` (the formation overview first when there are
    /// several).
    public convenience init(options: ConsoleOptions, remote targets: [RemoteTarget], keyMap: KeyMap = .standard) {
        self.init(options: options, sources: targets.map { RemoteNodeSource(target: $0) }, clock: SystemClock(), keyMap: keyMap)
    }

    /// The remote sources of the app.
    public var remoteNodes: [RemoteNodeSource] {
        state.nodeOrder.compactMap { self.sources[$0] as? RemoteNodeSource }
    }

    /// A headless frame of remote nodes: waits (at most `wait` seconds) until every node has
    /// sent its state or failed an attempt, applies `keys`, and renders one frame at `size`.
    public static func remoteSnapshotBuffer(targets: [RemoteTarget], options: ConsoleOptions, keys: [Key], size: Size,
                                            capabilities: TerminalCapabilities = .init(colors: .none, unicode: true),
                                            wait: Double = 5) -> Buffer {
        let app = ConsoleApp(options: options, remote: targets)
        defer { app.remoteNodes.forEach { $0.stop() } }
        let backend = MemoryBackend(size: size, capabilities: capabilities)
        app.begin(on: backend)
        let clock = SystemClock()
        let deadline = Date().addingTimeInterval(wait)
        while Date() < deadline {
            app.dispatch(.tick(clock.now()))
            let settled = app.remoteNodes.allSatisfy { node in
                let c = node.currentConnection
                return (c.hasState && node.isSettled) || c.failures > 0 || c.phase == .unauthorised || c.phase == .notGRPC
            }
            if settled { break }
            usleep(20_000)
        }
        app.dispatch(.tick(clock.now()))
        backend.pendingKeys = keys
        _ = app.run(on: backend, stopRequested: { backend.pendingKeys.isEmpty })
        if !keys.isEmpty && !app.state.quitRequested {
            // Control calls answer asynchronously: wait for their answers and an update after them.
            let marks = app.remoteNodes.map(\.lastSequence)
            let until = Date().addingTimeInterval(wait)
            while Date() < until {
                app.dispatch(.tick(clock.now()))
                let quiet = app.remoteNodes.allSatisfy(\.isSettled)
                let fresh = zip(app.remoteNodes, marks).allSatisfy { node, mark in
                    node.lastSequence > mark || !node.currentConnection.hasState
                }
                if quiet && fresh { break }
                usleep(20_000)
            }
            app.dispatch(.tick(clock.now()))
        }
        if !app.state.quitRequested { app.present(on: backend) }
        return backend.screen
    }
}
