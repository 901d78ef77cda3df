import Console
import PeatEvents

extension ConsoleApp {
    /// An app for `options` with the in-process node (`LocalNodeSource`), reading time from
    /// `clock`.
    public convenience init(options: ConsoleOptions, clock: any EventClock = SystemClock(), keyMap: KeyMap = .standard) {
        self.init(options: options, sources: [LocalNodeSource(options: options, clock: clock)], clock: clock, keyMap: keyMap)
    }

    /// The in-process node's source, when the app has one (soak, bench and tests read its
    /// emitter's own figures to check the model against).
    public var localNode: LocalNodeSource? {
        state.nodeOrder.lazy.compactMap { self.sources[$0] as? LocalNodeSource }.first
    }

    /// The time `snapshot` uses: 2025-01-01T00:00:00Z.
    public static let snapshotEpoch: UInt64 = 1_735_689_600
    /// Seconds of demo traffic `snapshot` plays before applying the keys.
    public static let snapshotWarmUp = 12

    /// Applies `keys` then renders one frame at `size` through the same code path as the live
    /// console (MemoryBackend, fixed clock), as plain text. The demo scenario first plays
    /// `snapshotWarmUp` seconds so the panes have something to show.
    public static func snapshot(options: ConsoleOptions, keys: [Key], size: Size,
                                capabilities: TerminalCapabilities = .init(colors: .none, unicode: true)) -> String {
        snapshotBuffer(options: options, keys: keys, size: size, capabilities: capabilities).text
    }

    /// `snapshot`, keeping the styles.
    public static func snapshotBuffer(options: ConsoleOptions, keys: [Key], size: Size,
                                      capabilities: TerminalCapabilities = .init(colors: .none, unicode: true)) -> Buffer {
        let clock = ManualClock(seconds: snapshotEpoch)
        let app = ConsoleApp(options: options, clock: clock)
        let backend = MemoryBackend(size: size, capabilities: capabilities)
        app.begin(on: backend)
        if options.scenario == .demo {
            let tick = UInt64(max(1, options.refreshMs)) * 1_000_000
            let ticks = snapshotWarmUp * 1000 / max(1, options.refreshMs)
            for _ in 0..<ticks {
                clock.advance(nanos: tick)
                app.dispatch(.tick(clock.now()))
            }
        }
        backend.pendingKeys = keys
        _ = app.run(on: backend, stopRequested: { backend.pendingKeys.isEmpty })
        if !app.state.quitRequested { app.present(on: backend) }
        return backend.screen
    }
}
