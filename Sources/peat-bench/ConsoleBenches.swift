// R1, IDLE and MEM: the console's frame cost, its idle CPU, and memory per stored event.
import Console
import LocalNode
import PeatDemo
import PeatSoak
import Foundation
import PeatEvents

/// The machine, for the table's title.
enum MachineInfo {
    /// `model name` from /proc/cpuinfo.
    static var cpuModel: String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
              let colon = line.firstIndex(of: ":") else { return "unknown CPU" }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    /// The 1, 5 and 15 minute load averages.
    static var loadAverage: String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}

/// R1: what one frame costs with 10^3 and with 10^6 events queued and stored. A frame is what
/// the live console does when the core changed: an observation of the node (`LocalNodeSource.observe`), then
/// `Screen.render` of the 120x40 screen, `Buffer.diff` against the shown frame, and drawing
/// the changes into a `MemoryBackend`. It must not grow with the events: the views show one
/// page.
enum FrameBench {
    static let size = Size(width: 120, height: 40)

    static func run() -> [Row] {
        var rows: [Row] = []
        var frameCost: [Double] = []
        for n in [1_000, 1_000_000] {
            let label = n == 1_000 ? "10^3" : "10^6"
            let clock = ManualClock(seconds: ConsoleApp.snapshotEpoch)
            var options = ConsoleOptions()
            options.scenario = .none
            let app = ConsoleApp(options: options, clock: clock)
            fill(app.localNode!.emitter, queued: n, stored: n)
            let backend = MemoryBackend(size: size)
            app.begin(on: backend)
            app.present(on: backend)

            // A frame: one event injected (the core changed: a new snapshot), then present.
            let frames = 100
            var drawn = 0
            let total = measure {
                for k in 0..<frames {
                    app.dispatch(.inject(k % 2 == 0 ? .low : .normal))
                    if app.present(on: backend) { drawn += 1 }
                }
            }
            precondition(drawn == frames, "R1: only \(drawn) of \(frames) frames drawn")
            let perFrame = total / Double(frames) * 1000
            frameCost.append(perFrame)
            rows.append(Row(workload: "R1", metric: "frame at \(label) queued + \(label) stored", value: perFrame,
                            unit: "ms/frame", reference: "snapshot+render+diff+draw"))

            let reps = 50
            let query = app.state.browserQuery
            let node = app.localNode!
            let snap = measure { for _ in 0..<reps { _ = node.observe(ObservationRequest(query: query)) } }
            rows.append(Row(workload: "R1", metric: "  node observation, \(label)", value: snap / Double(reps) * 1000, unit: "ms/frame", reference: "LocalNodeSource.observe"))
            let emitter = app.localNode!.emitter
            let byClass = measure { for _ in 0..<reps { _ = emitter.pendingByClass } }
            rows.append(Row(workload: "R1", metric: "    of which pendingByClass, \(label)", value: byClass / Double(reps) * 1000, unit: "ms/frame", reference: "O(classes): counted on push/pop"))
            var a = app.renderFrame()
            let render = measure { for _ in 0..<reps { a = app.renderFrame() } }
            rows.append(Row(workload: "R1", metric: "  Screen.render 120x40, \(label)", value: render / Double(reps) * 1000, unit: "ms/frame", reference: "—"))
            app.dispatch(.inject(.high))
            let b = app.renderFrame()
            var changes = 0
            let diff = measure { for _ in 0..<reps { changes = Buffer.diff(a, b).count } }
            precondition(changes > 0, "R1: frames do not differ")
            rows.append(Row(workload: "R1", metric: "  Buffer.diff 120x40, \(label)", value: diff / Double(reps) * 1000, unit: "ms/frame", reference: "\(changes) cells changed"))
        }
        rows.append(Row(workload: "R1", metric: "frame cost 10^6 / 10^3", value: frameCost[1] / frameCost[0], unit: "×",
                        reference: "should stay ≈1×"))
        return rows
    }

    /// `queued` events in the outbound queue (the demo's product/anomaly mix) and `stored`
    /// telemetry events in the local store.
    static func fill(_ emitter: EventEmitter, queued: Int, stored: Int) {
        let (queuedBefore, storedBefore) = (emitter.pendingCount, emitter.localCount)
        let kinds: [DemoEmission.Kind] = [
            .product("detection", .propagationSummary, .priorityNormal), .product("track", .propagationFull, .priorityLow),
            .anomaly("jam"), .product("detection", .propagationSummary, .priorityNormal),
        ]
        for i in 0..<queued {
            let e = DemoEmission(kind: kinds[i % kinds.count], payload: Data("class=person conf=0.\(50 + i % 50) seq=\(i)".utf8),
                                 sourceInstanceID: "eo-sensor-\(1 + i % 2)")
            _ = try! e.emit(into: emitter)
        }
        let metrics = DemoScenario.metrics
        for i in 0..<stored {
            let m = metrics[i % metrics.count]
            let e = DemoEmission(kind: .telemetry(m), payload: Data("\(m)=\(i % 100).\(i % 10)%".utf8),
                                 sourceInstanceID: "health-monitor")
            _ = try! e.emit(into: emitter)
        }
        precondition(emitter.pendingCount == queuedBefore + queued && emitter.localCount == storedBefore + stored, "fill failed")
    }
}

/// IDLE: the real `peat-console` in a private tmux server (a pseudo-terminal, 120x40), CPU
/// time (utime + stime from /proc/<pid>/stat) over 10 s after a 2 s start-up.
enum IdleBench {
    static let seconds = 10.0

    static func run() -> [Row] {
        guard let tmux = which("tmux") else { return [skipped("tmux not found")] }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("peat-console").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            return [skipped("\(binary) missing: swift build -c release --product peat-console")]
        }
        var rows: [Row] = []
        for (index, (label, args)) in [("--scenario none (idle)", "--scenario none"), ("demo scenario, 10 Hz refresh", "")].enumerated() {
            let server = "bench-\(getpid())-\(index)"
            var socket: String?
            defer {
                _ = shell(tmux, ["-L", server, "kill-server"])
                if let socket { unlink(socket) }  // the server leaves its socket file behind
            }
            let command = "SWIFT_BACKTRACE=interactive=no exec \(binary) \(args)"
            guard shell(tmux, ["-L", server, "-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", command]) != nil,
                  let pidText = shell(tmux, ["-L", server, "list-panes", "-F", "#{pane_pid}"]),
                  let pid = Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                rows.append(skipped("could not start the console in tmux"))
                continue
            }
            socket = shell(tmux, ["-L", server, "display-message", "-p", "#{socket_path}"])?
                .trimmingCharacters(in: .whitespacesAndNewlines)
            usleep(2_000_000)
            let screen = shell(tmux, ["-L", server, "capture-pane", "-p"]) ?? ""
            guard let t0 = cpuTicks(pid), screen.contains("node-1") else {
                rows.append(skipped("the console did not start in tmux (\(label))"))
                continue
            }
            let start = DispatchTime.now().uptimeNanoseconds
            usleep(useconds_t(seconds * 1e6))
            guard let t1 = cpuTicks(pid) else {
                rows.append(skipped("the console exited during the measurement (\(label))"))
                continue
            }
            let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let cpu = Double(t1 - t0) / Double(sysconf(Int32(_SC_CLK_TCK))) / wall * 100
            rows.append(Row(workload: "IDLE", metric: "console CPU over 10 s, \(label)", value: cpu, unit: "%",
                            reference: "\(t1 - t0) ticks in \(String(format: "%.1f", wall)) s"))
        }
        return rows
    }

    static func skipped(_ why: String) -> Row {
        Row(workload: "IDLE", metric: "skipped: \(why)", value: 0, unit: "", reference: "—")
    }

    /// utime + stime of `pid`, clock ticks.
    static func cpuTicks(_ pid: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        // Fields after "(comm)": state is field 3, utime 14, stime 15.
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let u = Int(fields[11]), let s = Int(fields[12]) else { return nil }
        return u + s
    }

    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// Runs `executable` with `arguments`; its standard output, or nil when it failed.
///
/// posix_spawn + waitpid rather than Foundation's `Process`: when the command starts a tmux
/// server (which keeps the inherited descriptors), `Process.waitUntilExit` was seen never to
/// return on this platform. Output goes to a file for the same reason (a pipe would never end).
func shell(_ executable: String, _ arguments: [String]) -> String? {
    let path = NSTemporaryDirectory() + "peat-bench-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).out"
    defer { unlink(path) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for a in argv { free(a) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return nil }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    // Exited normally with status 0.
    guard status & 0x7f == 0, (status >> 8) & 0xff == 0,
          let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(decoding: data, as: UTF8.self)
}

/// MEM: RSS growth while 10^6 events go into a fresh emitter, in a child process (this
/// program again, with `MemoryChild.flag`), so earlier workloads' heap does not blur it.
enum MemoryBench {
    static func run() -> [Row] {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        var rows: [Row] = []
        for what in ["stored", "queued"] {
            guard let out = shell(me, [MemoryChild.flag, what]) else {
                rows.append(Row(workload: "MEM", metric: "skipped: child process failed (\(what))", value: 0, unit: "", reference: "—"))
                continue
            }
            let v = out.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
            guard v.count == 4 else { continue }
            let (before, after, peak, n) = (v[0], v[1], v[2], v[3])
            let growth = after - before
            let mib = 1_048_576.0
            let kind = what == "stored" ? "stored telemetry (local store, 4 indexes)" : "queued products/anomalies (outbound queue)"
            rows.append(Row(workload: "MEM", metric: "RSS growth per 10^6 \(kind)", value: Double(growth) / mib, unit: "MiB",
                            reference: "VmRSS before/after, fresh process"))
            rows.append(Row(workload: "MEM", metric: "  per event", value: Double(growth) / Double(n), unit: "bytes/event", reference: "—"))
            rows.append(Row(workload: "MEM", metric: "  peak RSS of that process", value: Double(peak) / mib, unit: "MiB", reference: "VmHWM"))
        }
        return rows
    }
}

/// The child side of MEM: fills an emitter with 10^6 demo-like events and prints
/// `rss_before rss_after peak count` in bytes.
enum MemoryChild {
    static let flag = "--memory-child"

    static func run(_ what: String) {
        let n = 1_000_000
        let emitter = EventEmitter(nodeID: "node-1", formationID: "squad-1", storeLimits: StoreLimits(capacity: 2 * n))
        FrameBench.fill(emitter, queued: 10, stored: 10)  // code paths and small tables warm
        let before = ProcessMemory.current()!
        if what == "stored" { FrameBench.fill(emitter, queued: 0, stored: n) }
        else { FrameBench.fill(emitter, queued: n, stored: 0) }
        let after = ProcessMemory.current()!
        let count = what == "stored" ? emitter.localCount - 10 : emitter.pendingCount - 10
        print(before.residentBytes, after.residentBytes, after.peakResidentBytes, count)
    }
}
