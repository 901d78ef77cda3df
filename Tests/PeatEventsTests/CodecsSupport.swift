import Foundation
@testable import PeatEvents
import PeatDemo

/// Events for codec tests: the demo's variety plus edge cases (Unicode, binary payloads,
/// unknown enum numbers, a present-but-empty optional, no routing).
func codecSampleEvents(count: Int = 12, seed: UInt64 = 7) -> [PeatEvent] {
    var scenario = DemoScenario(seed: seed)
    var events: [PeatEvent] = []
    var t = 0.0
    while events.count < count - 4 {
        t += 0.5
        for emission in scenario.advance(by: 0.5) where events.count < count - 4 {
            let stamp = PeatTimestamp.with { $0.seconds = 1_700_000_000 + UInt64(t); $0.nanos = UInt32(events.count * 1000) }
            events.append(emission.makeEvent(id: "node-1-\(events.count + 1)", timestamp: stamp,
                                             nodeID: "node-1", formationID: "squad-1"))
        }
    }
    var unicode = event("ü-1", .priorityHigh, type: "anomaly.jam — ☢ 火")
    unicode.payloadValue = Data([0, 1, 2, 0xFF, 0x0A, 0x7B])
    unicode.sourceInstanceID = ""
    var unknown = event("unknown-enums", .priorityLow)
    unknown.routing.priority = .UNRECOGNIZED(9)
    unknown.routing.propagation = .UNRECOGNIZED(7)
    unknown.eventClass = .UNRECOGNIZED(42)
    var bare = PeatEvent()
    bare.eventID = "bare"
    var local = event("local-1", .priorityLow, propagation: .propagationLocal, type: "telemetry.cpu")
    local.payloadValue = Data("line\nbreak \"quoted\"".utf8)
    return events + [unicode, unknown, bare, local]
}

/// The events of `records`, in order.
func events(of records: [StreamRecord]) -> [PeatEvent] { records.compactMap(\.event) }

/// The errors of `records`, in order.
func errors(of records: [StreamRecord]) -> [StreamError] { records.compactMap(\.error) }

/// A stream of `events` in `format`.
func encoded(_ events: [PeatEvent], _ format: StreamFormat) -> [UInt8] {
    try! EventStreamEncoder(format).encode(events)
}

/// A varint-delimited frame holding `body` as is.
func frame(_ body: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    EventStreamEncoder.appendVarint(UInt64(body.count), to: &out)
    return out + body
}
