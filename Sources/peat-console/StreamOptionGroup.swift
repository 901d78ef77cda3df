#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Console
import LocalNode
import PeatEvents
import PeatInputs

/// The flags that feed the live console from a stream of events instead of the demo.
struct StreamOptionGroup: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Feed the console from a stream of events: a file, a FIFO, or - for standard input.",
        discussion: "The demo generator is off and auto-drain on. With -, keys are read from /dev/tty.",
        valueName: "path"))
    var source: String?

    @Option(help: ArgumentHelp("Feed the console from producers that connect to a Unix socket (several at once).",
                               valueName: "unix:/path"))
    var listen: ListenAddressArgument?

    @Flag(name: .customLong("allow-inject"), help: "With --source or --listen: let keys 1-4, t and b inject synthetic events into the live node (off by default).")
    var allowInject = false

    @Option(help: "Framing of the input: jsonl, protobuf, or auto (from the first bytes; per connection for --listen).")
    var format: StreamFormatChoice = .auto

    @Option(name: .customLong("max-record-bytes"), help: "Largest frame or line accepted; longer ones are counted and skipped.")
    var maxRecordBytes: Int = EventStreamDecoder.defaultMaxRecordBytes

    @Option(name: .customLong("stall-seconds"), help: "Seconds without data after which the input is shown as stalled.")
    var stallSeconds: Double = 5

    func validate() throws {
        if source != nil && listen != nil { throw ValidationError("use either --source or --listen, not both") }
        guard StreamOptionGroup.recordBytesRange.contains(maxRecordBytes) else {
            throw ValidationError("--max-record-bytes must be between 1 and \(StreamOptionGroup.recordBytesRange.upperBound) (got \(maxRecordBytes))")
        }
        // A Duration is built from it: 1e308 seconds trapped. A day is longer than any stall
        // worth showing.
        guard StreamOptionGroup.stallRange.contains(stallSeconds) else {
            throw ValidationError("--stall-seconds must be between 0.1 and 86400 (got \(stallSeconds))")
        }
    }

    /// The input asked for, if any.
    var streamSource: StreamSource? {
        if let source { return StreamSource.source(source) }
        if let listen { return listen.source }
        return nil
    }

    /// With an input, the console runs no generator and starts with auto-drain on.
    func apply(to options: inout ConsoleOptions) {
        guard streamSource != nil else { return }
        options.scenario = .none
        options.streaming = true
        options.allowInject = allowInject
    }

    /// Accepted `--stall-seconds`.
    static let stallRange = 0.1...86_400.0
    /// Accepted `--max-record-bytes`: up to 1 GiB (a record is held whole in memory).
    static let recordBytesRange = 1...(1 << 30)

    /// Most deliveries that may wait in the inbox before a reader holds back (and so, through
    /// the pipe or socket, its producer).
    static let inboxLimit = 256

    /// Starts reading the input in the background; each batch is posted to `inbox`.
    /// - Returns: the running input (stop it when the console ends), nil without one.
    /// - Throws: a message for standard error when the source cannot be opened or the socket
    ///   cannot be bound (before the screen opens).
    func start(into inbox: Inbox) throws -> StreamInput? {
        guard let streamSource else { return nil }
        // A reader holds back (and so, through the pipe or socket, its producer) while the
        // inbox holds its bound of records or bytes; status-only deliveries never wait.
        let input = StreamInput(source: streamSource, format: format, maxRecordBytes: maxRecordBytes,
                                stallSeconds: stallSeconds) { delivery in
            if delivery.records.isEmpty {
                inbox.post(.stream(delivery))
            } else {
                inbox.post(.stream(delivery), waitingFor: { false })
            }
        }
        try input.start()
        return input
    }
}
