import Console
import LocalNode
import PeatEvents
import Testing

/// Several nodes: the formation overview, opening a node and coming back; a remote node's
/// connection state and a restart folded into its model.
@Suite struct FormationTests {
    func formation() -> (ConsoleApp, MemoryBackend) {
        let clock = ManualClock(seconds: ConsoleApp.snapshotEpoch)
        var options = ConsoleOptions()
        options.scenario = .none
        let sources = ["alpha", "bravo"].map { id -> LocalNodeSource in
            var o = options
            o.nodeID = id
            return LocalNodeSource(options: o, clock: clock)
        }
        let app = ConsoleApp(options: options, sources: sources, clock: clock)
        let backend = MemoryBackend(size: Size(width: 120, height: 20))
        app.begin(on: backend)
        return (app, backend)
    }

    @Test func severalNodesOpenOnTheOverviewAndEnterOpensTheSelectedOne() {
        let (app, backend) = formation()
        #expect(app.state.overviewShown)
        app.present(on: backend)
        let screen = backend.screen.text
        #expect(screen.contains("Formation · 2 nodes"))
        #expect(screen.split(separator: "\n").contains { $0.contains("alpha") && $0.contains("local") })
        #expect(screen.split(separator: "\n").contains { $0.contains("bravo") && $0.contains("in process") })

        app.dispatch(.moveDown)
        #expect(app.state.focusedNode == "bravo")
        app.dispatch(.inject(.critical))  // keys command the selected node, even from the overview
        #expect(app.state.nodes["bravo"]?.pending == 1)
        #expect(app.state.nodes["alpha"]?.pending == 0)
        app.dispatch(.openDetail)
        #expect(!app.state.overviewShown)
        app.present(on: backend)
        #expect(backend.screen.text.contains("bravo @ squad-1"))
        #expect(backend.screen.text.contains("Outbound queue"))

        app.dispatch(.back)
        #expect(app.state.overviewShown)
        #expect(app.state.overviewList.selected == 1)
    }

    @Test func aRemoteNodeThatRestartsStartsAfresh() {
        var model = NodeModel(nodeID: "127.0.0.1:7450")
        var c = NodeConnection(address: "127.0.0.1:7450")
        c.instanceID = "first"
        c.phase = .live
        c.hasState = true
        _ = model.fold(.connection(c), running: true)
        var r = NodeReplica()
        r.nodeID = "n1"
        r.emitted = 500
        r.popped = 400
        _ = model.fold(.replica(r), running: true)
        #expect(model.nodeID == "n1" && model.emitted == 500)

        c.phase = .reconnecting
        _ = model.fold(.connection(c), running: true)
        #expect(model.emitted == 500)  // the last state stays while reconnecting
        #expect(model.connection?.isStale == true)

        c.instanceID = "second"
        c.phase = .live
        _ = model.fold(.connection(c), running: true)
        #expect(model.emitted == 0)  // a new instance: not merged with the old counts
        #expect(model.nodeID == "n1")
        #expect(model.connection?.instanceID == "second")
    }

    @Test func acknowledgingOnARemoteNodeAsksTheNode() {
        var state = AppState(options: ConsoleOptions())
        state.core.connection = NodeConnection(address: "127.0.0.1:7450")
        let effects = update(&state, .acknowledge)
        #expect(effects == [Effect(.acknowledge(alertKey: nil), for: state.focusedNode)])
    }
}
