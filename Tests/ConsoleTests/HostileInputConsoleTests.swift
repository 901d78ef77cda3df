import Foundation
import PeatEvents
import Testing
@testable import Console

/// Issue 14 in the console: text quoted from input is escaped in the `E` overlay; unknown fields are listed there.
@Suite struct HostileInputConsoleTests {
    func streamingApp() -> ConsoleApp {
        var o = ConsoleOptions()
        o.scenario = .none
        o.streaming = true
        return ConsoleApp(options: o, clock: ManualClock(seconds: ConsoleApp.snapshotEpoch))
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
        #expect(text.contains(#""newField" "\u{1B}]52;c;aGk=\u{7}""#), "\(text)")
        #expect(text.contains(#"conn\u{1B}[2J line 1 (byte 0) malformed JSON: bad \u{202E}\u{9B}31m"#), "\(text)")
        #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E || $0.value == 0x9B })
        #expect(app.state.status.map { !$0.text.unicodeScalars.contains(where: InputText.needsEscape) } == true)
    }
}
