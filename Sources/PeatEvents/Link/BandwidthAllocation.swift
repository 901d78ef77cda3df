/// How a link of `totalBytesPerSecond` is split between the four levels (SPEC.md
/// "Transmitter"): CRITICAL reserved 10%; of the other 90%, HIGH 50%, NORMAL 35%, LOW 15%.
///
/// Integer bytes per second, rounded down, with every remainder given to LOW so the four
/// rates always add up to the link: `critical = total·10/100`, `rest = total − critical`,
/// `high = rest·50/100`, `normal = rest·35/100`, `low = rest − high − normal`.
/// For 1,000 B/s: 100 / 450 / 315 / 135. For 999 B/s: 99 / 450 / 315 / 135.
public struct BandwidthAllocation: Hashable, Sendable, CustomStringConvertible {
    /// The link's capacity in bytes per second.
    public let totalBytesPerSecond: Int
    /// Bytes per second per level, CRITICAL, HIGH, NORMAL, LOW.
    public let rates: [Int]

    /// Splits a link of `totalBytesPerSecond` (negative is taken as 0).
    public init(totalBytesPerSecond: Int) {
        let total = Swift.max(0, totalBytesPerSecond)
        self.totalBytesPerSecond = total
        let critical = Self.percent(total, 10)
        let rest = total - critical
        let high = Self.percent(rest, 50)
        let normal = Self.percent(rest, 35)
        rates = [critical, high, normal, rest - high - normal]
    }

    /// Bytes per second of `level`.
    public func rate(of level: PriorityLevel) -> Int { rates[level.rawValue] }

    /// `"1000 B/s: 100/450/315/135"`.
    public var description: String {
        "\(totalBytesPerSecond) B/s: " + rates.map(String.init).joined(separator: "/")
    }

    /// `x·p/100` rounded down, without overflow.
    static func percent(_ x: Int, _ p: Int) -> Int { (x / 100) * p + (x % 100) * p / 100 }
}
