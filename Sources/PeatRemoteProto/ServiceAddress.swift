/// `HOST:PORT` (`[::1]:7450` for IPv6) as given on a command line.
public struct ServiceAddress: Equatable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`; the port 0…65535 (0: any free port, for tests).
    public init?(_ text: String) {
        let host: Substring
        let port: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            port = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") else { return nil }
            host = text[..<colon]
            port = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, let p = Int(port), (0...65535).contains(p) else { return nil }
        self.host = host == "localhost" ? "127.0.0.1" : String(host)
        self.port = p
    }

    /// An IPv6 literal.
    public var isIPv6: Bool { host.contains(":") }

    /// Only this machine can reach it: 127.0.0.0/8 or ::1.
    public var isLoopback: Bool {
        if isIPv6 { return host == "::1" }
        let parts = host.split(separator: ".")
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    public var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
