import Console
import PeatEvents
import PeatRemoteProto

/// What one watched node's connection brought while one input was applied.
public struct RemoteBatch: Equatable, Sendable {
    /// The node: its index in the recording's `connect` list.
    public var node: Int
    /// In arrival order.
    public var inputs: [RemoteInput]

    public init(node: Int, inputs: [RemoteInput]) {
        self.node = node
        self.inputs = inputs
    }
}

extension RecordingFormat {
    /// The version of a recording with these watched nodes: 2 when there are any (a version-1
    /// reader would replay them as an in-process node), else 1, which every reader reads.
    static func version(connect: [String]) -> UInt32 { connect.isEmpty ? 1 : 2 }

    /// The record of `batch`; a store read is written as what changed since `stores[node]`,
    /// the node's previous read, which becomes this one.
    static func message(_ batch: RemoteBatch, stores: inout [Int: [PeatEvent]]) -> Cap_Recording_V1_RemoteInputs {
        var m = Cap_Recording_V1_RemoteInputs()
        m.node = UInt32(clamping: batch.node)
        m.inputs = batch.inputs.map { input in
            guard case .store(let rows) = input else { return message(input) }
            var s = Cap_Recording_V1_RemoteStore()
            let previous = stores[batch.node] ?? []
            let kept = keptPrefix(of: previous, endingRows: rows)
            s.events = Array(rows[..<(rows.count - kept)])
            s.kept = UInt32(kept)
            stores[batch.node] = rows
            var r = Cap_Recording_V1_RemoteInput()
            r.store = s
            return r
        }
        return m
    }

    /// How many of `previous`'s first rows end `rows` (the rows a new read kept of the last).
    static func keptPrefix(of previous: [PeatEvent], endingRows rows: [PeatEvent]) -> Int {
        guard let first = previous.first, let start = rows.firstIndex(where: { $0.eventID == first.eventID }) else { return 0 }
        let kept = rows.count - start
        guard kept <= previous.count, rows[start...].elementsEqual(previous[..<kept]) else { return 0 }
        return kept
    }

    static func message(_ input: RemoteInput) -> Cap_Recording_V1_RemoteInput {
        var m = Cap_Recording_V1_RemoteInput()
        switch input {
        case .update(let update):
            m.update = update
        case .ended(let failure, let reason, let failures):
            var e = Cap_Recording_V1_RemoteEnded()
            e.failure = failure.map(name) ?? ""
            e.reason = reason
            e.failures = UInt32(clamping: failures)
            m.ended = e
        case .reply(let text, let isError):
            var r = Cap_Recording_V1_RemoteReply()
            r.text = text
            r.error = isError
            m.reply = r
        case .store(let rows):
            var s = Cap_Recording_V1_RemoteStore()
            s.events = rows
            m.store = s
        }
        return m
    }

    /// The batch a record holds for a node, checked against the recording's `nodes` watched;
    /// a store read is rebuilt from `stores[node]`, the node's previous read.
    /// - Throws: `RecordingError.badRecord` for a node out of range, an input of no kind, a
    ///   store read that keeps more than the previous one held.
    static func batch(_ m: Cap_Recording_V1_RemoteInputs, nodes: Int, stores: inout [Int: [PeatEvent]]) throws -> RemoteBatch {
        guard m.node < nodes else {
            throw RecordingError.badRecord("inputs for watched node \(m.node), of \(nodes)")
        }
        let node = Int(m.node)
        let inputs = try m.inputs.map { r -> RemoteInput in
            guard case .store(let s)? = r.kind else { return try input(r) }
            let previous = stores[node] ?? []
            guard s.kept <= previous.count else {
                throw RecordingError.badRecord("a store read keeping \(s.kept) of the previous read's \(previous.count) events")
            }
            let rows = s.events + previous[..<Int(s.kept)]
            stores[node] = rows
            return .store(rows)
        }
        return RemoteBatch(node: node, inputs: inputs)
    }

    static func input(_ m: Cap_Recording_V1_RemoteInput) throws -> RemoteInput {
        switch m.kind {
        case .update(let u)?: return .update(u)
        case .ended(let e)?:
            var failure: NodeConnection.Phase?
            if !e.failure.isEmpty {
                guard let phase = failurePhases.first(where: { $0.name == e.failure })?.phase else {
                    throw RecordingError.badRecord("unknown connection failure \"\(e.failure)\"")
                }
                failure = phase
            }
            return .ended(failure: failure, reason: e.reason, failures: Int(e.failures))
        case .reply(let r)?: return .reply(r.text, isError: r.error)
        case .store(let s)?: return .store(s.events)  // `batch` rebuilds the kept part
        case nil: throw RecordingError.badRecord("a watched node's input of no kind (from a newer format?)")
        }
    }

    /// The phases a connection can fail into, by their names in a recording.
    static let failurePhases: [(name: String, phase: NodeConnection.Phase)] = [
        ("refused", .refused), ("unreachable", .unreachable), ("unauthorised", .unauthorised),
        ("notGRPC", .notGRPC), ("failed", .failed), ("reconnecting", .reconnecting),
        ("connecting", .connecting), ("live", .live), ("stale", .stale),
    ]

    static func name(_ phase: NodeConnection.Phase) -> String {
        failurePhases.first { $0.phase == phase }?.name ?? "failed"
    }
}
