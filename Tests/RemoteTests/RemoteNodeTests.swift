#if canImport(Glibc)
import Glibc
#endif
import Console
import Foundation
import LocalNode
import NodeService
import PeatEvents
import PeatRemoteProto
import RemoteNode
import Testing

/// A console's remote source against a real server on loopback: state, control, read-only,
/// tokens, and the failures that must show as states (refused, not gRPC, a node that dies or
/// restarts).
@Suite(.serialized) struct RemoteNodeTests {
    @Test func watchesANodeAndSeesItsState() async throws {
        let node = makeNode("watched", formation: "f-1")
        node.perform(.inject(.critical))
        node.perform(.inject(.normal))
        let server = try await RunningServer.start(node)
        let remote = RemoteNodeSource(target: RemoteTarget(address: server.address))
        let mirror = Mirror(remote)
        let live = await mirror.until { $0.connection?.phase == .live && $0.pending == 2 }
        #expect(live, "connection: \(String(describing: mirror.model.connection))")
        #expect(mirror.model.nodeID == "watched")
        #expect(mirror.model.formationID == "f-1")
        #expect(mirror.model.alerts.map(\.event.eventType) == ["critical.manual"])
        #expect(mirror.model.connection?.instanceID == node.instanceID)
        #expect(mirror.model.isReadOnly)

        // Keys on a read-only node: a clear status, nothing sent.
        let events = remote.perform(.inject(.high))
        #expect(events.contains { if case .report(let t, true) = $0 { t.contains("read-only node") } else { false } })
        remote.stop()
        await server.stop()
    }

    @Test func controlCallsChangeTheNodeAndComeBackThroughTheWatch() async throws {
        let node = makeNode("steered")
        let server = try await RunningServer.start(node) { $0.allowControl = true }
        let remote = RemoteNodeSource(target: RemoteTarget(address: server.address))
        let mirror = Mirror(remote)
        #expect(await mirror.until { $0.connection?.phase == .live })
        #expect(!mirror.model.isReadOnly)
        _ = remote.perform(.inject(.critical))
        _ = remote.perform(.burst(count: 20))
        #expect(await mirror.until { $0.alerts.count >= 1 && $0.emitted >= 21 })
        _ = remote.perform(.pop(max: 8))
        _ = remote.perform(.setPolicy(.fair))
        #expect(await mirror.until { $0.popLog.contains { $0.asked == 8 && !$0.automatic } && $0.policy == .fair })
        _ = remote.perform(.acknowledge(alertKey: nil))
        #expect(await mirror.until { $0.alerts.contains { $0.event.eventType == "critical.manual" && $0.acknowledged } })
        #expect(mirror.reports.contains { $0.contains("acknowledged") })
        remote.stop()
        await server.stop()
    }

    @Test func aTokenIsRequiredWhenTheNodeHasOne() async throws {
        let server = try await RunningServer.start(makeNode()) { $0.token = "s3cret" }
        let without = Mirror(RemoteNodeSource(target: RemoteTarget(address: server.address)))
        #expect(await without.until { $0.connection?.phase == .unauthorised })
        #expect(without.model.connection?.reason?.contains("token") == true)
        let wrong = Mirror(RemoteNodeSource(target: RemoteTarget(address: server.address, token: "nope")))
        #expect(await wrong.until { $0.connection?.phase == .unauthorised })
        let with = Mirror(RemoteNodeSource(target: RemoteTarget(address: server.address, token: "s3cret")))
        #expect(await with.until { $0.connection?.phase == .live })
        [without, wrong, with].forEach { $0.source.stop() }
        await server.stop()
    }

    @Test func aRefusedConnectionIsAStateNotACrash() async throws {
        let port = try freePort()
        let mirror = Mirror(RemoteNodeSource(target: RemoteTarget(address: ServiceAddress(host: "127.0.0.1", port: port))))
        #expect(await mirror.until { $0.connection?.phase == .refused })
        #expect(mirror.model.connection?.hasState == false)
        mirror.source.stop()
    }

    @Test func somethingThatIsNotGRPCIsAStateNotAHang() async throws {
        let listener = try NotGRPCListener()
        defer { listener.stop() }
        let mirror = Mirror(RemoteNodeSource(target: RemoteTarget(address: ServiceAddress(host: "127.0.0.1", port: listener.port))))
        let failed = await mirror.until { c in
            guard let p = c.connection?.phase else { return false }
            return p != .connecting && p != .live && (c.connection?.failures ?? 0) > 0
        }
        #expect(failed, "connection: \(String(describing: mirror.model.connection))")
        #expect([.notGRPC, .failed, .refused].contains(mirror.model.connection?.phase))
        mirror.source.stop()
    }

    @Test func aNodeThatDiesKeepsItsLastStateStaleAndARestartIsANewNode() async throws {
        let first = makeNode("phoenix")
        first.perform(.burst(count: 10))
        let server = try await RunningServer.start(first)
        let port = server.address.port
        let mirror = Mirror(RemoteNodeSource(target: RemoteTarget(address: server.address)))
        #expect(await mirror.until { $0.connection?.phase == .live && $0.emitted == 10 })
        await server.stop()
        #expect(await mirror.until { $0.connection?.phase == .reconnecting || $0.connection?.phase == .refused })
        #expect(mirror.model.connection?.isStale == true)
        #expect(mirror.model.emitted == 10)  // the last state stays

        let second = makeNode("phoenix")
        second.perform(.inject(.low))
        let again = try await RunningServer.start(second, port: port)
        #expect(await mirror.until { $0.connection?.phase == .live && $0.connection?.instanceID == second.instanceID })
        #expect(mirror.model.emitted == 1)  // counts of the new instance only, not merged
        mirror.source.stop()
        await again.stop()
    }
}

/// A port nothing listens on (bound, read, closed).
func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = 0
    var len = socklen_t(MemoryLayout<sockaddr_in>.size)
    let ok = withUnsafeMutablePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
    }
    guard ok else { throw TestFailure("cannot bind a loopback port") }
    return Int(UInt16(bigEndian: addr.sin_port))
}

/// A loopback listener that answers every connection with an HTTP/1.1 response and closes it.
final class NotGRPCListener: @unchecked Sendable {
    let fd: Int32
    let port: Int
    private let stopFlag = Box<Bool>()
    private let done = DispatchSemaphore(value: 0)

    init() throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = self.fd
        let ok = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
        }
        guard ok, listen(fd, 8) == 0 else { close(fd); throw TestFailure("cannot listen on loopback") }
        port = Int(UInt16(bigEndian: addr.sin_port))
        let flag = stopFlag
        let done = self.done
        Thread {
            while flag.value != true {
                var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&pfd, 1, 50) > 0 else { continue }
                let c = accept(fd, nil, nil)
                if c < 0 { continue }
                let reply = "HTTP/1.1 400 Bad Request\r\nContent-Length: 11\r\nConnection: close\r\n\r\nnot grpc!\r\n"
                _ = reply.withCString { send(c, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
                close(c)
            }
            done.signal()
        }.start()
    }

    /// Stops accepting (waits for the accept loop to end) and closes the socket.
    func stop() {
        stopFlag.set(true)
        done.wait()
        close(fd)
    }
}
