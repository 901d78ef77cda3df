import Foundation
import Testing
@testable import Console
@testable import LocalNode
import PeatDemo
import PeatInputs
@testable import PeatSoak

/// Every golden frame, by the `peat-console snapshot` arguments that render it. Without
/// `--color` a frame is what `NO_COLOR` (or a terminal without colour) shows: attributes only.
let goldenCases: [GoldenCase] = {
    var cases = [
        // The README's captures (ReadmeCaptureTests keeps README.md equal to these).
        GoldenCase("readme-console-120x40", #"--keys "1 2 2 t space tab" --size 120x40"#),
        GoldenCase("readme-reference-defects-100x30",
                   #"--scenario none --keys "2 2 2 2 2 2 4 4 4 4 - - - space space space space tab tab tab" --size 100x30"#),
        // The empty scenario: injected events queued, then one step.
        GoldenCase("none-injected-120x40", #"--scenario none --keys "1 2 2 t" --size 120x40"#),
        GoldenCase("none-injected-step-120x40", #"--scenario none --keys "1 2 2 t space" --size 120x40"#),
        // The link model fits 80 columns when there is height for it.
        GoldenCase("demo-80x40", "--size 80x40"),
        // Other colour depths and the ASCII help overlay.
        GoldenCase("demo-color16-120x40", "--color 16 --size 120x40"),
        GoldenCase("demo-color8-120x40", "--color 8 --size 120x40"),
        GoldenCase("help-color256-120x40", #"--color 256 --keys "?" --size 120x40"#),
        GoldenCase("detail-color256-120x40", #"--color 256 --keys "tab tab enter" --size 120x40"#),
        GoldenCase("help-ascii-120x40", #"--ascii --keys "?" --size 120x40"#),
        GoldenCase("fair-policy-120x40", "--policy fair --size 120x40"),
        // Below 60x16: the too-small screen.
        GoldenCase("too-small-50x12", "--size 50x12"),
        GoldenCase("too-small-ascii-59x16", "--ascii --size 59x16"),
        // Issue 12: two schedulers side by side on the default demo after 60 simulated seconds
        // (the jamming phase: reference starves NORMAL, fair keeps 50/35/15), its warnings list,
        // and the command the issue names.
        GoldenCase("compare-120x40", "--compare reference,fair --duration 60 --size 120x40"),
        GoldenCase("compare-80x24", "--compare reference,fair --duration 60 --size 80x24"),
        GoldenCase("compare-color256-120x40", "--color 256 --compare reference,fair --duration 60 --size 120x40"),
        GoldenCase("compare-warnings-120x40", #"--compare reference,fair --keys "W" --duration 60 --size 120x40"#),
        GoldenCase("compare-one-lane-120x40", #"--compare reference,fair --keys "c" --duration 60 --size 120x40"#),
        GoldenCase("compare-demo-seed1-140x40", "--compare reference,fair --scenario demo --seed 1 --duration 60 --size 140x40"),
    ]
    // The demo after `ConsoleApp.snapshotWarmUp` simulated seconds, in every view, at the two
    // sizes that matter: a roomy terminal and the classic 80x24 (panes tabbed).
    for size in ["120x40", "80x24"] {
        cases += [
            GoldenCase("demo-\(size)", "--size \(size)"),
            GoldenCase("focus-alerts-\(size)", #"--keys "tab" --size \#(size)"#),
            GoldenCase("focus-telemetry-\(size)", #"--keys "tab tab" --size \#(size)"#),
            GoldenCase("focus-poplog-\(size)", #"--keys "tab tab tab" --size \#(size)"#),
            GoldenCase("help-\(size)", #"--keys "?" --size \#(size)"#),
            GoldenCase("detail-\(size)", #"--keys "tab tab enter" --size \#(size)"#),
            GoldenCase("filter-typing-\(size)", #"--keys "/ text:cpu" --size \#(size)"#),
            GoldenCase("filter-applied-\(size)", #"--keys "/ text:cpu enter" --size \#(size)"#),
            GoldenCase("ascii-\(size)", "--ascii --size \(size)"),
            GoldenCase("color256-\(size)", "--color 256 --size \(size)"),
            // Issue 15. HIGH backlogged, batch 1: the reference starves it (coloured: ⚠ rows,
            // inversions, HIGH's share); the fair scheduler's LOW turn is said but not coloured.
            GoldenCase("starved-high-reference-\(size)",
                       #"--color 256 --scenario none --keys "2 2 2 2 2 2 4 4 4 4 - - - space space space space tab tab tab" --size \#(size)"#),
            GoldenCase("starved-high-fair-\(size)",
                       #"--color 256 --policy fair --scenario none --keys "2 2 2 2 2 2 4 4 4 4 - - - space space space space tab tab tab" --size \#(size)"#),
            // The default demo under the fair scheduler: no share or inversion coloured.
            GoldenCase("fair-demo-color256-\(size)", "--color 256 --policy fair --size \(size)"),
            // The display frozen (the node runs on): marked in the header.
            GoldenCase("frozen-\(size)", #"--color 256 --keys "f" --size \#(size)"#),
            // Follow mode: the cursor kept on its alert below two newer ones, and the badge.
            GoldenCase("follow-badge-\(size)", #"--scenario none --keys "1 1 tab j 1 1" --size \#(size)"#),
            // `y` on the selected alert: OSC 52 (recorded by the in-memory terminal), or a file,
            // which a snapshot without --export-dir does not write.
            GoldenCase("copy-alert-\(size)", #"--color 256 --keys "tab y" --size \#(size)"#),
            GoldenCase("copy-file-off-\(size)", #"--clipboard file --keys "tab y" --size \#(size)"#),
            // A long alert type (critical.fratricide_risk) stays whole; the source is cut first.
            GoldenCase("alert-types-\(size)", #"--duration 200 --keys "tab" --size \#(size)"#),
        ]
    }
    // The mouse: a click on the pop log's third row (focus and selection), two wheel turns
    // down over the telemetry pane (cells from the layout at each size).
    cases += [
        GoldenCase("mouse-click-poplog-120x40", #"--keys "click:80,23" --size 120x40"#),
        GoldenCase("mouse-click-poplog-80x24", #"--keys "click:60,17" --size 80x24"#),
        GoldenCase("mouse-wheel-telemetry-120x40", #"--keys "wheeldown:10,20 wheeldown:10,20" --size 120x40"#),
        GoldenCase("mouse-wheel-telemetry-80x24", #"--keys "wheeldown:10,12 wheeldown:10,12" --size 80x24"#),
    ]
    return cases
}()

@Suite("Golden frames") struct GoldenTests {
    @Test(arguments: goldenCases)
    func frameMatchesItsGolden(_ golden: GoldenCase) throws {
        try assertGolden(golden)
    }

    @Test func everyGoldenFileHasACase() throws {
        let names = Set(goldenCases.map(\.name))
        #expect(names.count == goldenCases.count, "two cases share a name")
        let files = try FileManager.default.contentsOfDirectory(atPath: goldenDirectory.path)
            .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }
        let stale = Set(files).subtracting(names)
        if updatingGoldens {
            for name in stale { try FileManager.default.removeItem(at: goldenDirectory.appendingPathComponent(name + ".txt")) }
        } else {
            #expect(stale.isEmpty, "golden files no case renders: \(stale.sorted()); \(goldenUpdateHint)")
        }
    }

    // The format and the failure report themselves.

    @Test func formatWritesTextThenOneLetterPerCellWithALegend() {
        var b = Buffer(size: Size(width: 4, height: 2))
        b.put("ab", x: 0, y: 0, style: Style(foreground: .green, attributes: .bold))
        b.put("界", x: 1, y: 1, style: Style(foreground: .palette(208), background: .palette(236)))
        #expect(GoldenFrame.format(b, command: "cmd") == """
            $ cmd
            ab  
             界 
            styles:
            aa..
            .bb.
            legend:
            . plain
            a fg=green bold
            b fg=208 bg=236

            """)
    }

    @Test func aDifferenceNamesEachCellAndShowsBothRows() throws {
        var golden = Buffer(size: Size(width: 6, height: 3))
        golden.put("HIGH 6", x: 0, y: 1, style: Style(foreground: .red))
        let parsed = try #require(GoldenFrame.parse(GoldenFrame.format(golden, command: "cmd"), size: golden.size))
        var now = golden
        now.put("7", x: 5, y: 1, style: Style(foreground: .red))        // text changed
        now.setStyle(Style(foreground: .yellow), in: Rect(x: 0, y: 1, width: 1, height: 1))  // style changed
        let report = try #require(GoldenFrame.differences(expected: parsed, actual: now))
        #expect(report.contains("2 cell(s) differ on 1 row(s)"))
        #expect(report.contains(#"row 1, column 5: expected "6" fg=red | actual "7" fg=red"#))
        #expect(report.contains(#"row 1, column 0: expected "H" fg=red | actual "H" fg=yellow"#))
        #expect(report.contains("expected |HIGH 6|") && report.contains("actual   |HIGH 7|"))
        #expect(report.contains("expected styles |aaaaaa|") && report.contains("actual styles   |abbbbb|"))
        #expect(GoldenFrame.differences(expected: parsed, actual: golden) == nil)
    }

    @Test func commandLinesReadLikeTheCLI() throws {
        let c = try SnapshotCommandLine(#"--scenario none --keys "1 2  t" --size 80x24 --color 256 --ascii --policy fair"#)
        #expect(c.options.scenario == .none && c.options.policy == .fair)
        #expect(c.keys == [.character("1"), .character("2"), .character("t")])
        #expect(c.size == Size(width: 80, height: 24))
        #expect(c.capabilities == TerminalCapabilities(colors: .xterm256, unicode: false))
        #expect(throws: SnapshotCommandLine.BadArgument.self) { try SnapshotCommandLine("--refresh-ms 10") }
        #expect(throws: SnapshotCommandLine.BadArgument.self) { try SnapshotCommandLine(#"--keys "1"#) }
    }

    @Test func snapshotsAreDeterministicAndFollowTheSeed() throws {
        let a = try SnapshotCommandLine("--size 100x30").render()
        #expect(a == (try SnapshotCommandLine("--size 100x30").render()))
        #expect(a != (try SnapshotCommandLine("--seed 2 --size 100x30").render()))
    }
}

/// A capture in README.md: a bare ``` block followed by a `<sub>`peat-console snapshot …`` line.
struct ReadmeCapture {
    /// The command in the `<sub>` line.
    var command: String
    /// The block's lines (between the fences).
    var lines: [String]
    /// Where those lines are in README.md (0-based line numbers).
    var range: Range<Int>

    /// Every capture in `readme`'s lines.
    static func all(in readme: [String]) -> [ReadmeCapture] {
        var out: [ReadmeCapture] = []
        var i = 0
        while i < readme.count {
            guard readme[i].hasPrefix("```") else { i += 1; continue }
            let bare = readme[i] == "```"
            guard let close = readme[(i + 1)...].firstIndex(of: "```") else { break }
            if bare, close + 1 < readme.count, readme[close + 1].hasPrefix("<sub>`peat-console snapshot") {
                let sub = readme[close + 1].dropFirst("<sub>`".count)
                let command = String(sub.prefix { $0 != "`" })
                out.append(ReadmeCapture(command: command, lines: Array(readme[(i + 1)..<close]), range: (i + 1)..<close))
            }
            i = close + 1
        }
        return out
    }
}

@Suite("Golden frames in the README") struct ReadmeCaptureTests {
    /// A frame's text as the README shows it (no trailing blanks).
    func readmeLines(_ text: [String]) -> [String] {
        text.map { String($0.reversed().drop { $0 == " " }.reversed()) }
    }

    @Test func capturesAreFoundWithTheirCommands() {
        let readme = ["intro", "```", " A", "```", "<sub>`peat-console snapshot --size 60x16` — text</sub>",
                      "```sh", "swift test", "```", "```", "no command", "```", "plain"]
        let found = ReadmeCapture.all(in: readme)
        #expect(found.count == 1)
        #expect(found.first?.command == "peat-console snapshot --size 60x16")
        #expect(found.first?.lines == [" A"] && found.first?.range == 2..<3)
    }

    @Test func everyReadmeCaptureIsItsGolden() throws {
        let url = repositoryRoot.appendingPathComponent("README.md")
        var readme = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let captures = ReadmeCapture.all(in: readme)
        #expect(captures.count >= 2, "README.md's captures were not found")
        // Bottom up, so rewriting one capture leaves the line numbers of the earlier ones.
        for capture in captures.reversed() {
            let golden = try #require(goldenCases.first { $0.command == capture.command },
                                      "README.md shows `\(capture.command)`, which no golden case renders: add one to goldenCases")
            if updatingGoldens {
                // Rendered here, not read from the file another test may be writing.
                let frame = try SnapshotCommandLine(golden.arguments).render()
                readme.replaceSubrange(capture.range, with: readmeLines(frame.lines))
                continue
            }
            let stored = try String(contentsOf: golden.file, encoding: .utf8)
            let size = try SnapshotCommandLine(golden.arguments).size
            let parsed = try #require(GoldenFrame.parse(stored, size: size), "\(golden.file.lastPathComponent) unreadable")
            let expected = readmeLines(parsed.lines)
            if capture.lines != expected {
                let firstDifference = zip(capture.lines, expected).enumerated().first { $0.element.0 != $0.element.1 }
                let detail = firstDifference.map {
                    "first differing row \($0.offset) (README line \(capture.range.lowerBound + $0.offset + 1)):\n  golden |\($0.element.1)|\n  README |\($0.element.0)|"
                } ?? "README has \(capture.lines.count) rows, the golden \(expected.count)"
                Issue.record("README.md's capture of `\(capture.command)` is not \(golden.file.lastPathComponent): \(detail)\n\(goldenUpdateHint)")
            }
        }
        if updatingGoldens {
            let text = readme.joined(separator: "\n")
            if text != (try String(contentsOf: url, encoding: .utf8)) { try text.write(to: url, atomically: true, encoding: .utf8) }
        }
    }
}
