import PeatEvents
import Testing
@testable import Console

@Suite struct SnapshotTests {
    var none: ConsoleOptions {
        var o = ConsoleOptions()
        o.scenario = .none
        return o
    }

    @Test func keyScriptsParseNamesAndCharacters() throws {
        #expect(try parseKeyScript("1 2 2 t space") == [.character("1"), .character("2"), .character("2"), .character("t"), .character(" ")])
        #expect(try parseKeyScript("enter esc tab stab up down left right pgup pgdn home end ?") ==
                [.enter, .escape, .tab, .backTab, .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .character("?")])
        #expect(try parseKeyScript("  / text:cpu Enter  ^c F1 bksp G ") ==
                [.character("/"), .character("c"), .character("p"), .character("u"), .enter, .control("c"), .function(1), .backspace, .character("G")])
        #expect(try parseKeyScript("") == [])
    }

    @Test func badTokensAreNamed() {
        #expect(throws: KeyScriptError(token: "spacebar", position: 2)) { try parseKeyScript("1 spacebar 2") }
        #expect(throws: KeyScriptError(token: "f99", position: 1)) { try parseKeyScript("f99") }
        do {
            _ = try parseKeyScript("t ^12")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("\"^12\""))
        }
    }

    @Test func noneScenarioAfterInjectsAndAStep() throws {
        let text = ConsoleApp.snapshot(options: none, keys: try parseKeyScript("1 2 2 t space"), size: Size(width: 120, height: 40))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 40)
        #expect(lines.allSatisfy { TextWidth.of($0) == 120 })
        #expect(text.contains("PeatConsole"))
        #expect(text.contains("step #1: asked 8, got 3"))
        #expect(text.contains("#1    step asked   8 got   3: C H H"))
        #expect(text.contains("critical.manual"))
        #expect(text.contains("1 unacked"))
        #expect(text.contains("telemetry.cpu"))
        #expect(text.contains("short 0  inversions 0  served C 1 H 2 N 0 L 0"))
        #expect(text.contains("local store 1/1,000,000 · expired 0 · evicted 0"))
        // The clock does not move in a snapshot of the empty scenario: no rate to show yet.
        #expect(text.contains("in –/s out –/s"))
        // The three popped events went onto the link model and out at once (full buckets).
        #expect(text.contains("── link 8.0 kB/s ─── tokens queue   sent   drop    bytes"))
    }

    @Test func noneScenarioBeforeTheStepShowsQueuedCounts() throws {
        let buffer = ConsoleApp.snapshotBuffer(options: none, keys: try parseKeyScript("1 2 2 t"), size: Size(width: 120, height: 40))
        let rows = buffer.lines
        func row(_ label: String) -> String? { rows.first { $0.contains("┃ \(label) ") } }
        #expect(row("CRITICAL")?.contains("     1 ") == true)
        #expect(row("HIGH")?.contains("     2 ") == true)
        #expect(row("NORMAL")?.contains("     0 ") == true)
        #expect(buffer.text.contains("3 pending"))
        #expect(buffer.text.contains("no pops yet"))
    }

    @Test func snapshotsAreDeterministic() {
        let a = ConsoleApp.snapshot(options: ConsoleOptions(), keys: [], size: Size(width: 100, height: 30))
        let b = ConsoleApp.snapshot(options: ConsoleOptions(), keys: [], size: Size(width: 100, height: 30))
        #expect(a == b)
        var other = ConsoleOptions()
        other.seed = 2
        #expect(a != ConsoleApp.snapshot(options: other, keys: [], size: Size(width: 100, height: 30)))
    }

    @Test func nothingOverlapsAtCommonSizes() {
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 60), Size(width: 60, height: 16), Size(width: 100, height: 30)] {
            for keys: [Key] in [[], [.character("?")], [.tab, .tab, .enter], [.character("/"), .character("c")]] {
                let b = ConsoleApp.snapshotBuffer(options: ConsoleOptions(), keys: keys, size: size)
                #expect(b.lines.allSatisfy { TextWidth.of($0) == size.width }, "\(size) \(keys)")
                // Each pane's frame is intact: corners where the layout put them.
                if keys.isEmpty {
                    let l = ScreenLayout(size: size, focus: .queue)
                    for pane in Pane.allCases where !l.hidden.contains(pane) {
                        let r = l.rect(pane)
                        let corners = [b[r.x, r.y].symbol, b[r.maxX - 1, r.y].symbol, b[r.x, r.maxY - 1].symbol, b[r.maxX - 1, r.maxY - 1].symbol]
                        #expect(corners.allSatisfy { "╭╮╰╯┏┓┗┛".contains($0) }, "\(size) \(pane) \(corners)")
                    }
                }
            }
        }
    }

    @Test func asciiSnapshotHasOnlyASCII() {
        let text = ConsoleApp.snapshot(options: ConsoleOptions(), keys: [.character("?")], size: Size(width: 120, height: 40),
                                       capabilities: ascii)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(text.unicodeScalars.filter { !$0.isASCII }.map { String($0) })")
    }
}
