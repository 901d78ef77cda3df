import Console
import LocalNode
import PeatEvents

/// A fuzz target: takes arbitrary bytes, must never crash, and traps when an invariant fails.
struct FuzzTarget: Sendable {
    let name: String
    let summary: String
    let run: @Sendable (UnsafeBufferPointer<UInt8>) -> Void

    static let all: [FuzzTarget] = [jsonl, delimited, keys, live, recording]

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// The JSON Lines decoder: decoding the input whole must give the same records as
    /// decoding it in two chunks split at a point the input itself chooses, and every byte
    /// must be accounted for.
    static let jsonl = FuzzTarget(name: "jsonl", summary: "JSON Lines stream decoder (whole vs split)") { bytes in
        checkSplitInvariance(bytes, format: .jsonl)
    }

    /// The varint-delimited protobuf decoder, with the same oracle.
    static let delimited = FuzzTarget(name: "delimited", summary: "delimited protobuf stream decoder (whole vs split)") { bytes in
        checkSplitInvariance(bytes, format: .protobuf)
    }

    /// User text as keys: the input is a key script (`--keys`); when it parses, the keys
    /// drive the whole console (reducer and every pane) at a size the input chooses.
    static let keys = FuzzTarget(name: "keys", summary: "key scripts driving the console reducer and views") { bytes in
        guard bytes.count >= 2 else { return }
        let width = Int(bytes[0] % 160) + 1
        let height = Int(bytes[1] % 60) + 1
        let script = String(decoding: UnsafeBufferPointer(rebasing: bytes[2...]), as: UTF8.self)
        guard let keys = try? parseKeyScript(script) else { return }
        var options = ConsoleOptions()
        options.scenario = .none
        let frame = ConsoleApp.snapshot(options: options, keys: Array(keys.prefix(200)),
                                        size: Size(width: width, height: height))
        let lines = frame.split(separator: "\n", omittingEmptySubsequences: false)
        precondition(lines.count <= height, "frame taller than the screen")
        for line in lines { precondition(TextWidth.of(line) <= width, "line wider than the screen: \(line)") }
    }

    /// The live console's input path, not only the decoders: the input's first bytes choose
    /// the framing, the screen size and how the rest is cut into reads; each read goes
    /// through the reader's steps (decode, unknown-field tally, `StreamDelivery.batches`),
    /// into the app's bounded inbox (waiting = letting the main loop wake up, as a blocked
    /// reader would), through `ConsoleApp.wake` (emit, count) to a frame on a memory screen.
    ///
    /// Bounds checked after every step: a delivery carries at most `StreamDelivery.keptErrors`
    /// errors and `StreamDelivery.recordLimit` records; the inbox holds at most its
    /// `recordLimit` records and `byteLimit` bytes; the app keeps at most
    /// `StreamIntake.recentLimit` errors and `UnknownFieldTally.nameLimit` names; one wake-up
    /// applies at most `ConsoleApp.recordsPerWake` records plus one delivery; and every frame
    /// is exactly the screen's height with no line wider than the screen.
    static let live = FuzzTarget(name: "live", summary: "bytes in arbitrary reads through reader, inbox and app to frames") { bytes in
        guard bytes.count >= 4 else { return }
        let choice = StreamFormatChoice.allCases[Int(bytes[0]) % StreamFormatChoice.allCases.count]
        let size = Size(width: Int(bytes[1] % 160) + 1, height: Int(bytes[2] % 60) + 1)
        var seed = UInt64(bytes[3]) | 0x9E37_79B9_0000_0000
        let stream = UnsafeBufferPointer(rebasing: bytes[4...])

        var options = ConsoleOptions()
        options.scenario = .none
        options.streaming = true
        let app = ConsoleApp(options: options, clock: ManualClock(seconds: ConsoleApp.snapshotEpoch))
        // The E overlay (which quotes input) on odd seeds.
        let backend = MemoryBackend(size: size, keys: bytes[3] & 1 == 1 ? [.character("E")] : [])
        app.begin(on: backend)

        func checkFrame() {
            let before = app.inbox.load.records
            app.wake(on: backend)
            precondition(before - app.inbox.load.records <= ConsoleApp.recordsPerWake + StreamDelivery.recordLimit,
                         "one wake-up applied more than its share")
            app.present(on: backend)
            let lines = app.renderFrame().lines
            precondition(lines.count == size.height, "frame height \(lines.count) for a screen of \(size.height)")
            for line in lines { precondition(TextWidth.of(line) <= size.width, "line wider than the screen: \(line)") }
            if let s = app.state.core.stream {
                precondition(s.recentErrors.count <= StreamIntake.recentLimit, "\(s.recentErrors.count) errors kept")
                precondition(s.unknownFields.names.count <= UnknownFieldTally.nameLimit, "too many unknown names kept")
            }
        }

        var decoder = EventStreamDecoder(choice, maxRecordBytes: 4096)
        var status = StreamStatus(label: "fuzz")
        status.phase = .receiving
        func hand(_ records: [StreamRecord], bytes: Int) {
            let errors = records.reduce(0) { $0 + ($1.error == nil ? 0 : 1) }
            status.bytes += bytes
            status.events += records.count - errors
            for r in records { if let e = r.error { status.errors.record(e.reason) } }
            status.unknownFields.add(decoder.takeUnknownFields())
            status.format = decoder.format
            for delivery in StreamDelivery.batches(source: "fuzz", records: records, status: status, bytes: bytes) {
                precondition(delivery.records.count <= StreamDelivery.recordLimit, "delivery of \(delivery.records.count) records")
                precondition(delivery.records.reduce(0) { $0 + ($1.error == nil ? 0 : 1) } <= StreamDelivery.keptErrors,
                             "delivery carries too many errors")
                // A full inbox makes the reader wait: here the main loop wakes up meanwhile.
                while !app.inbox.tryPost(.stream(delivery)) { checkFrame() }
                let load = app.inbox.load
                precondition(load.records <= app.inbox.recordLimit && load.bytes <= app.inbox.byteLimit,
                             "inbox holds \(load.records) records, \(load.bytes) bytes")
            }
        }

        var offset = 0
        while offset < stream.count {
            // Reads of 1…4096 bytes, or a whole 64 KiB buffer, as the input's seed decides.
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let pick = Int(truncatingIfNeeded: seed >> 33)
            let n = min(stream.count - offset, pick % 8 == 0 ? 64 * 1024 : pick % 4096 + 1)
            hand(decoder.feed(UnsafeBufferPointer(rebasing: stream[offset..<(offset + n)])), bytes: n)
            offset += n
            if pick % 3 == 0 { checkFrame() }
        }
        hand(decoder.finish(), bytes: 0)
        status.phase = .ended
        app.inbox.post(.stream(StreamDelivery(source: "fuzz", records: [], status: status)))
        while app.inbox.count > 0 { checkFrame() }
        checkFrame()
        precondition(app.inbox.load == (0, 0), "input left in the inbox")
        let shown = app.state.core.stream
        precondition(shown == nil || shown!.errors.total >= status.errors.total, "errors lost on the way")
    }

    private static func checkSplitInvariance(_ bytes: UnsafeBufferPointer<UInt8>, format: StreamFormat) {
        let limit = 4096
        var whole = EventStreamDecoder(format, maxRecordBytes: limit)
        let expected = whole.feed(bytes) + whole.finish()
        let split = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
        var parts = EventStreamDecoder(format, maxRecordBytes: limit)
        let got = parts.feed(UnsafeBufferPointer(rebasing: bytes[..<split]))
            + parts.feed(UnsafeBufferPointer(rebasing: bytes[split...]))
            + parts.finish()
        precondition(got == expected, "\(format): records differ when split at \(split)")
        // Re-encoding what decoded and decoding that again gives the same events.
        let events = expected.compactMap(\.event)
        guard let encoded = try? EventStreamEncoder(format).encode(events) else { return }
        var again = EventStreamDecoder(format, maxRecordBytes: .max)
        let round = (again.feed(encoded) + again.finish()).compactMap(\.event)
        precondition(round == events, "\(format): re-encoded events decode differently")
    }
}
