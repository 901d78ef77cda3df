import Foundation
import PeatEvents
@testable import Console
@testable import LocalNode
import PeatDemo
import PeatInputs
@testable import PeatSoak

/// Capabilities for monochrome Unicode / ASCII rendering in tests.
let mono = TerminalCapabilities(colors: .none, unicode: true)
let ascii = TerminalCapabilities(colors: .none, unicode: false)
let color = TerminalCapabilities(colors: .xterm256, unicode: true)

/// Renders `draw` into a fresh buffer of `width`×`height` and returns its lines.
func lines(_ width: Int, _ height: Int, _ draw: (inout Buffer) -> Void) -> [String] {
    var b = Buffer(size: Size(width: width, height: height))
    draw(&b)
    return b.lines
}

/// A state for `--scenario none` on a screen of `size`.
func emptyState(_ size: Size = Size(width: 60, height: 12), capabilities: TerminalCapabilities = mono) -> AppState {
    var o = ConsoleOptions()
    o.scenario = .none
    var s = AppState(options: o, size: size, capabilities: capabilities)
    s.now = 1_735_689_600
    return s
}

/// An event as the emitter helpers would make it.
func event(_ emission: DemoEmission, id: String, at seconds: UInt64, node: String = "node-1") -> PeatEvent {
    emission.makeEvent(id: id, timestamp: PeatTimestamp(seconds: seconds), nodeID: node, formationID: "squad-1")
}

/// An app over `--scenario none` with a manual clock at the snapshot epoch.
func noneApp() -> (ConsoleApp, ManualClock) {
    var o = ConsoleOptions()
    o.scenario = .none
    let clock = ManualClock(seconds: ConsoleApp.snapshotEpoch)
    return (ConsoleApp(options: o, clock: clock), clock)
}

/// One node driven without an app: its source performs commands, its model folds what the
/// source reports (as the reducer does), and `snapshot` observes it.
final class NodeHarness {
    let source: LocalNodeSource
    var model: NodeModel

    init(options: ConsoleOptions, clock: any EventClock) {
        source = LocalNodeSource(options: options, clock: clock)
        model = source.initialModel
    }

    var emitter: EventEmitter { source.emitter }

    /// Performs `command`; returns the last status line it gave, if any.
    @discardableResult
    func perform(_ command: NodeCommand) -> (text: String, isError: Bool)? {
        var report: (text: String, isError: Bool)?
        for e in source.perform(command) {
            if let r = model.fold(e, running: false) { report = r }
        }
        return report
    }

    /// The model after observing the node with `query`.
    func snapshot(query: LocalQuery) -> NodeModel {
        _ = model.fold(.observed(source.observe(ObservationRequest(query: query, storeMark: model.storeMark))), running: false)
        return model
    }
}
