import Foundation
import PeatDemo
import PeatEvents
import Testing

@Suite struct DemoScenarioTests {
    @Test func sameSeedSameEmissions() {
        var a = DemoScenario(seed: 42), b = DemoScenario(seed: 42), c = DemoScenario(seed: 43)
        let ea = a.advance(by: 30), eb = b.advance(by: 30), ec = c.advance(by: 30)
        #expect(!ea.isEmpty)
        #expect(ea == eb)
        #expect(ea != ec)
    }

    @Test func chunkingTimeDoesNotChangeTheSequence() {
        var whole = DemoScenario(seed: 9), chunked = DemoScenario(seed: 9)
        let one = whole.advance(by: 10)
        var many: [DemoEmission] = []
        for _ in 0..<105 { many += chunked.advance(by: 0.1) }
        #expect(Array(many.prefix(one.count)) == one)
        #expect(one.allSatisfy { $0.offset <= 10 })
        #expect(zip(one, one.dropFirst()).allSatisfy { $0.offset <= $1.offset })
    }

    @Test func ratesFollowTheExampleTable() {
        var d = DemoScenario(seed: 3)
        let seconds = DemoScenario.activityPeriod * 10
        let all = d.advance(by: seconds)
        // Outside the jamming phases: the example table's rates.
        let jammedSeconds = Double((0..<Int(seconds * 10)).filter { DemoScenario.jammed(at: Double($0) / 10) }.count) / 10
        let quiet = all.filter { !DemoScenario.jammed(at: $0.offset) }
        func count(_ prefix: String) -> Double { Double(quiet.filter { $0.eventType.hasPrefix(prefix) }.count) / (seconds - jammedSeconds) }
        // Inside them: jamming reports, detections and tracks at the jamming rates.
        let jam = all.filter { DemoScenario.jammed(at: $0.offset) }
        func jamRate(_ prefix: String) -> Double { Double(jam.filter { $0.eventType.hasPrefix(prefix) }.count) / jammedSeconds }
        #expect(abs(jamRate("anomaly.jam") - DemoScenario.jamAnomalyRate) < 1.5, "\(jamRate("anomaly.jam"))")
        #expect(abs(jamRate("product.detection") - DemoScenario.jamDetectionRate) < 1.2)
        #expect(abs(jamRate("product.track") - DemoScenario.jamTrackRate) < 0.8)
        #expect(jam.filter { $0.eventType.hasPrefix("anomaly.") }.allSatisfy { $0.eventType == "anomaly.jam" })
        #expect((8.0...12.5).contains(count("product.detection")))
        #expect((3.0...5.2).contains(count("product.track")))
        #expect(abs(count("telemetry.") - 5) < 0.05)
        #expect((0.12...0.3).contains(count("anomaly.")))
        let criticals = all.filter { $0.eventType.hasPrefix("critical.") }.count
        #expect((3...25).contains(criticals))
        let metrics = Set(all.compactMap { e -> String? in if case .telemetry(let m) = e.kind { return m } else { return nil } })
        #expect(metrics == ["cpu", "mem", "temp", "battery", "link_rssi"])
    }

    @Test func theStoryStartsEarlyForEverySeed() {
        for seed in UInt64(0)..<200 {
            var d = DemoScenario(seed: seed)
            let first = d.advance(by: DemoScenario.firstCriticalBy)
            let anomaly = first.first { if case .anomaly = $0.kind { return true } else { return false } }
            let critical = first.first { if case .critical = $0.kind { return true } else { return false } }
            #expect((anomaly?.offset ?? .infinity) <= DemoScenario.firstAnomalyBy, "seed \(seed)")
            #expect((critical?.offset ?? .infinity) <= DemoScenario.firstCriticalBy, "seed \(seed)")
        }
        // The first ones are drawn from the seed, not fixed.
        var a = DemoScenario(seed: 1), b = DemoScenario(seed: 2)
        let fa = a.advance(by: 10).filter { $0.eventClass == .anomaly }.map(\.offset)
        let fb = b.advance(by: 10).filter { $0.eventClass == .anomaly }.map(\.offset)
        #expect(fa.first != fb.first)
    }

    @Test func theStoryKeepsGoingAfterTheStart() {
        // After the early ones, anomalies and criticals keep arriving at their Poisson rates.
        var d = DemoScenario(seed: 5)
        _ = d.advance(by: DemoScenario.firstCriticalBy)
        let later = d.advance(by: 300)
        // Outside the jamming phases (15–75 s and 195–255 s: 180 of the 300 s are quiet).
        let anomalies = later.filter { if case .anomaly = $0.kind { return !DemoScenario.jammed(at: $0.offset) } else { return false } }.count
        let criticals = later.filter { if case .critical = $0.kind { return true } else { return false } }.count
        #expect((15...60).contains(anomalies), "\(anomalies)")
        #expect((1...20).contains(criticals), "\(criticals)")
    }

    @Test func emissionsCarryTheHelpersRouting() {
        let detection = DemoEmission(kind: .product("detection", .propagationSummary, .priorityNormal), payload: Data())
        #expect(detection.eventClass == .product && detection.eventType == "product.detection")
        #expect(detection.routing.ttlSeconds == 300 && detection.routing.aggregationWindowMs == 1000)
        let telemetry = DemoEmission(kind: .telemetry("cpu"), payload: Data("cpu=1.0%".utf8))
        #expect(telemetry.routing.propagation == .propagationQuery && telemetry.routing.priority == .priorityLow)
        #expect(telemetry.routing.ttlSeconds == 3600 && telemetry.payloadTypeURL == "type.peat/telemetry.cpu")
        let anomaly = DemoEmission(kind: .anomaly("jam"), payload: Data())
        #expect(anomaly.eventClass == .anomaly && anomaly.routing.priority == .priorityHigh && anomaly.routing.ttlSeconds == 600)
        let critical = DemoEmission(kind: .critical("intrusion"), payload: Data())
        #expect(critical.eventClass == .anomaly && critical.eventType == "critical.intrusion" && critical.routing.priority == .priorityCritical)
    }

    @Test func emitMatchesMakeEventWithOrWithoutAnInstance() throws {
        let clock = ManualClock(seconds: 100)
        let emitter = EventEmitter(nodeID: "n", formationID: "f", clock: clock)
        let plain = DemoEmission(kind: .telemetry("mem"), payload: Data("mem=5%".utf8))
        let withInstance = DemoEmission(kind: .telemetry("temp"), payload: Data("temp=40C".utf8), sourceInstanceID: "health-monitor")
        let id1 = try plain.emit(into: emitter)
        let id2 = try withInstance.emit(into: emitter)
        #expect(emitter.getLocal(id1) == plain.makeEvent(id: id1, timestamp: clock.now(), nodeID: "n", formationID: "f"))
        #expect(emitter.getLocal(id2) == withInstance.makeEvent(id: id2, timestamp: clock.now(), nodeID: "n", formationID: "f"))
        #expect(emitter.getLocal(id2)?.sourceInstanceID == "health-monitor")
    }

    @Test func telemetryPayloadsReadAsMetricValues() {
        var d = DemoScenario(seed: 1)
        let t = d.advance(by: 2).filter { if case .telemetry = $0.kind { return true } else { return false } }
        #expect(t.count == 10)
        for e in t {
            let text = String(decoding: e.payload, as: UTF8.self)
            #expect(text.hasPrefix(e.eventType.dropFirst("telemetry.".count) + "="), "\(text)")
        }
    }

    @Test func splitMixIsStable() {
        var r = SplitMix64(seed: 0)
        #expect(r.next() == 0xE220_A839_7B1D_CDAF)
        #expect((0..<1000).allSatisfy { _ in (0..<1).contains(r.unit()) })
    }
}
