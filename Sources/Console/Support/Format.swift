import Foundation

/// Text formatting shared by the views: durations, ISO-8601 time, payload text or hex.
public enum Format {
    /// A compact age, one unit: "0s", "12s", "3m", "5h", "2d".
    public static func age(_ seconds: Int64) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" }
        if s < 86400 { return "\(s / 3600)h" }
        return "\(s / 86400)d"
    }

    /// A duration with two units where it helps: "42s", "4m58s", "1h00m", "3d04h".
    public static func duration(_ seconds: Int64) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" + twoDigits(s % 60) + "s" }
        if s < 86400 { return "\(s / 3600)h" + twoDigits((s % 3600) / 60) + "m" }
        return "\(s / 86400)d" + twoDigits((s % 86400) / 3600) + "h"
    }

    private static func twoDigits(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// `seconds`/`nanos` since the Unix epoch as ISO-8601 UTC, e.g. "2025-01-01T00:00:07.250Z"
    /// (milliseconds shown only when not zero).
    public static func iso8601(seconds: UInt64, nanos: UInt32) -> String {
        let days = Int64(seconds / 86400)
        let rest = Int64(seconds % 86400)
        let (y, m, d) = civilDate(daysSinceEpoch: days)
        var s = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(rest / 3600, 2)):\(pad((rest % 3600) / 60, 2)):\(pad(rest % 60, 2))"
        if nanos > 0 { s += "." + pad(Int64(nanos / 1_000_000), 3) }
        return s + "Z"
    }

    private static func pad(_ n: Int64, _ width: Int) -> String {
        let t = String(n)
        return t.count >= width ? t : String(repeating: "0", count: width - t.count) + t
    }

    /// Proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
    static func civilDate(daysSinceEpoch z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The payload as text when it is valid UTF-8 made of printable characters (tabs and
    /// newlines allowed), else nil.
    public static func printableText(_ data: Data) -> String? {
        guard let s = String(data: data, encoding: .utf8) else { return nil }
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v == 0x09 || v == 0x0A || v == 0x0D { continue }
            if v < 0x20 || (v >= 0x7F && v < 0xA0) { return nil }
        }
        return s
    }

    /// A classic hex dump: offset, 16 bytes in hex, and their ASCII, one line per 16 bytes.
    public static func hexDump(_ data: Data, bytesPerLine: Int = 16) -> [String] {
        let bytes = [UInt8](data)
        let n = max(1, bytesPerLine)
        var lines: [String] = []
        var offset = 0
        while offset < bytes.count {
            let chunk = bytes[offset..<min(offset + n, bytes.count)]
            var hex = chunk.map { hexByte($0) }.joined(separator: " ")
            hex += String(repeating: " ", count: (n - chunk.count) * 3)
            let ascii = String(chunk.map { $0 >= 0x20 && $0 < 0x7F ? Character(UnicodeScalar($0)) : "." })
            lines.append(hexOffset(offset) + "  " + hex + "  " + ascii)
            offset += n
        }
        return lines
    }

    private static let digits = Array("0123456789abcdef")
    private static func hexByte(_ b: UInt8) -> String { String([digits[Int(b >> 4)], digits[Int(b & 15)]]) }
    private static func hexOffset(_ n: Int) -> String {
        var s = String(n, radix: 16)
        while s.count < 4 { s = "0" + s }
        return s
    }

    /// A rate with one decimal, "0.0" … "999.9", then whole numbers.
    public static func rate(_ r: Double) -> String {
        let v = r.isNaN ? 0 : max(0, r)
        if v >= 1000 { return Names.count(Int(saturating: v)) }
        let tenths = Int(saturating: v * 10)
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// A byte count in SI units, one decimal below 100: "950 B", "3.2 kB", "123 kB", "1.0 MB".
    public static func bytes(_ n: Int) -> String {
        let v = Double(max(0, n))
        if v < 1000 { return "\(max(0, n)) B" }
        for (unit, scale) in [("kB", 1e3), ("MB", 1e6), ("GB", 1e9)] where v < scale * 1000 - scale / 2 {
            let units = v / scale
            if units < 99.95 {
                let tenths = Int(saturating: units * 10)
                return "\(tenths / 10).\(tenths % 10) \(unit)"
            }
            return "\(Int(saturating: units)) \(unit)"
        }
        return "\(Int(saturating: v / 1e12)) TB"
    }

    /// A share 0…1 as a whole percentage, "50%".
    public static func percent(_ share: Double) -> String {
        "\(Int(saturating: (share.isNaN ? 0 : max(0, min(1, share))) * 100))%"
    }
}
