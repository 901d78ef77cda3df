import PeatEvents

/// Which scenario feeds the console.
public enum ScenarioChoice: String, Sendable, CaseIterable {
    /// The built-in demo node (`DemoScenario`) with auto-drain on.
    case demo
    /// Nothing is generated or popped until a key asks.
    case none
}

/// How the console starts.
public struct ConsoleOptions: Sendable {
    public var scenario: ScenarioChoice = .demo
    public var seed: UInt64 = 1
    public var nodeID = "node-1"
    public var formationID = "squad-1"
    public var policy: SchedulingPolicy = .reference
    /// How often the loop wakes when idle, milliseconds.
    public var refreshMs = 100
    /// Auto-drain rate in the demo, events per second.
    public var linkRate = 40
    /// The modelled link to the parent tier, bytes per second: what the pops take goes onto
    /// a `LinkTransmitter` of this bandwidth (split by level per `BandwidthAllocation`).
    public var linkBytesPerSecond = ConsoleOptions.defaultLinkBytesPerSecond
    /// Bounds of the modelled link's per-level queues.
    public var linkQueueLimits = ConsoleOptions.defaultLinkQueueLimits
    /// Events per `space` step (and per auto-drain pop).
    public var batchSize = 8
    /// A live stream feeds the emitter (`--source`, `--listen`): auto-drain starts on.
    public var streaming = false
    /// Keys `1`-`4`, `t` and `b` inject synthetic events. Off in live mode unless
    /// `--allow-inject`: an operator watching a real stream does not add to it by a stray key.
    public var allowInject: Bool?
    /// Whether injection keys work: `allowInject`, or by default only off a live stream.
    public var injectionEnabled: Bool { allowInject ?? !streaming }
    /// The local store's bounds (capacity; past it the oldest events are evicted).
    public var storeLimits: StoreLimits = .standard
    /// How `y` copies: `auto` is resolved by the live console from its environment
    /// (`ClipboardChoice.resolved`); elsewhere (snapshot, tests) it means OSC 52, which the
    /// in-memory terminal records.
    public var clipboard: ClipboardChoice = .auto
    /// Where `e` writes its files: the current directory (the live console's default), a
    /// given directory, or nowhere (`snapshot` without `--export-dir`: a command that prints).
    public var export: ExportTarget = .currentDirectory
    /// Two policies to run side by side on identical input (`--compare reference,fair`); nil
    /// for one node.
    public var compare: [SchedulingPolicy]?
    /// Which warnings are on, and their thresholds (`--warn`, `--allow`, the threshold flags).
    public var warnings = WarningSettings()

    /// Where the `e` key's export goes.
    public enum ExportTarget: Sendable, Equatable {
        case currentDirectory
        case directory(String)
        case off
    }

    public init() {}

    /// 8,000 B/s. The demo's detections (~145 bytes, NORMAL: 2,520 B/s of the link) and tracks
    /// (~135 bytes, LOW: 1,080 B/s) need about a third of their shares between contacts, so the
    /// link queues empty there; a contact (4× the rate for 6 s) outruns both, NORMAL's link
    /// queue fills (a few of its oldest detections dropped) and drains again within ~15 s,
    /// well before the next contact.
    public static let defaultLinkBytesPerSecond = 8_000
    /// Small per-level queues (CRITICAL 20, others 100, drop the oldest) so overflow shows.
    public static let defaultLinkQueueLimits = LinkQueueLimits(critical: 20, high: 100, normal: 100, low: 100, overflow: .dropOldest)
}

/// A selection and scroll position in a list.
public struct ListPosition: Equatable, Sendable {
    /// Index of the selected item.
    public var selected = 0
    /// Index of the first visible item.
    public var scroll = 0

    public init(selected: Int = 0, scroll: Int = 0) {
        self.selected = selected
        self.scroll = scroll
    }

    /// Keeps the selection within `count` items and visible in `rows` rows.
    public mutating func normalize(count: Int, rows: Int) {
        selected = count == 0 ? 0 : min(max(0, selected), count - 1)
        if rows <= 0 { scroll = selected; return }
        if selected < scroll { scroll = selected }
        if selected >= scroll + rows { scroll = selected - rows + 1 }
        scroll = max(0, min(scroll, max(0, count - rows)))
    }
}

/// The event a list's selection follows (by id) while its pane has the focus, so the
/// selection stays on the same row as new rows arrive above it or old ones go.
public struct ListAnchor: Equatable, Sendable {
    /// The selected row's id (an event id, or a pop-log step number).
    public var id: String
    /// Where the row was when last seen.
    public var index: Int
    /// Ids of the rows around it, nearest first, the older (below) before the newer (above):
    /// when the selected row goes (popped, expired, evicted), the first of these still there
    /// is selected instead.
    public var neighbours: [String]

    public init(id: String, index: Int, neighbours: [String] = []) {
        self.id = id
        self.index = index
        self.neighbours = neighbours
    }

    /// The anchor for row `index` of `ids` (a window of rows starting at list index `offset`).
    static func at(_ index: Int, in ids: [String], offset: Int = 0) -> ListAnchor? {
        let i = index - offset
        guard i >= 0, i < ids.count else { return nil }
        var around: [String] = []
        for d in 1...3 {
            if i + d < ids.count { around.append(ids[i + d]) }
            if i - d >= 0 { around.append(ids[i - d]) }
        }
        return ListAnchor(id: ids[i], index: index, neighbours: around)
    }

    /// Where the anchored row (or, when it is gone, its nearest surviving neighbour) is in `ids`.
    public func locate(in ids: [String]) -> Int? {
        for id in [id] + neighbours {
            if let i = ids.firstIndex(of: id) { return i }
        }
        return nil
    }
}

/// A message in the status line.
public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    /// When it was set (seconds since the epoch); it fades after `StatusMessage.lifetime`.
    public var time: UInt64
    /// Seconds a message stays.
    public static let lifetime: UInt64 = 8
}

/// Everything on screen derives from this value.
public struct AppState: Equatable, Sendable {
    public var nodeID: String
    public var formationID: String
    public var scenario: ScenarioChoice
    public var seed: UInt64
    public var linkRate: Int

    /// The screen.
    public var size: Size
    public var capabilities: TerminalCapabilities
    /// The time shown (whole seconds since the epoch: ages change once a second).
    public var now: UInt64 = 0

    /// One model per node, and the order they are listed in.
    public var nodes: [NodeKey: NodeModel]
    public var nodeOrder: [NodeKey]
    /// The node whose panes are shown (and whom keys command).
    public var focusedNode: NodeKey
    /// How far the help overlay can scroll on this screen (measured by the app from the key
    /// map and the layout; the reducer builds no views).
    public var helpMaxScroll = 0

    public var focus: Pane = .queue
    /// The formation overview (a row per node) is shown instead of one node's panes.
    public var overviewShown = false
    /// The overview's selection (an index into `nodeOrder`).
    public var overviewList = ListPosition()
    public var alertsList = ListPosition()
    public var browserList = ListPosition()
    public var popLogList = ListPosition()
    /// The rows the focused list's selection follows (nil when the pane is not focused).
    public var alertsAnchor: ListAnchor?
    public var browserAnchor: ListAnchor?
    public var popLogAnchor: ListAnchor?
    /// Rows that arrived above the focused list's cursor since it left the top (the badge
    /// `▲21 newer · g follow`); at the top the list follows the newest row instead.
    public var newerAbove = 0
    /// The applied browser filter (event type contains), "" for none.
    public var filter = ""
    /// The filter being typed, nil when not editing.
    public var filterDraft: String?
    /// The last filter applied (not empty), recalled by Up while typing a new one.
    public var lastFilter: String?
    /// The display is frozen (`f`/`z`): the panes show `frozenModel`, the node model as it was
    /// when frozen, while the node runs on and its live model keeps folding.
    public var frozenModel: NodeModel?
    /// Keys 1-4, t and b inject (see `ConsoleOptions.injectionEnabled`).
    public var injectionEnabled = true
    public var batchSize: Int
    public var paused = false
    public var autoDrain: Bool
    public var helpShown = false
    /// The comparison of two schedulers on identical input, when the console runs one.
    public var compare: CompareState?
    /// Which warnings are on, and their thresholds.
    public var warningSettings = WarningSettings()
    /// The warnings list (`W`) is shown.
    public var warningsShown = false
    /// The input errors overlay (`E`) is shown.
    public var streamErrorsShown = false
    /// First help line shown (the help scrolls when it does not fit).
    public var helpScroll = 0
    /// The event shown in the detail view.
    public var detail: PeatEvent?
    public var detailScroll = 0
    public var status: StatusMessage?
    /// Keys pressed that nothing is bound to.
    public var unknownKeys = 0
    public var quitRequested = false
    /// Where `y` puts the selection.
    public var clipboard: ClipboardMode = .osc52
    /// Output asked for by the last actions (the clipboard, a file), which the app carries out
    /// and empties before the next frame: the reducer's effects that are not node commands.
    public var pendingOutput: [OutputRequest] = []

    /// The starting state for `options` on a screen of `size`.
    public init(options: ConsoleOptions, size: Size = Size(width: 80, height: 24),
                capabilities: TerminalCapabilities = .init(colors: .none, unicode: true)) {
        nodeID = options.nodeID
        formationID = options.formationID
        scenario = options.scenario
        seed = options.seed
        linkRate = options.linkRate
        self.size = size
        self.capabilities = capabilities
        batchSize = max(1, options.batchSize)
        autoDrain = options.scenario == .demo || options.streaming
        injectionEnabled = options.injectionEnabled
        clipboard = options.clipboard == .auto ? .osc52 : options.clipboard.resolved(environment: [:])
        warningSettings = options.warnings
        let key = NodeKey(options.nodeID)
        nodes = [key: NodeModel(nodeID: options.nodeID, formationID: options.formationID, policy: options.policy)]
        nodeOrder = [key]
        focusedNode = key
    }

    /// The focused node's model as the panes show it: the frozen picture while the display is
    /// frozen, else the live model. (Change the live model through `nodes`.)
    public var core: NodeModel {
        get { frozenModel ?? live }
        set { nodes[focusedNode] = newValue }
    }

    /// The focused node's live model (what the node reports, frozen display or not).
    public var live: NodeModel {
        get { nodes[focusedNode] ?? NodeModel(nodeID: focusedNode.rawValue) }
        set { nodes[focusedNode] = newValue }
    }

    /// Adds `model` as node `key` (or replaces its model), listed last.
    public mutating func addNode(_ key: NodeKey, _ model: NodeModel) {
        if nodes[key] == nil { nodeOrder.append(key) }
        nodes[key] = model
    }

    /// The generator or auto-drain is running (the depth history is sampled every second).
    var running: Bool { !paused && (scenario == .demo || autoDrain) }

    /// The layout of the current screen.
    public var layout: ScreenLayout { ScreenLayout(size: size, focus: focus) }

    /// The filter the browser shows: the draft while typing, else the applied one.
    public var effectiveFilter: String { filterDraft ?? filter }

    /// The local-store page the browser needs.
    public var browserQuery: LocalQuery {
        let f = effectiveFilter
        return LocalQuery(typeContains: f.isEmpty ? nil : f, offset: browserList.scroll,
                          limit: max(1, layout.listRows(.browser)))
    }

    /// The event under the browser's selection, if it is on the current page.
    public var selectedBrowserEvent: PeatEvent? {
        let i = browserList.selected - core.browserOffset
        return i >= 0 && i < core.browserRows.count ? core.browserRows[i] : nil
    }

    /// The alert under the alerts pane's selection.
    public var selectedAlert: AlertRecord? {
        alertsList.selected < core.alerts.count ? core.alerts[alertsList.selected] : nil
    }
}
