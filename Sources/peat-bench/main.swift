// Benchmarks of the event core and the console, printed as a table. Run in release mode:
//   swift build -c release --product peat-console && swift run -c release peat-bench   (all)
//   swift run -c release peat-bench W1 W2 R1 IDLE MEM                                    (a selection)
// W1 emit/drain, W2 type query, W3 reference vs fair drain, W4 query latency by filter at
// 10^6 stored events and expiry, W5 the link model, R1 frame cost at 10^3 vs 10^6 queued and
// stored events, IDLE the console's CPU over 10 s in a pseudo-terminal, MEM RSS per 10^6
// stored (and queued) events, in a fresh child process. `--json` prints the rows as one JSON
// object (machine, load averages, rows) instead of the table.
//
// The micro-benchmarks with percentiles, malloc counts and regression thresholds are in the
// package-benchmark suite under Benchmarks/; the side-by-side run against the reference is
// scripts/bench-vs-reference.sh (which runs `peat-bench --json W1` and `W2`).
import Console
import LocalNode
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
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == MemoryChild.flag {
    MemoryChild.run(CommandLine.arguments[2])
    exit(0)
}
let workloads = ["W1", "W2", "W3", "W4", "W5", "R1", "IDLE", "MEM"]
let usage = """
    usage: peat-bench [--json] [\(workloads.joined(separator: " "))]
    Runs the named workloads (all when none is named) and prints a table, or with --json one
    JSON object. Build in release mode first: swift build -c release (IDLE needs peat-console).
    """
if CommandLine.arguments.contains(where: { $0 == "--help" || $0 == "-h" }) {
    print(usage)
    exit(0)
}
let loadAtStart = MachineInfo.loadAverage
let jsonOutput = CommandLine.arguments.contains("--json")
let selected = Set(CommandLine.arguments.dropFirst().filter { $0 != "--json" }.map { $0.uppercased() })
let unknownWorkloads = selected.subtracting(workloads).sorted()
if !unknownWorkloads.isEmpty {
    FileHandle.standardError.write(Data("peat-bench: unknown workload \(unknownWorkloads.joined(separator: ", "))\n\(usage)\n".utf8))
    exit(64)
}
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
    rows.append(Row(workload: "W1", metric: "emit", value: Double(n) / emitTime, unit: "events/s", reference: "ratio: bench-vs-reference.sh"))
    rows.append(Row(workload: "W1", metric: "drain popEvents(64)", value: Double(popped) / drainTime, unit: "events/s", reference: "ratio: bench-vs-reference.sh"))
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
    rows.append(Row(workload: "W2", metric: "queryLocal(telemetry.m7)", value: t / Double(reps) * 1000, unit: "ms/query", reference: "ratio: bench-vs-reference.sh"))
    // The same query once the type's bucket has a hole: one m7 event in the middle replaced
    // (same id, QUERY), so the result is copied out event by event rather than shared.
    var replacement = emitter.getLocal("node-1-5008")!
    replacement.payloadValue = Data(repeating: 0xCD, count: 16)
    try emitter.emit(replacement)
    let tc = measure {
        for _ in 0..<reps { matches = emitter.queryLocal(eventType: "telemetry.m7").count }
    }
    precondition(matches == 10_000, "expected 10^4 matches, got \(matches)")
    rows.append(Row(workload: "W2", metric: "queryLocal(telemetry.m7), copying", value: tc / Double(reps) * 1000, unit: "ms/query", reference: "one m7 event replaced: copied, not shared"))
}

// W3: the schedulers side by side: the W1 mix queued (CRITICAL, HIGH, NORMAL, LOW as W1
// queues them, 900,000 events), then drained with popEvents(max: 64) under each policy.
if wants("W3") {
    var template: [PeatEvent] = []
    do {
        let e = EventEmitter(nodeID: "node-1", formationID: "squad-1")
        for k in 0..<20 {
            switch k {
            case 0..<10: _ = try e.emitProduct("detection", payload: payload, propagation: .propagationSummary, priority: .priorityNormal)
            case 10..<14: _ = try e.emitProduct("track", payload: payload, propagation: .propagationFull, priority: .priorityLow)
            case 14..<17: _ = try e.emitAnomaly("jam", payload: payload)
            case 17..<19: break
            default: _ = try e.emitCritical("intrusion", payload: payload)
            }
        }
        template = e.popEvents(max: 100)
    }
    let policies: [(String, SchedulingPolicy, String)] = [
        ("reference", .reference, "—"), ("fair", .fair, "—"), ("fair-bytes", .fair(cost: .encodedBytes), "—"),
    ]
    for (name, policy, reference) in policies {
        let emitter = EventEmitter(nodeID: "node-1", formationID: "squad-1", policy: policy)
        for _ in 0..<50_000 { for e in template { try emitter.emit(e) } }
        let pending = emitter.pendingCount
        var popped = 0
        let t = measure {
            while emitter.pendingCount > 0 { popped += emitter.popEvents(max: 64).count }
        }
        precondition(popped == pending, "drain lost events")
        rows.append(Row(workload: "W3", metric: "drain popEvents(64) \(name)", value: Double(popped) / t, unit: "events/s", reference: reference))
    }
}

// W4: query latency by filter over 10^6 stored events (100 types, 4 classes, 50 source
// instances, 10^4 distinct seconds), EventQuery with limit 100 (total_matching counted).
if wants("W4") {
    let clock = ManualClock(seconds: 1_700_000_000)
    let emitter = EventEmitter(nodeID: "node-1", formationID: "squad-1", clock: clock)
    let classes: [EventClass] = [.product, .anomaly, .telemetry, .command]
    let types = (0..<100).map { "telemetry.m\($0)" }
    let instances = (0..<50).map { "inst-\($0)" }
    var routing = AggregationPolicy()
    routing.propagation = .propagationQuery
    routing.priority = .priorityLow
    routing.ttlSeconds = 0
    let n = 1_000_000
    let fill = try measure {
        for i in 0..<n {
            var e = PeatEvent()
            e.eventID = "e-\(i)"
            e.timestamp = PeatTimestamp(seconds: 1_700_000_000 + UInt64(i / 100))
            e.eventClass = classes[i % 4]
            e.eventType = types[i % 100]
            e.sourceInstanceID = instances[(i / 7) % 50]
            e.routing = routing
            e.payloadValue = payload
            try emitter.emit(e)
        }
    }
    precondition(emitter.localCount == n)
    rows.append(Row(workload: "W4", metric: "store 10^6 (4 indexes)", value: Double(n) / fill, unit: "events/s", reference: "—"))
    clock.advance(seconds: 20_000)
    let base: UInt64 = 1_700_000_000
    let cases: [(String, EventFilters)] = [
        ("type (10^4 match)", EventFilters(eventType: "telemetry.m7")),
        ("class (2.5·10^5 match)", EventFilters(eventClass: .telemetry)),
        ("source instance (2·10^4 match)", EventFilters(sourceInstanceID: "inst-7")),
        ("time range 100 s (10^4 match)", EventFilters(afterSeconds: base + 4_999, beforeSeconds: base + 5_100)),
        ("time range 5000 s (5·10^5 match)", EventFilters(afterSeconds: base + 2_499, beforeSeconds: base + 7_500)),
        ("type+class+instance+time", EventFilters(eventClass: .command, eventType: "telemetry.m7", afterSeconds: base + 1_000, beforeSeconds: base + 9_000, sourceInstanceID: "inst-1")),
        ("class+time 100 s", EventFilters(eventClass: .anomaly, afterSeconds: base + 4_999, beforeSeconds: base + 5_100)),
    ]
    for (name, filters) in cases {
        let q = EventQuery(queryID: "q", filters: filters, limit: 100)
        var total: UInt32 = 0
        let reps = 20
        let t = measure { for _ in 0..<reps { total = emitter.query(q).totalMatching } }
        precondition(total > 0, "\(name): nothing matched")
        rows.append(Row(workload: "W4", metric: "query \(name)", value: t / Double(reps) * 1000, unit: "ms/query", reference: "total \(total)"))
    }
    // Expiry: every event gets a TTL; advance past half of them and expire.
    let expiring = EventEmitter(nodeID: "node-1", formationID: "squad-1", clock: clock)
    routing.ttlSeconds = 60
    for i in 0..<n {
        var e = PeatEvent()
        e.eventID = "x-\(i)"
        e.timestamp = PeatTimestamp(seconds: base + UInt64(i / 100))
        e.eventType = types[i % 100]
        e.routing = routing
        try expiring.emit(e)
    }
    var removed = 0
    let te = measure { removed = expiring.expireLocal(now: PeatTimestamp(seconds: base + 5_060)) }
    precondition(removed == 500_000, "expired \(removed)")
    rows.append(Row(workload: "W4", metric: "expireLocal (5·10^5 of 10^6)", value: Double(removed) / te, unit: "events/s", reference: "—"))
    var none = 0
    let tn = measure { for _ in 0..<1000 { none += expiring.expireLocal(now: PeatTimestamp(seconds: base + 5_060)) } }
    precondition(none == 0)
    rows.append(Row(workload: "W4", metric: "expireLocal, nothing due", value: tn / 1000 * 1e6, unit: "µs/call", reference: "—"))
}

// W5: the link model: 10^6 events through a LinkTransmitter (100 MB/s link, 1 ms ticks).
if wants("W5") {
    let clock = ManualClock(seconds: 1_700_000_000)
    var link = LinkTransmitter(totalBytesPerSecond: 100_000_000,
                               limits: LinkQueueLimits(critical: 1_000_000, high: 1_000_000, normal: 1_000_000, low: 1_000_000),
                               clock: clock)
    let priorities: [EventPriority] = [.priorityCritical, .priorityHigh, .priorityNormal, .priorityLow]
    var events: [PeatEvent] = []
    for p in priorities {
        var e = PeatEvent()
        e.eventID = "link-event"
        var r = AggregationPolicy()
        r.priority = p
        e.routing = r
        e.payloadValue = payload
        events.append(e)
    }
    let n = 1_000_000
    var sent = 0
    let t = measure {
        for i in 0..<n { link.enqueue(events[i % 4]) }
        while sent < n {
            clock.advance(nanos: 1_000_000)
            sent += link.transmit().count
        }
    }
    rows.append(Row(workload: "W5", metric: "link enqueue+transmit", value: Double(sent) / t, unit: "events/s", reference: "—"))
}

if wants("R1") { rows += FrameBench.run() }
if wants("IDLE") { rows += IdleBench.run() }
if wants("MEM") { rows += MemoryBench.run() }

func format(_ v: Double, _ unit: String) -> String {
    if unit == "events/s" { return String(format: "%.2f M", v / 1e6) }
    if unit == "µs/call" { return String(format: "%.2f", v) }
    if unit == "%" || unit == "MiB" || unit == "×" { return String(format: "%.2f", v) }
    if unit == "bytes/event" { return String(format: "%.0f", v) }
    if unit.isEmpty { return "—" }
    return String(format: "%.3f", v)
}

if jsonOutput {
    let object: [String: Any] = [
        "machine": "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(MachineInfo.cpuModel)",
        "load_start": loadAtStart,
        "load_end": MachineInfo.loadAverage,
        "rows": rows.map { ["workload": $0.workload, "metric": $0.metric, "value": $0.value, "unit": $0.unit, "note": $0.reference] },
    ]
    let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    print(String(decoding: data, as: UTF8.self))
    exit(0)
}

print("PeatEvents benchmarks (release). Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(MachineInfo.cpuModel); load average (1/5/15 min) \(loadAtStart) at start, \(MachineInfo.loadAverage) at end")
let header = ["workload", "metric", "value", "unit", "reference (Rust)"]
let table = rows.map { [$0.workload, $0.metric, format($0.value, $0.unit), $0.unit, $0.reference] }
let widths = header.indices.map { c in ([header[c]] + table.map { $0[c] }).map(\.count).max()! }
func line(_ cells: [String]) -> String {
    cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ")
}
print(line(header))
print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
for r in table { print(line(r)) }
