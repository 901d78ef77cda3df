import PeatEvents

/// The console: state, the node sources, and the main loop.
///
/// The loop is single-threaded: wait for a key (the tick is the timeout), drain the inbox,
/// apply actions (the reducer, then the effects on the node sources, whose results come back
/// as actions), observe the nodes, render a new buffer only when the state changed, draw the
/// difference.
public final class ConsoleApp {
    /// Actions from background threads; drained on every wake-up.
    public let inbox = Inbox()
    /// The app's state (read-only outside; change it with `dispatch`).
    public private(set) var state: AppState
    /// The keys.
    public let keyMap: KeyMap
    /// The node sources, by node.
    public private(set) var sources: [NodeKey: any NodeSource] = [:]
    private let options: ConsoleOptions
    private let clock: any EventClock
    private var shownFrame: Buffer?
    private var shownState: AppState?
    /// Takes every input as it is applied (`--record`); nil when not recording.
    public var recorder: (any InputRecorder)?

    /// An app showing the nodes `sources` feed (the first is focused and takes live input).
    public init(options: ConsoleOptions, sources: [any NodeSource], clock: any EventClock = SystemClock(), keyMap: KeyMap = .standard) {
        self.options = options
        self.clock = clock
        self.keyMap = keyMap
        self.state = AppState(options: options)
        self.state.now = clock.now().seconds
        if let first = sources.first {
            state.nodes = [:]
            state.nodeOrder = []
            state.focusedNode = first.key
        }
        for source in sources {
            self.sources[source.key] = source
            state.addNode(source.key, source.initialModel)
        }
        // Several nodes: the formation overview first; a comparison's two lanes side by side.
        if let policies = options.compare,
           sources.map(\.key) == policies.map({ CompareState.laneKey(nodeID: options.nodeID, policy: $0) }) {
            state.compare = CompareState(keys: sources.map(\.key))
        }
        state.overviewShown = state.nodeOrder.count > 1 && state.compare == nil
        observe()
    }

    /// Applies `action`: the reducer, its effects on the node sources, then a fresh
    /// observation of the nodes.
    public func dispatch(_ action: Action) {
        reduce(action)
        observe()
    }

    /// The reducer and the effects of `action`, whose results are folded back in as actions,
    /// without a new observation (a batch of actions takes one at its end).
    @discardableResult
    private func reduce(_ action: Action) -> [Effect] {
        let effects = update(&state, action)
        for effect in effects {
            guard let source = sources[effect.node] else { continue }
            for event in source.perform(effect.command) {
                update(&state, .node(effect.node, event))
            }
        }
        return effects
    }

    /// Applies one input (a key, a size, a tick, an inbox action): the single door every
    /// input of the live loop goes through, so that a recording (`recorder`) holds all of
    /// them and a replay, applying them again with the clock set to their times, rebuilds
    /// the same states.
    /// - Returns: the node commands the input caused.
    @discardableResult
    public func apply(_ input: ConsoleInput) -> [Effect] {
        recorder?.willApply()
        var effects: [Effect] = []
        switch input {
        case .key(let key):
            effects = reduce(keyMap.action(for: key, in: state))
            observe()
        case .resize(let size):
            resize(to: size)
        case .capabilities(let capabilities):
            state.capabilities = capabilities
        case .tick:
            effects = reduce(.tick(clock.now()))
            observe()
        case .background(let action):
            effects = reduce(action)
        }
        recorder?.didApply(input, commands: effects.map(\.command))
        return effects
    }

    /// Puts the app back to `state` (a replay's checkpoint); the next `present` draws in full.
    public func restore(_ state: AppState) {
        self.state = state
        shownFrame = nil
        shownState = nil
    }

    /// Turns a terminal event into actions: a key through the key map; a resize, or a resume
    /// after a stop (the screen's content is then unknown), repaints everything at the size
    /// `output` now has.
    public func handle(_ event: TerminalEvent, on output: any TerminalOutput) {
        switch event {
        case .key(let key):
            apply(.key(key))
        case .resized, .resumed:
            output.invalidate()
            shownFrame = nil
            apply(.resize(output.size))
        }
    }

    /// Reads every node's figures (and, for the focused node, the browser's page) into the
    /// models. Observing is cheap: counters and one page; the frame is drawn only when the state
    /// it yields differs from the one shown.
    private func observe() {
        for key in state.nodeOrder {
            guard let source = sources[key], let model = state.nodes[key] else { continue }
            let focused = key == state.focusedNode
            // The browser's page can depend on what the observation moved (a followed row):
            // ask again, at most twice more, until the page asked for is the page shown.
            for _ in 0..<3 {
                let query = focused ? state.browserQuery : LocalQuery(limit: 0)
                let request = ObservationRequest(query: query, anchor: focused ? state.browserAnchor : nil,
                                                 storeMark: (state.nodes[key] ?? model).storeMark)
                update(&state, .node(key, .observed(source.observe(request))))
                if !focused || state.browserQuery == query { break }
            }
        }
    }

    /// The screen is now `size`: the layout changes, and with it how far help can scroll.
    private func resize(to size: Size) {
        dispatch(.resize(size))
        dispatch(.measured(helpMaxScroll: HelpOverlay(keyMap: keyMap).maxScroll(in: state.layout.body)))
    }

    /// The oldest output request the reducer left (Copy.swift carries them out).
    func takeOutputRequest() -> OutputRequest { state.pendingOutput.removeFirst() }

    /// Writes `text` to a new file named from `stem` in a directory (nil: the working
    /// directory) and returns its path, for `y` without a clipboard. The console writes no
    /// files itself: whoever wires the app gives it one (LocalNode, the executable); without
    /// it, a copy to a file says it is not available.
    public var writeNewFile: ((_ text: String, _ stem: String, _ directory: String?) throws -> String)?

    /// Where files go (`e`, and `y` without a clipboard).
    var exportTarget: ConsoleOptions.ExportTarget { options.export }

    /// The frame for the current state.
    public func renderFrame() -> Buffer {
        Screen.render(state, keyMap: keyMap)
    }

    /// Draws the current state if it changed since the last frame; only changed cells are sent.
    /// - Returns: true when something was drawn.
    @discardableResult
    public func present(on backend: any TerminalOutput) -> Bool {
        carryOutOutput(on: backend)
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
    public func begin(on backend: any TerminalOutput) {
        apply(.capabilities(backend.capabilities))
        shownFrame = nil
        shownState = nil
        backend.invalidate()
        apply(.resize(backend.size))
        apply(.tick)
        recorder?.endOfWake()
    }

    /// One wake-up: at most one wait for input (then any events already queued), the inbox, a tick.
    public func wake(on backend: any Backend) {
        // With input still waiting, do not wait for a key: take the next share at once.
        var event = backend.nextEvent(timeoutMs: inbox.count > 0 ? 0 : max(1, options.refreshMs))
        var handled = 0
        while let e = event {
            handle(e, on: backend)
            handled += 1
            event = handled < 64 && !state.quitRequested ? backend.nextEvent(timeoutMs: 0) : nil
        }
        // Background input (streams) can post many actions a wake-up: one observation of the
        // nodes for the whole batch (dispatching the tick below), not one each.
        // At most a budget of stream records a wake-up, so a flood of input cannot delay the
        // next frame or a key (q) by more than one share; the rest waits in the inbox.
        let background = state.quitRequested ? [] : inbox.drain(recordBudget: ConsoleApp.recordsPerWake)
        for action in background where !state.quitRequested { apply(.background(action)) }
        if !state.quitRequested { apply(.tick) }
        recorder?.endOfWake()
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
}
