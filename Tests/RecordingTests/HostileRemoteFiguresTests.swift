import Console
import Foundation
import PeatEvents
import PeatRemoteProto
@testable import Recording
import Testing

/// A watched node (or a recording of one) can send any double where a rate or a share goes:
/// NaN, infinities, 1e300, negatives. The fuzzer found the console trapping on such a rate
/// (`Int(Double)` beyond `Int.max` while the header formatted it). The console leaves such
/// figures out, counts them on the connection and says so, and draws every frame.
@Suite("Hostile figures from a watched node")
struct HostileRemoteFiguresTests {
    let start = ManualClock(seconds: 1_800_000_000)

    func hostileUpdate(sequence: UInt64, emitted: Double, popped: Double, shares: [Double]) -> NodeUpdateMessage {
        var u = NodeUpdateMessage()
        u.sequence = sequence
        u.full = sequence == 1
        u.identity.nodeID = "hostile"
        u.identity.formationID = "f"
        u.identity.instanceID = "i-1"
        u.figures.pendingByLevel = [1, 2, 3, 4]
        u.figures.emittedRate = emitted
        u.figures.poppedRate = popped
        u.figures.scheduler.served = [1, 2, 3, 4]
        u.figures.scheduler.targetShare = shares
        u.figures.scheduler.achievedShare = shares
        u.figures.scheduler.recentShare = shares
        return u
    }

    @Test("rates and shares that are not numbers or out of range are left out, counted and said, never a trap")
    func hostileDoubles() throws {
        let hostile: [Double] = [.nan, .infinity, -.infinity, 1e300, -1e300, 9.3e18, -5, 1e19]
        let clock = HeldClock(base: start)
        let nodes = ["10.0.0.1:7450", "10.0.0.2:7450"].map(ReplayedRemoteNode.init(address:))
        let app = ConsoleApp(options: ConsoleOptions(), sources: nodes, clock: clock)
        var expectedUnusable = 0
        for (i, bad) in hostile.enumerated() {
            start.advance(nanos: 100_000_000)
            let shares = [bad, 0.5, 0.25]
            nodes[0].deliver([.update(hostileUpdate(sequence: UInt64(i + 1), emitted: bad, popped: bad, shares: shares))])
            // Each rate that is not finite and not negative counts, and each set of shares.
            let rateBad = !(bad.isFinite && bad >= 0)
            let sharesBad = !(bad.isFinite && bad >= 0 && bad <= 1)
            expectedUnusable += (rateBad ? 2 : 0) + (sharesBad ? 3 : 0)
            app.apply(.tick)
            for size in [Size(width: 120, height: 40), Size(width: 80, height: 24), Size(width: 30, height: 8)] {
                let backend = MemoryBackend(size: size, capabilities: .init(colors: .none, unicode: true))
                app.begin(on: backend)
                _ = app.present(on: backend)
                #expect(backend.screen.lines.count == size.height)
            }
        }
        let connection = try #require(app.state.nodes.values.first { $0.connection?.address == "10.0.0.1:7450" }?.connection)
        #expect(connection.unusableFigures == expectedUnusable)
        #expect(expectedUnusable > 0)
        // The shares the console keeps are the defaults, never the hostile ones.
        let model = try #require(app.state.nodes.values.first { $0.connection?.address == "10.0.0.1:7450" })
        #expect(model.stats.achievedShare.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 })
        // The formation's line for the selected node says it.
        let backend = MemoryBackend(size: Size(width: 160, height: 40), capabilities: .init(colors: .none, unicode: true))
        app.begin(on: backend)
        _ = app.present(on: backend)
        #expect(backend.screen.lines.joined(separator: "\n").contains("figures left out"))
        // And the header, for the focused node, counts them.
        #expect(backend.screen.lines[0].contains("\(expectedUnusable) bad figures"))
    }

    @Test("a huge rate is shown as a whole number, and one that fits keeps its decimal")
    func formatSaturates() {
        #expect(Format.rate(1e300) == Names.count(Int.max))
        #expect(Format.rate(.nan) == "0.0")
        #expect(Format.rate(12.34) == "12.3")
        #expect(Int(saturating: .infinity) == .max)
        #expect(Int(saturating: -.infinity) == .min)
        #expect(Int(saturating: .nan) == 0)
        #expect(Int(saturating: 2.5) == 3)
        #expect(Int(saturating: 9_223_372_036_854_774_784.0) == 9_223_372_036_854_774_784)
        #expect(UInt64(saturating: -1) == 0)
        #expect(UInt64(saturating: 1e20) == .max)
    }
}
