import PeatEvents

/// One input to the console, as it crosses the app's boundary: what a recording stores and a
/// replay applies again (`ConsoleApp.apply(_:)`).
///
/// Everything else the console shows follows from these, the options and the clock: the
/// key map turns a key into an action, the reducer turns actions into commands, and the node
/// sources (the demo generator seeded by the options, the link, TTL) run on the clock.
public enum ConsoleInput: Equatable, Sendable {
    /// A key press.
    case key(Key)
    /// The screen has this size now.
    case resize(Size)
    /// What the terminal can show (at the start).
    case capabilities(TerminalCapabilities)
    /// The loop woke up: time passes for every node, at the clock's time.
    case tick
    /// An action a background thread posted to the inbox (a stream delivery), applied
    /// without a new observation of the nodes: the tick that ends the wake-up takes it.
    case background(Action)
}

/// Takes the console's inputs as they are applied (`ConsoleApp.recorder`): the recording
/// writer. Called on the main loop's thread.
public protocol InputRecorder: AnyObject {
    /// An input is about to be applied: its time is read now. A recorder that holds the
    /// app's clock still for the length of an input (so that every reading of the clock
    /// while it is applied gives the time recorded) moves it here.
    func willApply()
    /// `input` was applied; `commands` are the node commands it caused.
    func didApply(_ input: ConsoleInput, commands: [NodeCommand])
    /// A wake-up of the loop ended (a good moment to flush).
    func endOfWake()
}
