import PeatEvents

/// Everything that can happen to the app: keys (through the key map), time, resizes, and
/// reports from the core. `update` turns an action into a new state plus effects.
public enum Action: Equatable, Sendable {
    // Commands for the focused node: handed to its source as effects.
    /// Inject one synthetic event at a level (as the emitter helpers would make it).
    case inject(PriorityLevel)
    /// Inject a telemetry sample (QUERY: goes to the local store).
    case injectTelemetry
    /// Inject 100 mixed events.
    case burst
    /// Pop one batch (`popEvents(max: batchSize)`).
    case step
    case batchBigger, batchSmaller
    case toggleAutoDrain, togglePause
    /// Switch the scheduling policy reference ↔ fair.
    case switchPolicy
    /// Acknowledge the selected (or newest unacknowledged) critical alert.
    case acknowledge

    // Navigation and views.
    case focusNext, focusPrevious
    case moveUp, moveDown, pageUp, pageDown, moveTop, moveBottom
    case openDetail
    /// Close the help or detail view, or clear the filter.
    case back
    case startFilter
    case filterInput(Character)
    case filterBackspace, filterApply, filterCancel
    /// While typing a filter: put the last applied filter back in the draft (Up).
    case filterRecall
    /// Freeze or unfreeze the display (`f`, `z`): the node runs on.
    case toggleFreeze
    case toggleHelp
    case quit

    // Terminal, time and the core.
    /// The screen now has this size.
    case resize(Size)
    /// The loop woke up at this time.
    case tick(PeatTimestamp)
    /// A key nothing is bound to.
    case unknownKey(Key)
    /// What a node's source reported: folded into that node's model.
    case node(NodeKey, NodeEvent)
    /// Show this node's panes (and send it the keys' commands).
    case focusNode(NodeKey)
    /// The help overlay's scroll limit on the current screen (measured by the app).
    case measured(helpMaxScroll: Int)
    /// A line for the status bar (an effect's outcome).
    case report(String, isError: Bool)

    // Live stream input (--source, --listen) and export.
    /// Records (or a status change) from a stream reader thread, via the inbox.
    case stream(StreamDelivery)
    /// Write the local store and the pop log to JSON Lines files (`e`).
    case export
    /// Show or hide the input errors overlay (`E`).
    case toggleStreamErrors

    // Mouse and clipboard (MouseInput.swift, Copy.swift).
    /// A click (focus the pane, select the row) or a wheel turn (scroll the pane) at a cell.
    case mouse(MouseEvent)
    /// Copy the selected event as JSON (`y`): to the clipboard by OSC 52, or to a file.
    case copySelection
    // Scheduling side by side and warnings (Compare.swift, Warnings.swift).
    /// Enter or leave the side-by-side view of a comparison (`c`).
    case toggleCompare
    /// Show or hide the warnings list (`W`).
    case toggleWarnings
}
