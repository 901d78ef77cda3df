import ArgumentParser
import Foundation
import PeatRemoteProto
import RemoteNode

/// The flags that point the console at nodes served elsewhere (`peat-console serve`).
struct ConnectOptionGroup: ParsableArguments {
    @Option(name: .customLong("connect"), help: ArgumentHelp("Watch the node serving NodeConsole at this address (repeat for several: a formation overview).", valueName: "host:port"))
    var addresses: [String] = []

    @Option(name: .customLong("token-file"), help: ArgumentHelp("Send 'authorization: Bearer <the file's first line>' on every call.", valueName: "path"))
    var tokenFile: String?

    @Option(name: .customLong("tls-ca"), help: ArgumentHelp("Connect with TLS, trusting the certificate authority in this PEM file.", valueName: "path"))
    var tlsCA: String?

    var isRemote: Bool { !addresses.isEmpty }

    func validate() throws {
        for a in addresses where ServiceAddress(a) == nil {
            throw ValidationError("--connect must be HOST:PORT (IPv6 as [::1]:PORT), got '\(a)'")
        }
        if Set(addresses.compactMap { ServiceAddress($0)?.description }).count != addresses.count {
            throw ValidationError("--connect names the same address twice")
        }
        if !isRemote && (tokenFile != nil || tlsCA != nil) {
            throw ValidationError("--token-file and --tls-ca go with --connect")
        }
        if let tlsCA, !FileManager.default.isReadableFile(atPath: tlsCA) {
            throw ValidationError("cannot read --tls-ca \(tlsCA)")
        }
    }

    /// The nodes to watch.
    func targets() throws -> [RemoteTarget] {
        var token: String?
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw ValidationError("cannot read --token-file \(tokenFile)")
            }
            token = String(text.split(whereSeparator: \.isNewline).first ?? "").trimmingCharacters(in: .whitespaces)
        }
        return addresses.compactMap(ServiceAddress.init).map { RemoteTarget(address: $0, token: token, tlsCAPath: tlsCA) }
    }
}
