// Benchmarks of the event core, printed as a table. Run in release mode:
//   swift run -c release peat-bench            (all workloads)
//   swift run -c release peat-bench W1 W2      (a selection)
import Foundation
import PeatEvents

/// Seconds elapsed while running `body`, on the monotonic clock.
func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

struct Row {
    var workload: String
    var metric: String
    var value: Double
    var unit: String
    var reference: String
}

var rows: [Row] = []
let selected = Set(CommandLine.arguments.dropFirst().map { $0.uppercased() })
func wants(_ name: String) -> Bool { selected.isEmpty || selected.contains(name) }

let payload = Data(repeating: 0xAB, count: 16)

// W1: one emitter, 10^6 emits cycling a 20-event pattern, then popEvents(max: 64) until empty.
if wants("W1") {
    let n = 1_000_000
    let emitter = EventEmitter(nodeID: "node-1", formationID: "squad-1")
    let emitTime = try measure {
        var i = 0
        while i < n {
            let k = i % 20
            switch k {
            case 0..<10: _ = try emitter.emitProduct("detection", payload: payload, propagation: .propagationSummary, priority: .priorityNormal)
            case 10..<14: _ = try emitter.emitProduct("track", payload: payload, propagation: .propagationFull, priority: .priorityLow)
            case 14..<17: _ = try emitter.emitAnomaly("jam", payload: payload)
            case 17..<19: _ = try emitter.emitTelemetry("cpu", payload: payload)
            default: _ = try emitter.emitCritical("intrusion", payload: payload)
            }
            i += 1
        }
    }
    let pending = emitter.pendingCount
    var popped = 0
    let drainTime = measure {
        while emitter.pendingCount > 0 { popped += emitter.popEvents(max: 64).count }
    }
    precondition(popped == pending, "drain lost events")
    rows.append(Row(workload: "W1", metric: "emit", value: Double(n) / emitTime, unit: "events/s", reference: "≈1.6 M/s"))
    rows.append(Row(workload: "W1", metric: "drain popEvents(64)", value: Double(popped) / drainTime, unit: "events/s", reference: "≈3.2 M/s"))
}

// W2: 10^6 telemetry events over 100 metrics, then queryLocal("telemetry.m7") (10^4 matches).
if wants("W2") {
    let emitter = EventEmitter(nodeID: "node-1", formationID: "squad-1")
    let names = (0..<100).map { "m\($0)" }
    for i in 0..<1_000_000 { _ = try emitter.emitTelemetry(names[i % 100], payload: payload) }
    var matches = 0
    let reps = 50
    let t = measure {
        for _ in 0..<reps { matches = emitter.queryLocal(eventType: "telemetry.m7").count }
    }
    precondition(matches == 10_000, "expected 10^4 matches, got \(matches)")
    rows.append(Row(workload: "W2", metric: "queryLocal(telemetry.m7)", value: t / Double(reps) * 1000, unit: "ms/query", reference: "≈34 ms"))
}

func format(_ v: Double, _ unit: String) -> String {
    if unit == "events/s" { return String(format: "%.2f M", v / 1e6) }
    return String(format: "%.3f", v)
}

print("PeatEvents benchmarks (release). Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores")
let header = ["workload", "metric", "value", "unit", "reference (Rust)"]
let table = rows.map { [$0.workload, $0.metric, format($0.value, $0.unit), $0.unit, $0.reference] }
let widths = header.indices.map { c in ([header[c]] + table.map { $0[c] }).map(\.count).max()! }
func line(_ cells: [String]) -> String {
    cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ")
}
print(line(header))
print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
for r in table { print(line(r)) }
