import Testing
@testable import PeatEvents

/// The reference queue's behaviour (SPEC.md "Priority queue"), defects included.
@Suite("PriorityEventQueue (.reference)")
struct ReferenceQueueTests {
    @Test func newQueueIsEmpty() {
        let q = PriorityEventQueue()
        #expect(q.isEmpty && q.count == 0 && !q.hasCritical)
        #expect(q.counts == [0, 0, 0, 0])
        #expect(q.policy == .reference)
    }

    @Test func pushFilesByPriority() {
        var q = PriorityEventQueue()
        q.push(event("c", .priorityCritical))
        q.push(event("h", .priorityHigh))
        q.push(event("n1", .priorityNormal))
        q.push(event("n2", .priorityNormal))
        q.push(event("l", .priorityLow))
        var none = event("x")
        none.clearRouting()
        q.push(none)
        var unknown = event("u")
        unknown.routing.priority = .UNRECOGNIZED(7)
        q.push(unknown)
        #expect(q.counts == [1, 1, 4, 1])
        #expect(q.count == 7 && q.count(at: .normal) == 4 && q.hasCritical)
    }

    @Test func popTakesHighestLevelFirstAndFIFOWithin() {
        var q = queue(high: 2, normal: 2, low: 2, critical: 1)
        var order: [String] = []
        while let e = q.pop() { order.append(e.eventID) }
        #expect(order == ["c0", "h0", "h1", "n0", "n1", "l0", "l1"])
        #expect(q.pop() == nil)
    }

    @Test func popCriticalDrainsOnlyCriticalInOrder() {
        var q = queue(high: 1, critical: 3)
        #expect(q.popCritical().map(\.eventID) == ["c0", "c1", "c2"])
        #expect(!q.hasCritical && q.count == 1)
        #expect(q.popCritical().isEmpty)
    }

    @Test func removeAllEmpties() {
        var q = queue(high: 3, normal: 3, low: 3, critical: 3)
        #expect(q.countsByClass == [.product: 12])
        q.removeAll()
        #expect(q.isEmpty && q.counts == [0, 0, 0, 0])
        #expect(q.countsByClass.isEmpty)
    }

    @Test func weightedSplitsFiftyThirtyFiveRest() {
        var q = queue(high: 100, normal: 100, low: 100)
        let out = q.popWeighted(max: 20)
        // high = 10, normal = 7, low = 20 - 10 - 7 = 3
        #expect(shape(out) == String(repeating: "h", count: 10) + String(repeating: "n", count: 7) + "lll")
    }

    @Test func weightedNeverTakesCritical() {
        var q = queue(high: 0, normal: 0, low: 2, critical: 2)
        #expect(shape(q.popWeighted(max: 10)) == "ll")
        #expect(q.count(at: .critical) == 2)
    }

    /// (max, high, normal, low queued) → (h, n, l taken), each worked by hand from the
    /// reference's integer arithmetic.
    @Test(arguments: [
        (10, 100, 100, 100, 5, 3, 2),   // high=5, normal=3, low 2
        (3, 100, 100, 100, 1, 1, 1),    // high=1, normal=1
        (2, 100, 100, 100, 1, 0, 1),    // high=1, normal=0
        (1, 100, 100, 100, 0, 0, 1),    // both allocations round to 0
        (7, 100, 100, 100, 3, 2, 2),    // high=3 (3.5), normal=2 (2.45)
        (100, 100, 100, 100, 50, 35, 15),
        (10, 2, 100, 100, 2, 6, 2),     // HIGH short by 3: NORMAL gets 3 + 3, capped at 8
        (10, 0, 100, 100, 0, 8, 2),     // NORMAL 3 + 5 = 8
        (10, 0, 0, 100, 0, 0, 10),      // only LOW: all of max
        (10, 100, 0, 0, 5, 0, 0),       // only HIGH: 5 of 10 (not work-conserving)
        (1, 100, 0, 0, 0, 0, 0),        // only HIGH, step 1: nothing at all
        (10, 0, 100, 0, 0, 8, 0),       // only NORMAL: 8 of 10
        (10, 100, 0, 100, 5, 0, 5),     // unused NORMAL goes to LOW, never back up
        (0, 5, 5, 5, 0, 0, 0),
    ])
    func weightedArithmetic(_ c: (Int, Int, Int, Int, Int, Int, Int)) {
        let (max, high, normal, low, h, n, l) = c
        var q = queue(high: high, normal: normal, low: low)
        let out = q.popWeighted(max: max)
        #expect(shape(out) == String(repeating: "h", count: h) + String(repeating: "n", count: n) + String(repeating: "l", count: l))
        #expect(q.counts == [0, high - h, normal - n, low - l])
    }

    @Test func hugeMaxDoesNotOverflow() {
        var q = queue(high: 3, normal: 3, low: 3)
        #expect(q.popWeighted(max: Int.max).count == 9)
        #expect(PriorityEventQueue.percent(Int.max, 50) == Int.max / 2)
        #expect(PriorityEventQueue.percent(199, 35) == 199 * 35 / 100)
    }

    @Test func steppingOneAtATimeInvertsPriority() {
        var q = queue(high: 5, low: 5)
        var served = ""
        for _ in 0..<5 { served += shape(q.popWeighted(max: 1)) }
        #expect(served == "lllll")   // LOW served, HIGH starves
        let s = q.statistics
        #expect(s.inversions == 5)
        #expect(s.served == [0, 0, 0, 5])
        #expect(q.count(at: .high) == 5)
    }

    @Test func shortPopsAreCounted() {
        var q = queue(high: 20)
        #expect(q.popWeighted(max: 1).isEmpty)
        #expect(q.popWeighted(max: 10).count == 5)
        var full = queue(high: 5, normal: 5, low: 5)
        #expect(full.popWeighted(max: 10).count == 10)
        #expect(q.statistics.shortPops == 2)
        #expect(full.statistics.shortPops == 0)
        #expect(q.statistics.weightedPops == 2)
    }

    @Test func statisticsShares() {
        var q = queue(high: 100, normal: 100, low: 100)
        _ = q.popWeighted(max: 20)
        let s = q.statistics
        #expect(s.served == [0, 10, 7, 3])
        #expect(s.achievedShare == [0.5, 0.35, 0.15])
        #expect(s.recentShare == [0.5, 0.35, 0.15])
        #expect(s.targetShare == [0.5, 0.35, 0.15])
    }
}

/// Long random sequences keep per-level FIFO order and never lose or duplicate an event.
@Suite("PriorityEventQueue properties")
struct QueuePropertyTests {
    @Test(arguments: [SchedulingPolicy.reference, .fair, .fair(cost: .encodedBytes)], [1, 2, 3])
    func randomOperationsKeepFIFOAndLoseNothing(policy: SchedulingPolicy, seed: UInt64) {
        var rng = TestRNG(seed: seed)
        var q = PriorityEventQueue(policy: policy)
        var nextID = [0, 0, 0, 0]
        var nextOut = [0, 0, 0, 0]
        var pushed = 0, popped = 0
        let priorities: [EventPriority] = [.priorityCritical, .priorityHigh, .priorityNormal, .priorityLow]
        func check(_ out: [PeatEvent]) {
            for e in out {
                let level = e.priorityLevel.rawValue
                #expect(e.eventID == "\(level)-\(nextOut[level])", "out of order or duplicated at \(level)")
                nextOut[level] += 1
            }
            popped += out.count
        }
        for _ in 0..<20_000 {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<5:
                let level = Int.random(in: 0..<4, using: &rng)
                let classes: [EventClass] = [.product, .anomaly, .telemetry, .command, .unspecified, .UNRECOGNIZED(9)]
                var e = event("\(level)-\(nextID[level])", priorities[level],
                              eventClass: classes[Int.random(in: 0..<classes.count, using: &rng)])
                e.payloadValue = .init(repeating: 1, count: Int.random(in: 0..<64, using: &rng))
                q.push(e)
                nextID[level] += 1
                pushed += 1
            case 5: if let e = q.pop() { check([e]) }
            case 6: check(q.popCritical())
            default:
                let before = q.count
                let max = Int.random(in: 0...12, using: &rng)
                let out = q.popWeighted(max: max)
                #expect(out.count <= max)
                if policy.kind == .fair { #expect(out.count == min(max, before)) }
                check(out)
            }
            #expect(q.count == pushed - popped)
            if pushed % 97 == 0 {
                var scanned: [EventClass: Int] = [:]
                for level in PriorityLevel.allCases {
                    for e in q.events(at: level) { scanned[e.eventClass, default: 0] += 1 }
                }
                #expect(q.countsByClass == scanned, "class counts kept on push/pop differ from a scan")
            }
        }
        while let e = q.pop() { check([e]) }
        #expect(popped == pushed)
        #expect(nextOut == nextID)
        #expect(q.countsByClass.isEmpty)
    }
}
