import Console
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The whole life of the live terminal around a main loop: start (or a one-line error),
/// run, restore on every path, then end the process with the stop signal if one arrived.
public enum TerminalSession {
    /// Starts an `NcursesTerminal`, hands it to `body` (the main loop) together with a
    /// "stop requested" test, and restores the terminal however `body` ends (return or throw).
    /// If SIGINT/SIGTERM/SIGHUP/SIGQUIT ended the loop, the process then dies of that signal
    /// (status 128 + signal), after the terminal is back to normal; if the terminal hung up
    /// while SIGHUP was ignored, the status is 129.
    ///
    /// - Parameters:
    ///   - environment: the process environment (`TERM`, `NO_COLOR`, `ESCDELAY`).
    ///   - keysFromControllingTerminal: standard input carries data: read keys from `/dev/tty`.
    ///   - mouse: report clicks and wheel turns (off: the terminal's own selection works).
    /// - Returns: `body`'s exit status.
    /// - Throws: `TerminalStartError` when there is no usable terminal (nothing was changed),
    ///   or whatever `body` throws (after the terminal is restored).
    public static func run(environment: [String: String], keysFromControllingTerminal: Bool = false, mouse: Bool = true,
                           _ body: (NcursesTerminal, _ stopRequested: () -> Bool) throws -> Int32) throws -> Int32 {
        let terminal = NcursesTerminal()
        terminal.keysFromControllingTerminal = keysFromControllingTerminal
        terminal.mouse = mouse
        do {
            try terminal.start(environment: environment)
        } catch {
            StopSignals.uninstall()
            throw error
        }
        let status: Int32
        do {
            status = try body(terminal, { terminal.stopRequested })
        } catch {
            terminal.stop()
            StopSignals.uninstall()
            throw error
        }
        terminal.stop()
        StopSignals.uninstall()
        StopSignals.reraiseIfReceived()
        // The terminal hung up while SIGHUP was ignored: report it the way a hang-up would.
        if terminal.terminalLost { return 128 + SIGHUP }
        return status
    }
}
