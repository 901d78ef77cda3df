import Console
import PeatEvents

extension LocalNodeSource {
    /// The in-process node for `options`: one source, or with `options.compare` two lanes, one
    /// per policy, each an emitter with its own link model built from the same options (same
    /// seed, so the same demo; same link). The app hands every event and every pop to both
    /// (`AppState.targets(of:)`), so the two schedulers see identical input at the same pace.
    public static func sources(options: ConsoleOptions, clock: any EventClock) -> [LocalNodeSource] {
        guard let policies = options.compare, policies.count == 2 else {
            return [LocalNodeSource(options: options, clock: clock)]
        }
        return policies.map { policy in
            var lane = options
            lane.policy = policy
            return LocalNodeSource(options: lane, clock: clock, key: CompareState.laneKey(nodeID: options.nodeID, policy: policy))
        }
    }
}
