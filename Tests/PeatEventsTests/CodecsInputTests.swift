#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
import Testing
@testable import PeatEvents
import PeatInputs

/// Collects the statuses a `StreamInput` posts and lets a test wait for one that matches.
final class StatusWaiter: Sendable {
    private let latest = Mutex<StreamStatus?>(nil)
    private let signal = DispatchSemaphore(value: 0)

    func post(_ status: StreamStatus) {
        latest.withLock { $0 = status }
        signal.signal()
    }

    /// The first posted status satisfying `done`; nil if none came within `limit` seconds
    /// (a safety net against a hang, not a timing assertion).
    func wait(limit: Double = 20, until done: (StreamStatus) -> Bool) -> StreamStatus? {
        let deadline = DispatchTime.now() + limit
        while true {
            if let s = latest.withLock({ $0 }), done(s) { return s }
            if signal.wait(timeout: deadline) == .timedOut {
                return latest.withLock { $0 }.flatMap { done($0) ? $0 : nil }
            }
        }
    }
}

/// Writes all of `bytes` to `fd`.
func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
    var sent = 0
    while sent < bytes.count {
        let n = bytes[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n <= 0 { return }
        sent += n
    }
}

func temporaryPath(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.path
    return "\(dir)/peat-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-\(name)"
}

@Suite("Codecs: live input", .serialized)
struct StreamInputTests {
    @Test("a file is read to its end, its events emitted, its errors counted, then shown as ended")
    func fileSource() throws {
        let sample = codecSampleEvents(count: 40)
        let path = temporaryPath("source.jsonl")
        defer { unlink(path) }
        let bad = Array("not json\n".utf8)
        let bytes = encoded(Array(sample[..<20]), .jsonl) + bad + encoded(Array(sample[20...]), .jsonl)
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let emitter = EventEmitter(nodeID: "n", formationID: "f")
        let waiter = StatusWaiter()
        let input = StreamInput(source: .file(path), format: .auto, emitter: emitter, onUpdate: waiter.post)
        try input.start()
        defer { input.stop() }
        let status = try #require(waiter.wait { $0.phase == .ended })
        #expect(status.events == sample.count)
        #expect(status.errors[.malformedJSON] == 1 && status.errors.total == 1)
        #expect(status.recentErrors.map(\.error.position.line) == [21])
        #expect(status.format == .jsonl)
        #expect(status.bytes == bytes.count)
        #expect(emitter.localCount + emitter.pendingCount == sample.count)
        #expect(status.description.hasPrefix("src: \((path as NSString).lastPathComponent) ended · 40 events · 1 error"))
    }

    @Test("a missing file, a directory or an unreadable file is refused by start(), before any thread")
    func unusableFileIsRefused() throws {
        let emitter = EventEmitter(nodeID: "n", formationID: "f")
        let dir = FileManager.default.temporaryDirectory.path
        for (path, why) in [("/nonexistent/peat", "No such file or directory"), (dir, "is a directory")] {
            let input = StreamInput(source: .file(path), emitter: emitter)
            #expect { try input.start() } throws: { "\($0)" == "cannot read \(path): \(why)" }
            input.stop()
        }
    }

    @Test("several producers over a Unix socket, in either framing, feed one emitter")
    func unixSocketProducers() throws {
        let path = temporaryPath("sock")
        let sample = codecSampleEvents(count: 60, seed: 3)
        let emitter = EventEmitter(nodeID: "n", formationID: "f")
        let waiter = StatusWaiter()
        let input = StreamInput(source: .unixSocket(path), format: .auto, emitter: emitter, onUpdate: waiter.post)
        try input.start()
        defer { input.stop() }

        // Three producers at once: protobuf, JSON Lines with a bad line, and protobuf cut short.
        let streams: [[UInt8]] = [
            encoded(Array(sample[0..<20]), .protobuf),
            encoded(Array(sample[20..<30]), .jsonl) + Array("{oops\n".utf8) + encoded(Array(sample[30..<40]), .jsonl),
            encoded(Array(sample[40..<60]), .protobuf) + Array(encoded([sample[0]], .protobuf).prefix(8)),
        ]
        let fds = try streams.map { _ in try StreamInput.connectUnixSocket(path) }
        DispatchQueue.concurrentPerform(iterations: streams.count) { i in
            // Interleave in small pieces so the producers really overlap.
            var offset = 0
            while offset < streams[i].count {
                let end = min(offset + 37, streams[i].count)
                writeAll(fds[i], Array(streams[i][offset..<end]))
                offset = end
            }
        }
        for fd in fds { close(fd) }

        let status = try #require(waiter.wait { $0.producersSeen == 3 && $0.producers == 0 && $0.events == 60 && $0.errors.total == 2 })
        #expect(status.errors[.malformedJSON] == 1 && status.errors[.truncated] == 1)
        #expect(Set(status.recentErrors.map(\.source)).count == 2)
        #expect(status.recentErrors.allSatisfy { $0.source.hasPrefix("conn ") })
        #expect(emitter.localCount + emitter.pendingCount == 60)
        #expect(status.description.contains("unix:\(path) waiting · 0 producers · 60 events · 2 errors"))
    }

    @Test("in deliver mode every record reaches the consumer, in order, then the end is reported")
    func deliverMode() throws {
        let path = temporaryPath("fifo")
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let stream = PartialReadTests.mixed(.protobuf)
        let received = Mutex<[StreamDelivery]>([])
        let waiter = StatusWaiter()
        let input = StreamInput(source: .file(path), format: .protobuf, maxRecordBytes: PartialReadTests.limit) { d in
            received.withLock { $0.append(d) }
            waiter.post(d.status)
        }
        try input.start()
        defer { input.stop() }
        // The reader opens the FIFO on its own thread; this open waits for it.
        let fd = open(path, O_WRONLY)
        try #require(fd >= 0)
        writeAll(fd, Array(stream.prefix(333)))
        writeAll(fd, Array(stream.dropFirst(333)))
        close(fd)
        let status = try #require(waiter.wait { $0.phase == .ended })
        let deliveries = received.withLock { $0 }
        let expected = EventStreamDecoder.decodeAll(stream, format: .protobuf, maxRecordBytes: PartialReadTests.limit)
        #expect(deliveries.flatMap(\.records) == expected)
        #expect(deliveries.allSatisfy { $0.source == (path as NSString).lastPathComponent })
        #expect(status.events == events(of: expected).count)
        #expect(status.errors.total == errors(of: expected).count)
        #expect(status.bytes == stream.count)
    }

    @Test("a quiet stream is shown as stalled, live again when data comes, then ended")
    func stall() throws {
        let path = temporaryPath("stall-fifo")
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        let waiter = StatusWaiter()
        let input = StreamInput(source: .file(path), stallSeconds: 0.2,
                                emitter: EventEmitter(nodeID: "n", formationID: "f"), onUpdate: waiter.post)
        try input.start()
        defer { input.stop() }
        let fd = open(path, O_WRONLY)
        try #require(fd >= 0)
        let sample = codecSampleEvents(count: 4)
        writeAll(fd, encoded(Array(sample.prefix(2)), .jsonl))
        let stalled = try #require(waiter.wait { $0.phase == .stalled })
        #expect(stalled.events == 2)
        #expect(stalled.description.contains("stalled · 2 events"))
        writeAll(fd, encoded(Array(sample.suffix(2)), .jsonl))
        close(fd)
        let ended = try #require(waiter.wait { $0.phase == .ended })
        #expect(ended.events == 4 && ended.errors.total == 0)
    }

    @Test("--listen takes unix:/path only; --source - is standard input")
    func parsing() throws {
        #expect(try StreamSource.listen("unix:/tmp/x.sock") == .unixSocket("/tmp/x.sock"))
        #expect(throws: StreamSourceError.self) { try StreamSource.listen("tcp:1234") }
        #expect(StreamSource.source("-") == .standardInput)
        #expect(StreamSource.source("/a/b.jsonl") == .file("/a/b.jsonl"))
        #expect(StreamSource.file("/a/b.jsonl").description == "b.jsonl")
        #expect(StreamStatus.grouped(12345) == "12,345" && StreamStatus.grouped(999) == "999")
    }
}
