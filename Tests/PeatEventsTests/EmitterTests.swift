import Foundation
import Testing
@testable import PeatEvents

/// The reference emitter's unit tests, ported one for one, then the edge cases of SPEC.md.
@Suite("EventEmitter (seed tests)")
struct SeedEmitterTests {
    let emitter = EventEmitter(nodeID: "node-1", formationID: "squad-1")

    @Test func emitEventFullPropagation() throws {
        try emitter.emit(event("evt-1", .priorityNormal, propagation: .propagationFull, type: "detection"))
        #expect(emitter.pendingCount == 1)
        #expect(emitter.localCount == 0)
    }

    @Test func emitEventLocalPropagation() throws {
        try emitter.emit(event("evt-1", .priorityLow, propagation: .propagationLocal, type: "debug", eventClass: .telemetry, ttl: 60))
        #expect(emitter.pendingCount == 0)
        #expect(emitter.localCount == 1)
    }

    @Test func emitEventQueryPropagation() throws {
        try emitter.emit(event("evt-1", .priorityLow, propagation: .propagationQuery, type: "metrics", eventClass: .telemetry, ttl: 3600))
        #expect(emitter.pendingCount == 0)
        #expect(emitter.localCount == 1)
        #expect(emitter.queryLocal(eventType: "metrics").count == 1)
    }

    @Test func emitNewGeneratesID() throws {
        var routing = AggregationPolicy()
        routing.propagation = .propagationFull
        routing.priority = .priorityNormal
        routing.ttlSeconds = 300
        let id = try emitter.emitNew(eventClass: .product, eventType: "test", routing: routing,
                                     payloadTypeURL: "", payload: Data(), sourceInstanceID: nil)
        #expect(id.hasPrefix("node-1-"))
        #expect(emitter.pendingCount == 1)
    }

    @Test func emitProduct() throws {
        let id = try emitter.emitProduct("output_v1", payload: Data([1, 2, 3]), propagation: .propagationSummary, priority: .priorityNormal)
        #expect(!id.isEmpty)
        #expect(emitter.pendingCount == 1)
    }

    @Test func emitTelemetryStoredLocally() throws {
        try emitter.emitTelemetry("cpu_usage", payload: Data([42]))
        #expect(emitter.pendingCount == 0)
        #expect(emitter.localCount == 1)
    }

    @Test func emitCritical() throws {
        try emitter.emitCritical("urgent_condition", payload: Data())
        #expect(emitter.hasCritical)
        let critical = emitter.popCritical()
        #expect(critical.count == 1)
        #expect(critical[0].eventType.hasPrefix("critical."))
    }

    @Test func popEventsCriticalFirst() throws {
        try emitter.emitProduct("normal_output", payload: Data(), propagation: .propagationFull, priority: .priorityNormal)
        try emitter.emitCritical("immediate_attention", payload: Data())
        let events = emitter.popEvents(max: 10)
        #expect(events.count == 2)
        #expect(events[0].eventType.hasPrefix("critical."))
    }

    @Test func emitWithoutEventIDFails() {
        var e = event("", .priorityNormal, type: "test")
        e.clearRouting()
        #expect(throws: EmitterError.self) { try emitter.emit(e) }
    }

    @Test func queryLocalByType() throws {
        try emitter.emitTelemetry("cpu", payload: Data())
        try emitter.emitTelemetry("memory", payload: Data())
        try emitter.emitTelemetry("cpu", payload: Data())
        #expect(emitter.queryLocal(eventType: nil).count == 3)
        #expect(emitter.queryLocal(eventType: "telemetry.cpu").count == 2)
        #expect(emitter.queryLocal(eventType: "telemetry.memory").count == 1)
    }
}

@Suite("EventEmitter (SPEC edge cases)")
struct EmitterEdgeCaseTests {
    let clock = ManualClock(seconds: 1_700_000_000, nanos: 5)
    var emitter: EventEmitter { EventEmitter(nodeID: "node-7", formationID: "plt-2", clock: clock) }

    @Test func helpersFillEveryFieldAsTheReference() throws {
        let emitter = self.emitter
        let p = try emitter.emitProduct("detection", payload: Data([9]), propagation: .propagationSummary, priority: .priorityHigh)
        let f = try emitter.emitProduct("track", payload: Data(), propagation: .propagationFull, priority: .priorityLow)
        let a = try emitter.emitAnomaly("jam", payload: Data())
        let c = try emitter.emitCritical("intrusion", payload: Data())
        let t = try emitter.emitTelemetry("cpu", payload: Data("42".utf8))
        #expect([p, f, a, c, t] == ["node-7-1", "node-7-2", "node-7-3", "node-7-4", "node-7-5"])

        let queued = emitter.popEvents(max: 100)
        let byID = Dictionary(uniqueKeysWithValues: queued.map { ($0.eventID, $0) })
        let product = try #require(byID[p])
        #expect(product.eventClass == .product)
        #expect(product.eventType == "product.detection")
        #expect(product.payloadTypeURL == "type.peat/product.detection")
        #expect(product.routing.propagation == .propagationSummary)
        #expect(product.routing.priority == .priorityHigh)
        #expect(product.routing.ttlSeconds == 300)
        #expect(product.routing.aggregationWindowMs == 1000)
        #expect(product.sourceNodeID == "node-7")
        #expect(product.sourceFormationID == "plt-2")
        #expect(!product.hasSourceInstanceID)
        #expect(product.timestamp.seconds == 1_700_000_000 && product.timestamp.nanos == 5)
        #expect(product.payloadValue == Data([9]))
        #expect(byID[f]?.routing.aggregationWindowMs == 0)
        #expect(byID[f]?.routing.ttlSeconds == 300)

        let anomaly = try #require(byID[a])
        #expect(anomaly.eventClass == .anomaly && anomaly.eventType == "anomaly.jam")
        #expect(anomaly.routing.propagation == .propagationFull && anomaly.routing.priority == .priorityHigh)
        #expect(anomaly.routing.ttlSeconds == 600 && anomaly.payloadTypeURL == "type.peat/anomaly.jam")

        let critical = try #require(byID[c])
        #expect(critical.eventClass == .anomaly && critical.eventType == "critical.intrusion")
        #expect(critical.routing.priority == .priorityCritical && critical.routing.ttlSeconds == 300)
        #expect(critical.payloadTypeURL == "type.peat/critical.intrusion")

        let telemetry = try #require(emitter.getLocal(t))
        #expect(telemetry.eventClass == .telemetry && telemetry.eventType == "telemetry.cpu")
        #expect(telemetry.routing.propagation == .propagationQuery && telemetry.routing.priority == .priorityLow)
        #expect(telemetry.routing.ttlSeconds == 3600 && telemetry.routing.aggregationWindowMs == 0)
        #expect(telemetry.payloadTypeURL == "type.peat/telemetry.cpu")
    }

    @Test func emptyIDErrorNamesOperationAndFieldAndStoresNothing() {
        let emitter = self.emitter
        var caught: EmitterError?
        do { try emitter.emit(event("", .priorityLow, propagation: .propagationLocal)) } catch { caught = error as? EmitterError }
        #expect(caught?.operation == "emit")
        #expect(caught?.field == "event_id")
        #expect(caught.map { "\($0)" }?.contains("emit") == true)
        #expect(emitter.localCount == 0 && emitter.pendingCount == 0)
    }

    @Test func noRoutingMeansFullAndNormal() throws {
        let emitter = self.emitter
        var e = event("x", .priorityLow)
        e.clearRouting()
        try emitter.emit(e)
        #expect(emitter.pendingCounts == [0, 0, 1, 0])
    }

    @Test func unknownPropagationIsFullAndUnknownPriorityIsNormal() throws {
        let emitter = self.emitter
        var e = event("x", .priorityLow)
        e.routing.propagation = .UNRECOGNIZED(9)
        e.routing.priority = .UNRECOGNIZED(42)
        try emitter.emit(e)
        #expect(emitter.pendingCounts == [0, 0, 1, 0])
        #expect(emitter.localCount == 0)
    }

    @Test func defaultRoutingIsCriticalFull() throws {
        // proto3 zero values: an AggregationPolicy present but empty is FULL and CRITICAL.
        let emitter = self.emitter
        var e = event("x")
        e.routing = AggregationPolicy()
        try emitter.emit(e)
        #expect(emitter.hasCritical)
    }

    @Test func sameIDReplacesInLocalStore() throws {
        let emitter = self.emitter
        try emitter.emit(event("dup", .priorityLow, propagation: .propagationQuery, type: "a"))
        try emitter.emit(event("other", .priorityLow, propagation: .propagationQuery, type: "a"))
        var second = event("dup", .priorityLow, propagation: .propagationLocal, type: "b")
        second.payloadValue = Data([7])
        try emitter.emit(second)
        #expect(emitter.localCount == 2)
        #expect(emitter.getLocal("dup")?.payloadValue == Data([7]))
        #expect(emitter.queryLocal(eventType: "a").map(\.eventID) == ["other"])
        #expect(emitter.queryLocal(eventType: "b").map(\.eventID) == ["dup"])
        // The replacement is the newest arrival.
        #expect(emitter.queryLocal(eventType: nil).map(\.eventID) == ["other", "dup"])
    }

    @Test func sameIDDoesNotReplaceInQueue() throws {
        let emitter = self.emitter
        try emitter.emit(event("dup"))
        try emitter.emit(event("dup"))
        #expect(emitter.pendingCount == 2)
    }

    @Test func popEventsDrainsCriticalBeyondMax() throws {
        let emitter = self.emitter
        for _ in 0..<5 { try emitter.emitCritical("c", payload: Data()) }
        try emitter.emitAnomaly("a", payload: Data())
        let popped = emitter.popEvents(max: 2)
        #expect(popped.count == 5)
        #expect(popped.allSatisfy { $0.priorityLevel == .critical })
        #expect(popped.map(\.eventID) == (1...5).map { "node-7-\($0)" })
        #expect(emitter.pendingCount == 1)
        #expect(emitter.popEvents(max: 0).isEmpty)
        #expect(emitter.popEvents(max: -3).isEmpty)
        #expect(emitter.pendingCount == 1)
    }

    @Test func popEventsUsesWeightedPopForTheRest() throws {
        let emitter = self.emitter
        try emitter.emitCritical("c", payload: Data())
        for _ in 0..<10 { try emitter.emitAnomaly("a", payload: Data()) }
        // max 11: 1 critical, then popWeighted(10) with only HIGH queued returns 5 (reference defect).
        #expect(emitter.popEvents(max: 11).count == 6)
        #expect(emitter.pendingCount == 5)
    }

    @Test func queryLocalKeepsArrivalOrder() throws {
        let emitter = self.emitter
        for i in 0..<50 { try emitter.emitTelemetry(i % 2 == 0 ? "cpu" : "mem", payload: Data([UInt8(i)])) }
        let cpu = emitter.queryLocal(eventType: "telemetry.cpu")
        #expect(cpu.map { $0.payloadValue.first! } == Array(stride(from: 0, to: 50, by: 2)).map(UInt8.init))
        #expect(emitter.queryLocal(eventType: "telemetry.nope").isEmpty)
        #expect(emitter.getLocal("missing") == nil)
    }

    @Test func concurrentEmittersLoseNothing() async throws {
        let emitter = EventEmitter(nodeID: "n", formationID: "f")
        await withTaskGroup(of: Void.self) { group in
            for t in 0..<8 {
                group.addTask {
                    for i in 0..<500 {
                        if i % 2 == 0 { _ = try? emitter.emitTelemetry("m\(t)", payload: Data()) }
                        else { _ = try? emitter.emitAnomaly("a", payload: Data()) }
                    }
                }
            }
        }
        #expect(emitter.localCount == 2000)
        #expect(emitter.pendingCount == 2000)
        var ids = Set(emitter.queryLocal(eventType: nil).map(\.eventID))
        var popped = 0
        while emitter.pendingCount > 0 {
            let batch = emitter.popEvents(max: 64)
            popped += batch.count
            ids.formUnion(batch.map(\.eventID))
        }
        #expect(popped == 2000)
        #expect(ids.count == 4000)
    }
}
