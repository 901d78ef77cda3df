import Console
import Recording

/// Records read alike: equal, or differing only where a double is NaN (a recorded node update
/// may carry one, and NaN is unequal to itself), so their full descriptions match.
private func same(_ a: [RecordedInput], _ b: [RecordedInput]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || String(reflecting: $0) == String(reflecting: $1) }
}

extension FuzzTarget {
    /// The recording reader (`replay`, `snapshot --replay`): any bytes either are refused
    /// with a reason or read up to the damage; what is read replays (at most 400 records)
    /// to a frame of the last recorded size; and reading only the bytes before the damage
    /// gives the same records with no damage.
    static let recording = FuzzTarget(name: "recording", summary: "recording reader and replay (damage, prefix consistency)") { bytes in
        let data = Array(bytes)
        guard let recording = try? Recording(bytes: data) else { return }
        var previous = -1
        for input in recording.inputs {
            precondition(input.byteOffset > previous && input.byteOffset < data.count, "record offsets out of order or outside the file")
            previous = input.byteOffset
        }
        if let damage = recording.damage {
            precondition(damage.byteOffset > previous && damage.byteOffset <= data.count, "damage before a good record")
            precondition(damage.record == recording.inputs.count + 1, "damage numbered wrong")
            let clean = try? Recording(bytes: Array(data[..<damage.byteOffset]))
            precondition(clean?.damage == nil && clean.map { same($0.inputs, recording.inputs) } == true, "the bytes before the damage read differently")
        }
        guard let replay = try? Replay(recording, checkpoints: CheckpointPolicy(records: 50, seconds: 1)) else { return }
        replay.seek(toPosition: min(400, recording.inputs.count))
        let frame = replay.frame()
        if let size = recording.inputs.prefix(replay.position).compactMap({ input -> Size? in
            if case .resize(let s) = input.input { return s }
            return nil
        }).last {
            precondition(frame.size == size, "the frame is not the recorded size")
        }
        // Seeking back from a checkpoint lands on the same state as going straight there.
        let half = replay.position / 2
        replay.seek(toPosition: half)
        if let straight = try? Replay(recording) {
            straight.seek(toPosition: half)
            precondition(straight.app.state == replay.app.state, "seeking back differs from replaying straight")
        }
    }
}
