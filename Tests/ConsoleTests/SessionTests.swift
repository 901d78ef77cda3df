import Foundation
import PeatEvents
import Testing
@testable import Console
@testable import LocalNode
import PeatDemo
import PeatInputs
@testable import PeatSoak

@Suite struct SessionTests {
    func session(_ scenario: ScenarioChoice = .none, seed: UInt64 = 1) -> (NodeHarness, ManualClock) {
        var o = ConsoleOptions()
        o.scenario = scenario
        o.seed = seed
        let clock = ManualClock(seconds: 1_735_689_600)
        return (NodeHarness(options: o, clock: clock), clock)
    }

    let all = LocalQuery(limit: 1000)

    @Test func injectionsUseTheHelpersClassesAndLevels() {
        let (s, _) = session()
        for level in PriorityLevel.allCases { s.perform(.inject(level)) }
        s.perform(.injectTelemetry)
        let snap = s.snapshot(query: all)
        #expect(snap.pendingCounts == [1, 1, 1, 1])
        #expect(snap.pendingByClass[.anomaly] == 2 && snap.pendingByClass[.product] == 2)
        #expect(snap.localCount == 1)
        #expect(snap.browserRows.map(\.eventType) == ["telemetry.cpu"])
        #expect(snap.browserRows[0].routing.propagation == .propagationQuery)
        #expect(snap.alerts.count == 1 && snap.alerts[0].event.eventType == "critical.manual")
        #expect(snap.alerts[0].event.routing.priority == .priorityCritical && !snap.alerts[0].sent)
        #expect(snap.emitted == 5)
    }

    @Test func burstInjectsAHundredMixedEvents() {
        let (s, _) = session()
        let report = s.perform(.burst(count: 100))
        let snap = s.snapshot(query: all)
        #expect(snap.pendingCounts == [2, 18, 40, 25])
        #expect(snap.localCount == 15)
        #expect(report?.text == "burst: 100 events (C2 H18 N40 L25 + 15 telemetry)")
    }

    @Test func stepsAreLoggedInPopOrderAndMarkAlertsSent() {
        let (s, _) = session()
        s.perform(.inject(.low)); s.perform(.inject(.high)); s.perform(.inject(.critical))
        let report = s.perform(.pop(max: 4))
        let snap = s.snapshot(query: all)
        #expect(report?.text == "step #1: asked 4, got 3")
        #expect(snap.popLog.count == 1)
        let step = snap.popLog[0]
        #expect(step.levels == [.critical, .high, .low] && step.asked == 4 && step.got == 3 && !step.automatic && !step.short)
        #expect(snap.alerts[0].sent)
        #expect(snap.stats.served == [1, 1, 0, 1])
    }

    @Test func referenceSchedulerShortPopIsFlagged() {
        let (s, _) = session()
        for _ in 0..<3 { s.perform(.inject(.high)) }
        s.perform(.pop(max: 1))  // the reference allots HIGH nothing when max is 1
        let step = s.snapshot(query: all).popLog[0]
        #expect(step.got == 0 && step.short)
    }

    @Test func acknowledgeMarksTheGivenOrNewestAlert() {
        let (s, _) = session()
        s.perform(.inject(.critical)); s.perform(.inject(.critical))
        #expect(s.model.acknowledge(key: nil).text == "acknowledged critical.manual node-1-inject-2")
        #expect(s.model.acknowledge(key: 1).text == "acknowledged critical.manual node-1-inject-1")
        #expect(s.snapshot(query: all).unacknowledged == 0)
        #expect(s.model.acknowledge(key: nil).text == "no unacknowledged alerts")
    }

    @Test func everyCriticalIsAccountedForWhenTheListIsFull() {
        let (s, _) = session()
        for _ in 0..<(NodeModel.alertCapacity + 25) { s.perform(.inject(.critical)) }
        let m = s.snapshot(query: all)
        #expect(m.alertsReceived == NodeModel.alertCapacity + 25)
        #expect(m.alerts.count == NodeModel.alertCapacity && m.alertsDropped == 25)
        #expect(m.alerts.first?.key == NodeModel.alertCapacity + 25 && m.alerts.last?.key == 26, "the oldest fell off")
    }

    @Test func policySwitchKeepsQueuedEvents() {
        let (s, _) = session()
        s.perform(.inject(.normal))
        s.perform(.setPolicy(.fair))
        let snap = s.snapshot(query: all)
        #expect(snap.policy == .fair && snap.pending == 1)
    }

    @Test func autoDrainPopsWholeBatchesAtTheLinkRate() {
        let (s, clock) = session()
        for _ in 0..<100 { s.perform(.inject(.normal)) }
        s.perform(.advance(to: clock.now(), generate: false, drainRate: 40, batch: 8))
        for _ in 0..<10 {
            clock.advance(nanos: 100_000_000)
            s.perform(.advance(to: clock.now(), generate: false, drainRate: 40, batch: 8))
        }
        let snap = s.snapshot(query: all)
        // One pop of 8 every 0.2 s; with only NORMAL waiting the reference scheduler takes 6
        // of the 8 (HIGH's unused half rolls down, LOW's share finds nothing).
        #expect(snap.popLog.count == 5 && snap.popLog.allSatisfy { $0.automatic && $0.asked == 8 && $0.got == 6 && $0.short })
        #expect(snap.popped == 30)
    }

    @Test func aStallDoesNotFlood() {
        let (s, clock) = session(.demo)
        s.perform(.advance(to: clock.now(), generate: true, drainRate: 0, batch: 8))
        clock.advance(seconds: 3600)
        s.perform(.advance(to: clock.now(), generate: true, drainRate: 40, batch: 8))
        let snap = s.snapshot(query: all)
        #expect(snap.emitted < 200, "an hour's stall simulates at most \(LocalNodeSource.maxStep) s")
        #expect(snap.popped <= 40)
    }

    /// Runs the demo with the default options for `seconds` of demo time (ticks of 100 ms, as
    /// the live console), recording the outbound queue and link queue depths each second.
    func demoDepths(seed: UInt64, seconds: Int) -> (pending: [Int], link: [Int], session: NodeHarness) {
        let o = ConsoleOptions()
        let (s, clock) = session(.demo, seed: seed)
        var pending = [0], link = [0]
        for tick in 1...(seconds * 10) {
            clock.advance(nanos: 100_000_000)
            s.perform(.advance(to: clock.now(), generate: true, drainRate: o.linkRate, batch: o.batchSize))
            if tick % 10 == 0 {
                let snap = s.snapshot(query: LocalQuery(limit: 1))
                pending.append(snap.pending)
                link.append(snap.link.queued.reduce(0, +))
            }
        }
        return (pending, link, s)
    }

    @Test func demoQueuesRiseInAContactAndDrainBetweenContacts() {
        // Contacts run 8–14 s into every 45 s period: 8–14, (53–59, masked by the jamming
        // phase of 15–75 s), 98–104, 143–149 s.
        for seed: UInt64 in [1, 2, 3] {
            let (pending, link, _) = demoDepths(seed: seed, seconds: 170)
            for t in [13, 103, 148] {
                #expect(pending[t] + link[t] >= 50, "seed \(seed) t=\(t): a contact fills the queues (\(pending[t]) + \(link[t]))")
            }
            // Jammed (pops of 2, 41.5 events/s for a 40/s drain): the reference falls behind.
            #expect(pending[45] >= 200, "seed \(seed) t=45: \(pending[45]) queued while jammed")
            // Near zero again at the end of each quiet stretch, just before the next contact.
            for t in [140, 170] {
                #expect(pending[t] <= 5 && link[t] <= 10, "seed \(seed) t=\(t): \(pending[t]) queued, \(link[t]) on the link")
            }
        }
    }

    @Test func demoShowsAnAnomalyAndACriticalEarly() {
        let (_, _, s) = demoDepths(seed: 1, seconds: 3)
        #expect(s.snapshot(query: all).stats.served[PriorityLevel.high.rawValue] >= 1, "a HIGH event popped within 3 s")
        let (_, _, later) = demoDepths(seed: 1, seconds: 10)
        let alerts = later.snapshot(query: all).alerts
        #expect(alerts.count >= 1, "a critical alert within 10 s")
        #expect(alerts.allSatisfy { $0.sent })
    }

    @Test func demoIsDeterministicBySeed() {
        func run(_ seed: UInt64) -> NodeModel {
            let (s, clock) = session(.demo, seed: seed)
            for _ in 0..<100 {
                clock.advance(nanos: 100_000_000)
                s.perform(.advance(to: clock.now(), generate: true, drainRate: 40, batch: 8))
            }
            return s.snapshot(query: LocalQuery(limit: 20))
        }
        #expect(run(7) == run(7))
        #expect(run(7).emitted != run(8).emitted || run(7).browserRows != run(8).browserRows)
    }
}
