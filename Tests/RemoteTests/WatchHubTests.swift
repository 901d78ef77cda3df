import Console
import GRPCCore
import NodeService
import PeatEvents
import PeatRemoteProto
import Testing

/// The hub without a network: first state, changes, bounded buffers, the watcher limit.
@Suite struct WatchHubTests {
    @Test func firstMessageIsTheWholeStateThenOnlyChanges() async throws {
        let node = makeNode("hub-node")
        node.perform(.inject(.critical))
        node.perform(.pop(max: 4))
        let hub = WatchHub(node: node, limits: WatchHub.Limits(intervalMs: 10, maxWatchers: 2, bufferCapacity: 8))
        hub.controlAllowed = true
        let (id, updates, first) = try hub.add(intervalMs: 0, name: "test")
        defer { hub.remove(id) }
        #expect(first.full)
        #expect(first.identity.nodeID == "hub-node")
        #expect(first.identity.controlAllowed)
        #expect(first.identity.instanceID == node.instanceID)
        #expect(first.alerts.map(\.event.eventType) == ["critical.manual"])
        #expect(first.pops.map(\.asked) == [4])
        #expect(first.figures.pendingByLevel == [0, 0, 0, 0])

        node.perform(.inject(.high))
        hub.tick()
        var iterator = updates.makeAsyncIterator()
        let change = try #require(await iterator.next())
        #expect(!change.full)
        #expect(change.sequence == first.sequence + 1)
        #expect(change.figures.pendingByLevel == [0, 1, 0, 0])
        #expect(change.alerts.isEmpty)  // nothing new: the alert was in the first message
        #expect(change.pops.isEmpty)

        _ = node.acknowledge(key: nil)
        hub.tick()
        let ack = try #require(await iterator.next())
        #expect(ack.alerts.count == 1 && ack.alerts[0].acknowledged)
    }

    @Test func aSlowWatcherGetsAGapAndACountNeverAnUnboundedBuffer() async throws {
        let node = makeNode()
        let hub = WatchHub(node: node, limits: WatchHub.Limits(intervalMs: 10, maxWatchers: 2, bufferCapacity: 2))
        let (id, updates, first) = try hub.add(intervalMs: 0, name: "slow")
        defer { hub.remove(id) }
        for _ in 0..<10 {
            node.perform(.inject(.low))  // a change every snapshot
            hub.tick()
        }
        #expect(hub.totalDropped == 8)
        hub.remove(id)
        var received: [NodeUpdateMessage] = []
        for await u in updates { received.append(u) }
        #expect(received.map(\.sequence) == [first.sequence + 9, first.sequence + 10])
        #expect(received.last?.droppedUpdates == 7)  // counted when it was queued; the gap shows the rest
        #expect(received.last?.figures.pendingByLevel == [0, 0, 0, 10])  // figures are absolute: nothing lost
    }

    @Test func watchersBeyondTheLimitAreRefused() throws {
        let hub = WatchHub(node: makeNode(), limits: WatchHub.Limits(intervalMs: 10, maxWatchers: 1, bufferCapacity: 2))
        let a = try hub.add(intervalMs: 0, name: "a")
        #expect(throws: RPCError.self) { _ = try hub.add(intervalMs: 0, name: "b") }
        hub.remove(a.id)
        let c = try hub.add(intervalMs: 0, name: "c")
        hub.remove(c.id)
    }

    @Test func aWatcherAskingForASlowerIntervalGetsMergedChanges() async throws {
        let node = makeNode()
        let hub = WatchHub(node: node, limits: WatchHub.Limits(intervalMs: 10, maxWatchers: 2, bufferCapacity: 8))
        let (id, updates, first) = try hub.add(intervalMs: 30, name: "every third")
        for _ in 0..<3 {
            node.perform(.pop(max: 2))
            hub.tick()
        }
        hub.remove(id)
        var received: [NodeUpdateMessage] = []
        for await u in updates { received.append(u) }
        #expect(received.count == 1)
        #expect(received.first?.sequence == first.sequence + 3)
        #expect(received.first?.pops.map(\.number) == [1, 2, 3])  // all three steps, oldest first
    }

    @Test func theServerRefusesPlaintextOffLoopback() {
        var c = NodeServerConfig()
        c.address = ServiceAddress("0.0.0.0:7450")!
        #expect(c.refusal?.contains("without TLS") == true)
        c.insecure = true
        #expect(c.refusal == nil)
        c.insecure = false
        c.tlsCertificatePath = "cert.pem"
        #expect(c.refusal?.contains("--tls-key") == true)
        c.tlsKeyPath = "key.pem"
        #expect(c.refusal == nil)
        #expect(ServiceAddress("127.0.0.1:7450")!.isLoopback)
        #expect(ServiceAddress("localhost:1")!.isLoopback)
        #expect(ServiceAddress("[::1]:7450")!.isLoopback)
        #expect(!ServiceAddress("[::]:7450")!.isLoopback)
        #expect(!ServiceAddress("10.0.0.1:7450")!.isLoopback)
        #expect(ServiceAddress("127.0.0.1") == nil)
        #expect(ServiceAddress("127.0.0.1:70000") == nil)
    }
}
