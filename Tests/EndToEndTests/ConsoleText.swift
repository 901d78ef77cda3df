import Foundation

/// What the console's screens say, in the few places the end-to-end tests look.
/// Kept in one spot so a wording change in the views is one edit here.
enum ConsoleText {
    /// The keys of case (a) and what the frame shows after them on the empty scenario:
    /// one CRITICAL alert, the telemetry in the local store, and the first pop step
    /// (batch 8 returns the CRITICAL and both HIGH events).
    static let scriptedKeys = "1 2 2 t space"
    static let afterScriptedKeys: [String] = [
        "1 unacked", "critical.manual", "telemetry.cpu", "step asked   8 got   3: C H H",
    ]

    /// The rows compared between a live frame and `snapshot`'s: from the local telemetry
    /// pane down (the queue pane above shows the link's token buckets, which refill with
    /// wall-clock time).
    static func comparableRows(_ lines: [String]) -> [String] {
        guard let start = lines.firstIndex(where: { $0.contains("Local telemetry") }) else { return lines }
        return Array(lines[start...])
    }

    /// The empty scenario before any key.
    static let emptyScenario = "local store empty"

    /// The help overlay is open (a line only the overlay has).
    static func showsHelp(_ screen: String) -> Bool {
        screen.contains("show or hide this help")
    }

    /// The "terminal too small (need W×H)" screen is shown.
    static func showsTooSmall(_ screen: String) -> Bool {
        screen.contains("terminal too small") && screen.contains("need ")
    }

    /// The status line counts `n` unknown keys.
    static func countsUnknownKeys(_ n: Int) -> (String) -> Bool {
        { $0.contains("unknown keys \(n)") }
    }

    /// The screen with what depends on the wall clock masked (rates, ages, TTL left) and
    /// trailing spaces dropped, so a live frame compares equal to `snapshot`'s fixed-clock one.
    static func timeless(_ screen: String) -> [String] {
        let patterns = [#"\d+\.\d+/s"#, #"\b\d+h\d+m\b"#, #"\b\d+m\d+s\b"#, #"\b\d+s\b"#]
        return screen.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var s = String(line)
            for p in patterns { s = s.replacingOccurrences(of: p, with: "#", options: .regularExpression) }
            while s.last == " " { s.removeLast() }
            return s
        }
        .reversed().drop(while: { $0.isEmpty }).reversed()
    }
}
