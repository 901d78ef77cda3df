#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Console
import Foundation
import PeatEvents
import PeatRemoteProto
import Synchronization
import SwiftProtobuf

/// A clock that reads another one only when told to (`hold()`), and gives that time until
/// the next `hold()`: while the console applies one input, every reading (the tick, event
/// timestamps, the link's tokens) is the time the recording stores for that input.
public final class HeldClock: EventClock {
    private let base: any EventClock
    private let held: Mutex<PeatTimestamp>

    /// Holds `base`'s time now.
    public init(base: any EventClock) {
        self.base = base
        held = Mutex(base.now())
    }

    public func now() -> PeatTimestamp { held.withLock { $0 } }

    /// Reads the base clock and holds that time.
    /// - Returns: the time held.
    @discardableResult
    public func hold() -> PeatTimestamp {
        let t = base.now()
        held.withLock { $0 = t }
        return t
    }
}

/// Writes a recording (`--record FILE`) as the console runs: the header at once, then every
/// input as it is applied. Records are written to the file at the end of every wake-up of the
/// loop (and whenever 1 MiB is waiting), so a crash or a kill loses at most the inputs of the
/// wake-up in progress, well under a second. A failed write stops the recording and says why
/// (`failure`); the console runs on.
public final class RecordingWriter: InputRecorder {
    private let fd: Int32
    private let start: PeatTimestamp
    private let clock: any EventClock
    private var buffer: [UInt8] = []
    private var time = PeatTimestamp()
    /// Watched nodes' inputs taken since the last record: they go with the next one.
    private var remote: [RemoteBatch] = []
    /// Each watched node's last store read written (the next is written as what changed).
    private var stores: [Int: [PeatEvent]] = [:]
    /// Why recording stopped, when a write failed.
    public private(set) var failure: String?
    /// Records written so far.
    public private(set) var records = 0
    /// Bytes written so far (magic and header included).
    public private(set) var bytes = 0
    /// Inputs not kept (inbox actions other than stream deliveries).
    public private(set) var skipped = 0
    /// Called once when a write fails, with the reason.
    public var onFailure: ((String) -> Void)?

    /// Creates (or truncates) `path` and writes the magic and the header for `options` (and
    /// the watched nodes at `connect`, whose inputs `remote(node:_:)` takes). The times of
    /// records are read from `clock`, which is held still per input when it is a `HeldClock`;
    /// the header's start is its time now.
    /// - Throws: `RecordingWriterError` when the file cannot be created or written.
    public init(path: String, options: ConsoleOptions, clock: any EventClock, input: String? = nil, connect: [String] = []) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RecordingWriterError(path: path, reason: String(cString: strerror(errno))) }
        self.fd = fd
        self.clock = clock
        start = clock.now()
        let header = RecordingFormat.header(options: options, start: start, input: input, connect: connect)
        buffer = RecordingFormat.magic
        do { try RecordingWriter.appendDelimited(header, to: &buffer) } catch {
            close(fd)
            throw RecordingWriterError(path: path, reason: "\(error)")
        }
        flush()
        if let failure {
            close(fd)
            throw RecordingWriterError(path: path, reason: failure)
        }
    }

    deinit {
        flush()
        close(fd)
    }

    public func willApply() {
        if let held = clock as? HeldClock { time = held.hold() } else { time = clock.now() }
    }

    /// What watched node `node` (its index in `connect`) brought, as the console takes it in:
    /// written with the input being applied.
    public func remote(node: Int, _ inputs: [RemoteInput]) {
        guard failure == nil, !inputs.isEmpty else { return }
        remote.append(RemoteBatch(node: node, inputs: inputs))
    }

    public func didApply(_ input: ConsoleInput, commands: [NodeCommand]) {
        guard failure == nil else { return }
        guard var record = RecordingFormat.record(input, offset: RecordingFormat.offset(of: time, from: start), commands: commands) else {
            skipped += 1
            return
        }
        record.remote = remote.map { RecordingFormat.message($0, stores: &stores) }
        remote = []
        do { try RecordingWriter.appendDelimited(record, to: &buffer) } catch {
            fail("cannot encode a record: \(error)")
            return
        }
        records += 1
        if buffer.count >= 1 << 20 { flush() }
    }

    public func endOfWake() { flush() }

    /// Writes what is waiting.
    public func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        var sent = 0
        while sent < buffer.count {
            let n = buffer[sent...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                fail(n < 0 ? String(cString: strerror(errno)) : "the file takes no more bytes")
                return
            }
            sent += n
        }
        bytes += sent
        buffer.removeAll(keepingCapacity: true)
    }

    private func fail(_ why: String) {
        failure = why
        buffer = []
        onFailure?(why)
    }

    /// Appends `message` with its varint length.
    static func appendDelimited(_ message: some SwiftProtobuf.Message, to out: inout [UInt8]) throws {
        let body: [UInt8] = try message.serializedBytes()
        var n = UInt64(body.count)
        while n >= 0x80 {
            out.append(UInt8(n & 0x7F) | 0x80)
            n >>= 7
        }
        out.append(UInt8(n))
        out.append(contentsOf: body)
    }
}

/// A recording file that could not be created or started.
public struct RecordingWriterError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot record to \(path): \(reason)" }
}
