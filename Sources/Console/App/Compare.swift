import PeatEvents

/// Two schedulers side by side on identical input: two node models (one per lane), fed the
/// same events by their sources, drained through identical link models at the same pace.
public struct CompareState: Equatable, Sendable {
    /// The lanes' nodes, left (A) and right (B).
    public var keys: [NodeKey]
    /// The side-by-side view is shown (else the focused lane alone, as one node).
    public var shown = true

    public init(keys: [NodeKey], shown: Bool = true) {
        self.keys = keys
        self.shown = shown
    }

    /// The key of the lane running `policy` for node `nodeID`: "node-1 · fair".
    public static func laneKey(nodeID: String, policy: SchedulingPolicy) -> NodeKey {
        NodeKey("\(nodeID) · \(policy)")
    }

    /// Parses "reference,fair" (any two different of reference, fair, fair-bytes).
    /// - Throws: a message saying what is wrong.
    public static func policies(_ text: String) throws(CompareError) -> [SchedulingPolicy] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
        guard names.count == 2 else { throw CompareError(message: "--compare takes two policies separated by a comma, e.g. reference,fair (got '\(text)')") }
        var out: [SchedulingPolicy] = []
        for n in names {
            guard let p = SchedulingPolicy(name: n) else {
                throw CompareError(message: "--compare: unknown policy '\(n)' (one of \(SchedulingPolicy.named.map(\.name).joined(separator: ", ")))")
            }
            out.append(p)
        }
        guard out[0] != out[1] else { throw CompareError(message: "--compare needs two different policies (got '\(text)')") }
        return out
    }
}

/// A `--compare` value that cannot be used.
public struct CompareError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension AppState {
    /// The nodes a command for the focused node goes to: in a comparison, every lane gets the
    /// events and the pops (identical input, same pace); the policy switch, the export and
    /// acknowledgements stay with the focused lane.
    func targets(of command: NodeCommand) -> [NodeKey] {
        guard let compare, compare.keys.contains(focusedNode) else { return [focusedNode] }
        switch command {
        case .inject, .injectTelemetry, .burst, .pop, .advance, .ingest: return compare.keys
        case .setPolicy, .acknowledge, .export: return [focusedNode]
        }
    }

    /// `c`: into or out of the side-by-side view.
    mutating func toggleCompare() {
        guard var c = compare else {
            setStatus("no comparison running: start with --compare reference,fair (any two of reference, fair, fair-bytes)", isError: true)
            return
        }
        c.shown.toggle()
        compare = c
        overviewShown = false
        detail = nil
        setStatus(c.shown ? "side by side: \(c.keys.map(\.rawValue).joined(separator: " | "))"
                          : "\(focusedNode.rawValue) alone (c: side by side again)")
    }

    /// The side-by-side view is on screen.
    public var comparing: Bool { compare?.shown == true && !overviewShown }

    /// Re-evaluates node `key`'s warnings at the current time.
    mutating func evaluateWarnings(_ key: NodeKey) {
        guard var model = nodes[key] else { return }
        let now = model.time.seconds > 0 ? model.time.seconds : self.now
        model.warnings.evaluate(model, now: now, settings: warningSettings)
        nodes[key] = model
    }
}
