import Foundation

/// Writes a copy to a new file, never over an existing one.
public enum NewFile {
    /// Why a file could not be written.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `text` and a newline to `<directory>/<stem>.json`, or `<stem>-2.json`,
    /// `<stem>-3.json`… when taken (created exclusively: an existing file is never replaced).
    /// `directory` nil is the working directory.
    /// - Returns: the path written.
    public static func create(_ text: String, stem: String, in directory: String?) throws -> String {
        let directory = directory ?? FileManager.default.currentDirectoryPath
        let bytes = Array((text + "\n").utf8)
        for n in 1...1_000 {
            let name = n == 1 ? stem + ".json" : "\(stem)-\(n).json"
            let path = (directory as NSString).appendingPathComponent(name)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw Failure(description: String(cString: strerror(errno)))
            }
            defer { close(fd) }
            var written = 0
            while written < bytes.count {
                let r = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if r < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: String(cString: strerror(errno)))
                }
                written += r
            }
            return path
        }
        throw Failure(description: "\(stem).json and 999 numbered names after it exist")
    }
}
