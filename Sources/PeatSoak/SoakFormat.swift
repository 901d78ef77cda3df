import Foundation
import Console
import LocalNode
import PeatDemo
import PeatEvents

/// The soak report as text.
public enum SoakFormat {
    /// `1,234,567`.
    public static func count(_ n: Int) -> String { StreamStatus.grouped(n) }

    /// `12.5 s`.
    public static func seconds(_ t: Double) -> String { String(format: "%.1f s", t) }

    /// The report as an aligned list, then RSS samples about every `sampleStep` seconds.
    public static func report(_ r: SoakReport, sampleStep: Double = 5) -> String {
        let mib = ProcessMemory.describe(bytes:)
        var rows: [(String, String)] = [
            ("elapsed", "\(seconds(r.elapsed))  (--duration \(seconds(r.configuration.duration)))"),
            ("generated", "\(count(r.generated))  (\(count(Int(saturating: r.achievedRate))) events/s achieved, target \(count(r.configuration.rate)))"),
            ("in (emitted)", count(r.ingested) + (r.rejected > 0 ? "  (\(count(r.rejected)) rejected)" : "")),
            ("out (popped)", count(r.popped)),
            ("  link sent/dropped/held", "\(count(r.linkSent)) / \(count(r.linkDropped)) / \(count(r.linkQueued))  (modelled link, \(count(r.configuration.effectiveLinkRate * SoakConfiguration.linkBytesPerEvent)) B/s, bounded queues)"),
            ("queued at end", count(r.queued)),
            ("stored at end", count(r.stored) + (r.reachedCapacity ? "  (capacity \(count(r.configuration.storeLimits.capacity)), reached: evicting)" : "")),
            ("dropped (evicted)", count(r.evicted)),
            ("expired (TTL)", count(r.expired)),
            ("frames rendered", "\(count(r.frames))  (render+diff+draw mean \(String(format: "%.2f", r.frameMean * 1000)) ms, max \(String(format: "%.2f", r.frameMax * 1000)) ms, \(count(r.cellsDrawn)) cells drawn)"),
            ("generator held back", r.heldBack == 0 ? "never (the console kept up)"
                : "\(count(r.heldBack)) times, \(seconds(r.heldBackSeconds)) in all (the console had two ticks' worth not yet taken in)"),
            ("peak RSS", "\(mib(max(r.peakResidentBytes, r.highestSample)))  (VmHWM: the process's true peak, between samples too; highest sample \(mib(r.highestSample)))"),
            ("accounting", r.accountingHolds ? "in = out + queued + stored + evicted + expired; out = link sent + dropped + held" : "MISMATCH"),
        ]
        if r.achievedRate < 0.95 * Double(r.configuration.rate) {
            rows.append(("warning", "achieved rate below 95 % of the target (machine busy?)"))
        }
        let width = rows.map(\.0.count).max() ?? 0
        var lines = rows.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
        var shown: [String] = []
        var next = 0.0
        for s in r.samples where s.time >= next || s == r.samples.last {
            shown.append("\(String(format: "%.0f", s.time))s \(mib(s.residentBytes))")
            next = s.time + sampleStep
        }
        lines.append("  RSS samples: " + shown.joined(separator: ", "))
        lines.append("  memory: " + r.memory.message)
        return lines.joined(separator: "\n")
    }
}
