#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import PeatEvents

extension StreamFormat: ExpressibleByArgument {}
extension StreamFormatChoice: ExpressibleByArgument {}

/// Plain blocking output to a file descriptor, for the stream subcommands (no terminal).
struct DescriptorOutput {
    let fd: Int32

    /// Writes all of `bytes`.
    /// - Returns: false when the reader went away (a closed pipe) or the write failed.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    /// Writes `text` and a newline.
    @discardableResult
    func line(_ text: String) -> Bool { write(Array((text + "\n").utf8)) }

    static let standardOutput = DescriptorOutput(fd: STDOUT_FILENO)
    static let standardError = DescriptorOutput(fd: STDERR_FILENO)

    /// A closed pipe should end the writer quietly with an error from `write`, not a signal.
    static func ignoreBrokenPipes() { signal(SIGPIPE, SIG_IGN) }
}

/// Reads a descriptor to its end in chunks.
struct DescriptorInput {
    let fd: Int32

    /// Calls `body` with each chunk read, until end of file.
    /// - Throws: `ExitCode.failure` when reading fails.
    func forEachChunk(size: Int = 64 * 1024, _ body: (ArraySlice<UInt8>) -> Void) throws {
        var buffer = [UInt8](repeating: 0, count: size)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                DescriptorOutput.standardError.line("peat-console: read failed: \(String(cString: strerror(errno)))")
                throw ExitCode.failure
            }
            if n == 0 { return }
            body(buffer[0..<n])
        }
    }

    static let standardInput = DescriptorInput(fd: STDIN_FILENO)
}
