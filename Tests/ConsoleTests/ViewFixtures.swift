import Foundation
import PeatEvents
@testable import Console
@testable import LocalNode
import PeatDemo
import PeatInputs
@testable import PeatSoak

/// States the view tests render.
enum Fixture {
    static let now: UInt64 = 1_735_689_600

    /// A queue with CRITICAL 1, HIGH 3, NORMAL 12, LOW 0 and a few seconds of history.
    static func queue(_ capabilities: TerminalCapabilities = mono) -> AppState {
        var s = emptyState(Size(width: 60, height: 12), capabilities: capabilities)
        s.core.pendingCounts = [1, 3, 12, 0]
        s.core.pendingByClass = [.product: 12, .anomaly: 4]
        s.core.depthHistory = [[0, 0, 0, 1], [0, 1, 2, 3], [2, 6, 9, 12], [0, 0, 0, 0]]
        s.core.localCount = 42
        s.core.emitted = 1234
        s.core.popped = 1176
        return s
    }

    /// Two alerts, the newer unacknowledged and still queued, the older acknowledged and sent.
    static func alerts(_ capabilities: TerminalCapabilities = mono) -> AppState {
        var s = emptyState(Size(width: 60, height: 12), capabilities: capabilities)
        let intrusion = DemoEmission(kind: .critical("intrusion"), payload: Data("zone=3".utf8), sourceInstanceID: "perimeter-1")
        let risk = DemoEmission(kind: .critical("fratricide_risk"), payload: Data(), sourceInstanceID: "ifs-1")
        s.core.alerts = [
            AlertRecord(event: event(intrusion, id: "node-1-88", at: now - 12), key: 2),
            AlertRecord(event: event(risk, id: "node-1-7", at: now - 200), key: 1, acknowledged: true, sent: true),
        ]
        s.focus = .alerts
        return s
    }

    /// Local events: live telemetry, a LOCAL event that never expires, an expired one, binary.
    static func browser(_ capabilities: TerminalCapabilities = mono) -> AppState {
        var s = emptyState(Size(width: 60, height: 12), capabilities: capabilities)
        var forever = event(DemoEmission(kind: .telemetry("mem"), payload: Data("mem=61.0%".utf8)), id: "node-1-3", at: now - 75)
        forever.routing.ttlSeconds = 0
        forever.routing.propagation = .propagationLocal
        var old = event(DemoEmission(kind: .telemetry("temp"), payload: Data("temp=48.5C".utf8)), id: "node-1-2", at: now - 4000)
        old.routing.ttlSeconds = 3600
        let binary = event(DemoEmission(kind: .telemetry("blob"), payload: Data([0, 1, 2, 0xFF])), id: "node-1-1", at: now - 5000)
        s.core.browserRows = [
            event(DemoEmission(kind: .telemetry("cpu"), payload: Data("cpu=43.2%".utf8)), id: "node-1-4", at: now - 12),
            forever, old, binary,
        ]
        s.core.browserTotal = 4
        s.core.localCount = 4
        s.focus = .browser
        s.browserList.selected = 1
        return s
    }

    /// Three pops and scheduler statistics.
    static func popLog(_ capabilities: TerminalCapabilities = mono) -> AppState {
        var s = emptyState(Size(width: 60, height: 12), capabilities: capabilities)
        s.core.popLog = [
            PopStep(number: 3, asked: 1, got: 0, levels: [], automatic: true, short: true, time: now, repeats: 4),
            PopStep(number: 2, asked: 8, got: 8, levels: [.critical, .high, .high, .high, .normal, .normal, .low, .low], automatic: false, short: false, time: now),
            PopStep(number: 1, asked: 8, got: 4, levels: [.high, .high, .high, .high], automatic: false, short: true, time: now),
        ]
        var stats = SchedulerStats()
        stats.served = [1, 7, 2, 2]
        stats.achievedShare = [7.0 / 11, 2.0 / 11, 2.0 / 11]
        stats.recentShare = [0.5, 0.35, 0.15]
        stats.shortPops = 2
        stats.inversions = 1
        s.core.stats = stats
        return s
    }
}
