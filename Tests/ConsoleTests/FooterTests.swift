import Foundation
import PeatEvents
import Testing
@testable import Console
@testable import LocalNode

/// The footer shows the keys of the view on top: panes, filter editing, help, detail, input.
@Suite struct FooterTests {
    func footer(_ state: AppState) -> String {
        Screen.render(state).line(state.size.height - 1).trimmingCharacters(in: .whitespaces)
    }

    @Test func eachViewHasItsOwnKeys() {
        var s = Fixture.browser()
        s.size = Size(width: 120, height: 40)
        #expect(footer(s).hasPrefix("1-4 inject  t telemetry"))
        #expect(KeyMap.context(of: s) == .panes)

        s.detail = s.core.browserRows[0]
        #expect(KeyMap.context(of: s) == .detail)
        #expect(footer(s) == "q/Esc back  j/k scroll  y copy  PgUp/PgDn page  g/G top/end  Tab pane  ? help  ^C quit")

        s.helpShown = true  // the help over the detail view: the help's keys
        s.helpMaxScroll = 12  // taller than the screen: it scrolls, and the footer says how
        #expect(footer(s) == "q/Esc close  j/k scroll  PgUp/PgDn page  ^C quit")
        s.helpMaxScroll = 0  // it fits: nothing to scroll, no scrolling keys offered
        #expect(footer(s) == "q/Esc close  ^C quit")

        s.helpShown = false
        s.detail = nil
        s.streamErrorsShown = true
        #expect(footer(s) == "q/Esc close  e export  ? help  ^C quit")

        s.streamErrorsShown = false
        s.filterDraft = "cp"
        #expect(footer(s) == "text type filter  Enter apply  Esc cancel  Up last  Bksp delete")
    }

    @Test func viewHintsUseTheKeysOfTheBindingsTheyName() {
        var s = emptyState(Size(width: 80, height: 24))
        s.helpShown = true
        s.helpMaxScroll = 30
        let hints = KeyMap.standard.footerBindings(in: s)
        #expect(hints.map(\.label) == ["close", "scroll", "page", "quit"])
        #expect(hints[1].keys.contains(.character("j")) && hints[0].keys == [.escape] && hints[0].keyLabel == "q/Esc")
        // The keys named really do that in the view.
        for h in hints { #expect(h.keys.allSatisfy { KeyMap.standard.action(for: $0, in: s) != .unknownKey($0) }) }
        var custom = KeyMap.standard
        custom.viewFooters[.help] = [FooterHint(.quit, "leave")]
        #expect(custom.footerBindings(in: s).map { "\($0.keyLabel) \($0.label)" } == ["q leave"])
    }

    @Test func theFooterFollowsTheKeysPressed() throws {
        let app = noneApp().0
        app.dispatch(.resize(Size(width: 120, height: 40)))
        for key in try parseKeyScript("t tab tab enter") { app.dispatch(app.keyMap.action(for: key, in: app.state)) }
        #expect(app.state.detail != nil)
        #expect(footer(app.state).hasPrefix("q/Esc back  j/k scroll"))
        app.dispatch(.back)
        #expect(footer(app.state).hasPrefix("1-4 inject"))
    }
}
