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
        /// The socket file `start()` created, to remove at `stop()`.
        var createdSocket: FileIdentity?
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
    /// - Throws: `StreamSourceError`, before any thread starts, when the source cannot be
    ///   used: a file that does not exist, is a directory or cannot be read; a socket path
    ///   that cannot be bound, that another process listens on, or where something other than
    ///   a socket is. A FIFO is opened on the reader thread (opening waits for a writer); one
    ///   that then fails is reported through the status (`failed`).
    public func start() throws {
        switch source {
        case .standardInput:
            spawn(name: "peat-stdin") { self.readLoop(fd: STDIN_FILENO, label: "stdin", connection: false) }
        case .file(let path):
            let opened = try StreamInput.openForReading(path)
            spawn(name: "peat-source") {
                var fd = opened
                if fd < 0 {
                    fd = open(path, O_RDONLY | O_CLOEXEC)
                    guard fd >= 0 else {
                        self.fail("cannot open \(path): \(String(cString: strerror(errno)))")
                        return
                    }
                }
                self.readLoop(fd: fd, label: self.source.description, connection: false)
                close(fd)
            }
        case .unixSocket(let path):
            let bound = try StreamInput.bindUnixSocket(path)
            state.withLock {
                $0.listenFD = bound.fd
                $0.createdSocket = bound.file
            }
            spawn(name: "peat-listen") { self.acceptLoop(fd: bound.fd, path: path) }
        }
        spawn(name: "peat-stall") { self.watchLoop() }
        // The first status (waiting), so a display shows the input before any data.
        state.withLock { $0.dirty = true }
        post(force: true)
    }

    /// Asks the threads to stop (they notice within a quarter second) and removes the socket
    /// file this input created — only that one: not a file it failed to bind over, nor one
    /// that has since replaced it (same device and inode, checked).
    public func stop() {
        guard !stopping.exchange(true, ordering: .acquiringAndReleasing) else { return }
        guard case .unixSocket(let path) = source,
              let created = state.withLock({ s -> FileIdentity? in
                  defer { s.createdSocket = nil }
                  return s.createdSocket
              }) else { return }
        if FileIdentity(path: path) == created { unlink(path) }
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
            deliver(records, label: label, bytes: n, format: decoder.format, unknown: decoder.takeUnknownFields())
        }
        let last = decoder.finish()
        deliver(last, label: label, bytes: 0, format: decoder.format, unknown: decoder.takeUnknownFields())
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

    private func deliver(_ records: [StreamRecord], label: String, bytes: Int, format: StreamFormat?,
                         unknown: UnknownFieldTally = UnknownFieldTally()) {
        guard bytes > 0 || !records.isEmpty else { return }
        let (hadErrors, snapshot) = state.withLock { s -> (Bool, StreamStatus) in
            // Emitting here, or counting what a consumer will emit itself.
            var emitter: EventEmitter?
            if case .emitter(let e) = target { emitter = e }
            let batch = s.ingest.apply(records, from: label, to: emitter)
            s.status.events = s.ingest.events
            s.status.errors = s.ingest.errors
            s.status.recentErrors = s.ingest.recentErrors
            s.status.bytes += bytes
            s.status.unknownFields.add(unknown)
            if s.status.format == nil { s.status.format = format }
            if bytes > 0 {
                s.lastData = ContinuousClock.now
                if s.status.phase == .waiting || s.status.phase == .stalled { s.status.phase = .receiving }
            }
            s.dirty = true
            return (batch.errorCount > 0, s.status)
        }
        if case .deliver(let handOver) = target {
            // Every batch goes out (no event is dropped), in order per producer; of its errors
            // only the last few travel as records, the others as counts.
            // At most `StreamDelivery.recordLimit` records a delivery, so that one delivery
            // is a small share of a wake-up however dense the input (64 KiB of zeros is
            // 65,536 empty events).
            for part in StreamDelivery.batches(source: label, records: records, status: snapshot, bytes: bytes) {
                handOver(part)
            }
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

    /// Opens `path` for `--source` before the console starts, so that a bad path is an error
    /// on the command line, not an empty console.
    /// - Returns: the open descriptor, or -1 for a FIFO (opened later on the reader thread,
    ///   since opening one waits for its writer).
    static func openForReading(_ path: String) throws -> Int32 {
        func failure(_ why: String) -> StreamSourceError {
            StreamSourceError(message: "cannot read \(InputText.escaped(path)): \(why)")
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure(String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            throw failure("is a directory")
        case S_IFIFO:
            guard access(path, R_OK) == 0 else { throw failure(String(cString: strerror(errno))) }
            return -1
        default:
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw failure(String(cString: strerror(errno))) }
            return fd
        }
    }

    /// Binds and listens on a Unix stream socket at `path`, owner-only (0600).
    ///
    /// What is already at `path` decides: nothing — bind; a socket some process accepts
    /// connections on — refuse ("in use by process N"); a socket nobody listens on (left by
    /// a run that died) — replace it; anything else — refuse and leave it alone.
    /// - Returns: the listening descriptor and the identity of the socket file created.
    static func bindUnixSocket(_ path: String) throws -> (fd: Int32, file: FileIdentity) {
        var addr = try unixAddress(path)
        let shown = "unix:" + InputText.escaped(path)
        func failure(_ why: String) -> StreamSourceError {
            StreamSourceError(message: "cannot listen on \(shown): \(why)")
        }
        var info = stat()
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFSOCK else {
                throw failure("a file that is not a socket is there (left as it is)")
            }
            switch probeListener(&addr) {
            case .listening(let pid):
                throw failure(pid.map { "in use by process \($0)" } ?? "in use (a process accepts connections on it)")
            case .stale:
                unlink(path)
            case .unknown(let why):
                throw failure("a socket is there and cannot be checked: \(why)")
            }
        }
        let fd = try unixStreamSocket()
        // Owner-only from the start: no moment at which another user could connect.
        let mask = umask(0o177)
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        let bindErrno = errno
        umask(mask)
        guard bound == 0 else {
            close(fd)
            throw failure(String(cString: strerror(bindErrno)))
        }
        guard let file = FileIdentity(path: path) else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw failure(why)
        }
        chmod(path, 0o600)
        guard listen(fd, 16) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            if FileIdentity(path: path) == file { unlink(path) }
            throw failure(why)
        }
        return (fd, file)
    }

    private enum ListenerProbe {
        case listening(pid: Int32?)
        case stale
        case unknown(String)
    }

    /// Whether a process listens on the socket at `addr` (a connection succeeds), and which.
    private static func probeListener(_ addr: inout sockaddr_un) -> ListenerProbe {
        guard let fd = try? unixStreamSocket() else { return .unknown("socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if connected == 0 { return .listening(pid: peerProcess(fd)) }
        switch errno {
        case ECONNREFUSED: return .stale
        case EAGAIN: return .listening(pid: nil)  // its backlog is full: alive
        default: return .unknown(String(cString: strerror(errno)))
        }
    }

    /// The process at the other end of a connected Unix socket, where the system says.
    private static func peerProcess(_ fd: Int32) -> Int32? {
        #if os(Linux)
        // struct ucred { pid_t pid; uid_t uid; gid_t gid; } (Glibc does not export it to Swift).
        var cred: (pid: Int32, uid: UInt32, gid: UInt32) = (0, 0, 0)
        var size = socklen_t(MemoryLayout.size(ofValue: cred))
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &size) == 0, cred.pid > 0 else { return nil }
        return cred.pid
        #else
        return nil
        #endif
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

/// A file's device and inode: which file a path names now.
struct FileIdentity: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64

    /// The identity of what `path` names (not following a symbolic link), nil when nothing.
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
