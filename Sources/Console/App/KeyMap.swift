import PeatEvents

/// Groups of keys in the help overlay.
public enum KeyGroup: String, CaseIterable, Sendable {
    case inject = "Inject"
    case queue = "Queue"
    case navigate = "Navigate"
    case view = "View"
    case filter = "While filtering"
}

/// One line of the key map: the keys, what they do, and how help and footer describe them.
public struct KeyBinding: Sendable {
    /// The keys that trigger the binding.
    public var keys: [Key]
    /// One action for all keys, or one per key (parallel to `keys`).
    public var actions: [Action]
    /// How the keys are written in help and footer ("1-4", "j/k").
    public var keyLabel: String
    /// A word or two for the footer.
    public var label: String
    /// A sentence for the help overlay.
    public var help: String
    public var group: KeyGroup
    /// Footer priority: lower ranks stay when the footer is narrow; nil = help only.
    public var footerRank: Int?

    public init(_ keys: [Key], _ actions: [Action], keyLabel: String, label: String, help: String,
                group: KeyGroup, footerRank: Int? = nil) {
        self.keys = keys
        self.actions = actions
        self.keyLabel = keyLabel
        self.label = label
        self.help = help
        self.group = group
        self.footerRank = footerRank
    }

    /// The action for `key`, if the binding has it.
    public func action(for key: Key) -> Action? {
        guard let i = keys.firstIndex(of: key) else { return nil }
        return actions.count == 1 ? actions[0] : actions[i]
    }
}

/// What the screen is in, as far as the footer is concerned.
public enum KeyContext: Sendable, Hashable {
    /// The four panes.
    case panes
    /// Typing the browser filter.
    case filtering
    /// The help overlay.
    case help
    /// The detail view of one event.
    case detail
    /// The live input (errors) overlay.
    case input
    /// The formation overview (several nodes).
    case overview
    /// The warnings list (`W`).
    case warnings
}

/// A footer hint in a view that reuses normal-mode keys under another name: the keys are
/// those of the binding whose actions include `action`.
public struct FooterHint: Sendable {
    public var action: Action
    /// What the keys do in that view ("scroll", "close").
    public var label: String
    /// How the keys are written, when not as the binding writes them ("q/Esc").
    public var keyLabel: String?

    public init(_ action: Action, _ label: String, keys keyLabel: String? = nil) {
        self.action = action
        self.label = label
        self.keyLabel = keyLabel
    }
}

/// Keys → actions, as data: the footer and the help overlay are generated from it.
public struct KeyMap: Sendable {
    /// Bindings in normal mode, in help/footer order.
    public var bindings: [KeyBinding]
    /// Bindings while the filter is being typed (printable keys go into the filter).
    public var filterBindings: [KeyBinding]
    /// The footer of the help, detail and input views, in order (the keys are the normal ones).
    public var viewFooters: [KeyContext: [FooterHint]]

    public init(bindings: [KeyBinding], filterBindings: [KeyBinding], viewFooters: [KeyContext: [FooterHint]] = KeyMap.standardViewFooters) {
        self.bindings = bindings
        self.filterBindings = filterBindings
        self.viewFooters = viewFooters
    }

    /// What the footer offers in the help, detail and input views.
    public static let standardViewFooters: [KeyContext: [FooterHint]] = [
        .help: [FooterHint(.back, "close", keys: "q/Esc"), FooterHint(.moveDown, "scroll"), FooterHint(.pageDown, "page"),
                FooterHint(.quit, "quit", keys: "^C")],
        .detail: [FooterHint(.back, "back", keys: "q/Esc"), FooterHint(.moveDown, "scroll"), FooterHint(.copySelection, "copy"),
                  FooterHint(.pageDown, "page"),
                  FooterHint(.moveTop, "top/end"), FooterHint(.focusNext, "pane"), FooterHint(.toggleHelp, "help"),
                  FooterHint(.quit, "quit", keys: "^C")],
        .input: [FooterHint(.back, "close", keys: "q/Esc"), FooterHint(.export, "export"), FooterHint(.toggleHelp, "help"),
                 FooterHint(.quit, "quit", keys: "^C")],
        .warnings: [FooterHint(.back, "close", keys: "q/Esc"), FooterHint(.toggleCompare, "compare"), FooterHint(.toggleHelp, "help"),
                    FooterHint(.quit, "quit", keys: "^C")],
        .overview: [FooterHint(.moveDown, "move"), FooterHint(.openDetail, "open node"), FooterHint(.toggleHelp, "help"),
                    FooterHint(.quit, "quit")],
    ]

    /// The console's keys.
    public static let standard = KeyMap(bindings: [
        KeyBinding([.character("1"), .character("2"), .character("3"), .character("4")],
                   [.inject(.critical), .inject(.high), .inject(.normal), .inject(.low)],
                   keyLabel: "1-4", label: "inject",
                   help: "inject a CRITICAL/HIGH/NORMAL/LOW event", group: .inject, footerRank: 2),
        KeyBinding([.character("t")], [.injectTelemetry], keyLabel: "t", label: "telemetry",
                   help: "inject telemetry (QUERY: local store)", group: .inject, footerRank: 6),
        KeyBinding([.character("b")], [.burst], keyLabel: "b", label: "burst",
                   help: "inject a burst of 100 mixed events", group: .inject, footerRank: 8),
        KeyBinding([.character(" ")], [.step], keyLabel: "Space", label: "pop",
                   help: "pop one batch: popEvents(max: batch)", group: .queue, footerRank: 3),
        KeyBinding([.character("+"), .character("="), .character("-"), .character("_")],
                   [.batchBigger, .batchBigger, .batchSmaller, .batchSmaller],
                   keyLabel: "+/-", label: "batch", help: "double / halve the batch size", group: .queue, footerRank: 9),
        KeyBinding([.character("a")], [.toggleAutoDrain], keyLabel: "a", label: "auto",
                   help: "auto-drain on/off (at the link rate)", group: .queue, footerRank: 5),
        KeyBinding([.character("p")], [.togglePause], keyLabel: "p", label: "pause",
                   help: "pause/resume generator and auto-drain", group: .queue, footerRank: 4),
        KeyBinding([.character("w")], [.switchPolicy], keyLabel: "w", label: "policy",
                   help: "switch scheduler reference <-> fair", group: .queue, footerRank: 7),
        KeyBinding([.character("c"), .character("W")], [.toggleCompare, .toggleWarnings], keyLabel: "c/W", label: "compare/warn",
                   help: "side by side (--compare) / the warnings list", group: .view, footerRank: 17),
        KeyBinding([.character("x")], [.acknowledge], keyLabel: "x", label: "ack",
                   help: "acknowledge the selected/newest alert", group: .queue, footerRank: 10),
        KeyBinding([.tab, .backTab], [.focusNext, .focusPrevious], keyLabel: "Tab", label: "pane",
                   help: "next / previous pane (S-Tab)", group: .navigate, footerRank: 11),
        KeyBinding([.character("j"), .down, .character("k"), .up], [.moveDown, .moveDown, .moveUp, .moveUp],
                   keyLabel: "j/k", label: "move", help: "move the selection (also arrows)", group: .navigate),
        KeyBinding([.pageDown, .pageUp, .control("d"), .control("u")], [.pageDown, .pageUp, .pageDown, .pageUp],
                   keyLabel: "PgUp/PgDn", label: "page", help: "move a page (also ^U/^D)", group: .navigate),
        KeyBinding([.character("g"), .home, .character("G"), .end], [.moveTop, .moveTop, .moveBottom, .moveBottom],
                   keyLabel: "g/G", label: "top/end", help: "first / last item (also Home/End)", group: .navigate),
        KeyBinding([], [], keyLabel: "mouse", label: "",
                   help: "click: pane and row; wheel: scroll", group: .navigate),
        KeyBinding([], [], keyLabel: "", label: "",
                   help: "--no-mouse: the terminal selects text", group: .navigate),
        KeyBinding([.enter], [.openDetail], keyLabel: "Enter", label: "detail",
                   help: "show every field of the selected event", group: .view, footerRank: 12),
        KeyBinding([.escape], [.back], keyLabel: "Esc", label: "back",
                   help: "close a view (also q); clear the filter", group: .view),
        KeyBinding([.character("f"), .character("z")], [.toggleFreeze], keyLabel: "f", label: "freeze",
                   help: "freeze the screen, not the node (also z)", group: .view, footerRank: 16),
        KeyBinding([.character("/")], [.startFilter], keyLabel: "/", label: "filter",
                   help: "new filter of the telemetry browser by type", group: .view, footerRank: 13),
        KeyBinding([.character("y")], [.copySelection], keyLabel: "y", label: "copy",
                   help: "copy the selection as JSON (clipboard/file)", group: .view, footerRank: 17),
        KeyBinding([.character("e")], [.export], keyLabel: "e", label: "export",
                   help: "export store, pop log, alerts as JSONL", group: .view, footerRank: 14),
        KeyBinding([.character("E")], [.toggleStreamErrors], keyLabel: "E", label: "input",
                   help: "live input status and its last errors", group: .view, footerRank: 15),
        KeyBinding([.character("?"), .function(1)], [.toggleHelp], keyLabel: "?", label: "help",
                   help: "show or hide this help (also F1)", group: .view, footerRank: 0),
        KeyBinding([.character("q"), .control("c")], [.quit], keyLabel: "q", label: "quit",
                   help: "quit (^C always; q closes a view first)", group: .view, footerRank: 1),
    ], filterBindings: [
        KeyBinding([], [], keyLabel: "text", label: "type filter",
                   help: "part of an event type, e.g. cpu", group: .filter, footerRank: 0),
        KeyBinding([.enter], [.filterApply], keyLabel: "Enter", label: "apply",
                   help: "apply the filter", group: .filter, footerRank: 1),
        KeyBinding([.escape], [.filterCancel], keyLabel: "Esc", label: "cancel",
                   help: "cancel, keep the previous filter", group: .filter, footerRank: 2),
        KeyBinding([.up], [.filterRecall], keyLabel: "Up", label: "last",
                   help: "recall the last filter", group: .filter, footerRank: 4),
        KeyBinding([.backspace, .delete, .control("h")], [.filterBackspace], keyLabel: "Bksp", label: "delete",
                   help: "delete the last character", group: .filter, footerRank: 3),
    ])

    /// The action for `key` in `state` (filter editing routes text into the filter); keys
    /// nothing is bound to give `.unknownKey`.
    public func action(for key: Key, in state: AppState) -> Action {
        if case .mouse(let m) = key { return .mouse(m) }
        if state.filterDraft != nil {
            for b in filterBindings { if let a = b.action(for: key) { return a } }
            if case .character(let c) = key, TextWidth.of(c) > 0 { return .filterInput(c) }
            if case .control("c") = key { return .quit }
            return .unknownKey(key)
        }
        // q closes what is open (help, the input overlay, a detail) before it quits.
        if key == .character("q"), KeyMap.context(of: state) != .panes { return .back }
        for b in bindings { if let a = b.action(for: key) { return a } }
        return .unknownKey(key)
    }

    /// What the screen is in for `state` (the topmost view wins).
    public static func context(of state: AppState) -> KeyContext {
        if state.filterDraft != nil { return .filtering }
        if state.helpShown { return .help }
        if state.warningsShown { return .warnings }
        if state.streamErrorsShown { return .input }
        if state.detail != nil { return .detail }
        if state.overviewShown { return .overview }
        return .panes
    }

    /// The bindings the footer offers in `state`: the normal or filter bindings, or for the
    /// help, detail and input views their hints, with the keys of the bindings they name.
    public func footerBindings(in state: AppState) -> [KeyBinding] {
        let context = KeyMap.context(of: state)
        switch context {
        case .panes: return bindings.filter { $0.footerRank != nil }
        case .filtering: return filterBindings.filter { $0.footerRank != nil }
        case .help, .detail, .input, .overview, .warnings:
            // The help names its scrolling keys only when it has something to scroll.
            let hints = (viewFooters[context] ?? []).filter { hint in
                !(context == .help && state.helpMaxScroll == 0 && (hint.action == .moveDown || hint.action == .pageDown))
            }
            return hints.enumerated().compactMap { rank, hint in
                guard let b = bindings.first(where: { $0.actions.contains(hint.action) }) else { return nil }
                return KeyBinding(b.keys, b.actions, keyLabel: hint.keyLabel ?? b.keyLabel, label: hint.label, help: b.help,
                                  group: b.group, footerRank: rank)
            }
        }
    }
}
