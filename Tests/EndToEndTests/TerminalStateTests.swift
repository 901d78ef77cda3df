import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The console in a real terminal (tmux): it starts, takes keys, and whatever ends it —
/// quit, a signal, a suspend, an unusable terminal — the terminal is left exactly as it was
/// (`stty -g` before and after).
@Suite("Terminal state survives every way out", .enabled(if: tmuxAvailable, "tmux is not installed; skipping terminal end-to-end tests"))
struct TerminalStateTests {
    /// A node id shown in the header: seeing it means the console is up and drawing.
    static let marker = "e2e-node"
    static let arguments = "--scenario none --node \(marker)"

    /// Waits for the run to finish, then checks its status and that the terminal modes are
    /// what they were before it started.
    private func expectRestored(_ tmux: TmuxConsole, status expected: Int32,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        guard let after = tmux.waitForFile("after", sourceLocation: sourceLocation) else { return }
        let before = tmux.file("before")?.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(before == after, "stty -g differs after the run", sourceLocation: sourceLocation)
        let status = tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(status == String(expected), "exit status; stderr: \(tmux.file("stderr") ?? "")",
                sourceLocation: sourceLocation)
    }

    private func consolePID(_ tmux: TmuxConsole) -> pid_t? {
        tmux.waitForFile("pid").flatMap { pid_t($0) }
    }

    @Test("q quits with status 0")
    func quit() throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: recordedRun(Self.arguments))
        tmux.waitForText(Self.marker)
        try tmux.press("q")
        expectRestored(tmux, status: 0)
        #expect(tmux.file("stderr")?.isEmpty == true)
    }

    @Test("Ctrl-C ends the console by SIGINT (status 130)")
    func interrupt() throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: recordedRun(Self.arguments))
        tmux.waitForText(Self.marker)
        try tmux.press("C-c")
        expectRestored(tmux, status: 128 + SIGINT)
    }

    @Test("Ctrl-\\ ends the console by SIGQUIT (status 131)")
    func quitSignal() throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: "ulimit -c 0\n" + recordedRun(Self.arguments))
        tmux.waitForText(Self.marker)
        try tmux.press("C-\\")
        expectRestored(tmux, status: 128 + SIGQUIT)
    }

    @Test("SIGTERM and SIGHUP from outside", arguments: [SIGTERM, SIGHUP])
    func signalFromOutside(_ sig: Int32) throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: recordedRun(Self.arguments))
        tmux.waitForText(Self.marker)
        guard let pid = consolePID(tmux) else { return }
        #expect(kill(pid, sig) == 0)
        expectRestored(tmux, status: 128 + sig)
    }

    @Test("a crash signal (SIGSEGV, SIGABRT) still gives the terminal back", arguments: [SIGSEGV, SIGABRT])
    func crash(_ sig: Int32) throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: "ulimit -c 0\n" + recordedRun(Self.arguments))
        tmux.waitForText(Self.marker)
        guard let pid = consolePID(tmux) else { return }
        #expect(kill(pid, sig) == 0)
        expectRestored(tmux, status: 128 + sig)
        #expect(tmux.file("stderr")?.contains("crashed") == true, "Swift's crash report reaches stderr")
    }

    @Test("the terminal closing while SIGHUP is ignored ends the console (no spinning)")
    func hangUpIgnored() throws {
        guard ConsoleBinary.require() != nil else { return }
        let script = """
            trap '' HUP
            sh -c 'echo $$ > pid.tmp && mv pid.tmp pid && exec "$0" "$@"' "$BIN" \(Self.arguments) 2> stderr
            echo $? > status.tmp && mv status.tmp status

            """
        let tmux = try TmuxConsole(script: script)
        tmux.waitForText(Self.marker)
        guard let pid = consolePID(tmux) else { return }
        #expect(processIgnores(pid, SIGHUP))
        try tmux.tmux(["kill-server"])
        #expect(tmux.waitForFile("status") == String(128 + SIGHUP))
    }

    @Test("SIGTERM the moment the process exists (before or during terminal set-up)")
    func signalDuringStartup() throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: recordedRun(Self.arguments))
        guard let pid = consolePID(tmux) else { return }
        #expect(kill(pid, SIGTERM) == 0)
        expectRestored(tmux, status: 128 + SIGTERM)
    }

    @Test("Ctrl-Z gives the terminal back; fg redraws the console",
          .enabled(if: onPath("bash"), "needs bash for a job-control shell"))
    func suspendAndResume() throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: recordedRun(Self.arguments), interactiveShell: true)
        tmux.waitForText("$")
        try tmux.type("sh run.sh")
        tmux.waitForText(Self.marker)
        guard let pid = consolePID(tmux) else { return }

        try tmux.press("C-z")
        // Suspended: the process is stopped, the normal screen is back and the cursor shows.
        // (The tty modes are the shell's own by now, so they are compared only at the end.)
        tmux.waitForScreen("the console to stop") { _ in processState(pid) == "T" }
        #expect(tmux.paneFormat("#{alternate_on}") == "0", "still on the alternate screen while suspended")
        #expect(tmux.paneFormat("#{cursor_flag}") == "1", "cursor still hidden while suspended")

        try tmux.type("fg")
        let resumed = tmux.waitForScreen("the console to redraw after fg") {
            $0.contains(Self.marker) && !$0.contains("$ fg")
        }
        #expect(processState(pid) != "T")
        #expect(tmux.paneFormat("#{alternate_on}") == "1")
        #expect(!resumed.contains("$ sh run.sh"))
        try tmux.press("q")
        expectRestored(tmux, status: 0)
    }

    @Test("SIGSTOP (uncatchable) then SIGCONT: curses' modes come back and the screen is repainted")
    func stopAndContinue() throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: recordedRun(Self.arguments))
        tmux.waitForText(Self.marker)
        guard let pid = consolePID(tmux) else { return }
        let tty = tmux.paneFormat("#{pane_tty}")
        let cursesModes = sttyOf(tty)
        #expect(cursesModes != nil && cursesModes != tmux.file("before")?.trimmingCharacters(in: .whitespacesAndNewlines))

        #expect(kill(pid, SIGSTOP) == 0)
        tmux.waitForScreen("the console to stop") { _ in processState(pid) == "T" }
        // While it is stopped, someone else uses the terminal: modes change, text is written.
        #expect(try spawnAndWait(["stty", "-F", tty, "icanon", "echo"], environment: ProcessInfo.processInfo.environment).status == 0)
        try "\u{1b}[2J\u{1b}[HSOMEONE ELSE WAS HERE\r\n".write(toFile: tty, atomically: false, encoding: .utf8)
        tmux.waitForText("SOMEONE ELSE WAS HERE")

        #expect(kill(pid, SIGCONT) == 0)
        tmux.waitForScreen("a full repaint after SIGCONT") {
            $0.contains(Self.marker) && !$0.contains("SOMEONE ELSE WAS HERE")
        }
        #expect(sttyOf(tty) == cursesModes, "curses' tty modes are back after SIGCONT")
        try tmux.press("q")
        expectRestored(tmux, status: 0)
    }

    @Test("a resize storm: still responsive, too-small screen, then back")
    func resizeStorm() throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: recordedRun(Self.arguments))
        tmux.waitForText(Self.marker)
        for i in 0..<30 {
            try tmux.resize(width: 50 + (i * 37) % 150, height: 12 + (i * 11) % 50)
        }
        try tmux.resize(width: 120, height: 40)
        tmux.waitForScreen("the console at 120x40 after the storm") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return screen.contains(Self.marker) && lines.count >= 40
        }
        try tmux.press("?")
        tmux.waitForScreen("the help overlay after the storm", ConsoleText.showsHelp)
        try tmux.press("Escape")

        try tmux.resize(width: 30, height: 8)
        tmux.waitForScreen("the too-small screen", ConsoleText.showsTooSmall)
        try tmux.resize(width: 120, height: 40)
        tmux.waitForText(Self.marker)
        try tmux.press("q")
        expectRestored(tmux, status: 0)
    }

    @Test("closed stdin: one-line error, status 1")
    func closedStdin() throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: recordedRun(Self.arguments, redirect: "<&-"))
        expectRestored(tmux, status: 1)
        expectOneLineError(tmux.file("stderr"), mentioning: "not a terminal")
    }

    @Test("TERM=dumb and an unknown TERM: one-line error, status 1",
          arguments: ["dumb", "no-such-terminal-xyz"])
    func unusableTerminal(_ term: String) throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: recordedRun(Self.arguments, environment: "TERM=\(term)"))
        expectRestored(tmux, status: 1)
        expectOneLineError(tmux.file("stderr"), mentioning: term)
    }
}

/// Checks `stderr` is exactly one line starting with "peat-console:" and containing `text`.
func expectOneLineError(_ stderr: String?, mentioning text: String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
    let lines = (stderr ?? "").split(separator: "\n")
    #expect(lines.count == 1, "expected one line on stderr, got: \(stderr ?? "nil")", sourceLocation: sourceLocation)
    #expect(lines.first?.hasPrefix("peat-console:") == true, sourceLocation: sourceLocation)
    #expect(lines.first?.contains(text) == true, "stderr: \(stderr ?? "")", sourceLocation: sourceLocation)
}

/// The one-letter state of a process from /proc ("R", "S", "T", ...), nil if it is gone.
func processState(_ pid: pid_t) -> String? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return nil }
    return stat[stat.index(after: close)...].split(separator: " ").first.map(String.init)
}

/// True when process `pid` ignores `sig` (from /proc).
func processIgnores(_ pid: pid_t, _ sig: Int32) -> Bool {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigIgn:") }),
          let mask = UInt64(line.dropFirst("SigIgn:".count).trimmingCharacters(in: .whitespaces), radix: 16)
    else { return false }
    return mask & (1 << UInt64(sig - 1)) != 0
}

/// `stty -g` of another terminal device.
func sttyOf(_ device: String) -> String? {
    guard let r = try? spawnAndWait(["stty", "-F", device, "-g"], environment: ProcessInfo.processInfo.environment),
          r.status == 0 else { return nil }
    return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
}
