import PeatEvents

/// Everything that can happen to the app: keys (through the key map), time, resizes, and
/// reports from the core. `update` turns an action into a new state plus effects.
public enum Action: Equatable, Sendable {
    // Core: handed on to the session as effects.
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
    case toggleHelp
    case quit

    // Terminal, time and the core.
    /// The screen now has this size.
    case resize(Size)
    /// The loop woke up at this time.
    case tick(PeatTimestamp)
    /// A key nothing is bound to.
    case unknownKey(Key)
    /// A fresh picture of the core, taken after effects ran.
    case coreRefreshed(CoreSnapshot)
    /// A line for the status bar (an effect's outcome).
    case report(String, isError: Bool)

    // Live stream input (--source, --listen) and export.
    /// Records (or a status change) from a stream reader thread, via the inbox.
    case stream(StreamDelivery)
    /// Write the local store and the pop log to JSON Lines files (`e`).
    case export
    /// Show or hide the input errors overlay (`E`).
    case toggleStreamErrors
}

/// What the core should do, as asked by `update`. The session performs effects; the reducer
/// stays a pure function of state and action.
public enum Effect: Equatable, Sendable {
    case inject(PriorityLevel)
    case injectTelemetry
    case burst(count: Int)
    case pop(max: Int)
    case setPolicy(SchedulingPolicy)
    /// Acknowledge the alert with this key (`AlertRecord.key`, not the event id, which may
    /// repeat), or the newest unacknowledged one when nil.
    case acknowledge(alert: Int?)
    /// Let time pass until `time`: run the generator when `generate`, drain at `drainRate`
    /// events/s (0 = no auto-drain) in pops of `batch`.
    case advance(to: PeatTimestamp, generate: Bool, drainRate: Int, batch: Int)
    /// Emit a stream delivery's events and count its errors.
    case ingest(StreamDelivery)
    /// Write the export files.
    case export
}
