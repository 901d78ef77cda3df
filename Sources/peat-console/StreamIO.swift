#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import PeatEvents

extension StreamFormat: ExpressibleByArgument {}
extension StreamFormatChoice: ExpressibleByArgument {}

/// How a write to a descriptor went.
enum WriteOutcome: Equatable {
    /// Every byte was written.
    case written
    /// The reader went away (EPIPE: a closed pipe or socket): an ordinary end, not an error.
    case readerGone
    /// The write failed (a full disk, an I/O error…), with the reason in words.
    case failed(String)
}

/// Exit statuses of the stream subcommands (`gen`, `convert`), as `help` documents them.
enum StreamExitStatus {
    /// Some input records were bad (convert): they were reported and skipped.
    static let badRecords: Int32 = 1
    /// Reading the input or writing the output failed (EX_IOERR); the reason is on stderr.
    static let ioError: Int32 = 74
    /// The sentence for `help`.
    static let help = "Exit status: 0 done (also when the reader of the output goes away), 1 bad input records (convert), 64 bad flags, 74 an input or output error such as a full disk (the reason is on standard error)."
}

/// Plain blocking output to a file descriptor, for the stream subcommands (no terminal).
struct DescriptorOutput {
    let fd: Int32

    /// Writes all of `bytes`.
    @discardableResult
    func write(_ bytes: [UInt8]) -> WriteOutcome {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 && errno == EPIPE { return .readerGone }
            if n < 0 { return .failed(String(cString: strerror(errno))) }
            if n == 0 { return .failed("the output takes no more bytes") }
            sent += n
        }
        return .written
    }

    /// Writes `text` and a newline.
    @discardableResult
    func line(_ text: String) -> WriteOutcome { write(Array((text + "\n").utf8)) }

    /// Ends the command for `outcome` of writing its output: quietly when the reader went
    /// away, with the reason and `StreamExitStatus.ioError` when the write failed.
    /// - Returns: only for `.written`.
    static func check(_ outcome: WriteOutcome, command: String) throws {
        switch outcome {
        case .written: return
        case .readerGone: throw ExitCode.success
        case .failed(let why):
            standardError.line("peat-console \(command): cannot write the output: \(why)")
            throw ExitCode(StreamExitStatus.ioError)
        }
    }

    static let standardOutput = DescriptorOutput(fd: STDOUT_FILENO)
    static let standardError = DescriptorOutput(fd: STDERR_FILENO)

    /// A closed pipe should end the writer quietly with an error from `write`, not a signal.
    static func ignoreBrokenPipes() { signal(SIGPIPE, SIG_IGN) }
}

/// Reads a descriptor to its end in chunks.
struct DescriptorInput {
    let fd: Int32

    /// Calls `body` with each chunk read, until end of file.
    /// - Throws: `ExitCode(StreamExitStatus.ioError)` when reading fails, or what `body` throws.
    func forEachChunk(size: Int = 64 * 1024, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: size)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                DescriptorOutput.standardError.line("peat-console: read failed: \(String(cString: strerror(errno)))")
                throw ExitCode(StreamExitStatus.ioError)
            }
            if n == 0 { return }
            try body(buffer[0..<n])
        }
    }

    static let standardInput = DescriptorInput(fd: STDIN_FILENO)
}
