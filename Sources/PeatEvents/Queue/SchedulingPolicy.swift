/// Relative shares of HIGH, NORMAL and LOW in a weighted pop (CRITICAL always preempts).
public struct ShareWeights: Hashable, Sendable, CustomStringConvertible {
    /// HIGH's weight.
    public var high: Int
    /// NORMAL's weight.
    public var normal: Int
    /// LOW's weight.
    public var low: Int

    /// Creates weights; each must be positive.
    public init(high: Int, normal: Int, low: Int) {
        precondition(high > 0 && normal > 0 && low > 0, "share weights must be positive")
        self.high = high
        self.normal = normal
        self.low = low
    }

    /// The design record's 50 / 35 / 15.
    public static let standard = ShareWeights(high: 50, normal: 35, low: 15)

    /// The weights as an array indexed HIGH, NORMAL, LOW.
    public var values: [Int] { [high, normal, low] }

    /// Sum of the three weights.
    public var total: Int { high + normal + low }

    /// The target fraction for HIGH, NORMAL, LOW.
    public var fractions: [Double] { values.map { Double($0) / Double(total) } }

    /// `"50/35/15"`.
    public var description: String { "\(high)/\(normal)/\(low)" }
}

/// How a queue shares a weighted pop between HIGH, NORMAL and LOW.
///
/// - `.reference`: the Peat node's scheduler as it is, byte-for-byte, defects included
///   (SPEC.md "Priority queue").
/// - `.fair`: the design record's intent — CRITICAL first, then HIGH/NORMAL/LOW by weight,
///   work-conserving, FIFO per level, within one event of the exact share at any step size.
public struct SchedulingPolicy: Hashable, Sendable, CustomStringConvertible {
    /// Which algorithm.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case reference, fair
    }

    /// What a share counts.
    public enum Cost: String, Hashable, Sendable, CaseIterable {
        /// Every event counts one (smooth weighted round-robin).
        case events
        /// An event counts its protobuf encoded size (worst-case fair weighted fair queueing
        /// over bytes: each level's bytes stay within one event size of its exact share).
        case encodedBytes
    }

    /// Which algorithm.
    public let kind: Kind
    /// The shares of HIGH, NORMAL, LOW (the reference always uses the standard 50/35/15).
    public let weights: ShareWeights
    /// What a share counts (fair only).
    public let cost: Cost

    private init(kind: Kind, weights: ShareWeights, cost: Cost) {
        self.kind = kind
        self.weights = weights
        self.cost = cost
    }

    /// The reference scheduler (fixed 50/35 integer split, LOW takes the rest).
    public static let reference = SchedulingPolicy(kind: .reference, weights: .standard, cost: .events)

    /// The fair scheduler with the standard 50/35/15 weights, counting events.
    public static let fair = SchedulingPolicy(kind: .fair, weights: .standard, cost: .events)

    /// A fair scheduler with other weights, or counting encoded bytes.
    public static func fair(weights: ShareWeights = .standard, cost: Cost = .events) -> SchedulingPolicy {
        SchedulingPolicy(kind: .fair, weights: weights, cost: cost)
    }

    /// `"reference"`, `"fair"`, or e.g. `"fair 60/30/10 bytes"` when not the default.
    public var description: String {
        guard kind == .fair, weights != .standard || cost != .events else { return kind.rawValue }
        return "fair \(weights)" + (cost == .encodedBytes ? " bytes" : "")
    }

    /// The policies that have a name (for command lines and configuration), in that order.
    public static let named: [(name: String, policy: SchedulingPolicy)] = [
        ("reference", .reference),
        ("fair", .fair),
        ("fair-bytes", .fair(cost: .encodedBytes)),
    ]

    /// Parses a name of `named` (case-insensitive): `reference`, `fair`, `fair-bytes`.
    public init?(name: String) {
        let key = name.lowercased()
        guard let match = Self.named.first(where: { $0.name == key }) else { return nil }
        self = match.policy
    }
}
