import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// `peat-console serve` and `--connect` as a user runs them, and interop with grpcio (Python)
// on both sides: a client and a node that no Swift code wrote.

/// A process running in the background (stdout and stderr in files), stopped with SIGTERM.
final class BackgroundProcess {
    let pid: pid_t
    let outPath: String
    let errPath: String
    private(set) var exitStatus: Int32?

    init(_ argv: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let scratch = FileManager.default.temporaryDirectory
        outPath = scratch.appendingPathComponent("peat-bg-out-\(UUID().uuidString)").path
        errPath = scratch.appendingPathComponent("peat-bg-err-\(UUID().uuidString)").path
        var env = environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        pid = try spawn(argv, environment: env, stdout: outPath, stderr: errPath)
    }

    var stderr: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }
    var stdout: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }

    /// Whether it has exited (reaped), without waiting.
    var hasExited: Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            exitStatus = shellExitStatus(fromWaitStatus: status)
            return true
        }
        return false
    }

    /// SIGTERM, then SIGKILL if it has not exited within `seconds`.
    /// - Returns: its exit status.
    @discardableResult
    func stop(within seconds: Double = 10) -> Int32 {
        if !hasExited { kill(pid, SIGTERM) }
        let deadline = Date().addingTimeInterval(seconds)
        while !hasExited && Date() < deadline { usleep(10_000) }
        if !hasExited {
            kill(pid, SIGKILL)
            while !hasExited { usleep(10_000) }
            return -1
        }
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
        return exitStatus ?? -1
    }

    deinit { if exitStatus == nil { kill(pid, SIGKILL); var s: Int32 = 0; waitpid(pid, &s, 0) } }
}

/// Polls `condition` every 20 ms until it holds or `seconds` pass.
func waitFor(_ seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}

/// `peat-console serve` on a free loopback port; its port is read from its log.
final class ServedNode {
    let process: BackgroundProcess
    let port: Int
    var address: String { "127.0.0.1:\(port)" }

    init(_ binary: URL, _ arguments: [String]) throws {
        let process = try BackgroundProcess([binary.path, "serve", "--grpc", "127.0.0.1:0"] + arguments)
        self.process = process
        var found: Int?
        _ = waitFor(30) {
            if let m = process.stderr.firstMatch(of: /address=127\.0\.0\.1:(\d+)/) { found = Int(m.1) }
            return found != nil || process.hasExited
        }
        guard let found else {
            let log = process.stderr
            process.stop()
            throw SpawnError(description: "serve did not report its address: \(log)")
        }
        port = found
    }
}

private let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite(.serialized) struct ServeEndToEndTests {
    @Test func threeServedNodesAreListedByOneSnapshot() throws {
        guard let binary = ConsoleBinary.require() else { return }
        let nodes = try ["alpha", "bravo", "charlie"].map { try ServedNode(binary, ["--node", $0, "--formation", "squad-7"]) }
        defer { nodes.forEach { $0.process.stop() } }
        var args = ["snapshot", "--size", "120x20", "--wait", "30"]
        for n in nodes { args += ["--connect", n.address] }
        let run = try runProcess(binary, args)
        #expect(run.status == 0, "\(run.stderr)")
        for (name, n) in zip(["alpha", "bravo", "charlie"], nodes) {
            let row = run.stdout.split(separator: "\n").first { $0.contains(name) }
            #expect(row != nil, "no row for \(name):\n\(run.stdout)")
            #expect(row?.contains(n.address) == true)
            #expect(row?.contains("live") == true, "\(name) not live:\n\(run.stdout)")
        }
        #expect(run.stdout.contains("Formation"))
        for n in nodes { #expect(n.process.stop() == 0, "serve did not stop cleanly on SIGTERM: \(n.process.stderr)") }
    }

    @Test func oneNodeShowsItsPanesAndReadOnlyKeysSaySo() throws {
        guard let binary = ConsoleBinary.require() else { return }
        let node = try ServedNode(binary, ["--node", "solo", "--scenario", "none"])
        defer { node.process.stop() }
        let run = try runProcess(binary, ["snapshot", "--size", "120x30", "--wait", "30", "--connect", node.address, "--keys", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("solo @ squad-1") || run.stdout.contains("solo@squad-1"), "\(run.stdout)")  // the header shortens to fit the address
        #expect(run.stdout.contains("Outbound queue"))
        #expect(run.stdout.contains("read-only node"), "\(run.stdout)")
    }

    @Test func plaintextOffLoopbackIsRefusedWithAReason() throws {
        guard let binary = ConsoleBinary.require() else { return }
        let run = try runProcess(binary, ["serve", "--grpc", "0.0.0.0:0"])
        #expect(run.status != 0)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("without TLS"))
    }

    @Test func anUnreachableAddressIsAStateOnScreen() throws {
        guard let binary = ConsoleBinary.require() else { return }
        // A port nothing listens on: bound by a served node that is then stopped.
        let node = try ServedNode(binary, ["--node", "gone"])
        let address = node.address
        node.process.stop()
        let run = try runProcess(binary, ["snapshot", "--size", "100x20", "--connect", address, "--connect", "127.0.0.1:1", "--wait", "30"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("refused"), "\(run.stdout)")
    }
}

/// The Python that has grpcio and grpcio-tools: $PEAT_GRPC_PYTHON, the CI's virtualenv
/// (.build-grpc-venv), or python3.
enum GRPCPython {
    static let path: String? = {
        var candidates: [String] = []
        if let p = ProcessInfo.processInfo.environment["PEAT_GRPC_PYTHON"], !p.isEmpty { candidates.append(p) }
        candidates.append(repositoryRoot.appendingPathComponent(".build-grpc-venv/bin/python3").path)
        candidates.append("python3")
        for c in candidates {
            if let r = try? spawnAndWait([c, "-c", "import grpc, grpc_tools"], environment: ProcessInfo.processInfo.environment),
               r.status == 0 { return c }
        }
        return nil
    }()

    /// CI sets PEAT_REQUIRE_GRPC_INTEROP: there a missing grpcio fails instead of skipping.
    static var available: Bool {
        if path == nil, ProcessInfo.processInfo.environment["PEAT_REQUIRE_GRPC_INTEROP"] != nil {
            Issue.record("grpcio/grpcio-tools not found (set PEAT_GRPC_PYTHON or create .build-grpc-venv)")
        }
        return path != nil
    }

    /// Generates console.proto's Python modules (and the schema's it imports) into a new directory.
    static func generate() throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("peat-grpc-py-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let proto = repositoryRoot.appendingPathComponent("assets/proto").path
        let run = try spawnAndWait([path!, "-m", "grpc_tools.protoc", "-I", proto, "--python_out=\(out)", "--grpc_python_out=\(out)",
                                    "\(proto)/cap/console/v1/console.proto", "\(proto)/cap/event/v1/event.proto",
                                    "\(proto)/cap/common/v1/common.proto"], environment: ProcessInfo.processInfo.environment)
        guard run.status == 0 else { throw SpawnError(description: "grpc_tools.protoc failed: \(run.stderr)") }
        return out
    }

    static func script(_ name: String) -> String { repositoryRoot.appendingPathComponent("Tests/Interop/grpc/\(name)").path }
}

@Suite(.serialized, .enabled(if: GRPCPython.available)) struct GRPCInteropTests {
    @Test func aGrpcioClientWatchesAServedNodeAndItsControlCallsAreChecked() throws {
        guard let binary = ConsoleBinary.require(), let python = GRPCPython.path else { return }
        let generated = try GRPCPython.generate()
        defer { try? FileManager.default.removeItem(atPath: generated) }
        let client = GRPCPython.script("console_client.py")
        let env = ProcessInfo.processInfo.environment

        let readOnly = try ServedNode(binary, ["--node", "py-watched", "--scenario", "none"])
        defer { readOnly.process.stop() }
        let first = try spawnAndWait([python, client, generated, "first", readOnly.address, "--node", "py-watched"], environment: env)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("\"node\": \"py-watched\""))
        let refused = try spawnAndWait([python, client, generated, "readonly", readOnly.address], environment: env)
        #expect(refused.status == 0, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stdout.contains("PERMISSION_DENIED"))

        let steered = try ServedNode(binary, ["--node", "py-steered", "--scenario", "none", "--allow-control"])
        defer { steered.process.stop() }
        let control = try spawnAndWait([python, client, generated, "control", steered.address, "--node", "py-steered"], environment: env)
        #expect(control.status == 0, "\(control.stdout)\(control.stderr)")

        let tokenFile = FileManager.default.temporaryDirectory.appendingPathComponent("peat-token-\(UUID().uuidString)").path
        try "t0ken-\(UUID().uuidString)\n".write(toFile: tokenFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: tokenFile) }
        let token = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let guarded = try ServedNode(binary, ["--node", "py-guarded", "--token-file", tokenFile])
        defer { guarded.process.stop() }
        let tokenCheck = try spawnAndWait([python, client, generated, "token", guarded.address, "--token", token], environment: env)
        #expect(tokenCheck.status == 0, "\(tokenCheck.stdout)\(tokenCheck.stderr)")
        // And the console with the same token file sees it live; without, unauthorised.
        let with = try runProcess(binary, ["snapshot", "--size", "120x20", "--wait", "30", "--connect", guarded.address, "--token-file", tokenFile])
        #expect(with.stdout.contains("py-guarded") && with.stdout.contains(" live"), "\(with.stdout)")  // the header shortens "node @ formation" to fit the address
        let without = try runProcess(binary, ["snapshot", "--size", "120x20", "--wait", "30", "--connect", guarded.address])
        #expect(without.stdout.contains("unauthorised"), "\(without.stdout)")
    }

    @Test func snapshotWatchesANodeThatNoSwiftCodeWrote() throws {
        guard let binary = ConsoleBinary.require(), let python = GRPCPython.path else { return }
        let generated = try GRPCPython.generate()
        defer { try? FileManager.default.removeItem(atPath: generated) }
        let portFile = FileManager.default.temporaryDirectory.appendingPathComponent("peat-fake-port-\(UUID().uuidString)").path
        let fake = try BackgroundProcess([python, GRPCPython.script("fake_node.py"), generated, portFile, "--node", "py-node", "--lifetime", "60"])
        defer {
            fake.stop()
            try? FileManager.default.removeItem(atPath: portFile)
        }
        #expect(waitFor(30) { FileManager.default.fileExists(atPath: portFile) || fake.hasExited }, "fake node did not start: \(fake.stderr)")
        let port = try #require(Int((try? String(contentsOfFile: portFile, encoding: .utf8)) ?? ""), "no port: \(fake.stderr)")
        let run = try runProcess(binary, ["snapshot", "--size", "120x30", "--wait", "30", "--connect", "127.0.0.1:\(port)"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("py-node @ py-formation") || run.stdout.contains("py-node@py-formation"), "\(run.stdout)")
        #expect(run.stdout.contains("critical.python"), "\(run.stdout)")
        #expect(run.stdout.contains("read-only"), "\(run.stdout)")
    }
}
