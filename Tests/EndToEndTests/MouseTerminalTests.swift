import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The mouse in a real terminal (tmux): reporting is on while the console runs (unless
/// `--no-mouse`), a click reaches the app, and whatever ends or suspends the console, the
/// terminal's mouse reporting is off again (`#{mouse_any_flag}`: the pane's application asked
/// for mouse events).
@Suite("Mouse reporting on and off", .enabled(if: tmuxAvailable, "tmux is not installed; skipping terminal end-to-end tests"))
struct MouseTerminalTests {
    static let marker = "e2e-node"
    static let arguments = "--scenario none --node \(marker)"
    /// The script keeps the pane open after the run, so its modes can be read.
    static func script(_ arguments: String, prefix: String = "") -> String {
        prefix + recordedRun(arguments) + "sleep 60\n"
    }

    func mouseReporting(_ tmux: TmuxConsole) -> String { tmux.paneFormat("#{mouse_any_flag}") }

    /// Waits until the console ended (the script wrote `after`), then reads the flag.
    func expectMouseOffAfterTheRun(_ tmux: TmuxConsole, status: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        guard tmux.waitForFile("after", sourceLocation: sourceLocation) != nil else { return }
        #expect(tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == String(status),
                "stderr: \(tmux.file("stderr") ?? "")", sourceLocation: sourceLocation)
        #expect(mouseReporting(tmux) == "0", "mouse reporting left on", sourceLocation: sourceLocation)
    }

    @Test("on while running; off after q, SIGTERM, SIGHUP and a crash", arguments: [0, SIGTERM, SIGHUP, SIGSEGV])
    func offOnEveryWayOut(_ how: Int32) throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: Self.script(Self.arguments, prefix: how == SIGSEGV ? "ulimit -c 0\n" : ""))
        tmux.waitForText(Self.marker)
        #expect(mouseReporting(tmux) == "1", "the console asks for the mouse")
        if how == 0 {
            try tmux.press("q")
        } else {
            guard let pid = tmux.waitForFile("pid").flatMap({ pid_t($0) }) else { return }
            #expect(kill(pid, how) == 0)
        }
        expectMouseOffAfterTheRun(tmux, status: how == 0 ? 0 : 128 + how)
    }

    @Test("--no-mouse never asks for the mouse (the terminal's own selection works)")
    func noMouse() throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: Self.script(Self.arguments + " --no-mouse"))
        tmux.waitForText(Self.marker)
        #expect(mouseReporting(tmux) == "0")
        try tmux.press("q")
        expectMouseOffAfterTheRun(tmux, status: 0)
    }

    /// An xterm (X10) mouse report, as a terminal sends it: ESC [ M, then button, column and
    /// row, each plus 32 (cells counted from 1). Button 0 is a press of the first button, 3 a
    /// release (a terminal sends one after every press), 65 the wheel turned down.
    static func report(button: Int, x: Int, y: Int) -> String {
        "\u{1B}[M" + String(UnicodeScalar(UInt8(32 + button))) + String(UnicodeScalar(UInt8(33 + x)))
            + String(UnicodeScalar(UInt8(33 + y)))
    }

    @Test("a click focuses the pane under it; the wheel scrolls")
    func clickAndWheel() throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: Self.script("--scenario none --node \(Self.marker)"))
        tmux.waitForText(Self.marker)
        for _ in 0..<8 { try tmux.press("t") }
        tmux.waitForText("8 events")
        // The telemetry pane is the lower left quarter at 120x40 (rows 15-37).
        try tmux.tmux(["send-keys", "-t", "e2e", "-l", Self.report(button: 0, x: 10, y: 19) + Self.report(button: 3, x: 10, y: 19)])
        tmux.waitForScreen("the telemetry pane focused, row 3 selected") { $0.contains("┏━ Local telemetry") && $0.contains("3/8") }
        try tmux.tmux(["send-keys", "-t", "e2e", "-l", Self.report(button: 65, x: 10, y: 19)])  // wheel down
        tmux.waitForText("6/8")
        try tmux.tmux(["send-keys", "-t", "e2e", "-l", Self.report(button: 0, x: 80, y: 5) + Self.report(button: 3, x: 80, y: 5)])
        tmux.waitForText("┏━ Critical alerts")
        try tmux.press("q")
        expectMouseOffAfterTheRun(tmux, status: 0)
    }

    @Test("off while suspended by Ctrl-Z, on again after fg",
          .enabled(if: onPath("bash"), "needs bash for a job-control shell"))
    func suspend() throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: recordedRun(Self.arguments), interactiveShell: true)
        tmux.waitForText("$")
        try tmux.type("sh run.sh")
        tmux.waitForText(Self.marker)
        guard let pid = tmux.waitForFile("pid").flatMap({ pid_t($0) }) else { return }
        #expect(mouseReporting(tmux) == "1")
        try tmux.press("C-z")
        tmux.waitForScreen("the console to stop") { _ in processState(pid) == "T" }
        #expect(mouseReporting(tmux) == "0", "mouse reporting on while suspended")
        try tmux.type("fg")
        tmux.waitForScreen("the console to redraw after fg") { $0.contains(Self.marker) && !$0.contains("$ fg") }
        #expect(mouseReporting(tmux) == "1", "mouse reporting back after fg")
        try tmux.press("q")
        guard tmux.waitForFile("after") != nil else { return }
        #expect(mouseReporting(tmux) == "0")
    }
}
