import Foundation
import PeatEvents
import Testing
@testable import Console
@testable import LocalNode
import PeatDemo

/// Issue 15, the rest: mouse, `y` copies, capacity vs load glyphs, the type kept whole in
/// the alerts pane, the FROZEN badge moving no header field.
@Suite struct MouseCopyTests {
    /// An app over `--scenario none`, its clock at the snapshot epoch, on a memory terminal.
    func app(size: Size = Size(width: 120, height: 40), configure: (inout ConsoleOptions) -> Void = { _ in })
        -> (ConsoleApp, MemoryBackend) {
        var o = ConsoleOptions()
        o.scenario = .none
        configure(&o)
        let app = ConsoleApp(options: o, clock: ManualClock(seconds: ConsoleApp.snapshotEpoch))
        let backend = MemoryBackend(size: size)
        app.begin(on: backend)
        return (app, backend)
    }

    func press(_ app: ConsoleApp, _ backend: MemoryBackend, _ script: String) {
        for k in try! parseKeyScript(script) {
            app.handle(.key(k), on: backend)
            app.present(on: backend)
        }
    }

    /// The cell in the middle of `pane`'s list row `row` (0: the first row under its header).
    func cell(_ app: ConsoleApp, _ pane: Pane, row: Int) -> String {
        let l = app.state.layout
        let r = l.rect(pane)
        return "\(r.x + r.width / 2),\(l.firstListRow(pane)! + row)"
    }

    // MARK: Mouse

    @Test func clickFocusesThePaneAndSelectsTheRowUnderThePointer() {
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24)] {
            let (a, b) = app(size: size)
            press(a, b, "t t t t t 1 1 space space space")
            #expect(a.state.focus == .queue)
            press(a, b, "click:\(cell(a, .browser, row: 2))")
            #expect(a.state.focus == .browser)
            #expect(a.state.browserList.selected == 2)
            #expect(a.state.selectedBrowserEvent?.eventID == a.state.core.browserRows[2].eventID)
            press(a, b, "click:\(cell(a, .popLog, row: 1))")
            #expect(a.state.focus == .popLog)
            #expect(a.state.popLogList.selected == 1)
            #expect(a.state.browserList.selected == 0, "the pane left goes back to the top")
            press(a, b, "click:\(cell(a, .alerts, row: 1))")
            #expect(a.state.focus == .alerts && a.state.alertsList.selected == 1)
            // The screen shows it: the alerts pane's title counts the selected row.
            #expect(b.screen.text.contains("2/2"))
        }
    }

    @Test func clicksOnNothingSelectNothing() {
        let (a, b) = app()
        press(a, b, "t t")
        // Below the last row of the browser: focus moves, the selection stays on row 0.
        press(a, b, "click:\(cell(a, .browser, row: 5))")
        #expect(a.state.focus == .browser && a.state.browserList.selected == 0)
        // The header, the footer and the queue's body: focus only where a pane is.
        press(a, b, "click:5,0 click:5,39")
        #expect(a.state.focus == .browser)
        let queue = a.state.layout.rect(.queue)
        press(a, b, "click:\(queue.x + 3),\(queue.y + 3)")
        #expect(a.state.focus == .queue)
    }

    @Test func theWheelScrollsThePaneUnderThePointer() {
        let (a, b) = app()
        for _ in 0..<12 { press(a, b, "t") }
        let browser = cell(a, .browser, row: 0)
        press(a, b, "wheeldown:\(browser) wheeldown:\(browser)")
        #expect(a.state.focus == .browser)
        #expect(a.state.browserList.selected == 2 * AppState.wheelStep)
        press(a, b, "wheelup:\(browser)")
        #expect(a.state.browserList.selected == AppState.wheelStep)
        press(a, b, "wheelup:\(browser) wheelup:\(browser)")
        #expect(a.state.browserList.selected == 0, "stops at the top, where the list follows again")
    }

    @Test func theWheelScrollsHelpAndDetailAndClicksThereDoNothing() {
        let (a, b) = app(size: Size(width: 80, height: 24))
        press(a, b, "?")
        #expect(a.state.helpMaxScroll > 0)
        press(a, b, "wheeldown:40,10")
        #expect(a.state.helpScroll == min(AppState.wheelStep, a.state.helpMaxScroll))
        press(a, b, "click:40,10")
        #expect(a.state.helpShown && a.state.focus == .queue)
        press(a, b, "q t tab tab enter")
        #expect(a.state.detail != nil)
        press(a, b, "wheeldown:40,10 click:1,1")
        #expect(a.state.detailScroll == AppState.wheelStep && a.state.focus == .browser && a.state.detail != nil)
    }

    @Test func keyScriptsWriteMouseEvents() throws {
        #expect(try parseKeyScript("click:3,4 wheelup:0,0 WheelDown:10,2") ==
                [.mouse(MouseEvent(.press, x: 3, y: 4)), .mouse(MouseEvent(.wheelUp, x: 0, y: 0)),
                 .mouse(MouseEvent(.wheelDown, x: 10, y: 2))])
        #expect(try parseKeyScript("1,2 click:1,2 j") == [.character("1"), .character("2"), .mouse(MouseEvent(.press, x: 1, y: 2)), .character("j")])
        for bad in ["click:1", "click:a,2", "click:-1,2", "wheelup:1,2,3", "click:"] {
            #expect(throws: KeyScriptError(token: bad, position: 2), "\(bad)") { try parseKeyScript("j \(bad)") }
        }
        #expect(Key.mouse(MouseEvent(.press, x: 3, y: 4)).description == "click:3,4")
    }

    // MARK: y copies

    @Test func yPutsTheSelectedAlertOnTheClipboardAsJSON() throws {
        var s = Fixture.alerts()
        s.alertsList.selected = 1
        let effects = update(&s, .copySelection)
        #expect(effects.isEmpty, "no node command: the copy is the app's output")
        guard case .clipboard(let json, let what)? = s.pendingOutput.first, s.pendingOutput.count == 1 else {
            Issue.record("expected one clipboard request, got \(s.pendingOutput)")
            return
        }
        #expect(what == "event node-1-7")
        let decoded = try PeatEvent(jsonString: json)
        #expect(decoded == s.core.alerts[1].event)
    }

    @Test func yWorksInTheDetailViewAndOnTheBrowserAndPopLog() throws {
        var s = Fixture.browser()
        update(&s, .copySelection)
        guard case .clipboard(let json, _)? = s.pendingOutput.last else { Issue.record("no request"); return }
        #expect(try PeatEvent(jsonString: json).eventID == "node-1-3")
        s.detail = s.core.browserRows[3]
        update(&s, .copySelection)
        guard case .clipboard(let detailJSON, _)? = s.pendingOutput.last else { Issue.record("no request"); return }
        #expect(try PeatEvent(jsonString: detailJSON).eventID == "node-1-1")

        var p = Fixture.popLog()
        p.focus = .popLog
        update(&p, .copySelection)
        guard case .clipboard(let stepJSON, let what)? = p.pendingOutput.last else { Issue.record("no request"); return }
        let step = p.core.popLog[0]
        #expect(what == "pop step #\(step.number)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(stepJSON.utf8)) as? [String: Any])
        #expect(object["step"] as? Int == step.number)
        #expect(object["levels"] as? [String] == step.levels.map(\.name))
        #expect(object["got"] as? Int == step.got)
    }

    @Test func yWithNothingSelectedOrCopyingOffSaysSo() {
        var s = Fixture.queue()
        s.focus = .queue
        update(&s, .copySelection)
        #expect(s.pendingOutput.isEmpty)
        #expect(s.status?.isError == true && s.status?.text.contains("nothing to copy") == true)
        var off = Fixture.alerts()
        off.clipboard = .off
        update(&off, .copySelection)
        #expect(off.pendingOutput.isEmpty && off.status?.text.contains("--clipboard off") == true)
    }

    @Test func theAppSendsOSC52ThroughTheTerminalAndSaysSo() throws {
        let (a, b) = app()
        press(a, b, "1 tab y")
        #expect(a.state.pendingOutput.isEmpty)
        guard case .setClipboard(let json)? = b.requests.first, b.requests.count == 1 else {
            Issue.record("expected one clipboard request, got \(b.requests)")
            return
        }
        #expect(try PeatEvent(jsonString: json) == a.state.core.alerts[0].event)
        #expect(b.screen.text.contains("copied event \(a.state.core.alerts[0].eventID) as JSON to the clipboard (OSC 52"))
    }

    @Test func withoutAClipboardYWritesANewFileEveryTime() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peat-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Something is in the way of the first name: it is kept as it was.
        let taken = dir.appendingPathComponent("peat-copy-node-1-inject-1.json")
        try Data("mine".utf8).write(to: taken)
        let (a, b) = app { $0.clipboard = .file; $0.export = .directory(dir.path) }
        press(a, b, "1 tab y y")
        #expect(b.requests.isEmpty)
        #expect(try String(contentsOf: taken, encoding: .utf8) == "mine")
        let second = dir.appendingPathComponent("peat-copy-node-1-inject-1-2.json")
        let third = dir.appendingPathComponent("peat-copy-node-1-inject-1-3.json")
        for file in [second, third] {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(try PeatEvent(jsonString: text.trimmingCharacters(in: .newlines)).eventID == "node-1-inject-1")
        }
        #expect(b.screen.text.contains("copied event node-1-inject-1 as JSON to "))
        #expect(b.screen.text.contains("peat-copy-node-1-inject-1-3.json in /"))
    }

    @Test func snapshotWritesNoFileAndSaysSo() {
        var o = ConsoleOptions()
        o.scenario = .none
        o.clipboard = .file
        o.export = .off
        let frame = ConsoleApp.snapshot(options: o, keys: try! parseKeyScript("1 tab y"), size: Size(width: 120, height: 40))
        #expect(frame.contains("copy to a file is off in snapshot"))
    }

    @Test func autoPicksOSC52UnlessTheTerminalIsKnownNotToPassItOn() {
        #expect(ClipboardChoice.auto.resolved(environment: ["TERM": "xterm-256color"]) == .osc52)
        #expect(ClipboardChoice.auto.resolved(environment: ["TERM": "tmux-256color", "TMUX": "/tmp/tmux-0/default,1,0"]) == .file)
        #expect(ClipboardChoice.auto.resolved(environment: ["TERM": "screen.xterm-256color"]) == .file)
        #expect(ClipboardChoice.auto.resolved(environment: ["TERM": "linux"]) == .file)
        #expect(ClipboardChoice.auto.resolved(environment: [:]) == .file)
        #expect(ClipboardChoice.osc52.resolved(environment: ["TMUX": "x"]) == .osc52)
        #expect(ClipboardChoice.off.resolved(environment: ["TERM": "xterm"]) == .off)
    }

    @Test func osc52IsEscBracket52Base64Bel() {
        #expect(OSC52.sequence(for: "hello") == "\u{1B}]52;c;aGVsbG8=\u{07}")
        #expect(OSC52.base64(Array("".utf8)) == "")
        #expect(OSC52.base64(Array("f".utf8)) == "Zg==")
        #expect(OSC52.base64(Array("fo".utf8)) == "Zm8=")
        #expect(OSC52.base64(Array("foo".utf8)) == "Zm9v")
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        #expect(OSC52.base64(bytes) == Data(bytes).base64EncodedString())
    }

    // MARK: Capacity vs load

    @Test func tokenBucketsAreDrawnUnlikeQueueBars() {
        for unicode in [true, false] {
            let theme = Theme(capabilities: TerminalCapabilities(colors: .none, unicode: unicode))
            var gauge = Buffer(size: Size(width: 8, height: 1))
            CapacityGauge(value: 5, maximum: 8).render(x: 0, y: 0, width: 8, of: &gauge, theme: theme)
            var bar = Buffer(size: Size(width: 8, height: 1))
            Bar(value: 5, maximum: 8, style: .plain).render(x: 0, y: 0, width: 8, of: &bar, theme: theme)
            #expect(gauge.line(0) == (unicode ? "━━━━━───" : "=====---"))
            #expect(bar.line(0) == (unicode ? "█████···" : "#####..."))
        }
        var half = Buffer(size: Size(width: 4, height: 1))
        CapacityGauge(value: 1, maximum: 8).render(x: 0, y: 0, width: 4, of: &half, theme: Theme(capabilities: mono))
        #expect(half.line(0) == "╸───", "a little capacity left still shows")
    }

    // MARK: The type before the source

    /// A long `critical.fratricide_risk` stays whole while the source is cut (120 columns) or
    /// dropped (80 columns, where the pane also keeps its link column and the type drops the
    /// `critical.` its title says).
    @Test func alertsCutTheSourceBeforeTheType() {
        var wide = Fixture.alerts()
        wide.size = Size(width: 120, height: 40)
        let w = Screen.render(wide, keyMap: .standard)
        let wideRows = w.lines.filter { $0.contains("fratricide") || $0.contains("intrusion") }
        #expect(wideRows.count == 2)
        #expect(wideRows.allSatisfy { $0.contains("critical.fratricide_risk") || $0.contains("critical.intrusion ") })
        #expect(wideRows.contains { $0.contains("node-1/perimet…") }, "the source is the column cut")
        #expect(w.lines.contains { $0.contains("SOURCE") && $0.contains("LINK") })

        var narrow = Fixture.alerts()
        narrow.size = Size(width: 80, height: 24)
        let n = Screen.render(narrow, keyMap: .standard)
        let narrowRows = n.lines.filter { $0.contains("fratricide") || $0.contains("intrusion") }
        #expect(narrowRows.count == 2)
        #expect(narrowRows.contains { $0.contains(" fratricide_risk ") && $0.contains("sent") }, "\(narrowRows)")
        #expect(!n.text.contains("fratricide_r…") && !n.text.contains("SOURCE"))
        // A short type fits whole at 80 columns too, prefix and all.
        narrow.core.alerts.removeLast()
        #expect(Screen.render(narrow, keyMap: .standard).text.contains("critical.intrusion"))
    }

    // MARK: The FROZEN badge

    /// The fields (node, policy, rates, faults) keep their columns when `f` freezes the
    /// display, at 120 and at 80 columns; the badge takes the room at the right end.
    @Test func frozenMovesNoHeaderField() throws {
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24), Size(width: 200, height: 50)] {
            var o = ConsoleOptions()
            o.seed = 1
            let live = ConsoleApp.snapshotBuffer(options: o, keys: [], size: size).line(0)
            let frozen = ConsoleApp.snapshotBuffer(options: o, keys: [.character("f")], size: size).line(0)
            #expect(frozen.contains("FROZEN"), "\(frozen)")
            let fields = try #require(live.range(of: "bad")).upperBound
            let end = live.distance(from: live.startIndex, to: fields) + 2
            #expect(frozen.prefix(end) == live.prefix(end), "\n\(live)\n\(frozen)")
        }
    }
}
