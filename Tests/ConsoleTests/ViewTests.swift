import Foundation
import PeatEvents
import Testing
@testable import Console

/// Panes rendered from fixed states, asserted line by line (and by style where it matters).
@Suite struct ViewTests {
    func render(_ state: AppState, _ view: (AppState, Rect, inout Buffer) -> Void) -> Buffer {
        var b = Buffer(size: state.size)
        view(state, Rect(state.size), &b)
        return b
    }

    @Test func queuePaneUnicode() {
        let b = render(Fixture.queue(), QueueView.render)
        #expect(b.lines == [
            "┏━ Outbound queue · 16 pending ━━━━━━━━━━━━━━━━ log scale ━┓",
            // (A 9-column "p99 4.5s" cell before the sparkline, blank: nothing popped yet.)
            "┃ CRITICAL ▍········     1     –      –              ▁▁▁▂▂ ┃",
            "┃ HIGH     ▊········     3     –      –              ▁▂▃▃▃ ┃",
            "┃ NORMAL   █▍·······    12     –      –              ▃▅▇██ ┃",
            "┃ LOW      ·········     0     –      –              ▁▁▁▁▁ ┃",
            "┃ ── by class ──────────────────────────────────────────── ┃",
            "┃ product 12  anomaly 4  telemetry 0  command 0            ┃",
            "┃ local store 42/1,000,000 · expired 0 · evicted 0         ┃",
            "┃ emitted 1,234  popped 1,176                              ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
    }

    @Test func queuePaneASCII() {
        let b = render(Fixture.queue(ascii), QueueView.render)
        #expect(b.lines == [
            "#= Outbound queue - 16 pending ================ log scale =#",
            "# CRITICAL #........     1     -      -              ...:: #",
            "# HIGH     #........     3     -      -              .::-- #",
            "# NORMAL   #........    12     -      -              :=*## #",
            "# LOW      .........     0     -      -              ..... #",
            "# -- by class -------------------------------------------- #",
            "# product 12  anomaly 4  telemetry 0  command 0            #",
            "# local store 42/1,000,000 - expired 0 - evicted 0         #",
            "# emitted 1,234  popped 1,176                              #",
            "#                                                          #",
            "#                                                          #",
            "#==========================================================#",
        ])
    }

    @Test func queuePaneColoursLevels() {
        let s = Fixture.queue(color)
        let theme = Theme(capabilities: color)
        let b = render(s, QueueView.render)
        #expect(b[2, 1].style == theme.style(.critical))   // "CRITICAL"
        #expect(b[11, 3].style == theme.style(.normal))    // NORMAL's bar
        #expect(b[0, 0].style == theme.style(.borderFocused))  // the queue has the focus at start
        #expect(theme.style(.critical) != theme.style(.normal))
    }

    @Test func alertsPaneMarksUnacknowledged() {
        let b = render(Fixture.alerts(), AlertsView.render)
        #expect(b.lines == [
            "┏━ Critical alerts · 1 unacked ━━━━━━━━━━━━━━━━━━━━━━ 1/2 ━┓",
            "┃    AGE TYPE                       SOURCE          LINK   ┃",
            "┃ ●  12s critical.intrusion         node-1/perimet… queued ┃",
            "┃ ✓   3m critical.fratricide_risk   node-1/ifs-1    sent   ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
    }

    @Test func unacknowledgedAlertsStandOutInEveryDepth() {
        for depth in ColorDepth.allCases {
            let caps = TerminalCapabilities(colors: depth, unicode: true)
            let theme = Theme(capabilities: caps)
            var s = Fixture.alerts(caps)
            s.focus = .queue  // no selection highlight over the rows
            let b = render(s, AlertsView.render)
            #expect(b[2, 2].style == theme.style(.alertUnacked), "\(depth)")
            #expect(b[9, 2].style == theme.style(.alertUnacked), "\(depth)")
            #expect(b[9, 3].style == theme.style(.alertAcked), "\(depth)")
            #expect(theme.style(.alertUnacked) != theme.style(.alertAcked), "\(depth)")
            #expect(b[0, 0].style == theme.style(.border))
        }
        // Monochrome stands out by attributes alone.
        let monoTheme = Theme(capabilities: mono)
        #expect(monoTheme.style(.alertUnacked).attributes.contains(.bold))
        #expect(monoTheme.style(.alertUnacked).foreground == .default)
    }

    @Test func focusedPaneHasTheFocusBorder() {
        let theme = Theme(capabilities: color)
        let b = render(Fixture.alerts(color), AlertsView.render)
        #expect(b[0, 0].symbol == "┏" && b[0, 0].style == theme.style(.borderFocused))
        // The selected row (first) is highlighted across the pane.
        #expect(b[30, 2].style.background == theme.style(.selection).background)
        #expect(b[30, 3].style.background == .default)
    }

    @Test func browserPaneShowsAgeTTLAndPayload() {
        let b = render(Fixture.browser(), BrowserView.render)
        #expect(b.lines == [
            "┏━ Local telemetry ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 2/4 ━┓",
            "┃ TYPE                CLASS      AGE TTL LEFT PAYLOAD      ┃",
            "┃ telemetry.cpu       telemetry  12s   59m48s 43.2%        ┃",
            "┃ telemetry.mem       telemetry   1m        ∞ 61.0%        ┃",
            "┃ telemetry.temp      telemetry   1h  expired 48.5C        ┃",
            "┃ telemetry.blob      telemetry   1h  expired <4 bytes>    ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
        #expect(b[2, 3].style.attributes.contains(.reverse))  // selection on the second row
    }

    @Test func browserShowsTheFilterBeingTyped() {
        var s = Fixture.browser()
        s.filterDraft = "te"
        #expect(render(s, BrowserView.render).line(0) == "┏━ Local telemetry /te▏ ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 2/4 ━┓")
        s.filterDraft = nil
        s.filter = "cpu"
        #expect(render(s, BrowserView.render).line(0) == "┏━ Local telemetry · type~\"cpu\" ━━━━━━━━━━━━━━━━━━━━━ 2/4 ━┓")
        s.core.browserRows = []
        s.core.browserTotal = 0
        #expect(render(s, BrowserView.render).line(2) == "┃  nothing matches \"cpu\"                                   ┃")
    }

    @Test func popLogShowsStepsAndShares() {
        let b = render(Fixture.popLog(), PopLogView.render)
        #expect(b.lines == [
            "╭─ Pop log · 3 steps ──────── reference · short 2 · inv 0 ─╮",
            "│ share       HIGH  NORMAL     LOW                         │",
            "│ target       50%     35%     15%                         │",
            "│ run          64%     18%     18%                         │",
            "│ recent       50%     35%     15%                         │",
            "│ short 2  inversions 0  served C 1 H 7 N 2 L 2            │",
            "│ #3    auto asked   1 got   0: nothing  short  ×4         │",
            "│ #2    step asked   8 got   8: C H H H N N L L            │",
            "│ #1    step asked   8 got   4: H H H H  short             │",
            "│                                                          │",
            "│                                                          │",
            "╰──────────────────────────────────────────────────────────╯",
        ])
        let theme = Theme(capabilities: color)
        let c = render(Fixture.popLog(color), PopLogView.render)
        #expect(c[32, 7].symbol == "C" && c[32, 7].style == theme.style(.critical))
        #expect(c[34, 7].symbol == "H" && c[34, 7].style == theme.style(.high))
        #expect(c[29, 8].symbol == "4" && c[29, 8].style == theme.style(.warning))  // short pop
    }

    @Test func popLogFitsAnEightyColumnScreen() {
        // At 80×24 the pop log is 40 columns wide: compact step lines ("got 8/8"), the levels
        // spaced, packed or counted in runs, and the totals abbreviated to fit.
        var s = Fixture.popLog()
        s.size = Size(width: 40, height: 12)
        let big = Array(repeating: PriorityLevel.high, count: 10) + Array(repeating: .normal, count: 44) + Array(repeating: .low, count: 10)
        s.core.popLog.insert(PopStep(number: 4, asked: 64, got: 64, levels: big, automatic: false, short: false, time: Fixture.now), at: 0)
        #expect(render(s, PopLogView.render).lines == [
            "╭─ Pop log · 4 steps ──────────────────╮",
            "│ share       HIGH  NORMAL     LOW     │",
            "│ target       50%     35%     15%     │",
            "│ run          64%     18%     18%     │",
            "│ recent       50%     35%     15%     │",
            "│ short 2  inv 0  srv C1 H7 N2 L2      │",
            "│ #4    step got 64/64: H10 N44 L10    │",
            "│ #3    auto got 0/1: none short ×4    │",
            "│ #2    step got 8/8: C H H H N N L L  │",
            "│ #1    step got 4/8: H H H H short    │",
            "│                                      │",
            "╰──────────────────────────────────────╯",
        ])
        s.core.stats.served = [1, 7, 1234, 56789]
        #expect(render(s, PopLogView.render).line(5) == "│ srv C1 H7 N1,234 L56,789             │")
        // Packed when spaced letters do not fit but one each does.
        let packed = PopLogView.line(PopStep(number: 9, asked: 16, got: 16, levels: Array(repeating: .normal, count: 16), automatic: true,
                                             short: false, time: 0), theme: Theme(capabilities: mono), width: 40)
        #expect(packed.map(\.text).joined() == "#9    auto got 16/16: NNNNNNNNNNNNNNNN")
        let runs = PopLogView.line(PopStep(number: 9, asked: 16, got: 16, levels: Array(repeating: .normal, count: 16), automatic: true,
                                           short: false, time: 0), theme: Theme(capabilities: mono), width: 36)
        #expect(runs.map(\.text).joined() == "#9    auto got 16/16: N16")
    }

    @Test func detailViewListsEveryField() {
        var s = Fixture.browser()
        s.detail = s.core.browserRows[3]
        #expect(render(s, DetailView.render).lines == [
            "┏━ Event node-1-1 ━━━━━━━━━━━━━━━━━ Esc back · j/k scroll ━┓",
            "┃ id            node-1-1                                   ┃",
            "┃ timestamp     2024-12-31T22:36:40Z  (1h ago)             ┃",
            "┃ source node   node-1                                     ┃",
            "┃ formation     squad-1                                    ┃",
            "┃ instance      (none)                                     ┃",
            "┃ class         TELEMETRY                                  ┃",
            "┃ type          telemetry.blob                             ┃",
            "┃ propagation   QUERY  (kept in the local store)           ┃",
            "┃ priority      LOW                                        ┃",
            "┃ ttl           3600 s  (expired)                          ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
    }

    @Test func detailPayloadIsTextOrHex() {
        let theme = Theme(capabilities: mono)
        let s = Fixture.browser()
        let text = DetailView.lines(s.core.browserRows[0], now: s.now, theme: theme).map { $0.map(\.text).joined() }
        #expect(text.suffix(2) == ["payload       9 bytes, UTF-8 text", "  cpu=43.2%"])
        let hex = DetailView.lines(s.core.browserRows[3], now: s.now, theme: theme).map { $0.map(\.text).joined() }
        #expect(hex.suffix(2) == ["payload       4 bytes, binary (hex)", "  0000  00 01 02 ff" + String(repeating: " ", count: 36) + "  ...."])
        #expect(text[1] == "timestamp     2024-12-31T23:59:48Z  (12s ago)")
        #expect(text.contains("window        0 ms") && text.contains("payload type  type.peat/telemetry.cpu"))
    }

    @Test func headerNamesNodePolicyAndState() {
        var s = Fixture.queue()
        s.paused = true
        s.core.emittedRate = 19.2
        s.core.link.bytesPerSecond = 8000
        func header(_ width: Int) -> String {
            var b = Buffer(size: Size(width: width, height: 1))
            HeaderView.render(s, into: Rect(x: 0, y: 0, width: width, height: 1), of: &b)
            return b.line(0)
        }
        // A rate not measured yet (no time has passed) reads "–", not a misleading 0.0. Node,
        // policy, rates, faults and run state first, in fixed places; the rest at the right end.
        #expect(header(140) == TextWidth.pad(" PeatConsole │ node-1 @ squad-1 │ policy reference │ in 19.2/s out –/s │ drops 0 expired 0 bad 0 │ ‖ PAUSED │ scenario none │ link 8.0 kB/s", to: 140))
        // Narrower: batch, link and scenario go first, then the short forms; rates and faults stay.
        #expect(header(120) == TextWidth.pad(" PeatConsole │ node-1 @ squad-1 │ policy reference │ in 19.2/s out –/s │ drops 0 expired 0 bad 0 │ ‖ PAUSED", to: 120))
        #expect(header(100) == TextWidth.pad(" PeatConsole │ node-1@squad-1 │ reference │ in 19 out –/s │ drop0 exp0 bad0 │ ‖ PAUSED", to: 100))
        s.paused = false
        s.autoDrain = true
        s.core.emittedRate = 53.24
        s.core.poppedRate = 32.4
        #expect(header(80) == TextWidth.pad(" Peat │ node-1@squad-1 │ reference │ in 53 out 32/s │ drop0 exp0 bad0 │ ▶40/s", to: 80))
        #expect(header(60) == TextWidth.pad(" node-1 │ ref  │ in 53 out 32/s │ drop0 exp0 bad0 │ ▶40/s", to: 60))
        s.core.emittedRate = 5.3  // whole numbers in the short form, padded: the fields do not move
        #expect(header(80) == TextWidth.pad(" Peat │ node-1@squad-1 │ reference │ in  5 out 32/s │ drop0 exp0 bad0 │ ▶40/s", to: 80))
        s.paused = true
        #expect(header(60) == TextWidth.pad(" node-1 │ ref  │ in  5 out 32/s │ drop0 exp0 bad0 │ ‖ PAUSED", to: 60))
    }

    @Test func tooSmallScreenSaysWhatItNeeds() {
        #expect(Screen.render(emptyState(Size(width: 50, height: 7))).lines == [
            "                                                  ",
            "                                                  ",
            "                terminal too small                ",
            "              need 60×16, have 50×7               ",
            "      enlarge the window, or press q to quit      ",
            "                                                  ",
            "                                                  ",
        ])
        #expect(Screen.render(emptyState(Size(width: 50, height: 7), capabilities: ascii)).line(3).contains("need 60x16, have 50x7"))
    }

    @Test func smallScreenShowsTheFocusedPaneUnderTabs() {
        var s = emptyState(Size(width: 60, height: 16))
        s.focus = .alerts
        s.core.pendingCounts = [0, 2, 5, 0]
        s.core.localCount = 12
        #expect(Screen.render(s).lines == [
            " node-1 │ ref  │ in – out –/s │ drop0 exp0 bad0 │ no drain  ",
            " Queue 7 │ Alerts 0 │ Telemetry 12 │ Pop log 0        Tab → ",
            "┏━ Critical alerts ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓",
            "┃    AGE TYPE                    SOURCE             LINK   ┃",
            "┃  no critical alerts (1 injects one)                      ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┃                                                          ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
            " Tab switches panes · Enter opens an event · ? lists every …",
            "1-4 inject  Space pop  a auto  p pause  ? help  q quit      ",
        ])
        // The shown pane's tab is highlighted; an unacknowledged alert shows on its tab.
        let theme = Theme(capabilities: color)
        s.capabilities = color
        s.core.alerts = Fixture.alerts().core.alerts
        let b = Screen.render(s)
        #expect(b.line(1).hasPrefix(" Queue 7 │ Alerts ●1 │ Telemetry 12 │ Pop log 0"))
        #expect(b[11, 1].symbol == "A" && b[11, 1].style == theme.style(.selection))
        #expect(b[2, 1].style == theme.style(.title))
        // Tab shows the next pane in the same place.
        update(&s, .focusNext)
        let next = Screen.render(s)
        #expect(next.line(2).hasPrefix("┏━ Local telemetry"))
        #expect(next[23, 1].symbol == "T" && next[23, 1].style == theme.style(.selection))
    }

    @Test func smallScreensStayDeliberateAtEverySize() {
        // 60×16 tabs; 80×24 and 120×40 the grid: every pane framed, nothing drawn as a bare title row.
        for size in [Size(width: 60, height: 16), Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            for focus in Pane.allCases {
                var s = emptyState(size)
                s.focus = focus
                let l = s.layout
                let b = Screen.render(s)
                #expect(b.lines.allSatisfy { TextWidth.of($0) == size.width })
                for pane in Pane.allCases where !l.hidden.contains(pane) {
                    let r = l.rect(pane)
                    #expect(r.height >= ScreenLayout.minimumStackedPaneHeight, "\(size) \(pane)")
                    #expect("╭┏".contains(b[r.x, r.y].symbol) && "╰┗".contains(b[r.x, r.maxY - 1].symbol), "\(size) \(pane)")
                }
                #expect(l.tabbed == (size.width == 60))
                if l.tabbed { #expect(b.line(1).contains("Queue") && b.line(1).contains("Pop log")) }
            }
        }
    }

    @Test func helpOverlayIsGeneratedFromTheKeyMap() {
        var s = emptyState(Size(width: 120, height: 40))
        s.helpShown = true
        // Every page of it (it scrolls when it does not fit).
        let pages = HelpOverlay(keyMap: .standard).maxScroll(in: s.layout.body)
        let text = (0...pages).map { scroll -> String in
            s.helpScroll = scroll
            return Screen.render(s).text
        }.joined(separator: "\n")
        for b in KeyMap.standard.bindings + KeyMap.standard.filterBindings {
            #expect(text.contains(b.help), "\(b.keyLabel)")
        }
        #expect(text.contains("Keys"))
    }

    @Test func helpScrollsWhenItDoesNotFit() {
        var s = emptyState(Size(width: 80, height: 24))
        s.helpShown = true
        update(&s, .measured(helpMaxScroll: HelpOverlay(keyMap: .standard).maxScroll(in: s.layout.body)))
        let first = Screen.render(s).text
        #expect(first.contains("j/k scroll"))
        update(&s, .moveDown)
        #expect(s.helpScroll == 1)
        #expect(Screen.render(s).text != first)
        for _ in 0..<100 { update(&s, .moveDown) }
        #expect(s.helpScroll == HelpOverlay(keyMap: .standard).maxScroll(in: s.layout.body))
        #expect(Screen.render(s).text.contains("drop/exp/bad"))  // the glossary ends the help
    }

    @Test func footerHintsComeFromTheKeyMapAndFit() {
        for width in [60, 80, 120, 200] {
            var s = emptyState(Size(width: width, height: 24))
            let footer = Screen.render(s).line(23)
            #expect(TextWidth.of(footer) == width)
            #expect(footer.hasPrefix("1-4 inject"))
            #expect(footer.contains("? help") && footer.contains("q quit"))
            s.filterDraft = ""
            #expect(Screen.render(s).line(23).hasPrefix("text type filter  Enter apply  Esc cancel"))
        }
    }
}
