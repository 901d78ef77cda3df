import Console
import Foundation
import PeatEvents
import PeatRemoteProto

extension ConsoleApp {
    /// An app watching the nodes at `targets` (the formation overview first when there are
    /// several).
    public convenience init(options: ConsoleOptions, remote targets: [RemoteTarget], clock: any EventClock = SystemClock(),
                            keyMap: KeyMap = .standard) {
        self.init(options: options, sources: targets.map { RemoteNodeSource(target: $0) }, clock: clock, keyMap: keyMap)
    }

    /// Sends what each watched node's connection brings, as the loop takes it in, to
    /// `take` with the node's index among `remoteNodes` (`--record`).
    public func recordRemoteInputs(_ take: @escaping (Int, [RemoteInput]) -> Void) {
        for (index, node) in remoteNodes.enumerated() {
            node.onTaken = { take(index, $0) }
        }
    }

    /// The remote sources of the app.
    public var remoteNodes: [RemoteNodeSource] {
        state.nodeOrder.compactMap { self.sources[$0] as? RemoteNodeSource }
    }

    /// A headless frame of remote nodes: waits (at most `wait` seconds) until every node has
    /// sent its state or failed an attempt, applies `keys`, and renders one frame at `size`.
    /// Every wait is a tick through `apply`, on `clock`: a recorder (`prepare` sets one up on
    /// the app before it begins) keeps what it would keep of a live run.
    public static func remoteSnapshotBuffer(targets: [RemoteTarget], options: ConsoleOptions, keys: [Key], size: Size,
                                            capabilities: TerminalCapabilities = .init(colors: .none, unicode: true),
                                            wait: Double = 5, clock: any EventClock = SystemClock(),
                                            prepare: (ConsoleApp) -> Void = { _ in }) -> Buffer {
        let app = ConsoleApp(options: options, remote: targets, clock: clock)
        defer { app.remoteNodes.forEach { $0.stop() } }
        prepare(app)
        let backend = MemoryBackend(size: size, capabilities: capabilities)
        app.begin(on: backend)
        func tick() {
            app.apply(.tick)
            app.recorder?.endOfWake()
        }
        let deadline = Date().addingTimeInterval(wait)
        while Date() < deadline {
            tick()
            let settled = app.remoteNodes.allSatisfy { node in
                let c = node.currentConnection
                return (c.hasState && node.isSettled) || c.failures > 0 || c.phase == .unauthorised || c.phase == .notGRPC
            }
            if settled { break }
            usleep(20_000)
        }
        tick()
        backend.pendingKeys = keys
        _ = app.run(on: backend, stopRequested: { backend.pendingKeys.isEmpty })
        if !keys.isEmpty && !app.state.quitRequested {
            // Control calls answer asynchronously: wait for their answers and an update after them.
            let marks = app.remoteNodes.map(\.lastSequence)
            let until = Date().addingTimeInterval(wait)
            while Date() < until {
                tick()
                let quiet = app.remoteNodes.allSatisfy(\.isSettled)
                let fresh = zip(app.remoteNodes, marks).allSatisfy { node, mark in
                    node.lastSequence > mark || !node.currentConnection.hasState
                }
                if quiet && fresh { break }
                usleep(20_000)
            }
            tick()
        }
        if !app.state.quitRequested { app.present(on: backend) }
        return backend.screen
    }
}
