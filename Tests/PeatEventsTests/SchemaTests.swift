import Foundation
import SwiftProtobuf
import Testing
@testable import PeatEvents

@Suite("Schema and wire format")
struct SchemaTests {
    func full() -> PeatEvent {
        var e = event("node-1-7", .priorityHigh, propagation: .propagationSummary, type: "product.detection")
        e.timestamp = PeatTimestamp(seconds: 1_700_000_123, nanos: 456)
        e.sourceInstanceID = "eo-sensor-1"
        e.routing.aggregationWindowMs = 1000
        e.payloadTypeURL = "type.peat/product.detection"
        e.payloadValue = Data([0, 1, 2, 255])
        return e
    }

    @Test func binaryRoundTrip() throws {
        let e = full()
        let bytes: [UInt8] = try e.serializedBytes()
        #expect(try PeatEvent(serializedBytes: bytes) == e)
    }

    @Test func jsonRoundTrip() throws {
        let e = full()
        let json = try e.jsonString()
        #expect(json.contains("\"eventId\":\"node-1-7\""))
        #expect(try PeatEvent(jsonString: json) == e)
    }

    @Test func fieldNumbersMatchSpec() throws {
        var e = PeatEvent()
        e.eventID = "a"              // 1, length-delimited → 0x0A
        e.sourceNodeID = "b"         // 3 → 0x1A
        e.sourceFormationID = "c"    // 4 → 0x22
        e.sourceInstanceID = "d"     // 5 → 0x2A
        e.eventClass = .telemetry    // 6 varint → 0x30 0x03
        e.eventType = "e"            // 7 → 0x3A
        e.payloadTypeURL = "f"       // 10 → 0x52
        e.payloadValue = Data([9])   // 11 → 0x5A
        let bytes: [UInt8] = try e.serializedBytes()
        #expect(bytes == [0x0A, 1, 0x61, 0x1A, 1, 0x62, 0x22, 1, 0x63, 0x2A, 1, 0x64, 0x30, 3,
                          0x3A, 1, 0x65, 0x52, 1, 0x66, 0x5A, 1, 9])
        var withRouting = PeatEvent()
        var r = AggregationPolicy()
        r.propagation = .propagationQuery   // 1 → 0x08 0x02
        r.priority = .priorityLow           // 2 → 0x10 0x03
        r.ttlSeconds = 300                  // 3 → 0x18 0xAC 0x02
        r.aggregationWindowMs = 1           // 4 → 0x20 0x01
        withRouting.routing = r             // 8 → 0x42
        withRouting.timestamp = PeatTimestamp(seconds: 1, nanos: 2) // 2 → 0x12 {0x08 1 0x10 2}
        let rb: [UInt8] = try withRouting.serializedBytes()
        #expect(rb == [0x12, 4, 0x08, 1, 0x10, 2, 0x42, 9, 0x08, 2, 0x10, 3, 0x18, 0xAC, 0x02, 0x20, 1])
    }

    @Test func absentFieldsDecodeToProto3Defaults() throws {
        let e = try PeatEvent(serializedBytes: [0x0A, 1, 0x61] as [UInt8])
        #expect(!e.hasRouting && !e.hasTimestamp && !e.hasSourceInstanceID)
        #expect(e.priorityLevel == .normal)
        #expect(e.effectivePropagation == .propagationFull)
        let r = try AggregationPolicy(serializedBytes: [] as [UInt8])
        #expect(r.priority == .priorityCritical && r.propagation == .propagationFull)
    }

    @Test func unknownEnumValuesArePreservedAndInterpreted() throws {
        // routing { propagation: 9, priority: 42 }, event_class 17
        let bytes: [UInt8] = [0x0A, 1, 0x61, 0x30, 17, 0x42, 4, 0x08, 9, 0x10, 42]
        let e = try PeatEvent(serializedBytes: bytes)
        #expect(e.eventClass == .UNRECOGNIZED(17))
        #expect(e.routing.propagation == .UNRECOGNIZED(9))
        #expect(e.routing.priority == .UNRECOGNIZED(42))
        #expect(e.priorityLevel == .normal)
        #expect(e.effectivePropagation == .propagationFull)
        #expect(!e.isStoredLocally)
        #expect(try e.serializedBytes() as [UInt8] == bytes)
        let json = try e.jsonString()
        #expect(try PeatEvent(jsonString: json) == e)
    }

    @Test func unknownFieldsSurviveReencoding() throws {
        // field 99 (varint 5) is not in the schema
        let bytes: [UInt8] = [0x0A, 1, 0x61, 0x98, 0x06, 5]
        let e = try PeatEvent(serializedBytes: bytes)
        #expect(try e.serializedBytes() as [UInt8] == bytes)
    }

    /// `encodedSize` counts the bytes without encoding: it must be the encoding's size for every
    /// kind of event — the demo's, edge cases (Unicode, binary, unknown and negative enum
    /// numbers, an empty-but-present optional, no routing, empty timestamp and policy), long
    /// fields whose lengths take two or three varint bytes, extreme numbers, unknown fields.
    @Test func encodedSizeIsTheSerialisedSize() throws {
        var events = codecSampleEvents(count: 40) + [full(), PeatEvent()]
        var negative = event("negative-enums", .priorityLow)
        negative.eventClass = .UNRECOGNIZED(-1)
        negative.routing.priority = .UNRECOGNIZED(-5)
        negative.routing.propagation = .UNRECOGNIZED(Int(Int32.min))
        events.append(negative)
        var long = full()
        long.eventID = String(repeating: "x", count: 200)
        long.eventType = String(repeating: "é", count: 10_000)
        long.payloadValue = Data(repeating: 7, count: 70_000)
        long.timestamp = PeatTimestamp(seconds: .max, nanos: .max)
        long.routing.ttlSeconds = .max
        long.routing.aggregationWindowMs = 1
        events.append(long)
        var empties = PeatEvent()
        empties.timestamp = PeatTimestamp()
        empties.routing = AggregationPolicy()
        empties.sourceInstanceID = ""
        events.append(empties)
        // Unknown fields at each level (field 99, varint 5), as a newer schema's sender leaves them.
        let unknown: [UInt8] = [0x98, 0x06, 5]
        var withUnknown = try PeatEvent(serializedBytes: try full().serializedBytes() as [UInt8] + unknown)
        var stamp = try PeatTimestamp(serializedBytes: [0x08, 1] + unknown)
        stamp.nanos = 3
        withUnknown.timestamp = stamp
        withUnknown.routing = try AggregationPolicy(serializedBytes: [0x10, 1] + unknown)
        events.append(withUnknown)
        for e in events {
            let bytes: [UInt8] = try e.serializedBytes()
            #expect(e.encodedSize == bytes.count, "\(e.eventID.prefix(20))")
        }
    }

    @Test func queryMessagesRoundTrip() throws {
        var q = EventQuery()
        q.queryID = "q1"
        q.requesterID = "parent"
        q.formationID = "squad-1"
        q.filters.eventClass = .telemetry
        q.filters.afterSeconds = 10
        q.limit = 5
        #expect(try EventQuery(serializedBytes: try q.serializedBytes() as [UInt8]) == q)
        #expect(q.scope == .formationID("squad-1"))
        var r = EventQueryResponse()
        r.queryID = "q1"
        r.events = [full()]
        r.totalMatching = 9
        r.truncated = true
        #expect(try EventQueryResponse(serializedBytes: try r.serializedBytes() as [UInt8]) == r)
    }

    @Test func namesOfEnums() {
        #expect(PriorityLevel.allCases.map(\.name) == ["CRITICAL", "HIGH", "NORMAL", "LOW"])
        #expect(EventClass.telemetry.name == "telemetry")
        #expect(EventClass.UNRECOGNIZED(9).name == "class#9")
        #expect(PropagationMode.propagationSummary.name == "SUMMARY")
        #expect(EventPriority.UNRECOGNIZED(5).name == "priority#5")
    }
}
