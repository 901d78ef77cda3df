import Console
import PeatEvents
import PeatRemoteProto

/// A watched node in a replay: what its connection brought in the original run, handed over
/// at the ticks that took it in then and folded as the live source folded it
/// (`RemoteNodeFold`), so the frames are the original's without a network. Control keys are
/// answered by the recorded answers; one the original refused at once is refused alike.
public final class ReplayedRemoteNode: NodeSource {
    public let key: NodeKey
    private var fold: RemoteNodeFold
    /// Inputs of the record being applied, for the tick that takes them.
    private var pending: [RemoteInput] = []

    /// The node that was watched at `address`.
    public init(address: String) {
        key = NodeKey(address)
        fold = RemoteNodeFold(address: address)
    }

    public var initialModel: NodeModel { fold.initialModel }

    /// Hands over what the connection brought during the next input.
    public func deliver(_ inputs: [RemoteInput]) { pending += inputs }

    public func perform(_ command: NodeCommand) -> [NodeEvent] {
        if case .advance(let time, _, _, _) = command {
            defer { pending = [] }
            return fold.take(pending, at: time)
        }
        guard let what = RemoteNodeFold.controlName(command) else { return RemoteNodeFold.localOnly(command) }
        return fold.refusal(of: what).map { [$0] } ?? []
    }

    public func observe(_ request: ObservationRequest) -> NodeObservation { fold.observe(request) }

    /// A copy of the node as folded so far (a replay's checkpoint).
    public struct Checkpoint {
        fileprivate var fold: RemoteNodeFold
        fileprivate var pending: [RemoteInput]
    }

    public func checkpoint() -> Checkpoint { Checkpoint(fold: fold, pending: pending) }

    public func restore(_ checkpoint: Checkpoint) {
        fold = checkpoint.fold
        pending = checkpoint.pending
    }
}
