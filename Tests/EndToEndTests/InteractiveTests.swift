import Foundation
import Testing

/// A user's session in a real terminal: type keys, read the screen.
@Suite("Using the console in a terminal", .enabled(if: tmuxAvailable, "tmux is not installed; skipping terminal end-to-end tests"))
struct InteractiveTests {
    @Test("keys inject and pop; the live screen is the snapshot's; ? shows help; q quits")
    func scriptedSession() throws {
        guard let bin = ConsoleBinary.require() else { return }
        let tmux = try TmuxConsole(script: recordedRun("--scenario none"))
        tmux.waitForText(ConsoleText.emptyScenario)

        for key in ConsoleText.scriptedKeys.split(separator: " ") {
            try tmux.press(key == "space" ? "Space" : String(key))
        }
        let screen = tmux.waitForScreen("the scripted keys' effect") { screen in
            ConsoleText.afterScriptedKeys.allSatisfy(screen.contains)
        }
        // Same code path: the live frame is `snapshot`'s frame for the same keys, up to the clock.
        let snapshot = try runProcess(bin, ["snapshot", "--scenario", "none", "--keys", ConsoleText.scriptedKeys,
                                            "--size", "120x40"])
        #expect(snapshot.status == 0)
        let live = ConsoleText.comparableRows(ConsoleText.timeless(screen))
        let scripted = ConsoleText.comparableRows(ConsoleText.timeless(snapshot.stdout))
        #expect(live.count > 10)
        #expect(live == scripted)

        try tmux.press("?")
        tmux.waitForScreen("the help overlay", ConsoleText.showsHelp)
        try tmux.press("Escape")
        tmux.waitForScreen("the help overlay to close") { !ConsoleText.showsHelp($0) }

        try tmux.press("q")
        let after = tmux.waitForFile("after")
        #expect(after == tmux.file("before")?.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test("unknown keys (a letter and a function key) are counted and shown, not fatal")
    func unknownKeys() throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: recordedRun("--scenario none"))
        tmux.waitForText(ConsoleText.emptyScenario)
        try tmux.press("Z")
        tmux.waitForScreen("one unknown key", ConsoleText.countsUnknownKeys(1))
        try tmux.press("F5")
        let screen = tmux.waitForScreen("two unknown keys", ConsoleText.countsUnknownKeys(2))
        #expect(screen.contains("F5"), "the last unknown key is named")
        // Still responsive.
        try tmux.press("1")
        tmux.waitForText("1 unacked")
        try tmux.press("q")
        #expect(tmux.waitForFile("status") == "0")
    }

    @Test("the demo scenario runs by default and moves on its own")
    func demoByDefault() throws {
        guard ConsoleBinary.require() != nil else { return }
        let tmux = try TmuxConsole(script: recordedRun(""))
        let first = tmux.waitForText("auto-drain 40/s")
        tmux.waitForScreen("the demo to change the screen") { $0 != first && $0.contains("auto-drain 40/s") }
        try tmux.press("q")
        #expect(tmux.waitForFile("status") == "0")
    }
}
