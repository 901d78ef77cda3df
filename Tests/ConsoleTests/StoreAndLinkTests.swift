import Foundation
import PeatEvents
import Testing
@testable import Console
@testable import LocalNode
import PeatDemo
import PeatInputs
@testable import PeatSoak

/// TTL expiry and store limits as the console shows them, and the link model the pops feed.
@Suite struct StoreAndLinkTests {
    func app(_ configure: (inout ConsoleOptions) -> Void = { _ in }) -> (ConsoleApp, ManualClock) {
        var o = ConsoleOptions()
        o.scenario = .none
        configure(&o)
        let clock = ManualClock(seconds: ConsoleApp.snapshotEpoch)
        let app = ConsoleApp(options: o, clock: clock)
        app.dispatch(.resize(Size(width: 120, height: 40)))
        return (app, clock)
    }

    func storeLine(_ app: ConsoleApp) -> String {
        app.renderFrame().lines.first { $0.contains("local store") } ?? ""
    }

    // MARK: TTL and store limits

    @Test func anExpiredRowLeavesAtTheTTLBoundaryAndIsCounted() {
        let (app, clock) = app()
        app.dispatch(.injectTelemetry)  // TTL 3600 s from the snapshot epoch
        app.dispatch(.focusNext); app.dispatch(.focusNext)
        clock.advance(seconds: 3600)
        app.dispatch(.tick(clock.now()))
        // At exactly timestamp + ttl the event is still alive, with nothing left.
        #expect(app.state.core.browserRows.count == 1)
        #expect(app.renderFrame().text.contains("telemetry.cpu       telemetry   1h       0s"))
        clock.advance(seconds: 1)
        app.dispatch(.tick(clock.now()))
        #expect(app.state.core.browserRows.isEmpty && app.state.core.localCount == 0)
        #expect(app.state.core.expiredCount == 1)
        #expect(!app.renderFrame().text.contains("telemetry.cpu"))
        #expect(storeLine(app).contains("local store 0/1,000,000 · expired 1 · evicted 0"))
    }

    @Test func expiryRunsWhilePaused() {
        let (app, clock) = app()
        app.dispatch(.injectTelemetry)
        app.dispatch(.togglePause)
        clock.advance(seconds: 3601)
        app.dispatch(.tick(clock.now()))
        #expect(app.state.core.localCount == 0 && app.state.core.expiredCount == 1)
    }

    @Test func evictionsPastTheStoreCapacityAreShown() {
        let (app, _) = app { $0.storeLimits = StoreLimits(capacity: 3) }
        for _ in 0..<5 { app.dispatch(.injectTelemetry) }
        #expect(app.state.core.localCount == 3 && app.state.core.evictedCount == 2)
        #expect(storeLine(app).contains("local store 3/3 · expired 0 · evicted 2"))
    }

    @Test func theStoreLineShortensToFit() {
        var c = NodeModel()
        c.localCount = 1234
        c.expiredCount = 12
        let theme = Theme(capabilities: mono)
        func text(_ width: Int) -> String { QueueView.storeLine(c, width: width, theme: theme).map(\.text).joined() }
        #expect(text(56) == "local store 1,234/1,000,000 · expired 12 · evicted 0")
        #expect(text(50) == "local store 1,234 · expired 12 · evicted 0")
        #expect(text(36) == "store 1,234 · exp 12 · evict 0")
    }

    @Test func bytesReadInSIUnits() {
        #expect(Format.bytes(0) == "0 B" && Format.bytes(999) == "999 B")
        #expect(Format.bytes(1000) == "1.0 kB" && Format.bytes(12_249) == "12.2 kB")
        #expect(Format.bytes(99_949) == "99.9 kB" && Format.bytes(99_950) == "100 kB" && Format.bytes(123_456) == "123 kB")
        #expect(Format.bytes(999_499) == "999 kB" && Format.bytes(999_500) == "1.0 MB")
        #expect(Format.bytes(3_200_000_000) == "3.2 GB")
    }

    // MARK: The link

    @Test func popsGoOntoTheLinkAndLeaveAsTokensAllow() {
        // 1,000 B/s: CRITICAL 100, HIGH 450, NORMAL 315, LOW 135 bytes a second.
        let (app, clock) = app { $0.linkBytesPerSecond = 1000 }
        for _ in 0..<6 { app.dispatch(.inject(.normal)) }
        app.dispatch(.step)
        let size = LocalNodeSource.manual(.normal).makeEvent(id: "node-1-inject-1", timestamp: clock.now(), nodeID: "node-1", formationID: "squad-1").encodedSize
        let link = app.state.core.link
        #expect(link.bytesPerSecond == 1000 && link.capacities == [100, 450, 315, 135])
        let first = 315 / size  // a full NORMAL bucket pays for this many at once
        #expect(link.stats[2].transmitted == first)
        #expect(link.queued[2] == 6 - first)
        #expect(link.tokens[2] == 315 - first * size)
        #expect(link.stats[2].bytesTransmitted == first * size)
        // A second later the bucket has refilled by 315 bytes and more have gone.
        clock.advance(seconds: 1)
        app.dispatch(.tick(clock.now()))
        #expect(app.state.core.link.stats[2].transmitted == min(6, (315 + 315 - first * size) / size + first))
    }

    @Test func aFullLinkQueueDropsItsOldestAndBigEventsGoIntoDebt() {
        let (app, _) = app {
            $0.linkBytesPerSecond = 100  // LOW gets 13 B/s: every event is bigger than its bucket
            $0.linkQueueLimits = LinkQueueLimits(critical: 2, high: 2, normal: 2, low: 2, overflow: .dropOldest)
        }
        for _ in 0..<6 { app.dispatch(.inject(.low)) }
        app.dispatch(.batchBigger)
        app.dispatch(.step)
        let link = app.state.core.link
        let low = link.stats[3]
        #expect(app.state.core.popped == 6)
        #expect(low.transmitted == 1 && low.oversize == 1 && link.tokens[3] < 0)
        #expect(link.queued[3] == 1 && low.dropped == 4)  // the batch is queued whole, then sent
        #expect(link.queued[3] + low.transmitted + low.dropped == 6)
        let frame = app.renderFrame().lines
        #expect(frame.contains { $0.contains("┃ LOW      debt      ") }, "LOW's bucket is in debt")
    }

    @Test func alertsSayWhereTheyAreOnTheLink() {
        // CRITICAL gets 10 B/s: an alert (~120 bytes) is oversize, goes on a full bucket, then
        // the bucket is in debt for ~12 s; the link queue holds two CRITICALs, dropping the oldest.
        let (app, clock) = app {
            $0.linkBytesPerSecond = 100
            $0.linkQueueLimits = LinkQueueLimits(critical: 2, overflow: .dropOldest)
        }
        func column() -> [String] { app.state.core.alerts.map { AlertsView.linkCell($0, other: .plain, theme: Theme(capabilities: mono))[0].text } }
        for _ in 0..<3 { app.dispatch(.inject(.critical)) }
        #expect(column() == ["queued", "queued", "queued"])
        // Newest first. The step pops all three onto the link: the oldest is dropped for the
        // third, the second goes at once (into debt), the third waits.
        app.dispatch(.step)
        #expect(column() == ["link", "sent", "lost"])
        clock.advance(seconds: 30)
        app.dispatch(.tick(clock.now()))
        #expect(column() == ["sent", "sent", "lost"])
        #expect(app.state.core.link.stats[0].dropped == 1 && app.state.core.link.stats[0].oversize == 2)
    }

    @Test func narrowAlertsKeepTheLinkColumn() {
        var s = Fixture.alerts()
        s.size = Size(width: 40, height: 6)
        var b = Buffer(size: s.size)
        AlertsView.render(s, into: Rect(s.size), of: &b)
        // The type is not cut: it drops the "critical." the pane's title says instead.
        #expect(b.line(1) == "┃    AGE TYPE                   LINK   ┃")
        #expect(b.line(2) == "┃ ●  12s intrusion              queued ┃")
        #expect(b.line(3) == "┃ ✓   3m fratricide_risk        sent   ┃")
    }

    @Test func theDetailViewGivesTheEncodedSizeAndTheStatusLineStaysQuiet() {
        var s = Fixture.browser()
        s.size = Size(width: 80, height: 30)
        s.detail = s.core.browserRows[0]
        let text = Screen.render(s).text
        #expect(text.contains("size          \(s.core.browserRows[0].encodedSize) bytes  (encoded: what it costs on the link)"))
        #expect(!text.contains("Tab switches panes"))
    }

    @Test func anIdleLinkDrawsNothing() {
        let (app, clock) = app()
        let backend = MemoryBackend(size: Size(width: 120, height: 40))
        app.begin(on: backend)
        app.present(on: backend)
        func wake(_ times: Int) {
            for _ in 0..<times {
                clock.advance(nanos: 100_000_000)
                app.wake(on: backend)
                app.present(on: backend)
            }
        }
        wake(12)  // the rates become measurable ("–" turns into 0.0): one redraw
        #expect(backend.flushCount == 2)
        wake(20)
        #expect(backend.flushCount == 2)
    }

    @Test func queuePaneShowsTheLinkWhenThereIsRoom() {
        var s = Fixture.queue()
        s.size = Size(width: 60, height: 14)
        var link = LinkSnapshot()
        link.bytesPerSecond = 3200
        link.overflow = .dropOldest
        link.capacities = [320, 1440, 1008, 432]
        link.tokens = [320, 1440, 74, -20]
        link.queued = [0, 0, 100, 22]
        link.queueCapacities = [20, 100, 100, 100]
        link.stats[2].transmitted = 83
        link.stats[2].bytesTransmitted = 12_200
        link.stats[2].dropped = 5
        link.stats[3].transmitted = 31
        link.stats[3].bytesTransmitted = 4_321
        s.core.link = link
        s.core.expiredCount = 12
        var b = Buffer(size: s.size)
        QueueView.render(s, into: Rect(s.size), of: &b)
        #expect(b.lines == [
            "┏━ Outbound queue · 16 + 122 on link ━━━━━━━━━━ log scale ━┓",
            // (A 9-column "p99 4.5s" cell before the sparkline, blank: nothing popped yet.)
            "┃ CRITICAL ▍········     1     –      –              ▁▁▁▂▂ ┃",
            "┃ HIGH     ▊········     3     –      –              ▁▂▃▃▃ ┃",
            "┃ NORMAL   █▍·······    12     –      –              ▃▅▇██ ┃",
            "┃ LOW      ·········     0     –      –              ▁▁▁▁▁ ┃",
            "┃ ── by class ──────────────────────────────────────────── ┃",
            "┃ product 12  anomaly 4  telemetry 0  command 0            ┃",
            "┃ local store 42/1,000,000 · expired 12 · evicted 0        ┃",
            "┃ ── link 3.2 kB/s ─── tokens queue   sent   drop    bytes ┃",
            "┃ CRITICAL ━━━━━━━━━━     320     0      0      0      0 B ┃",
            "┃ HIGH     ━━━━━━━━━━   1,440     0      0      0      0 B ┃",
            "┃ NORMAL   ╸─────────      74   100     83      5  12.2 kB ┃",
            "┃ LOW      debt           -20    22     31      0   4.3 kB ┃",
            "┗━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┛",
        ])
        let theme = Theme(capabilities: color)
        s.capabilities = color
        var c = Buffer(size: s.size)
        QueueView.render(s, into: Rect(s.size), of: &c)
        #expect(c[33, 11].style == theme.style(.warning))  // NORMAL's link queue is full
        #expect(c[33, 12].style == theme.style(.emphasis))
        #expect(c[27, 12].style == theme.style(.warning))  // LOW's bucket is in debt
        #expect(c[11, 11].style == theme.style(.good))     // NORMAL's tokens: capacity, a gauge in the good colour
        // Two rows short: no link section.
        s.size = Size(width: 60, height: 12)
        var short = Buffer(size: s.size)
        QueueView.render(s, into: Rect(s.size), of: &short)
        #expect(!short.text.contains("── link"))
        #expect(short.text.contains("local store 42"))
    }
}
