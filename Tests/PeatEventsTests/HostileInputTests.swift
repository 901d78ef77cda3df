#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
import Testing
@testable import PeatEvents
import PeatInputs

/// Issue 14, "Hostile input": what a producer can send that must not hurt the reader.
@Suite("Codecs: hostile input")
struct HostileInputTests {
    /// A huge frame or line arriving in small chunks: each chunk must be appended, not the
    /// whole partial record copied again (that made a 2^40-byte frame read at a falling rate).
    @Test("a long record in small chunks is buffered with amortised growth, not copied per chunk",
          arguments: StreamFormatChoice.allCases)
    func longRecordIsNotCopiedPerChunk(choice: StreamFormatChoice) {
        var decoder = EventStreamDecoder(choice, maxRecordBytes: 1 << 41)
        if choice == .jsonl {
            _ = decoder.feed(Array("{\"eventId\":\"".utf8))
        } else {
            // A varint of 2^40: a frame header promising a terabyte (auto detects protobuf).
            _ = decoder.feed([0x80, 0x80, 0x80, 0x80, 0x80, 0x20])
        }
        let chunk = [UInt8](repeating: choice == .jsonl ? UInt8(ascii: "a") : 0, count: 4096)
        let chunks = 1024
        for _ in 0..<chunks { #expect(decoder.feed(chunk).isEmpty) }
        // Doubling growth moves the buffer about log2(4 MiB) ≈ 22 times; a copy per chunk
        // would move it 1024 times.
        #expect(decoder.bufferMoves < 40, "buffer moved \(decoder.bufferMoves) times in \(chunks) chunks")
    }

    @Test("a UTF-8 byte order mark before JSON Lines is skipped, whole or byte by byte",
          arguments: [StreamFormatChoice.auto, .jsonl])
    func byteOrderMarkIsSkipped(choice: StreamFormatChoice) {
        let sample = codecSampleEvents(count: 3)
        let bytes = StreamFormat.byteOrderMark + encoded(sample, .jsonl)
        #expect(StreamFormat.detect(bytes) == .jsonl)
        #expect(StreamFormat.detect(bytes.prefix(2)) == nil, "a partial mark waits for more bytes")
        let whole = EventStreamDecoder.decodeAll(bytes, format: choice)
        #expect(errors(of: whole).isEmpty, "\(errors(of: whole))")
        #expect(events(of: whole) == sample)
        var decoder = EventStreamDecoder(choice)
        var split: [StreamRecord] = []
        for b in bytes { split += decoder.feed([b]) }
        split += decoder.finish()
        #expect(split == whole)
    }

    @Test("a number out of range is reported as such, not as invalid UTF-8",
          arguments: ["1e999999", "-1e999999", "1.5e999999"])
    func numberOutOfRangeIsNotInvalidUTF8(number: String) throws {
        let line = "{\"eventId\":\"x\",\"ttlSeconds\":\(number)}\n"
        let records = EventStreamDecoder.decodeAll(Array(line.utf8), format: .jsonl)
        let error = try #require(errors(of: records).first)
        #expect(error.reason == .malformedJSON)
        #expect(error.detail == "number out of range or malformed", "\(error)")
        #expect(!"\(error)".localizedCaseInsensitiveContains("utf"), "\(error)")
    }
}

/// Input quoted in messages is escaped in one place, `InputText.escaped`.
@Suite("Codecs: escaping quoted input")
struct InputTextTests {
    @Test("controls, C1, DEL, format and bidi characters become escapes; other text is kept")
    func escapes() {
        #expect(InputText.escaped("plain ascii, ünïcödé, 日本, 👩‍👩‍👧") == "plain ascii, ünïcödé, 日本, 👩‍👩‍👧")
        #expect(InputText.escaped("\u{1B}]52;c;aGk=\u{07}\u{1B}[2J") == "\\u{1B}]52;c;aGk=\\u{7}\\u{1B}[2J")
        #expect(InputText.escaped("a\nb\rc\td") == "a\\nb\\rc\\td")
        #expect(InputText.escaped("\u{0}\u{7F}\u{85}\u{9B}") == "\\u{0}\\u{7F}\\u{85}\\u{9B}")
        #expect(InputText.escaped("x\u{200B}\u{200E}\u{202E}\u{2066}\u{2069}\u{FEFF}\u{2028}\u{AD}y")
                == "x\\u{200B}\\u{200E}\\u{202E}\\u{2066}\\u{2069}\\u{FEFF}\\u{2028}\\u{AD}y")
        let hostile = "\u{1B}[2J\u{9B}31m\u{202E}"
        #expect(!InputText.escaped(hostile).unicodeScalars.contains(where: InputText.needsEscape))
    }

    @Test("an error's description escapes its detail, and a sourced error its source")
    func errorDescriptionsEscape() {
        let e = StreamError(.malformedJSON, at: StreamPosition(offset: 0, line: 1), detail: "unknown field \"\u{1B}[2J\"")
        #expect(e.description == "line 1 (byte 0): malformed JSON: unknown field \"\\u{1B}[2J\"")
        #expect(SourcedStreamError(source: "f\u{7}", error: e).description.hasPrefix("f\\u{7} line 1"))
    }
}

/// A newer producer's events carry fields this schema does not know: they still read.
@Suite("Codecs: unknown fields")
struct UnknownFieldTests {
    @Test("unknown JSON fields are skipped and counted, each name once, in whole and split reads")
    func unknownFieldsAreSkippedAndNamed() throws {
        let known = codecSampleEvents(count: 3)
        var lines = try known.map { try $0.jsonString() }
        lines[0].insert(contentsOf: "\"zNewer\":1,\"aNewer\":{\"x\":[1,2]},", at: lines[0].index(after: lines[0].startIndex))
        lines[1].insert(contentsOf: "\"zNewer\":2,", at: lines[1].index(after: lines[1].startIndex))
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        for choice in [StreamFormatChoice.jsonl, .auto] {
            var decoder = EventStreamDecoder(choice)
            var records: [StreamRecord] = []
            for b in bytes { records += decoder.feed([b]) }
            records += decoder.finish()
            #expect(errors(of: records).isEmpty, "\(errors(of: records))")
            #expect(events(of: records) == known)
            let tally = decoder.takeUnknownFields()
            #expect(tally.records == 2)
            #expect(Set(tally.names) == ["zNewer", "aNewer"] && tally.names.count == 2)
            #expect(decoder.takeUnknownFields().isEmpty, "taking starts a new tally")
        }
    }

    @Test("the names kept are bounded")
    func namesAreBounded() {
        var tally = UnknownFieldTally()
        for i in 0..<1000 { tally.note(record: ["f\(i)"]) }
        #expect(tally.records == 1000 && tally.names.count == UnknownFieldTally.nameLimit)
    }
}

/// A read of garbage must cost counters, not records (item 7).
@Suite("Codecs: folded deliveries")
struct FoldedDeliveryTests {
    @Test("a delivery keeps every event but only the last few errors, counting the others")
    func errorsAreFolded() {
        // 64 KiB of "x\n": 32,768 bad lines, with a few good events among them.
        let good = codecSampleEvents(count: 2)
        var bytes = Array(String(repeating: "x\n", count: 16_384).utf8)
        bytes += encoded(good, .jsonl)
        bytes += Array(String(repeating: "x\n", count: 16_384).utf8)
        let records = EventStreamDecoder.decodeAll(bytes, format: .jsonl)
        #expect(records.count == 32_768 + good.count)
        let d = StreamDelivery.folded(source: "stdin", records: records, status: StreamStatus(label: "stdin"), bytes: bytes.count)
        #expect(d.records.count == good.count + StreamDelivery.keptErrors)
        #expect(events(of: d.records) == good)
        #expect(errors(of: d.records) == Array(errors(of: records).suffix(StreamDelivery.keptErrors)))
        #expect(d.foldedErrors[.malformedJSON] + errors(of: d.records).count == 32_768)
        #expect(d.bytes == bytes.count)
        let few = StreamDelivery.folded(source: "stdin", records: Array(records.prefix(3)), status: StreamStatus(label: "stdin"), bytes: 6)
        #expect(few.records == Array(records.prefix(3)) && few.foldedErrors.total == 0)
    }

    @Test("a dense delivery is split into parts of at most recordLimit records, in order")
    func denseDeliveriesAreSplit() {
        let zeros = EventStreamDecoder.decodeAll([UInt8](repeating: 0, count: 65_536), format: .protobuf)
        var d = StreamDelivery(source: "z", records: zeros, status: StreamStatus(label: "z"), bytes: 65_536)
        d.foldedErrors.record(.badVarint)
        let parts = d.split()
        #expect(parts.count == 65_536 / StreamDelivery.recordLimit)
        #expect(parts.allSatisfy { $0.records.count <= StreamDelivery.recordLimit })
        #expect(parts.flatMap(\.records) == zeros)
        #expect(parts.reduce(0) { $0 + $1.bytes } == 65_536 && parts.reduce(0) { $0 + $1.foldedErrors.total } == 1)
    }

    @Test("a reader hands over folded deliveries and the status counts every error")
    func readerFolds() throws {
        let path = temporaryPath("garbage.jsonl")
        defer { unlink(path) }
        try Data(String(repeating: "x\n", count: 100_000).utf8).write(to: URL(fileURLWithPath: path))
        let deliveries = Mutex<[StreamDelivery]>([])
        let ended = DispatchSemaphore(value: 0)
        let input = StreamInput(source: .file(path), format: .jsonl) { d in
            deliveries.withLock { $0.append(d) }
            if d.status.phase == .ended { ended.signal() }
        }
        try input.start()
        defer { input.stop() }
        #expect(ended.wait(timeout: .now() + 20) == .success)
        let all = deliveries.withLock { $0 }
        #expect(all.allSatisfy { errors(of: $0.records).count <= StreamDelivery.keptErrors })
        #expect(all.allSatisfy { $0.records.count <= StreamDelivery.recordLimit })
        let counted = all.reduce(0) { $0 + errors(of: $1.records).count + $1.foldedErrors.total }
        #expect(counted == 100_000)
        #expect(all.last?.status.errors[.malformedJSON] == 100_000)
        #expect(all.reduce(0) { $0 + $1.bytes } == 200_000)
    }
}

/// `--listen unix:PATH` must never delete what it did not create, nor take over a live socket.
@Suite("Codecs: socket paths", .serialized)
struct SocketPathTests {
    func listening(_ path: String) -> StreamInput {
        StreamInput(source: .unixSocket(path), emitter: EventEmitter(nodeID: "n", formationID: "f"))
    }

    func mode(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode : nil
    }

    @Test("a path that is not a socket is refused and left as it was, also after stop()")
    func regularFileIsNeverDeleted() throws {
        let path = temporaryPath("precious.txt")
        defer { unlink(path) }
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: path))
        let input = listening(path)
        #expect { try input.start() } throws: { "\($0)".contains("not a socket") }
        input.stop()
        #expect(FileManager.default.contents(atPath: path) == Data("precious\n".utf8))
    }

    @Test("a live socket is refused naming its process; the owner keeps it and removes it on stop")
    func liveSocketIsNotTakenOver() throws {
        let path = temporaryPath("live.sock")
        let first = listening(path)
        try first.start()
        let second = listening(path)
        #expect { try second.start() } throws: { "\($0)".contains("in use by process \(getpid())") }
        second.stop()
        // Still the first console's socket: a producer can connect.
        let fd = try StreamInput.connectUnixSocket(path)
        close(fd)
        first.stop()
        #expect(mode(path) == nil, "the owner removes its socket")
    }

    @Test("a stale socket (nobody listening) is replaced; the new one is owner-only")
    func staleSocketIsReplaced() throws {
        let path = temporaryPath("stale.sock")
        defer { unlink(path) }
        // A socket file left by a process that died: bound, never listened on, closed.
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, b) in path.utf8.enumerated() { raw[i] = b }
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        close(fd)
        try #require(bound == 0)
        let input = listening(path)
        try input.start()
        let m = try #require(mode(path))
        #expect(m & S_IFMT == S_IFSOCK)
        #expect(m & 0o777 == 0o600, "mode \(String(m & 0o777, radix: 8))")
        input.stop()
        #expect(mode(path) == nil)
    }

    @Test("stop() removes only the socket it created, not a file that replaced it")
    func stopRemovesOnlyItsOwnSocket() throws {
        let path = temporaryPath("replaced.sock")
        defer { unlink(path) }
        let input = listening(path)
        try input.start()
        unlink(path)
        try Data("someone else's\n".utf8).write(to: URL(fileURLWithPath: path))
        input.stop()
        #expect(FileManager.default.contents(atPath: path) == Data("someone else's\n".utf8))
    }
}
