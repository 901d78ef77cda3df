import ArgumentParser
import Console
import LocalNode
import PeatSoak
import Foundation
import PeatEvents

/// `peat-console soak`: the demo generator at a high rate into the core with the console
/// rendering, for a while; reports counts and memory, and fails when memory keeps growing.
struct SoakCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soak",
        abstract: "Run the console under load (demo events at --rate) and check that memory stays bounded.",
        discussion: """
            The demo scenario's events, time-compressed to --rate, go into the console as a live \
            stream does; auto-drain pops at --link-rate onto the modelled link (1024 bytes/s per \
            event/s, bounded queues of 4 pops per level), TTL expiry runs after every tick, the store \
            holds at most --store-capacity events, and the console renders into an in-memory \
            120x40 screen. RSS is sampled every 0.25 s.

            Exit status 1 when memory grows without bound: after warm-up (a third of the run, or \
            later if the store only then reached its capacity or expired its first event), the \
            lowest RSS of the last quarter may exceed the highest RSS of the first quarter by at \
            most max(32 MiB, 10 %). Also 1 when an event is unaccounted for.

            Example: peat-console soak --duration 60 --rate 100000 --store-capacity 200000
            """
    )

    @Option(help: "Seconds to run.")
    var duration: Double = 60

    @Option(help: "Events generated per second.")
    var rate: Int = 100_000

    @Option(help: "Seed of the demo generator.")
    var seed: UInt64 = 1

    @Option(name: .customLong("store-capacity"), help: "Local store capacity, events (oldest evicted beyond it).")
    var storeCapacity: Int = StoreLimits.defaultCapacity

    @Option(name: .customLong("link-rate"), help: "Events per second auto-drain pops (default: --rate).")
    var linkRate: Int?

    @Option(help: "Give every event this TTL in seconds instead of the demo's (300 s products, 3600 s telemetry).")
    var ttl: UInt32?

    @Option(name: .customLong("refresh-ms"), help: "The console's tick, milliseconds.")
    var refreshMs: Int = 100

    @Flag(name: .customLong("no-limits"), help: .hidden)
    var noLimits = false

    func validate() throws {
        guard duration > 0, duration <= 7 * 86_400 else {
            throw ValidationError("--duration must be more than 0 and at most 604800 seconds (a week) (got \(duration))")
        }
        guard (1...10_000_000).contains(rate) else { throw ValidationError("--rate must be between 1 and 10000000 events/s (got \(rate))") }
        guard storeCapacity >= 1 else { throw ValidationError("--store-capacity must be at least 1 (got \(storeCapacity))") }
        if let linkRate, !(0...10_000_000).contains(linkRate) {
            throw ValidationError("--link-rate must be between 0 and 10000000 events/s (got \(linkRate))")
        }
        guard (10...10_000).contains(refreshMs) else { throw ValidationError("--refresh-ms must be between 10 and 10000 (got \(refreshMs))") }
    }

    func run() throws {
        var c = SoakConfiguration()
        c.duration = duration
        c.rate = rate
        c.seed = seed
        c.storeCapacity = storeCapacity
        c.linkRate = linkRate
        c.ttlSeconds = ttl
        c.refreshMs = refreshMs
        c.limitsDisabled = noLimits
        let ttlText = noLimits ? "none (limits off)" : ttl.map { "\($0) s" } ?? "demo's"
        let capacityText = noLimits ? "unlimited" : SoakFormat.count(storeCapacity)
        say("soak: \(SoakFormat.seconds(duration)) at \(SoakFormat.count(rate)) events/s, seed \(seed), store capacity \(capacityText), link \(SoakFormat.count(c.effectiveLinkRate)) events/s, TTL \(ttlText)")
        let report = SoakRunner.run(c) { p in
            say("  t=\(SoakFormat.seconds(p.time))  generated \(SoakFormat.count(p.generated))  popped \(SoakFormat.count(p.popped))  queued \(SoakFormat.count(p.queued))  stored \(SoakFormat.count(p.stored))  on link \(SoakFormat.count(p.linkQueued))  RSS \(ProcessMemory.describe(bytes: p.residentBytes))")
        }
        say(SoakFormat.report(report))
        if !report.passed {
            var reasons: [String] = []
            if !report.memory.passed { reasons.append(report.memory.message) }
            if !report.accountingHolds { reasons.append("events unaccounted for: in \(report.ingested) ≠ out + queued + stored + evicted + expired, generated \(report.generated) ≠ in + rejected, or out ≠ link sent + dropped + held") }
            FileHandle.standardError.write(Data("soak FAILED: \(reasons.joined(separator: "; "))\n".utf8))
            throw ExitCode(1)
        }
        say("soak PASSED")
    }

    /// Writes `line` to standard output at once (progress must show while the run goes on).
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
