#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PeatEvents
import Synchronization

/// A live input: background threads read a file, FIFO, standard input or the connections of
/// a Unix socket and decode events.
///
/// What happens to the records depends on the target:
/// - `.emitter(e)`: the reader threads emit each event through `EventEmitter.emit` (so
///   routing, queues and the store behave as on the node) and count what was accepted,
///   refused or undecodable; `onUpdate` gets the status.
/// - `.deliver(f)`: every batch of decoded records (events and errors, in stream order) is
///   handed to `f` with the source's label and status, e.g. to post it to a UI's inbox so the
///   UI's own thread emits. Records are never dropped; the status counts only decoding.
///
/// Nothing here blocks its caller: `start()` only opens (or binds) the source and starts the
/// threads. Bad records are counted and listed; reading always carries on.
public final class StreamInput: Sendable {
    /// Where the events come from.
    public let source: StreamSource
    /// The framing (`auto`: detected per stream, per connection for a socket).
    public let format: StreamFormatChoice
    /// The largest frame or line accepted.
    public let maxRecordBytes: Int

    /// Where decoded records go.
    public enum Target: Sendable {
        /// Emit on the reader thread into this emitter.
        case emitter(EventEmitter)
        /// Hand every batch to this function (on a reader thread).
        case deliver(@Sendable (StreamDelivery) -> Void)
    }

    private let target: Target
    private let onUpdate: @Sendable (StreamStatus) -> Void
    private let state: Mutex<State>
    private let stopping = Atomic<Bool>(false)

    private struct State: Sendable {
        var status: StreamStatus
        var ingest = StreamIngest(recentLimit: 8)
        var lastData: ContinuousClock.Instant?
        var lastPost: ContinuousClock.Instant?
        var dirty = false
        var listenFD: Int32 = -1
        var nextConnection = 1
    }

    /// An input from `source`, emitting into `emitter` on the reader threads.
    /// - Parameters:
    ///   - stallSeconds: silence after which the input is shown as stalled.
    ///   - onUpdate: called from a reader thread with the new status (at most about ten
    ///     times a second while data flows, at once on errors and phase changes).
    public convenience init(source: StreamSource, format: StreamFormatChoice = .auto,
                            maxRecordBytes: Int = EventStreamDecoder.defaultMaxRecordBytes,
                            stallSeconds: Double = 5, emitter: EventEmitter,
                            onUpdate: @escaping @Sendable (StreamStatus) -> Void = { _ in }) {
        self.init(source: source, format: format, maxRecordBytes: maxRecordBytes,
                  stallSeconds: stallSeconds, target: .emitter(emitter), onUpdate: onUpdate)
    }

    /// An input from `source` that hands each batch of records to `deliver` (on a reader
    /// thread), with status-only deliveries (no records) when the phase or producers change.
    public convenience init(source: StreamSource, format: StreamFormatChoice = .auto,
                            maxRecordBytes: Int = EventStreamDecoder.defaultMaxRecordBytes,
                            stallSeconds: Double = 5,
                            deliver: @escaping @Sendable (StreamDelivery) -> Void) {
        self.init(source: source, format: format, maxRecordBytes: maxRecordBytes,
                  stallSeconds: stallSeconds, target: .deliver(deliver), onUpdate: { _ in })
    }

    private init(source: StreamSource, format: StreamFormatChoice, maxRecordBytes: Int,
                 stallSeconds: Double, target: Target, onUpdate: @escaping @Sendable (StreamStatus) -> Void) {
        self.source = source
        self.format = format
        self.maxRecordBytes = maxRecordBytes
        self.target = target
        self.onUpdate = onUpdate
        var status = StreamStatus(label: source.description)
        status.stallSeconds = stallSeconds
        status.format = format.format
        state = Mutex(State(status: status))
    }

    /// What the input has done so far.
    public var status: StreamStatus { state.withLock { $0.status } }

    /// Opens the source and starts reading in the background.
    /// - Throws: `StreamSourceError` when a socket cannot be bound. A file that cannot be
    ///   opened is reported through the status (`failed`), since opening a FIFO waits for
    ///   its writer and so happens on the reader thread.
    public func start() throws {
        switch source {
        case .standardInput:
            spawn(name: "peat-stdin") { self.readLoop(fd: STDIN_FILENO, label: "stdin", connection: false) }
        case .file(let path):
            spawn(name: "peat-source") {
                let fd = open(path, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else {
                    self.fail("cannot open \(path): \(String(cString: strerror(errno)))")
                    return
                }
                self.readLoop(fd: fd, label: self.source.description, connection: false)
                close(fd)
            }
        case .unixSocket(let path):
            let fd = try StreamInput.bindUnixSocket(path)
            state.withLock { $0.listenFD = fd }
            spawn(name: "peat-listen") { self.acceptLoop(fd: fd, path: path) }
        }
        spawn(name: "peat-stall") { self.watchLoop() }
        // The first status (waiting), so a display shows the input before any data.
        state.withLock { $0.dirty = true }
        post(force: true)
    }

    /// Asks the threads to stop (they notice within a quarter second) and removes a socket
    /// file this input created.
    public func stop() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        if case .unixSocket(let path) = source { unlink(path) }
    }

    deinit { stop() }

    // MARK: Threads

    private func spawn(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { body() }
        thread.name = name
        thread.start()
    }

    private var isStopping: Bool { stopping.load(ordering: .acquiring) }

    /// Reads `fd` to its end, decoding and emitting. `connection` marks a socket producer.
    private func readLoop(fd: Int32, label: String, connection: Bool) {
        var decoder = EventStreamDecoder(format, maxRecordBytes: maxRecordBytes)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopping {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 250)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 { continue }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                deliver(decoder.finish(), label: label, bytes: 0, format: decoder.format)
                if connection { closeConnection() } else { fail("read: \(String(cString: strerror(errno)))") }
                return
            }
            if n == 0 { break }
            let records = decoder.feed(buffer[0..<n])
            deliver(records, label: label, bytes: n, format: decoder.format)
        }
        deliver(decoder.finish(), label: label, bytes: 0, format: decoder.format)
        if connection { closeConnection() } else { end() }
    }

    private func acceptLoop(fd: Int32, path: String) {
        while !isStopping {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 250)
            if ready <= 0 { continue }
            let client = accept(fd, nil, nil)
            if client < 0 { continue }
            let label = state.withLock { s -> String in
                let n = s.nextConnection
                s.nextConnection += 1
                s.status.producers += 1
                s.status.producersSeen += 1
                if s.status.phase == .waiting || s.status.phase == .ended { s.status.phase = .receiving }
                s.lastData = ContinuousClock.now
                return "conn \(n)"
            }
            post(force: true)
            spawn(name: "peat-conn") {
                self.readLoop(fd: client, label: label, connection: true)
                close(client)
            }
        }
        close(fd)
    }

    /// Marks stalls and posts throttled changes while data is quiet.
    private func watchLoop() {
        while !isStopping {
            usleep(250_000)
            let now = ContinuousClock.now
            let changed = state.withLock { s -> Bool in
                guard s.status.phase == .receiving, let last = s.lastData,
                      now - last > .seconds(s.status.stallSeconds) else { return false }
                s.status.phase = .stalled
                return true
            }
            post(force: changed)
        }
    }

    // MARK: State

    private func deliver(_ records: [StreamRecord], label: String, bytes: Int, format: StreamFormat?) {
        guard bytes > 0 || !records.isEmpty else { return }
        let (hadErrors, snapshot) = state.withLock { s -> (Bool, StreamStatus) in
            let errors: [StreamError]
            switch target {
            case .emitter(let emitter):
                errors = s.ingest.apply(records, to: emitter)
                s.status.events = s.ingest.events
                s.status.errors = s.ingest.errors
            case .deliver:
                errors = records.compactMap(\.error)
                s.status.events += records.count - errors.count
                for e in errors { s.status.errors.record(e.reason) }
            }
            for e in errors { s.status.recentErrors.append(SourcedStreamError(source: label, error: e)) }
            if s.status.recentErrors.count > 8 { s.status.recentErrors.removeFirst(s.status.recentErrors.count - 8) }
            s.status.bytes += bytes
            if s.status.format == nil { s.status.format = format }
            if bytes > 0 {
                s.lastData = ContinuousClock.now
                if s.status.phase == .waiting || s.status.phase == .stalled { s.status.phase = .receiving }
            }
            s.dirty = true
            return (!errors.isEmpty, s.status)
        }
        if case .deliver(let handOver) = target {
            // Every batch goes out (records are never dropped), in order per producer.
            handOver(StreamDelivery(source: label, records: records, status: snapshot))
            state.withLock { $0.dirty = false }
        } else {
            post(force: hadErrors)
        }
    }

    private func closeConnection() {
        state.withLock { s in
            s.status.producers -= 1
            if s.status.producers == 0 { s.status.phase = .waiting }
            s.dirty = true
        }
        post(force: true)
    }

    private func end() {
        state.withLock { s in
            s.status.phase = .ended
            s.dirty = true
        }
        post(force: true)
    }

    private func fail(_ why: String) {
        state.withLock { s in
            s.status.phase = .failed(why)
            s.dirty = true
        }
        post(force: true)
    }

    /// Hands the status on when it changed, at most every 100 ms unless forced.
    private func post(force: Bool) {
        let now = ContinuousClock.now
        let snapshot = state.withLock { s -> StreamStatus? in
            guard s.dirty || force else { return nil }
            if !force, let last = s.lastPost, now - last < .milliseconds(100) { return nil }
            s.dirty = false
            s.lastPost = now
            return s.status
        }
        guard let snapshot else { return }
        switch target {
        case .emitter: onUpdate(snapshot)
        case .deliver(let handOver): handOver(StreamDelivery(source: snapshot.label, records: [], status: snapshot))
        }
    }

    // MARK: Sockets

    /// Binds and listens on a Unix stream socket at `path`, replacing a stale socket file.
    static func bindUnixSocket(_ path: String) throws -> Int32 {
        var addr = try unixAddress(path)
        // A socket file left by an earlier run would make bind fail; remove only sockets.
        var info = stat()
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFSOCK { unlink(path) }
        let fd = try unixStreamSocket()
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw StreamSourceError(message: "cannot listen on unix:\(path): \(why)")
        }
        return fd
    }

    /// Connects to a Unix stream socket at `path` (for producers and tests).
    /// - Returns: the connected descriptor; the caller closes it.
    public static func connectUnixSocket(_ path: String) throws -> Int32 {
        var addr = try unixAddress(path)
        let fd = try unixStreamSocket()
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw StreamSourceError(message: "cannot connect to unix:\(path): \(why)")
        }
        return fd
    }

    /// The address of the Unix socket at `path`.
    private static func unixAddress(_ path: String) throws -> sockaddr_un {
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: addr.sun_path)
        let bytes = Array(path.utf8)
        guard bytes.count < capacity else {
            throw StreamSourceError(message: "socket path is longer than \(capacity - 1) bytes: \(path)")
        }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
            raw[bytes.count] = 0
        }
        return addr
    }

    /// A new Unix stream socket, closed on exec.
    private static func unixStreamSocket() throws -> Int32 {
        #if canImport(Glibc)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw StreamSourceError(message: "socket: \(String(cString: strerror(errno)))") }
        return fd
    }
}
