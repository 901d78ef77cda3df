#if canImport(Glibc)
import Glibc
#endif
import Console
import Foundation
import LocalNode
import NodeService
import PeatEvents
import PeatRemoteProto
import PeatSoak
import RemoteNode

// NodeConsole at scale, on loopback (README "Performance" → "Remote nodes"):
//   emit     one node emitting as fast as it can (popping as it goes), with no watcher and
//            with 16 watchers: its emit throughput with watchers against without.
//   formation one console watching 64 nodes, each emitting 1,000 events/s: the console's
//            CPU, memory and frame cost (the nodes run in this process too; their share is
//            measured alone first and subtracted).
// Usage: peat-remote-bench [emit] [formation] [--seconds S]

/// CPU seconds (user + system) of this process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

func rssMiB() -> Double { Double(ProcessMemory.current()?.residentBytes ?? 0) / 1_048_576 }

/// A node with an emitter this program owns (scenario none), served on a free loopback port.
final class BenchNode: @unchecked Sendable {
    let emitter: EventEmitter
    let node: WatchedNode
    var server: NodeServer?
    var task: Task<Void, any Error>?
    let address = Box<ServiceAddress>()

    init(_ id: String) {
        emitter = EventEmitter(nodeID: id, formationID: "bench")
        node = WatchedNode(emitter: emitter, link: LinkTransmitter(totalBytesPerSecond: 1_000_000))
    }

    func serve(maxWatchers: Int = 32) {
        var config = NodeServerConfig()
        config.address = ServiceAddress(host: "127.0.0.1", port: 0)
        config.limits = WatchHub.Limits(intervalMs: 100, maxWatchers: maxWatchers, bufferCapacity: 64)
        let server = NodeServer(node: node, config: config)
        self.server = server
        let box = address
        task = Task { try await server.run(onListening: { box.set($0) }) }
        while address.value == nil { usleep(5_000) }
    }

    func stop() {
        server?.shutdown()
        let t = task
        let done = DispatchSemaphore(value: 0)
        Task { _ = try? await t?.value; done.signal() }
        done.wait()
    }

    /// `count` NORMAL products, then one pop of them onto the link.
    func emitBatch(_ count: Int) {
        let payload = Data(repeating: 7, count: 16)
        for _ in 0..<count { _ = try? emitter.emitProduct("detection", payload: payload, propagation: .propagationSummary, priority: .priorityNormal) }
        node.perform(.pop(max: count))
    }
}

final class Box<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var v: T?
    func set(_ x: T) { lock.withLock { v = x } }
    var value: T? { lock.withLock { v } }
}

/// Emits as fast as possible for `seconds`; returns events/s.
func emitThroughput(_ node: BenchNode, seconds: Double) -> Double {
    let start = Date()
    var n = 0
    while Date().timeIntervalSince(start) < seconds {
        node.emitBatch(1000)
        n += 1000
    }
    return Double(n) / Date().timeIntervalSince(start)
}

/// Emits at `rate` events/s (1,000 every 1,000/rate s) for `seconds`.
/// - Returns: events/s achieved, and the mean cost of one batch (1,000 emits and a pop), µs.
func emitPaced(_ node: BenchNode, rate: Int, seconds: Double) -> (rate: Double, batchMicros: Double) {
    let period = 1000.0 / Double(rate)
    let start = Date()
    var next = start
    var n = 0
    var busy = 0.0
    while Date().timeIntervalSince(start) < seconds {
        let b0 = Date()
        node.emitBatch(1000)
        busy += Date().timeIntervalSince(b0)
        n += 1000
        next = next.addingTimeInterval(period)
        let wait = next.timeIntervalSinceNow
        if wait > 0 { usleep(UInt32(wait * 1e6)) }
    }
    return (Double(n) / Date().timeIntervalSince(start), busy / Double(n / 1000) * 1e6)
}

func emitBench(seconds: Double) {
    print("emit: one node, as fast as it goes for \(seconds) s each (batches of 1,000 emits, each batch popped)")
    let node = BenchNode("emit-node")
    node.serve()
    _ = emitThroughput(node, seconds: 1)  // warm up
    let alone = emitThroughput(node, seconds: seconds)
    let pacedAlone = emitPaced(node, rate: 100_000, seconds: seconds)
    print(String(format: "  no watchers:  %10.0f events/s flat out; paced at 100,000/s: %.0f events/s, %.0f µs per 1,000 emits + pop",
                 alone, pacedAlone.rate, pacedAlone.batchMicros))
    let watchers = (0..<16).map { _ in RemoteNodeSource(target: RemoteTarget(address: node.address.value!)) }
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline, !watchers.allSatisfy({ $0.currentConnection.hasState }) {
        for w in watchers { _ = w.perform(.advance(to: SystemClock().now(), generate: false, drainRate: 0, batch: 8)) }
        usleep(10_000)
    }
    let connected = watchers.filter { $0.currentConnection.hasState }.count
    // The watchers' updates are read by their own tasks; the app's side (perform) is polled here
    // every 100 ms as the console's loop would.
    let stop = Box<Bool>()
    let poller = Thread {
        while stop.value != true {
            for w in watchers { _ = w.perform(.advance(to: SystemClock().now(), generate: false, drainRate: 0, batch: 8)) }
            usleep(100_000)
        }
    }
    poller.start()
    let watched = emitThroughput(node, seconds: seconds)
    let pacedWatched = emitPaced(node, rate: 100_000, seconds: seconds)
    stop.set(true)
    let gaps = watchers.map { $0.currentConnection.gaps }.reduce(0, +)
    print(String(format: "  %2d watchers:  %10.0f events/s flat out (%.1f %% of no watchers); paced at 100,000/s: %.0f events/s (%.1f %%), %.0f µs per 1,000 emits + pop",
                 connected, watched, 100 * watched / alone, pacedWatched.rate, 100 * pacedWatched.rate / pacedAlone.rate, pacedWatched.batchMicros))
    print(String(format: "                %d sequence gaps seen by the watchers, %d updates dropped on the node", gaps, Int(node.server?.hub.totalDropped ?? 0)))
    watchers.forEach { $0.stop() }
    node.stop()
}

func formationBench(seconds: Double, nodes count: Int = 64, rate: Int = 1000) {
    print("formation: \(count) nodes on loopback at \(rate) events/s each, one console watching them all, \(seconds) s per phase")
    let nodes = (0..<count).map { BenchNode(String(format: "n%02d", $0)) }
    nodes.forEach { $0.serve() }
    // The nodes' load: one thread emits each node's share every 10 ms.
    let stop = Box<Bool>()
    let perTick = rate / 100
    let driver = Thread {
        var next = Date()
        while stop.value != true {
            for n in nodes { n.emitBatch(perTick) }
            next = next.addingTimeInterval(0.01)
            let wait = next.timeIntervalSinceNow
            if wait > 0 { usleep(UInt32(wait * 1e6)) }
        }
    }
    driver.start()
    usleep(1_000_000)
    var cpu0 = cpuSeconds(), t0 = Date()
    usleep(UInt32(seconds * 1e6))
    let nodesOnly = (cpuSeconds() - cpu0) / Date().timeIntervalSince(t0)
    let rssBefore = rssMiB()
    print(String(format: "  nodes alone:           %5.1f %% of a core, RSS %.0f MiB", nodesOnly * 100, rssBefore))

    var options = ConsoleOptions()
    options.scenario = .none
    let app = ConsoleApp(options: options, remote: nodes.map { RemoteTarget(address: $0.address.value!) })
    let backend = MemoryBackend(size: Size(width: 160, height: 80), capabilities: .init(colors: .xterm256, unicode: true))
    app.begin(on: backend)
    let settle = Date().addingTimeInterval(20)
    while Date() < settle, !app.remoteNodes.allSatisfy({ $0.currentConnection.hasState }) {
        app.dispatch(.tick(SystemClock().now()))
        usleep(20_000)
    }
    let live = app.remoteNodes.filter { $0.currentConnection.phase == .live }.count
    cpu0 = cpuSeconds()
    t0 = Date()
    var frames = 0
    var frameTime = 0.0
    var worst = 0.0
    while Date().timeIntervalSince(t0) < seconds {
        let f0 = Date()
        app.dispatch(.tick(SystemClock().now()))
        if app.present(on: backend) { frames += 1 }
        let dt = Date().timeIntervalSince(f0)
        frameTime += dt
        worst = max(worst, dt)
        usleep(100_000)  // the console's 100 ms tick
    }
    let elapsed = Date().timeIntervalSince(t0)
    let withConsole = (cpuSeconds() - cpu0) / elapsed
    let wakes = Int(elapsed / 0.1)
    print(String(format: "  with the console:      %5.1f %% of a core (console ≈ %.1f %%), RSS %.0f MiB (console ≈ +%.0f MiB), %d/%d nodes live",
                 withConsole * 100, (withConsole - nodesOnly) * 100, rssMiB(), rssMiB() - rssBefore, live, count))
    print(String(format: "  console loop:          %d frames drawn in %.1f s, %.2f ms per wake-up (tick + observe + render), worst %.2f ms",
                 frames, elapsed, frameTime / Double(max(1, wakes)) * 1000, worst * 1000))
    stop.set(true)
    app.remoteNodes.forEach { $0.stop() }
    nodes.forEach { $0.stop() }
}

var args = Array(CommandLine.arguments.dropFirst())
var seconds = 5.0
if let i = args.firstIndex(of: "--seconds"), i + 1 < args.count, let s = Double(args[i + 1]) {
    seconds = s
    args.removeSubrange(i...(i + 1))
}
let which = args.isEmpty ? ["emit", "formation"] : args
for w in which {
    switch w {
    case "emit": emitBench(seconds: seconds)
    case "formation": formationBench(seconds: seconds)
    default: print("unknown workload \(w) (emit, formation)"); exit(2)
    }
}
