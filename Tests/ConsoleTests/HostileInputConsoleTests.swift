import Foundation
import PeatEvents
import Synchronization
import Testing
@testable import Console
@testable import LocalNode

/// Issue 14 in the console: a flood of input is bounded and cannot freeze the screen or `q`;
/// text quoted from input is escaped in the `E` overlay; unknown fields are listed there.
@Suite struct HostileInputConsoleTests {
    func streamingApp() -> ConsoleApp {
        var o = ConsoleOptions()
        o.scenario = .none
        o.streaming = true
        return ConsoleApp(options: o, clock: ManualClock(seconds: ConsoleApp.snapshotEpoch))
    }

    /// `n` records as 64 KiB of zeros decode: empty protobuf frames, i.e. empty events.
    func zeros(_ n: Int) -> StreamDelivery {
        let records = EventStreamDecoder.decodeAll([UInt8](repeating: 0, count: n), format: .protobuf)
        var status = StreamStatus(label: "zero")
        status.phase = .receiving
        return StreamDelivery(source: "zero", records: records, status: status, bytes: n)
    }

    @Test func theInboxIsBoundedByRecordsAndBytesNotDeliveries() {
        let inbox = Inbox(recordLimit: 100_000, byteLimit: 1 << 20)
        let big = zeros(65_536)
        #expect(inbox.tryPost(.stream(big)), "an empty inbox takes any one delivery")
        #expect(!inbox.tryPost(.stream(big)), "a second 65,536 records would pass the record bound")
        #expect(inbox.tryPost(.stream(zeros(30_000))))
        #expect(inbox.load.records == 95_536 && inbox.load.bytes == 95_536)
        #expect(!inbox.tryPost(.stream(zeros(10_000))))
        // Status-only actions never wait.
        inbox.post(.tick(PeatTimestamp()))
        #expect(inbox.count == 3)

        let bytes = Inbox(recordLimit: 1_000_000, byteLimit: 100_000)
        #expect(bytes.tryPost(.stream(zeros(65_536))))
        #expect(!bytes.tryPost(.stream(zeros(65_536))), "the byte bound holds too")
    }

    @Test func drainTakesABudgetOfRecordsAndKeepsTheRestInOrder() {
        let inbox = Inbox()
        for n in [10_000, 10_000, 5_000] { inbox.post(.stream(zeros(n))) }
        let first = inbox.drain(recordBudget: 16_384)
        #expect(first.count == 1)
        #expect(inbox.load.records == 15_000 && inbox.count == 2)
        let rest = inbox.drain(recordBudget: 16_384)
        #expect(rest.count == 2 && inbox.load == (0, 0))
        // One delivery over the budget still goes (else it would never be applied).
        inbox.post(.stream(zeros(40_000)))
        #expect(inbox.drain(recordBudget: 16_384).count == 1)
    }

    @Test func aWaitingReaderGivesUpWhenTheInboxCloses() {
        let inbox = Inbox(recordLimit: 10, byteLimit: 1 << 20)
        inbox.post(.stream(zeros(10)))
        let result = Mutex<Bool?>(nil)
        let done = DispatchSemaphore(value: 0)
        let delivery = zeros(10)
        Thread.detachNewThread {
            let posted = inbox.post(.stream(delivery), waitingFor: { false })
            result.withLock { $0 = posted }
            done.signal()
        }
        inbox.close()
        #expect(done.wait(timeout: .now() + 20) == .success)
        #expect(result.withLock { $0 } == false)
        // And a cancelled wait returns at once, without posting.
        let full = Inbox(recordLimit: 1, byteLimit: 1)
        full.post(.stream(zeros(5)))
        #expect(!full.post(.stream(zeros(5)), waitingFor: { true }))
    }

    @Test func aFloodIsAppliedAShareAWakeUpAndQStillQuits() {
        let app = streamingApp()
        for _ in 0..<8 { app.inbox.post(.stream(zeros(65_536))) }
        let backend = MemoryBackend(size: Size(width: 100, height: 30))
        app.begin(on: backend)
        app.wake(on: backend)
        #expect(app.inbox.load.records == 7 * 65_536, "one delivery per wake-up when each passes the budget")
        #expect(app.state.core.stream?.errors[.emitterRejected] == 65_536)
        backend.pendingKeys = [.character("q")]
        app.wake(on: backend)
        #expect(app.state.quitRequested)
        #expect(app.inbox.load.records == 7 * 65_536, "nothing more is taken once q is pressed")
        #expect(app.state.core.stream?.errors[.emitterRejected] == 65_536)
    }

    @Test func theOverlayEscapesQuotedInputAndListsUnknownFields() {
        let app = streamingApp()
        var status = StreamStatus(label: "conn\u{1B}[2J")
        status.phase = .receiving
        status.unknownFields.note(record: ["newField", "\u{1B}]52;c;aGk=\u{07}"])
        let error = StreamError(.malformedJSON, at: StreamPosition(offset: 0, line: 1), detail: "bad \u{202E}\u{9B}31m")
        let delivery = StreamDelivery(source: "conn\u{1B}[2J", records: [.error(error)], status: status)
        app.dispatch(.stream(delivery))
        app.dispatch(.toggleStreamErrors)
        app.dispatch(.resize(Size(width: 110, height: 30)))
        let text = app.renderFrame().text
        #expect(text.contains("Unknown fields skipped in 1 event:"), "\(text)")
        #expect(app.renderFrame().lines[0].contains(#"conn\u{1B}[2J"#), "the header escapes the label too")
        #expect(text.contains(#""newField" "\u{1B}]52;c;aGk=\u{7}""#), "\(text)")
        #expect(text.contains(#"conn\u{1B}[2J line 1 (byte 0) malformed JSON: bad \u{202E}\u{9B}31m"#), "\(text)")
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E || $0.value == 0x9B })
        #expect(app.state.status.map { !$0.text.unicodeScalars.contains(where: InputText.needsEscape) } == true)
    }
}
