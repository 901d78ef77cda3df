import PeatEvents

/// The scheduler's shares as an operator should read them: counted only over the steps in
/// which a level had a backlog, against what it was entitled to in those steps.
///
/// In a step, the HIGH/NORMAL/LOW events served are shared out by weight among the levels that
/// had events waiting, each level taking at most what it had (max-min fair, water-filling):
/// that is the step's *entitlement*. A level's achieved share is what it got over the steps in
/// which it had a backlog, as a fraction of all served in those steps; its target is its
/// entitlement over the same steps. A level *waits beyond its share* when what it got falls
/// behind what it was entitled to (over its current backlog) by more than `tolerance` events;
/// a step that served a lower level meanwhile is an *inversion*. So the fair scheduler's
/// rightful LOW while HIGH is backlogged is not one, and the reference's LOW served at batch 1
/// while HIGH starves is.
///
/// Computed in the model from what the node reports with each pop (`PopResult.pendingByLevel`),
/// so a remote node gets it too.
public struct DemandShares: Equatable, Sendable {
    /// Per level HIGH, NORMAL, LOW, over the steps in which the level had a backlog: events it
    /// got, events it was entitled to, and all HIGH/NORMAL/LOW events served in those steps.
    public var got: [Double] = [0, 0, 0]
    public var entitled: [Double] = [0, 0, 0]
    public var servedWhileBacklogged: [Double] = [0, 0, 0]
    /// The same over the last `recentSteps` steps.
    var recent: [Contribution] = []
    /// Entitled minus got, per level, over the level's current backlog (reset when it empties).
    public var behind: [Double] = [0, 0, 0]
    /// Steps that served a lower level while a higher one waited beyond its share.
    public var inversions = 0
    /// Steps that reported their backlog (the rest are not counted).
    public var steps = 0

    /// A level more than this many events behind its entitlement waits beyond its share
    /// (the fair scheduler keeps every level within one event).
    public static let tolerance = 1.5
    /// Steps behind the "recent" shares.
    public static let recentSteps = 50

    struct Contribution: Equatable, Sendable {
        var got: [Double]
        var entitled: [Double]
        var served: [Double]
    }

    public init() {}

    /// What one step did, as far as the shares are concerned.
    public struct StepVerdict: Equatable, Sendable {
        /// The highest level (HIGH…LOW, or CRITICAL) that had events waiting, was not served at
        /// all in the step while a lower one was (or while the step came back short), and how
        /// many it had waiting.
        public var skipped: (level: PriorityLevel, waiting: Int)? {
            get { skippedLevel.map { ($0, skippedWaiting) } }
            set { skippedLevel = newValue?.level; skippedWaiting = newValue?.waiting ?? 0 }
        }
        public var skippedLevel: PriorityLevel?
        public var skippedWaiting = 0
        /// The step served a lower level while a higher one waited beyond its share.
        public var inversion = false

        public init() {}
    }

    /// Folds one step: `pending` per level CRITICAL…LOW before the pop, `levels` served in
    /// pop order, `weights` the target fractions of HIGH, NORMAL, LOW.
    public mutating func fold(pending: [Int], levels: [PriorityLevel], got gotCount: Int, asked: Int, weights: [Double]) -> StepVerdict {
        var verdict = StepVerdict()
        guard pending.count == 4 else { return verdict }
        steps += 1
        var served = [0, 0, 0, 0]
        for l in levels { served[l.rawValue] += 1 }
        // The step's entitlement: the H/N/L events served, shared by weight among the backlogged
        // levels, none getting more than it had.
        let n = Double(served[1] + served[2] + served[3])
        var share = [0.0, 0.0, 0.0]
        var active = (0..<3).filter { pending[$0 + 1] > 0 }
        var remaining = n
        while !active.isEmpty, remaining > 1e-9 {
            let w = active.reduce(0.0) { $0 + (weights[safe: $1] ?? 0) }
            guard w > 0 else { break }
            let capped = active.filter { Double(pending[$0 + 1]) - share[$0] <= remaining * (weights[safe: $0] ?? 0) / w }
            if capped.isEmpty {
                for i in active { share[i] += remaining * (weights[safe: i] ?? 0) / w }
                remaining = 0
            } else {
                for i in capped {
                    let give = Double(pending[i + 1]) - share[i]
                    share[i] += give
                    remaining -= give
                }
                active.removeAll { capped.contains($0) }
            }
        }
        var c = Contribution(got: [0, 0, 0], entitled: [0, 0, 0], served: [0, 0, 0])
        for i in 0..<3 where pending[i + 1] > 0 {
            c.got[i] = Double(served[i + 1])
            c.entitled[i] = share[i]
            c.served[i] = n
            behind[i] += share[i] - Double(served[i + 1])
            // Credit is not banked beyond one event: a level served ahead while others were
            // idle has no claim on later steps.
            behind[i] = Swift.max(behind[i], -1)
            if pending[i + 1] - served[i + 1] <= 0 { behind[i] = 0 }  // backlog cleared
        }
        for i in 0..<3 where pending[i + 1] == 0 { behind[i] = 0 }
        for i in 0..<3 {
            got[i] += c.got[i]
            entitled[i] += c.entitled[i]
            servedWhileBacklogged[i] += c.served[i]
        }
        recent.append(c)
        if recent.count > DemandShares.recentSteps { recent.removeFirst(recent.count - DemandShares.recentSteps) }

        // A waiting level skipped: the highest one left out while a lower one was served (or
        // while the step came back short).
        let lowestServed = (0..<4).last { served[$0] > 0 }
        let short = gotCount < Swift.min(asked, pending.reduce(0, +))
        for l in 0..<4 where pending[l] > 0 && served[l] == 0 {
            if (lowestServed.map { $0 > l } ?? false) || short {
                verdict.skipped = (PriorityLevel(rawValue: l)!, pending[l])
                break
            }
        }
        // An inversion: a lower level served while a higher one still waits beyond its share
        // (CRITICAL always preempts: any wait of it behind another level is one).
        for l in 0..<4 where pending[l] > served[l] {
            let beyond = l == 0 ? true : behind[l - 1] > DemandShares.tolerance
            if beyond, ((l + 1)..<4).contains(where: { served[$0] > 0 }) {
                verdict.inversion = true
                break
            }
        }
        if verdict.inversion { inversions += 1 }
        return verdict
    }

    /// Achieved share of HIGH, NORMAL, LOW over the steps each had a backlog (0 when none).
    public var achieved: [Double] { (0..<3).map { servedWhileBacklogged[$0] > 0 ? got[$0] / servedWhileBacklogged[$0] : 0 } }
    /// Entitled share over the same steps.
    public var target: [Double] { (0..<3).map { servedWhileBacklogged[$0] > 0 ? entitled[$0] / servedWhileBacklogged[$0] : 0 } }
    /// Achieved and entitled shares over the last `recentSteps` steps.
    public var recentAchieved: [Double] { recentShares(\.got) }
    public var recentTarget: [Double] { recentShares(\.entitled) }

    private func recentShares(_ field: KeyPath<Contribution, [Double]>) -> [Double] {
        (0..<3).map { i in
            let d = recent.reduce(0.0) { $0 + $1.served[i] }
            return d > 0 ? recent.reduce(0.0) { $0 + $1[keyPath: field][i] } / d : 0
        }
    }

    /// A level's share is wrong when it fell more than 5 points below what it was entitled to.
    public static func isShort(_ achieved: [Double], _ target: [Double], _ i: Int) -> Bool {
        (target[safe: i] ?? 0) - (achieved[safe: i] ?? 0) > 0.05
    }
}
