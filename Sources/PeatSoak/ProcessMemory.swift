import Console
import LocalNode
import PeatDemo
import PeatEvents
import Foundation

/// The process's memory as Linux reports it in `/proc/self/status`.
public struct ProcessMemory: Sendable, Equatable {
    /// Resident set size now (`VmRSS`), bytes.
    public var residentBytes: Int
    /// The peak resident set size so far (`VmHWM`), bytes.
    public var peakResidentBytes: Int

    public init(residentBytes: Int, peakResidentBytes: Int) {
        self.residentBytes = residentBytes
        self.peakResidentBytes = peakResidentBytes
    }

    /// This process's memory now; nil where `/proc/self/status` cannot be read (not Linux).
    public static func current() -> ProcessMemory? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        return parse(status: text)
    }

    /// Reads `VmRSS` and `VmHWM` (given in kB) from the text of a `/proc/<pid>/status` file.
    public static func parse(status text: String) -> ProcessMemory? {
        var rss: Int?
        var hwm: Int?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("VmRSS:") { rss = kilobytes(line) }
            else if line.hasPrefix("VmHWM:") { hwm = kilobytes(line) }
        }
        guard let rss, let hwm else { return nil }
        return ProcessMemory(residentBytes: rss * 1024, peakResidentBytes: hwm * 1024)
    }

    private static func kilobytes(_ line: Substring) -> Int? {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return fields.count >= 2 ? Int(fields[1]) : nil
    }

    /// `812.4 MiB`.
    public static func describe(bytes: Int) -> String {
        let mib = Double(bytes) / 1_048_576
        return mib >= 10 ? String(format: "%.0f MiB", mib) : String(format: "%.1f MiB", mib)
    }
}
