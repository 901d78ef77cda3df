import Foundation
import PeatEvents
import Testing
@testable import Console
@testable import LocalNode
import PeatDemo

/// Issue 15: an operator's console — the numbers tell the truth, faults first.
@Suite struct OperatorTests {
    /// An app over `--scenario none` with `policy`, its clock at the snapshot epoch.
    func app(_ policy: SchedulingPolicy = .reference, scenario: ScenarioChoice = .none) -> (ConsoleApp, ManualClock) {
        var o = ConsoleOptions()
        o.scenario = scenario
        o.policy = policy
        let clock = ManualClock(seconds: ConsoleApp.snapshotEpoch)
        return (ConsoleApp(options: o, clock: clock), clock)
    }

    func keys(_ app: ConsoleApp, _ text: String) {
        for k in try! parseKeyScript(text) { app.handle(.key(k), on: MemoryBackend(size: Size(width: 120, height: 40))) }
    }

    // MARK: Demand-aware shares and inversions

    /// Six HIGH and four LOW, batch 1, four steps: the reference serves LOW every step while
    /// HIGH waits — HIGH falls behind its share and, from the second step, each LOW is an
    /// inversion; the fair scheduler's rightful LOW is not.
    @Test func referenceStarvesHighAtBatchOneAndFairDoesNot() throws {
        let (ref, _) = app(.reference)
        keys(ref, "2 2 2 2 2 2 4 4 4 4 - - - space space space space")
        let d = ref.state.core.demand
        #expect(d.inversions == 3)
        #expect(ref.state.core.popLog.map(\.inversion) == [true, true, true, false])
        #expect(ref.state.core.popLog.allSatisfy { $0.skipped == .high && $0.skippedWaiting == 6 })
        #expect(DemandShares.isShort(d.achieved, d.target, 0))  // HIGH: 0 % of its 77 %
        let (fair, _) = app(.fair)
        keys(fair, "2 2 2 2 2 2 4 4 4 4 - - - space space space space space space space space")
        let f = fair.state.core.demand
        #expect(f.inversions == 0)
        #expect(fair.state.core.popLog.contains { $0.skipped == .high && !$0.inversion })  // LOW's turn, said, not wrong
        #expect(!(0..<3).contains { DemandShares.isShort(f.achieved, f.target, $0) })
    }

    /// The default demo under the fair scheduler: no share is short, no inversion, over minutes.
    @Test func fairDemoShowsNoFault() {
        let (a, clock) = app(.fair, scenario: .demo)
        for _ in 0..<1_200 {
            clock.advance(nanos: 100_000_000)
            a.dispatch(.tick(clock.now()))
        }
        let d = a.state.core.demand
        #expect(d.steps > 100)
        #expect(d.inversions == 0)
        #expect(!(0..<3).contains { DemandShares.isShort(d.achieved, d.target, $0) }, "\(d.achieved) vs \(d.target)")
    }

    /// Entitlement is water-filled: a level entitled to more than it has gives the rest away.
    @Test func entitlementIsCappedByBacklog() {
        var d = DemandShares()
        // 8 served: HIGH had 1, NORMAL 20, LOW 20 → HIGH 1, the other 7 split 35:15.
        let v = d.fold(pending: [0, 1, 20, 20], levels: [.high] + Array(repeating: .normal, count: 5) + [.low, .low],
                       got: 8, asked: 8, weights: [0.5, 0.35, 0.15])
        #expect(abs(d.entitled[0] - 1) < 1e-9 && abs(d.entitled[1] - 4.9) < 1e-9 && abs(d.entitled[2] - 2.1) < 1e-9)
        #expect(!v.inversion && v.skippedLevel == nil)
    }

    // MARK: Faults first

    @Test func headerShowsFaultsAtEveryWidthColouredWhenNotZero() {
        var s = emptyState(Size(width: 120, height: 40), capabilities: color)
        s.core.link.stats[2].dropped = 3
        s.core.link.stats[3].rejected = 1
        s.core.expiredCount = 1234
        s.core.errors = 2
        let theme = Theme(capabilities: color)
        for width in [160, 120, 100, 80, 60] {
            var b = Buffer(size: Size(width: width, height: 1))
            HeaderView.render(s, into: Rect(x: 0, y: 0, width: width, height: 1), of: &b)
            let line = b.line(0)
            #expect(line.contains("drop 4 ") || line.contains("drops 4 ") || line.contains("drop4 "), "\(width): \(line)")
            #expect(line.contains("1,234") && (line.contains("bad 2") || line.contains("bad2")), "\(width): \(line)")
            #expect(line.contains("in ") && line.contains("out "), "rates dropped at \(width): \(line)")
            let x = Array(line).firstIndex(of: "4")!
            #expect(b[x, 0].style == theme.style(.headerWarning))
        }
    }

    /// The same fields in the same columns under every policy.
    @Test func headerFieldsStayInPlaceAcrossPolicies() {
        var s = emptyState(Size(width: 120, height: 40))
        func header(_ width: Int) -> String {
            var b = Buffer(size: Size(width: width, height: 1))
            HeaderView.render(s, into: Rect(x: 0, y: 0, width: width, height: 1), of: &b)
            return b.line(0)
        }
        for width in [120, 80] {
            let ref = header(width)
            s.core.policy = .fair
            let fair = header(width)
            s.core.policy = .reference
            #expect(ref.firstRange(of: "in ")?.lowerBound.utf16Offset(in: ref) == fair.firstRange(of: "in ")?.lowerBound.utf16Offset(in: fair))
            #expect(ref.firstRange(of: "exp")?.lowerBound.utf16Offset(in: ref) == fair.firstRange(of: "exp")?.lowerBound.utf16Offset(in: fair))
        }
    }

    /// The queue pane's title counts what was popped but still waits on the link.
    @Test func queueTitleCountsLinkWaiting() {
        var s = emptyState(Size(width: 120, height: 40))
        s.core.pendingCounts = [0, 2, 3, 0]
        s.core.link.bytesPerSecond = 8000
        s.core.link.queued = [0, 0, 38, 4]
        let title = QueueView.box(s).title.map(\.text).joined()
        #expect(title == "Outbound queue · 5 + 42 on link")
    }

    // MARK: Age and trend

    /// A queue growing at a steady rate: the oldest age grows, the net rate is positive, the
    /// growth is said in words, and the bar lengthens on the fixed log scale.
    @Test func steadyGrowthShowsAgeNetRateAndTrend() {
        let (a, clock) = app(.reference)
        a.dispatch(.resize(Size(width: 120, height: 40)))
        var ages: [Int64] = []
        var bars: [Int] = []
        for _ in 0..<8 {
            for _ in 0..<3 { a.dispatch(.inject(.high)) }
            clock.advance(seconds: 1)
            a.dispatch(.tick(clock.now()))
            ages.append(a.state.core.oldestAge(.high, now: a.state.now) ?? -1)
            bars.append(QueueView.logScaled(a.state.core.pendingCounts[1]))
        }
        let c = a.state.core
        #expect(ages == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(zip(bars, bars.dropFirst()).allSatisfy { $0 < $1 })
        #expect(abs((c.netRates?[1] ?? 0) - 3) < 1e-9 && c.levelGrows(.high) && c.sustainedGrowth)
        #expect(!c.levelGrows(.low))
        let frame = a.renderFrame().text
        #expect(frame.contains("▲ growing +3/s (in > out)"), "\(frame)")
        #expect(frame.contains("+3/s") && frame.contains("8s"))
        #expect(QueueView.netRate(-2.6) == "-3/s" && QueueView.netRate(nil) == "–" && QueueView.netRate(1234) == "+1,234/s")
    }

    // MARK: Follow mode

    /// Below the top the cursor stays on its row and a badge counts what arrived above; g (or
    /// reaching the top) resumes following the newest.
    @Test func followModeBadgeCountsNewerRowsAndGResumes() {
        let (a, _) = app()
        a.dispatch(.resize(Size(width: 120, height: 40)))
        keys(a, "1 1 1 tab j")
        #expect(a.state.alertsList.selected == 1 && a.state.newerAbove == 0)
        a.dispatch(.inject(.critical))
        a.dispatch(.inject(.critical))
        #expect(a.state.alertsList.selected == 3 && a.state.newerAbove == 2)
        #expect(a.renderFrame().text.contains("▲2 newer · g follow"))
        keys(a, "g")
        #expect(a.state.alertsList.selected == 0 && a.state.newerAbove == 0)
        a.dispatch(.inject(.critical))
        #expect(a.state.alertsList.selected == 0 && a.state.selectedAlert?.key == 6)  // following the newest
        #expect(!a.renderFrame().text.contains("newer"))
        keys(a, "j")
        a.dispatch(.inject(.critical))
        keys(a, "k k")  // reaching the top resumes following
        #expect(a.state.newerAbove == 0)
        a.dispatch(.inject(.critical))
        #expect(a.state.alertsList.selected == 0 && a.state.selectedAlert?.key == 8)
    }

    /// The help names what the panes' words mean: short pop, inversion, run/recent, tokens.
    @Test func helpHasAGlossary() {
        // Every page of it (it scrolls when it does not fit).
        let area = Rect(x: 0, y: 0, width: 120, height: 38)
        let text = (0...HelpOverlay(keyMap: .standard).maxScroll(in: area)).map { scroll -> String in
            var b = Buffer(size: Size(width: 120, height: 38))
            HelpOverlay(keyMap: .standard).render(into: area, of: &b, theme: Theme(capabilities: mono), scroll: scroll)
            return b.text
        }.joined(separator: "\n")
        for term in ["Glossary", "short pop", "inversion", "run/recent", "tokens", "waited beyond its share"] {
            #expect(text.contains(term), "\(term)")
        }
    }

    /// A net rate that rounds to 0/s is not growth (the live demo showed "growing 0/s").
    @Test func aNetRateRoundingToZeroIsNotGrowth() {
        var m = NodeModel()
        m.pendingCounts = [0, 3, 0, 0]
        m.netRates = [0, 0.2, 0.2, 0]
        m.rateSpan = 5
        #expect(!m.sustainedGrowth && !m.levelGrows(.high))
        m.netRates = [0, 0.6, 0, 0]
        #expect(m.sustainedGrowth && m.levelGrows(.high))
        m.pendingCounts = [0, 0, 0, 0]
        #expect(!m.sustainedGrowth)
    }
}
