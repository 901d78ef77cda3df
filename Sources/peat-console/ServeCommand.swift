#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Console
import Dispatch
import Foundation
import LocalNode
import Logging
import NodeService
import PeatRemoteProto
import PeatEvents
import PeatInputs

/// `peat-console serve`: a headless node that serves NodeConsole over gRPC, for consoles on
/// this machine or (with TLS) elsewhere to watch and, with --allow-control, to steer.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a headless node and serve its state over gRPC (NodeConsole) for consoles to watch.",
        discussion: """
            The node has the same inputs as run (the demo, --source, --listen) and logs to \
            standard error; SIGINT or SIGTERM stop it cleanly. It binds loopback by default. \
            Any other address needs TLS (--tls-cert, --tls-key) unless --insecure is given.

            Example: peat-console serve --grpc 127.0.0.1:7450 --node n1 --allow-control
            """
    )

    @OptionGroup var console: ConsoleOptionGroup
    @OptionGroup(title: "Live input") var streams: StreamOptionGroup

    @Option(name: .customLong("grpc"), help: ArgumentHelp("Address to serve on (0 as port: any free one).", valueName: "host:port"))
    var address: String = "127.0.0.1:7450"

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("PEM certificate chain: serve TLS (with --tls-key).", valueName: "path"))
    var tlsCert: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("PEM private key of --tls-cert.", valueName: "path"))
    var tlsKey: String?

    @Flag(help: "Allow plaintext on a non-loopback address (anyone on the network can watch the node).")
    var insecure = false

    @Option(name: .customLong("token-file"), help: ArgumentHelp("Every call must carry 'authorization: Bearer <the file's first line>'.", valueName: "path"))
    var tokenFile: String?

    @Flag(name: .customLong("allow-control"), help: "Answer control calls (inject, pop, set policy, acknowledge); without it they get PERMISSION_DENIED.")
    var allowControl = false

    @Option(name: .customLong("max-watchers"), help: "Most consoles watching at once.")
    var maxWatchers: Int = 16

    @Option(name: .customLong("watch-buffer"), help: "Updates kept per watcher that reads slowly; older ones are dropped and counted.")
    var watchBuffer: Int = 64

    @Option(name: .customLong("interval-ms"), help: "Snapshot period: the least time between two updates to a watcher, milliseconds.")
    var intervalMs: Int = 100

    func validate() throws {
        guard ServiceAddress(address) != nil else {
            throw ValidationError("--grpc must be HOST:PORT (IPv6 as [::1]:PORT), got '\(address)'")
        }
        guard (1...1024).contains(maxWatchers) else { throw ValidationError("--max-watchers must be 1...1024") }
        guard (1...100_000).contains(watchBuffer) else { throw ValidationError("--watch-buffer must be 1...100000") }
        guard (10...10_000).contains(intervalMs) else { throw ValidationError("--interval-ms must be 10...10000") }
    }

    /// Prints `peat-console serve: <why>` and exits with status 2.
    private func refuse(_ why: String) -> ExitCode {
        FileHandle.standardError.write(Data("peat-console serve: \(why)\n".utf8))
        return ExitCode(2)
    }

    func serverConfig() throws -> NodeServerConfig {
        var config = NodeServerConfig()
        config.address = ServiceAddress(address)!
        config.tlsCertificatePath = tlsCert
        config.tlsKeyPath = tlsKey
        config.insecure = insecure
        config.allowControl = allowControl
        config.limits = WatchHub.Limits(intervalMs: intervalMs, maxWatchers: maxWatchers, bufferCapacity: watchBuffer)
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw refuse("cannot read the token file \(tokenFile)")
            }
            config.token = String(text.split(whereSeparator: \.isNewline).first ?? "").trimmingCharacters(in: .whitespaces)
        }
        for path in [tlsCert, tlsKey].compactMap({ $0 }) where !FileManager.default.isReadableFile(atPath: path) {
            throw refuse("cannot read \(path)")
        }
        if let why = config.refusal { throw refuse(why) }
        return config
    }

    func run() throws {
        let config = try serverConfig()
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let logger = Logger(label: "peat.node")
        var options = console.options
        streams.apply(to: &options)
        let clock = SystemClock()
        let source = LocalNodeSource(options: options, clock: clock)
        let node = WatchedNode(source: source)
        let server = NodeServer(node: node, config: config, logger: logger)
        let inbox = Inbox()
        let input: StreamInputHandle
        do { input = StreamInputHandle(try streams.start(into: inbox)) } catch {
            throw refuse("\(error)")
        }
        defer { input.stop() }

        // The node's own loop: inputs, time, the demo and auto-drain. It takes only the node's
        // lock; watchers are fed from snapshots on the server's side.
        let driver = NodeDriver(node: node, inbox: inbox, clock: clock, options: options)
        driver.start()
        defer { driver.stop() }

        // SIGINT/SIGTERM: stop serving, let the loop end.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let signals = [SIGINT, SIGTERM].map { sig -> DispatchSourceSignal in
            let s = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            s.setEventHandler {
                logger.info("stopping", metadata: ["signal": "\(sig == SIGINT ? "SIGINT" : "SIGTERM")"])
                server.shutdown()
            }
            s.resume()
            return s
        }
        defer { signals.forEach { $0.cancel() } }
        logger.info("node started", metadata: ["node": "\(options.nodeID)", "formation": "\(options.formationID)",
                                               "instance": "\(node.instanceID)", "scenario": "\(options.scenario)"])

        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await server.run() } catch { failure.set("\(error)") }
            done.signal()
        }
        done.wait()
        if let why = failure.value {
            logger.error("serving failed", metadata: ["reason": "\(why)"])
            throw refuse("cannot serve on \(config.address): \(why)")
        }
        logger.info("stopped", metadata: ["snapshots": "\(server.hub.snapshots)", "dropped-updates": "\(server.hub.totalDropped)"])
    }
}

/// The live input, if any, stopped at the end.
struct StreamInputHandle {
    let input: StreamInput?
    init(_ input: StreamInput?) { self.input = input }
    func stop() { input?.stop() }
}

/// A message set from another task.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    func set(_ t: String) { lock.withLock { text = t } }
    var value: String? { lock.withLock { text } }
}

/// Drives a served node on its own thread: stream input from the inbox, then time (the demo
/// generator, auto-drain at the link rate, TTL, the link), every few milliseconds.
final class NodeDriver: @unchecked Sendable {
    private let node: WatchedNode
    private let inbox: Inbox
    private let clock: any EventClock
    private let options: ConsoleOptions
    private let lock = NSLock()
    private var stopping = false
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)

    /// Period of the loop, microseconds.
    static let periodMicros: UInt32 = 10_000

    init(node: WatchedNode, inbox: Inbox, clock: any EventClock, options: ConsoleOptions) {
        self.node = node
        self.inbox = inbox
        self.clock = clock
        self.options = options
    }

    func start() {
        let t = Thread { [self] in
            let autoDrain = options.scenario == .demo || options.streaming
            while !lock.withLock({ stopping }) {
                for action in inbox.drain() {
                    if case .stream(let delivery) = action { node.perform(.ingest(delivery)) }
                }
                node.perform(.advance(to: clock.now(), generate: options.scenario == .demo,
                                      drainRate: autoDrain ? options.linkRate : 0, batch: options.batchSize))
                usleep(NodeDriver.periodMicros)
            }
            finished.signal()
        }
        t.name = "peat-node"
        thread = t
        t.start()
    }

    func stop() {
        guard thread != nil else { return }
        lock.withLock { stopping = true }
        finished.wait()
        thread = nil
    }
}
