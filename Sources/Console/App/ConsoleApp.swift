import PeatEvents

/// The console: state, the session over the core, and the main loop.
///
/// The loop is single-threaded: wait for a key (the tick is the timeout), drain the inbox,
/// apply actions, render a new buffer only when the state changed, draw the difference.
public final class ConsoleApp {
    /// Actions from background threads; drained on every wake-up.
    public let inbox = Inbox()
    /// The app's state (read-only outside; change it with `dispatch`).
    public private(set) var state: AppState
    /// The keys.
    public let keyMap: KeyMap
    /// The core side.
    public let session: Session
    private let options: ConsoleOptions
    private let clock: any EventClock
    private var seenVersion = -1
    private var seenQuery: LocalQuery?
    private var shownFrame: Buffer?
    private var shownState: AppState?

    /// An app for `options`, reading time from `clock`.
    public init(options: ConsoleOptions, clock: any EventClock = SystemClock(), keyMap: KeyMap = .standard) {
        self.options = options
        self.clock = clock
        self.keyMap = keyMap
        self.session = Session(options: options, clock: clock)
        self.state = AppState(options: options)
        self.state.now = clock.now().seconds
        refreshCore()
    }

    /// Applies `action`: the reducer, then its effects in the session, then a fresh core snapshot.
    public func dispatch(_ action: Action) {
        apply(action)
        refreshCore()
    }

    /// The reducer and the effects of `action`, without a new core snapshot (a batch of
    /// actions takes one snapshot at its end).
    private func apply(_ action: Action) {
        let effects = update(&state, action)
        for effect in effects {
            if let report = session.perform(effect) {
                update(&state, .report(report.text, isError: report.isError))
            }
        }
    }

    /// Turns a key into actions (a resize reads the new size from `backend`).
    public func handle(_ key: Key, on backend: any Backend) {
        if key == .resize {
            backend.invalidate()
            shownFrame = nil
            dispatch(.resize(backend.size))
        } else {
            dispatch(keyMap.action(for: key, in: state))
        }
    }

    /// Takes a new snapshot when the core changed or the browser needs another page.
    private func refreshCore() {
        for _ in 0..<3 {
            let query = state.browserQuery
            guard session.version != seenVersion || query != seenQuery else { return }
            seenVersion = session.version
            seenQuery = query
            update(&state, .coreRefreshed(session.snapshot(query: query, anchor: state.browserAnchor)))
        }
    }

    /// The frame for the current state.
    public func renderFrame() -> Buffer {
        Screen.render(state, keyMap: keyMap)
    }

    /// Draws the current state if it changed since the last frame; only changed cells are sent.
    /// - Returns: true when something was drawn.
    @discardableResult
    public func present(on backend: any Backend) -> Bool {
        if let shown = shownState, shown == state, shownFrame != nil { return false }
        let frame = renderFrame()
        let changes = Buffer.diff(shownFrame ?? Buffer(size: Size(width: 0, height: 0)), frame)
        shownFrame = frame
        shownState = state
        guard !changes.isEmpty else { return false }
        backend.draw(changes)
        backend.flush()
        return true
    }

    /// Takes the screen's size and capabilities, and the time.
    public func begin(on backend: any Backend) {
        state.capabilities = backend.capabilities
        shownFrame = nil
        shownState = nil
        backend.invalidate()
        dispatch(.resize(backend.size))
        dispatch(.tick(clock.now()))
    }

    /// One wake-up: at most one wait for a key (then any keys already queued), the inbox, a tick.
    public func wake(on backend: any Backend) {
        // With input still waiting, do not wait for a key: take the next share at once.
        var key = backend.readKey(timeoutMs: inbox.count > 0 ? 0 : max(1, options.refreshMs))
        var handled = 0
        while let k = key {
            handle(k, on: backend)
            handled += 1
            key = handled < 64 && !state.quitRequested ? backend.readKey(timeoutMs: 0) : nil
        }
        // Background input (streams) can post many actions a wake-up: one core snapshot for
        // the whole batch, not one each (a snapshot reads the queue and the store).
        // At most a budget of stream records a wake-up, so a flood of input cannot delay the
        // next frame or a key (q) by more than one share; the rest waits in the inbox.
        let background = state.quitRequested ? [] : inbox.drain(recordBudget: ConsoleApp.recordsPerWake)
        for action in background where !state.quitRequested { apply(action) }
        if !background.isEmpty { refreshCore() }
        if !state.quitRequested { dispatch(.tick(clock.now())) }
    }

    /// Stream records applied per wake-up at most (tens of milliseconds of emitting).
    public static let recordsPerWake = 8_192

    /// The main loop. Returns when the user quits or `stopRequested()` is true (checked on
    /// every wake-up).
    /// - Returns: the exit status (0).
    public func run(on backend: any Backend, stopRequested: () -> Bool) -> Int32 {
        begin(on: backend)
        present(on: backend)
        while !state.quitRequested, !stopRequested() {
            wake(on: backend)
            if state.quitRequested { break }
            present(on: backend)
        }
        return 0
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
