import PeatEvents
import Testing
@testable import Console
@testable import LocalNode
import PeatDemo
import PeatInputs
@testable import PeatSoak

/// The key scripts `snapshot` reads, and properties every snapshot must have. What whole
/// frames look like is in the goldens (GoldenTests).
@Suite struct SnapshotTests {
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

    /// `--duration`: the keys first, then simulated seconds on the manual clock; the same run
    /// gives the same frame, a longer one a later frame.
    @Test func durationAdvancesAManualClockAfterTheKeys() throws {
        var o = ConsoleOptions()
        o.seed = 1
        let size = Size(width: 120, height: 40)
        let a = ConsoleApp.snapshot(options: o, keys: [], size: size, duration: 30)
        #expect(a == ConsoleApp.snapshot(options: o, keys: [], size: size, duration: 30))
        let b = ConsoleApp.snapshot(options: o, keys: [], size: size, duration: 60)
        #expect(a != b)
        // The pop log counts one auto-drain step per second of demo.
        func steps(_ frame: String) -> Int? {
            guard let r = frame.range(of: #"Pop log · ([0-9,]+) steps"#, options: .regularExpression) else { return nil }
            return Int(frame[r].filter(\.isNumber))
        }
        let (sa, sb) = (try #require(steps(a)), try #require(steps(b)))
        #expect(sb > sa)
        // Keys apply at the start: paused at once, nothing is drained in the whole minute.
        let paused = ConsoleApp.snapshot(options: o, keys: try parseKeyScript("p"), size: size, duration: 60)
        #expect(steps(paused) ?? 0 == 0, "\(paused)")
    }
}
