#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif
import Synchronization
import CNcurses

/// The signal that asked the program to stop (0 while none has). Written only by the signal
/// handler, read by the main loop; lock-free, so safe in a handler.
private let pendingStopSignal = Atomic<Int32>(0)

/// The handler for every stop signal: it records which one arrived and nothing else.
private func recordStopSignal(_ signal: Int32) {
    pendingStopSignal.store(signal, ordering: .sequentiallyConsistent)
}

/// Catches the signals that should end the console (SIGINT, SIGTERM, SIGHUP, SIGQUIT) so the
/// terminal can be restored before the process exits, then re-raises the signal so the
/// parent sees the usual "killed by signal" status.
///
/// Install before `newterm`: ncurses only installs its own handlers for signals still at
/// their default, so it leaves these to us (and keeps its SIGTSTP/SIGWINCH handling).
public enum StopSignals {
    /// The signals handled.
    public static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// The signals whose handler `install` set (main thread only).
    nonisolated(unsafe) private static var installed: [Int32] = []

    /// Installs the flag-setting handler. A signal the parent chose to ignore (e.g. SIGHUP
    /// under `nohup`) stays ignored.
    public static func install() {
        _ = pendingStopSignal.load(ordering: .relaxed)  // initialise the global before any handler runs
        for sig in handled where !installed.contains(sig) {
            if peat_signal_is_ignored(sig) != 0 { continue }
            _ = signal(sig, recordStopSignal)
            installed.append(sig)
        }
    }

    /// Gives the signals `install` took back their default action (once the terminal is
    /// restored, a signal may simply end the process).
    public static func uninstall() {
        for sig in installed { _ = signal(sig, SIG_DFL) }
        installed.removeAll()
    }

    /// The stop signal received so far, or nil.
    public static var received: Int32? {
        let s = pendingStopSignal.load(ordering: .sequentiallyConsistent)
        return s == 0 ? nil : s
    }

    /// True once a stop signal has arrived.
    public static var stopRequested: Bool { received != nil }

    /// If a stop signal arrived, ends the process with it (default disposition), so the exit
    /// status reads 128 + signal. Call after the terminal has been restored.
    public static func reraiseIfReceived() {
        guard let sig = received else { return }
        _ = signal(sig, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, sig)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(sig)
        // SIGQUIT may be blocked by a debugger or similar; fall back to the conventional status.
        exit(128 + sig)
    }
}

/// Set by the SIGCONT handler, cleared when the terminal reports `.resumed` to the main loop.
private let pendingResume = Atomic<Bool>(false)

private func recordResume(_ signal: Int32) {
    pendingResume.store(true, ordering: .sequentiallyConsistent)
}

/// Notices that the process was continued after a stop (SIGCONT), however it was stopped.
///
/// Ctrl-Z is handled by ncurses itself (it restores the terminal, stops, and redraws on
/// resume); a SIGSTOP cannot be caught, so nothing is restored before it and, while the
/// process is stopped, the shell may put the tty back in its own modes. On resume the
/// terminal therefore re-applies curses' modes and reports `TerminalEvent.resumed`, on which
/// the app invalidates the screen and repaints all of it.
enum ResumeSignal {
    nonisolated(unsafe) private static var previous: sighandler_t?
    nonisolated(unsafe) private static var isInstalled = false

    /// Installs the flag-setting SIGCONT handler (the process still continues as usual).
    static func install() {
        guard !isInstalled else { return }
        _ = pendingResume.load(ordering: .relaxed)
        previous = signal(SIGCONT, recordResume)
        isInstalled = true
    }

    /// Puts back the SIGCONT handler `install` replaced.
    static func uninstall() {
        guard isInstalled else { return }
        _ = signal(SIGCONT, previous)
        isInstalled = false
    }

    /// True (once) if the process was continued since the last call.
    static func consume() -> Bool {
        pendingResume.exchange(false, ordering: .sequentiallyConsistent)
    }
}
