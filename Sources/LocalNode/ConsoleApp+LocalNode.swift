import Console
import PeatEvents
import PeatInputs

extension ConsoleApp {
    /// An app for `options` with the in-process node (`LocalNodeSource`), reading time from
    /// `clock`.
    public convenience init(options: ConsoleOptions, clock: any EventClock = SystemClock(), keyMap: KeyMap = .standard) {
        self.init(options: options, sources: LocalNodeSource.sources(options: options, clock: clock), clock: clock, keyMap: keyMap)
        writeNewFile = NewFile.create
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

    /// Longest simulated run `snapshot --duration` accepts, in seconds (a day).
    public static let snapshotMaxDuration: Double = 86_400

    /// Renders one frame at `size` through the same code path as the live console
    /// (MemoryBackend, manual clock), as plain text.
    ///
    /// Without `duration`, the demo scenario first plays `snapshotWarmUp` seconds so the panes
    /// have something to show, then `keys` are applied. With `duration`, `keys` are applied at
    /// the start and then the clock advances `duration` seconds, a tick every refresh interval:
    /// the demo, the drain, the link and TTL all run on it, so the frame after a minute of demo
    /// is the same on every run.
    ///
    /// With `deliveries` (`--source FILE`), the capture's deliveries are applied after the
    /// start, before the keys.
    ///
    /// With `recorder`, every input is recorded (`--record`); it is made for the manual clock
    /// the run uses.
    public static func snapshot(options: ConsoleOptions, keys: [Key], size: Size,
                                capabilities: TerminalCapabilities = .init(colors: .none, unicode: true),
                                duration: Double? = nil) -> String {
        snapshotBuffer(options: options, keys: keys, size: size, capabilities: capabilities, duration: duration).text
    }

    /// `snapshot`, keeping the styles.
    public static func snapshotBuffer(options: ConsoleOptions, keys: [Key], size: Size,
                                      capabilities: TerminalCapabilities = .init(colors: .none, unicode: true),
                                      duration: Double? = nil,
                                      deliveries: [StreamDelivery] = [],
                                      recorder makeRecorder: ((ManualClock) -> any InputRecorder)? = nil) -> Buffer {
        let clock = ManualClock(seconds: snapshotEpoch)
        let app = ConsoleApp(options: options, clock: clock)
        app.recorder = makeRecorder?(clock)
        defer { app.recorder?.endOfWake() }
        let backend = MemoryBackend(size: size, capabilities: capabilities)
        let tickMs = max(1, options.refreshMs)
        func play(seconds: Double) {
            let ticks = Int((min(max(0, seconds), snapshotMaxDuration) * 1000 / Double(tickMs)).rounded())
            for _ in 0..<ticks where !app.state.quitRequested {
                clock.advance(nanos: UInt64(tickMs) * 1_000_000)
                app.apply(.tick)
            }
        }
        // A capture (`--source`): read whole before the keys, on the clock of the start.
        func ingest() {
            for delivery in deliveries { app.inbox.post(.stream(delivery)) }
            while app.inbox.count > 0, !app.state.quitRequested { app.wake(on: backend) }
        }
        if let duration {
            if deliveries.isEmpty {
                backend.pendingKeys = keys
                _ = app.run(on: backend, stopRequested: { backend.pendingKeys.isEmpty })
            } else {
                app.begin(on: backend)
                ingest()
                backend.pendingKeys = keys
                while !backend.pendingKeys.isEmpty, !app.state.quitRequested { app.wake(on: backend) }
            }
            play(seconds: duration)
        } else {
            app.begin(on: backend)
            ingest()
            if options.scenario == .demo { play(seconds: Double(snapshotWarmUp)) }
            backend.pendingKeys = keys
            _ = app.run(on: backend, stopRequested: { backend.pendingKeys.isEmpty })
        }
        if !app.state.quitRequested { app.present(on: backend) }
        return backend.screen
    }
}
