/// What a queue's scheduler has done, for an operator to read.
public struct SchedulerStats: Hashable, Sendable {
    /// Events popped per level, CRITICAL…LOW, over the queue's life.
    public var served: [Int] = [0, 0, 0, 0]
    /// Target share of HIGH, NORMAL, LOW (e.g. 0.50, 0.35, 0.15).
    public var targetShare: [Double] = ShareWeights.standard.fractions
    /// Achieved share of HIGH, NORMAL, LOW over the whole run (zeros before anything is served).
    public var achievedShare: [Double] = [0, 0, 0]
    /// Achieved share of HIGH, NORMAL, LOW over the last `recentWindow` non-critical pops.
    public var recentShare: [Double] = [0, 0, 0]
    /// Weighted pops that returned fewer events than asked while events were pending.
    public var shortPops: Int = 0
    /// LOW events served while HIGH events were waiting. Under `.reference` stepped one at a
    /// time this is the starvation SPEC.md describes; under `.fair` it counts LOW's entitled
    /// share (15% by default) served while HIGH is backlogged, so compare it with `served[3]`.
    public var inversions: Int = 0
    /// Weighted pop calls made.
    public var weightedPops: Int = 0

    /// The size of the window behind `recentShare`.
    public static let recentWindow = 200

    /// Empty statistics (nothing served).
    public init() {}
}
