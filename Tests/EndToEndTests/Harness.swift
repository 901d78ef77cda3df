import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

// Helpers for driving the real `peat-console` binary: find it, run it plainly, or run it
// inside a private tmux server and read the screen.

/// Where the built `peat-console` is: `$PEAT_CONSOLE_BIN`, else next to this test bundle
/// (SwiftPM puts test bundles and executables in the same bin directory), else under the
/// package's `.build*` directories.
enum ConsoleBinary {
    static let url: URL? = locate()

    private static func locate() -> URL? {
        let fm = FileManager.default
        if let override = ProcessInfo.processInfo.environment["PEAT_CONSOLE_BIN"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        var candidates: [URL] = []
        for start in [URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath(),
                      Bundle.main.executableURL, Bundle.main.bundleURL,
                      URL(fileURLWithPath: CommandLine.arguments.first ?? "")].compactMap({ $0 }) {
            // The bundle may be an .xctest directory (macOS) or a file (Linux): try its
            // directory and the directories above it.
            var dir = start.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(dir.appendingPathComponent("peat-console"))
                dir = dir.deletingLastPathComponent()
            }
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        if let entries = try? fm.contentsOfDirectory(atPath: packageRoot.path) {
            for entry in entries.sorted() where entry.hasPrefix(".build") {
                candidates.append(packageRoot.appendingPathComponent("\(entry)/debug/peat-console"))
            }
        }
        return candidates.first { fm.isExecutableFile(atPath: $0.path) }
    }

    /// The binary, or a recorded failure saying how to build it.
    static func require(sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        if let url { return url }
        Issue.record("peat-console binary not found next to the test bundle; run `swift build` first or set PEAT_CONSOLE_BIN",
                     sourceLocation: sourceLocation)
        return nil
    }
}

/// The outcome of a finished process.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `executable` with `arguments` to completion, stdin from /dev/null, output captured.
func runProcess(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> ProcessResult {
    var env = environment ?? ProcessInfo.processInfo.environment
    env["SWIFT_BACKTRACE"] = "enable=no"
    return try spawnAndWait([executable.path] + arguments, environment: env)
}

struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

/// Runs `argv` (searched in PATH) to completion with stdin from /dev/null and stdout/stderr
/// in temporary files, and returns its status (128 + signal if a signal ended it).
///
/// Not Foundation's `Process`: on Linux it detects the child's exit through a socket the
/// child inherits, so a child that leaves a daemon behind (the first tmux command starts the
/// server) never "exits". Files instead of pipes for the same reason; every other
/// descriptor is closed in the child.
func spawnAndWait(_ argv: [String], environment: [String: String]) throws -> ProcessResult {
    let scratch = FileManager.default.temporaryDirectory
    let outPath = scratch.appendingPathComponent("peat-e2e-out-\(UUID().uuidString)").path
    let errPath = scratch.appendingPathComponent("peat-e2e-err-\(UUID().uuidString)").path
    defer {
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }
    let pid = try spawn(argv, environment: environment, stdout: outPath, stderr: errPath)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return ProcessResult(
        status: shellExitStatus(fromWaitStatus: status),
        stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
}

/// Starts `argv` (searched in PATH) with stdin from /dev/null, stdout and stderr into the
/// files at `stdout` and `stderr` (created or truncated), every other descriptor closed.
/// - Returns: its pid (the caller reaps it).
func spawn(_ argv: [String], environment: [String: String], stdout: String, stderr: String) throws -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    closeOtherDescriptors(&actions)
    let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    let cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        cArgs.forEach { free($0) }
        cEnv.forEach { free($0) }
    }
    var attributes = shellLikeSpawnAttributes()
    defer { posix_spawnattr_destroy(&attributes) }
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
    guard rc == 0 else { throw SpawnError(description: "cannot run \(argv[0]): \(String(cString: strerror(rc)))") }
    return pid
}

/// A process's exit status as a shell says it: its code, or 128 + the signal that ended it.
func shellExitStatus(fromWaitStatus status: Int32) -> Int32 {
    (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
}

/// Adds "close every descriptor from 3 up" to `actions` where the C library offers it
/// (glibc ≥ 2.34; Swift does not import the `_np` declaration, so it is looked up).
private func closeOtherDescriptors(_ actions: inout posix_spawn_file_actions_t) {
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
    _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
}

/// True when `program` is on the PATH.
func onPath(_ program: String) -> Bool {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        if FileManager.default.isExecutableFile(atPath: "\(dir)/\(program)") { return true }
    }
    return false
}

/// True when tmux can be run here.
let tmuxAvailable = onPath("tmux")

/// A private tmux server (its own socket, no config) with one session running a shell
/// script in a scratch directory. The script's files (`before`, `after`, `status`, `pid`,
/// `stderr`) are how tests learn what happened; the screen is read with `capture-pane`.
final class TmuxConsole {
    /// The scratch directory the script runs in.
    let directory: URL
    private let socket = "peat-e2e-\(UUID().uuidString.prefix(8))"

    /// How long any wait may take before the test fails (generous: debug build, 2 cores).
    static let deadline: TimeInterval = 15

    /// The terminal type the console runs under.
    static let terminalType: String = {
        for t in ["tmux-256color", "screen-256color", "xterm-256color"] {
            if runQuiet(["infocmp", t]) { return t }
        }
        return "screen"
    }()

    /// Starts tmux at `width`×`height` running `script` (a POSIX sh script body) with the
    /// variable `BIN` set to the console binary and `TERM` to a 256-colour type.
    init(script: String, width: Int = 120, height: Int = 40, interactiveShell: Bool = false) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let bin = ConsoleBinary.url?.path ?? "peat-console"
        let header = """
            export BIN='\(bin)'
            export TERM='\(Self.terminalType)'
            export SWIFT_BACKTRACE=interactive=no
            unset NO_COLOR ESCDELAY
            cd '\(directory.path)'

            """
        try (header + script).write(to: directory.appendingPathComponent("run.sh"), atomically: true, encoding: .utf8)
        let command: String
        if interactiveShell {
            // A job-control shell, so C-z / fg work as for a user; tests type `sh run.sh`.
            command = "cd '\(directory.path)' && PS1='$ ' exec bash --norc --noprofile -i"
        } else {
            command = "sh '\(directory.appendingPathComponent("run.sh").path)'"
        }
        try tmux(["new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)", command])
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs a tmux command against this server and returns what it printed.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TMUX")
        if env["TERM"] == nil || env["TERM"] == "dumb" { env["TERM"] = "xterm-256color" }
        return try spawnAndWait(["tmux", "-L", socket, "-f", "/dev/null"] + arguments, environment: env).stdout
    }

    /// The pane's text now.
    func screen() -> String { (try? tmux(["capture-pane", "-p", "-t", "e2e"])) ?? "" }

    /// Sends tmux key names (e.g. "1", "Space", "C-c", "Escape").
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "e2e"] + keys) }

    /// Types `text` literally, then Enter.
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", "e2e", "-l", text])
        try tmux(["send-keys", "-t", "e2e", "Enter"])
    }

    /// Resizes the window (the console gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format value of the pane, e.g. "#{alternate_on}".
    func paneFormat(_ format: String) -> String {
        ((try? tmux(["display-message", "-p", "-t", "e2e", format])) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `condition` holds; returns the last screen and whether it held.
    @discardableResult
    func waitForScreen(_ what: String, sourceLocation: SourceLocation = #_sourceLocation,
                       _ condition: (String) -> Bool) -> String {
        let screen = poll { let s = self.screen(); return condition(s) ? s : nil }
        if let screen { return screen }
        let last = self.screen()
        Issue.record("timed out waiting for \(what); screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    /// Polls until the screen shows `text`.
    @discardableResult
    func waitForText(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        waitForScreen("'\(text)'", sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Polls until the script wrote `name` (non-empty) and returns its contents (trimmed).
    func waitForFile(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let url = directory.appendingPathComponent(name)
        let contents = poll { () -> String? in
            guard let s = try? String(contentsOf: url, encoding: .utf8), s.hasSuffix("\n") else { return nil }
            return s.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if contents == nil {
            Issue.record("timed out waiting for the script to write '\(name)'; screen was:\n\(screen())",
                         sourceLocation: sourceLocation)
        }
        return contents
    }

    /// A file the script wrote, if any.
    func file(_ name: String) -> String? {
        (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
    }

    /// Calls `probe` every 20 ms until it returns a value or the deadline passes.
    private func poll<T>(_ probe: () -> T?) -> T? {
        let end = Date().addingTimeInterval(Self.deadline)
        repeat {
            if let v = probe() { return v }
            usleep(20_000)
        } while Date() < end
        return probe()
    }
}

private func runQuiet(_ argv: [String]) -> Bool {
    (try? spawnAndWait(argv, environment: ProcessInfo.processInfo.environment))?.status == 0
}

/// The shell script that records the terminal state around one console run:
/// `before`/`after` hold `stty -g`, `status` the exit status, `pid` the console's pid and
/// `stderr` what it printed there. The shell catches INT/TERM/QUIT/HUP itself (so a Ctrl-C
/// that reaches the whole foreground group still lets it write `status` and `after`); the
/// console gets default dispositions on exec.
/// - Parameters:
///   - arguments: the console's arguments, shell-quoted.
///   - environment: assignments put before the command, e.g. `TERM=dumb`.
///   - redirect: extra redirections, e.g. `<&-` to close stdin.
func recordedRun(_ arguments: String, environment: String = "", redirect: String = "") -> String {
    """
    trap ':' INT TERM QUIT HUP
    stty -g > before.tmp && mv before.tmp before
    \(environment) sh -c 'echo $$ > pid.tmp && mv pid.tmp pid && exec "$0" "$@"' "$BIN" \(arguments) 2> stderr \(redirect)
    echo $? > status.tmp && mv status.tmp status
    stty -g > after.tmp && mv after.tmp after

    """
}

/// Spawn attributes that start a child as a shell would: the test runner's threads block most
/// signals and a spawned process inherits the mask, so the child gets an empty mask and
/// default dispositions. The caller destroys them (`posix_spawnattr_destroy`).
func shellLikeSpawnAttributes() -> posix_spawnattr_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    var emptySet = sigset_t(), allSignals = sigset_t()
    sigemptyset(&emptySet)
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &emptySet)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    return attributes
}
