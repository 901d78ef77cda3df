import Foundation
import Console
import LocalNode
import PeatDemo
import PeatEvents
import Synchronization

/// What a soak run did and found.
public struct SoakReport: Sendable {
    public var configuration: SoakConfiguration
    /// Seconds the run lasted.
    public var elapsed: Double
    /// Events the generator made.
    public var generated: Int
    /// Events the emitter accepted (in).
    public var ingested: Int
    /// Events the emitter refused (counted as stream errors).
    public var rejected: Int
    /// Events popped by auto-drain (out, sent over the link).
    public var popped: Int
    /// Events still queued at the end.
    public var queued: Int
    /// Events in the local store at the end.
    public var stored: Int
    /// Stored events evicted to stay within the store's capacity (dropped).
    public var evicted: Int
    /// Stored events removed by TTL expiry.
    public var expired: Int
    /// Popped events the modelled link sent, dropped or refused (its queues are bounded),
    /// and still holds.
    public var linkSent: Int
    public var linkDropped: Int
    public var linkQueued: Int
    /// Frames the console rendered and drew (only changed frames are drawn).
    public var frames: Int
    /// Cells the frames changed on the screen.
    public var cellsDrawn: Int
    /// Mean and longest time of a drawn frame (snapshot already taken: render + diff + draw), seconds.
    public var frameMean: Double
    public var frameMax: Double
    /// Times the generator had to wait because the console had not yet taken in what it was
    /// given (back-pressure), and the seconds it waited in all.
    public var heldBack: Int
    public var heldBackSeconds: Double = 0
    /// RSS over the run, oldest first.
    public var samples: [MemorySample]
    /// The process's true peak RSS (`VmHWM`) at the end, bytes: it also counts peaks between
    /// samples, and anything before the run in this process.
    public var peakResidentBytes: Int
    /// The growth check's verdict.
    public var memory: MemoryGrowthCheck.Verdict
    /// The screen as the console last drew it.
    public var screen: String

    /// Events generated per second.
    public var achievedRate: Double { elapsed > 0 ? Double(generated) / elapsed : 0 }

    /// The highest RSS sample, bytes (0 without samples).
    public var highestSample: Int { samples.map(\.residentBytes).max() ?? 0 }

    /// The store reached its capacity: it evicted events.
    public var reachedCapacity: Bool { evicted > 0 }

    /// Every event accepted is accounted for: popped, still queued, stored, evicted or expired.
    public var accountingHolds: Bool {
        ingested == popped + queued + stored + evicted + expired && generated == ingested + rejected
            && popped == linkSent + linkDropped + linkQueued
    }

    /// Memory stayed bounded and every event is accounted for.
    public var passed: Bool { memory.passed && accountingHolds }
}

/// A line of progress while a soak runs.
public struct SoakProgress: Sendable {
    public var time: Double
    public var generated: Int
    public var popped: Int
    public var queued: Int
    public var stored: Int
    /// Popped events waiting on the modelled link.
    public var linkQueued: Int
    public var residentBytes: Int
}

/// Runs the console under load: a generator thread makes the demo scenario's events at the
/// configured rate and posts them to the console's inbox as live-stream deliveries (the path
/// `--source` uses); the main loop is the console's own (`ConsoleApp.wake` + `present`, a
/// tick every `refreshMs`) drawing into an in-memory screen, with auto-drain popping at the
/// link rate and `expireLocal` after every wake-up; a sampler thread records RSS.
public enum SoakRunner {
    /// Runs `configuration`, calling `progress` (on the calling thread) about every
    /// `progressInterval` seconds.
    public static func run(_ configuration: SoakConfiguration, check: MemoryGrowthCheck = MemoryGrowthCheck(),
                           progressInterval: Double = 5,
                           progress: ((SoakProgress) -> Void)? = nil) -> SoakReport {
        let c = configuration
        let app = ConsoleApp(options: c.consoleOptions, clock: SystemClock())
        let backend = SoakBackend(size: c.screenSize)
        let started = Monotonic.now()
        let deadline = started + UInt64(max(0, c.duration) * 1e9)
        backend.deadline = deadline
        let control = SoakControl()
        let tickEvents = max(1, Int(Double(c.rate) * Double(c.refreshMs) / 1000))
        control.capacity.store(min(tickEvents, SoakRunner.initialCapacity), ordering: .relaxed)

        let generatorDone = DispatchSemaphore(value: 0)
        let generator = Thread { [inbox = app.inbox] in
            Self.generate(c, into: inbox, started: started, deadline: deadline, control: control)
            generatorDone.signal()
        }
        let samplerDone = DispatchSemaphore(value: 0)
        let sampler = Thread {
            Self.sample(c, started: started, deadline: deadline, control: control)
            samplerDone.signal()
        }

        app.begin(on: backend)
        app.present(on: backend)
        generator.start()
        sampler.start()

        var frames = 0
        var frameTotal = 0.0
        var frameMax = 0.0
        var nextProgress = progressInterval
        var takenBefore = 0
        while Monotonic.now() < deadline {
            let w0 = Monotonic.now()
            backend.slept = 0
            app.wake(on: backend)  // the tick's advance runs TTL expiry, as in the live console
            // What the console has taken in, and how fast it takes events in when busy: the
            // generator keeps no more ahead than it takes in two ticks, so the run ends on time.
            let taken = app.state.core.emitted + (app.state.core.stream?.errors.total ?? 0)
            control.taken.store(taken, ordering: .relaxed)
            let busy = Monotonic.seconds(Monotonic.now() - w0) - backend.slept
            if taken - takenBefore >= 100, busy > 0 {
                let perTick = Double(taken - takenBefore) / busy * Double(c.refreshMs) / 1000
                control.capacity.store(max(SoakRunner.minimumCapacity, min(tickEvents, Int(perTick))), ordering: .relaxed)
            }
            takenBefore = taken
            control.publish(app.state.core)
            let t0 = Monotonic.now()
            if app.present(on: backend) {
                let dt = Monotonic.seconds(Monotonic.now() - t0)
                frames += 1
                frameTotal += dt
                frameMax = max(frameMax, dt)
            }
            let t = Monotonic.seconds(Monotonic.now() - started)
            if let progress, t >= nextProgress {
                nextProgress += progressInterval
                progress(SoakProgress(time: t, generated: control.generated.load(ordering: .relaxed),
                                      popped: app.state.core.popped, queued: app.state.core.pending,
                                      stored: app.state.core.localCount, linkQueued: app.state.core.link.queued.reduce(0, +),
                                      residentBytes: ProcessMemory.current()?.residentBytes ?? 0))
            }
        }
        control.stop.store(true, ordering: .relaxed)
        generatorDone.wait()
        samplerDone.wait()
        // Deliveries posted after the last wake-up are still taken in, so every event counts
        // (at most two ticks' worth: the generator stays no further ahead), and counted in the
        // run's time.
        for action in app.inbox.drain() { app.dispatch(action) }
        let elapsed = Monotonic.seconds(Monotonic.now() - started)

        let core = app.state.core
        let samples = control.samples.withLock { $0 }
        return SoakReport(
            configuration: c, elapsed: elapsed,
            generated: control.generated.load(ordering: .relaxed),
            ingested: core.emitted, rejected: core.stream?.errors.total ?? 0,
            popped: core.popped, queued: core.pending, stored: core.localCount,
            evicted: core.evictedCount, expired: core.expiredCount,
            linkSent: core.link.stats.reduce(0) { $0 + $1.transmitted },
            linkDropped: core.link.stats.reduce(0) { $0 + $1.dropped + $1.rejected },
            linkQueued: core.link.queued.reduce(0, +),
            frames: frames, cellsDrawn: backend.screen.cellsDrawn,
            frameMean: frames > 0 ? frameTotal / Double(frames) : 0, frameMax: frameMax,
            heldBack: control.heldBack.load(ordering: .relaxed),
            heldBackSeconds: Monotonic.seconds(UInt64(control.heldBackNanos.load(ordering: .relaxed))),
            samples: samples,
            peakResidentBytes: ProcessMemory.current()?.peakResidentBytes ?? 0,
            memory: check.judge(samples, evicted: core.evictedCount, expired: core.expiredCount),
            screen: backend.screen.screen.text)
    }

    /// Events the generator may be ahead of the console before its speed is measured.
    static let initialCapacity = 10_000
    /// The least it may be ahead.
    static let minimumCapacity = 1_000
    /// Ticks' worth the generator may be ahead: the batch the console is taking in and the
    /// next one. With one, the next batch could only be made once the console had taken in
    /// the last, by which time the console had found its inbox empty and slept a whole tick:
    /// every tick then cost a tick plus the console's work plus the generator's, and the run
    /// measured that hand-over rather than how fast the console takes events in.
    static let ticksAhead = 2

    /// The generator thread: keeps `generated` at `rate × elapsed`, in batches of at most what
    /// the console takes in a tick (measured, at most `rate × tick`), holding back while the
    /// console has more events not yet taken in than it takes in two ticks
    /// (`ticksAhead`). So the console never has more than two ticks of work to catch up on,
    /// and the run ends on time however slow it is; each wait is counted.
    private static func generate(_ c: SoakConfiguration, into inbox: Inbox, started: UInt64, deadline: UInt64,
                                 control: SoakControl) {
        var source = DemoEventSource(seed: c.seed, idPrefix: "node-1-soak-", ttlSeconds: c.effectiveTTL)
        let clock = SystemClock()
        var status = StreamStatus(label: "soak")
        status.phase = .receiving
        let period = c.generatorTick ?? Double(c.refreshMs) / 1000
        let tick = useconds_t(max(100, period * 1e6))
        var generated = 0
        var holdingSince: UInt64?
        while !control.stop.load(ordering: .relaxed) {
            let now = Monotonic.now()
            guard now < deadline else { break }
            let due = Int(Double(c.rate) * Monotonic.seconds(now - started)) - generated
            guard due > 0 else { usleep(tick); continue }
            let ahead = generated - control.taken.load(ordering: .relaxed)
            let perTick = control.capacity.load(ordering: .relaxed)
            let maxAhead = perTick * SoakRunner.ticksAhead
            if ahead >= maxAhead || inbox.count > c.inboxLimit {
                if holdingSince == nil {
                    holdingSince = now
                    control.heldBack.add(1, ordering: .relaxed)
                }
                usleep(1_000)
                continue
            }
            if let since = holdingSince {
                control.heldBackNanos.add(Int(now - since), ordering: .relaxed)
                holdingSince = nil
            }
            let n = min(due, perTick, maxAhead - ahead)
            let records = source.records(n, at: clock.now())
            inbox.post(.stream(StreamDelivery(source: "soak", records: records, status: status)))
            generated += n
            control.generated.store(generated, ordering: .relaxed)
        }
        if let since = holdingSince {
            control.heldBackNanos.add(Int(Monotonic.now() - since), ordering: .relaxed)
        }
    }

    /// The sampler thread: RSS and the store's state every `sampleInterval`.
    private static func sample(_ c: SoakConfiguration, started: UInt64, deadline: UInt64,
                               control: SoakControl) {
        let interval = max(0.01, c.sampleInterval)
        var next = started
        while !control.stop.load(ordering: .relaxed) {
            let now = Monotonic.now()
            if now >= next {
                if let m = ProcessMemory.current() {
                    let node = control.node.withLock { $0 }
                    let s = MemorySample(time: Monotonic.seconds(now - started), residentBytes: m.residentBytes,
                                         stored: node.stored, queued: node.queued,
                                         storeBounded: node.removed > 0)
                    control.samples.withLock { $0.append(s) }
                }
                next += UInt64(interval * 1e9)
            }
            guard now < deadline else { break }
            usleep(useconds_t(min(interval, 0.01) * 1e6))
        }
    }
}

/// State shared by the soak's threads.
private final class SoakControl: Sendable {
    let stop = Atomic<Bool>(false)
    let generated = Atomic<Int>(0)
    let heldBack = Atomic<Int>(0)
    let heldBackNanos = Atomic<Int>(0)
    /// Events the console has taken in (emitted or refused), as of its last wake-up.
    let taken = Atomic<Int>(0)
    /// Events the console takes in a tick, as last measured.
    let capacity = Atomic<Int>(0)
    let samples = Mutex<[MemorySample]>([])
    /// The node's figures as the main loop last saw them in its model.
    let node = Mutex<(stored: Int, queued: Int, removed: Int)>((0, 0, 0))

    func publish(_ model: NodeModel) {
        node.withLock { $0 = (model.localCount, model.pending, model.evictedCount + model.expiredCount) }
    }
}

/// The monotonic clock, nanoseconds.
enum Monotonic {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    static func seconds(_ nanos: UInt64) -> Double { Double(nanos) / 1e9 }
}

/// The soak's terminal: an in-memory screen whose input wait sleeps like a terminal's would
/// (no event ever comes), never past the run's end.
final class SoakBackend: TerminalOutput, TerminalInput {
    let screen: MemoryBackend
    var deadline: UInt64 = .max
    /// Seconds spent waiting for keys since last reset.
    var slept = 0.0

    init(size: Size) {
        screen = MemoryBackend(size: size, capabilities: TerminalCapabilities(colors: .xterm256, unicode: true))
    }

    var size: Size { screen.size }
    var capabilities: TerminalCapabilities { screen.capabilities }
    func draw(_ changes: [CellChange]) { screen.draw(changes) }
    func flush() { screen.flush() }
    func invalidate() { screen.invalidate() }

    func nextEvent(timeoutMs: Int) -> TerminalEvent? {
        let now = Monotonic.now()
        guard timeoutMs > 0, now < deadline else { return nil }
        let wait = min(UInt64(timeoutMs) * 1_000_000, deadline - now)
        usleep(useconds_t(wait / 1000))
        slept += Monotonic.seconds(Monotonic.now() - now)
        return nil
    }
}
