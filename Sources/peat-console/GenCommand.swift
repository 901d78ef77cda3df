#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import PeatDemo
import PeatEvents

/// `peat-console gen`: writes a synthetic stream of events to standard output, from the same
/// generator as the console's demo, so a console can be fed from a pipe.
struct GenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen",
        abstract: "Write a synthetic event stream (the demo's generator) to standard output.",
        discussion: """
            Events are those the demo node emits, in the demo's order, with ids <node>-1, <node>-2, and so on. \
            With --rate 0 they are written as fast as possible and stamped with the demo's own clock from \
            --epoch; with a rate they are paced by the wall clock and stamped when written (or 1/rate \
            apart from --epoch, when it is given).

            Example: peat-console gen --rate 200 | peat-console --source -

            \(StreamExitStatus.help)
            """
    )

    /// The generators `gen` knows.
    enum Scenario: String, CaseIterable, ExpressibleByArgument { case demo }

    @Option(help: "Which generator: demo.")
    var scenario: Scenario = .demo

    @Option(help: "Events per second (\(GenCommand.rateRangeText)); 0 writes as fast as possible.")
    var rate: Double = 20

    @Option(help: "Events to write; 0 means no end.")
    var count: Int = 0

    @Option(help: "Framing: jsonl or protobuf.")
    var format: StreamFormat = .jsonl

    @OptionGroup var node: NodeIdentityOptions

    @Option(help: "Timestamp of the first event, seconds since the epoch, any uint64 (default: now); later stamps stop at 18446744073709551615.")
    var epoch: UInt64?

    /// The rates accepted besides 0: slower than one event in 1000 s is no stream, and faster
    /// than 10^7 events/s no console or pipe keeps up with (the pacing arithmetic is exact
    /// well beyond both).
    static let rateRange = 0.001...10_000_000.0
    static let rateRangeText = "0, or 0.001 to 10000000"

    func validate() throws {
        guard rate == 0 || GenCommand.rateRange.contains(rate) else {
            throw ValidationError("--rate must be \(GenCommand.rateRangeText) events/s (got \(rate))")
        }
        guard count >= 0 else { throw ValidationError("--count must be 0 (no end) or positive") }
    }

    func run() throws {
        DescriptorOutput.ignoreBrokenPipes()
        var source = DemoEventSource(seed: node.seed, nodeID: node.nodeID, formationID: node.formationID)
        let firstStamp = epoch ?? SystemClock().now().seconds
        let encoder = EventStreamEncoder(format)
        let out = DescriptorOutput.standardOutput
        let clock = ContinuousClock()
        let start = clock.now
        var written = 0
        var buffer: [UInt8] = []
        while count == 0 || written < count {
            // How many events are due now: all that are left (as fast as possible) or what
            // the wall clock allows at `rate`.
            var due = count == 0 ? 512 : min(512, count - written)
            if rate > 0 {
                let elapsed = start.duration(to: clock.now)
                let allowed = Int(elapsed.seconds * rate) + 1 - written
                if allowed <= 0 {
                    let wait = (Double(written) / rate) - elapsed.seconds
                    usleep(useconds_t(max(1_000, min(100_000, wait * 1_000_000))))
                    continue
                }
                due = min(due, allowed)
            }
            buffer.removeAll(keepingCapacity: true)
            for _ in 0..<due {
                var event = source.next { GenCommand.stamp(firstStamp, plus: $0) }
                if rate > 0 {
                    event.timestamp = epoch.map { GenCommand.stamp($0, plus: Double(written) / rate) }
                        ?? SystemClock().now()
                }
                try encoder.append(event, to: &buffer)
                written += 1
            }
            // The reader going away ends gen quietly; a failed write is an error.
            try DescriptorOutput.check(out.write(buffer), command: "gen")
        }
    }

    /// `epoch` plus `offset` seconds (≥ 0), in integers: the epoch is never rounded through a
    /// Double (which holds 53 bits: 9007199254740993 became …992), and a sum past `UInt64.max`
    /// stays at `UInt64.max` (so `--epoch 18446744073709551615` stamps every event with it).
    static func stamp(_ epoch: UInt64, plus offset: Double) -> PeatTimestamp {
        var t = PeatTimestamp()
        let offset = offset.isFinite ? max(0, offset) : 0
        let whole = offset.rounded(.down)
        // 2^64 as a Double: anything at or past it saturates.
        let seconds = whole < 18_446_744_073_709_551_616.0 ? UInt64(whole) : UInt64.max
        let (sum, overflow) = epoch.addingReportingOverflow(seconds)
        t.seconds = overflow ? .max : sum
        t.nanos = overflow || t.seconds == .max && seconds == .max ? 0 : UInt32(min(999_999_999, (offset - whole) * 1e9))
        return t
    }
}

extension Duration {
    /// This duration in seconds.
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) * 1e-18
    }
}
