import Foundation
import Console
import PeatDemo
import PeatEvents
import PeatInputs

/// The console's side of live stream input (`--source`, `--listen`): what the input has done,
/// the last errors, and the popped events kept for export.
///
/// Reader threads decode and post `StreamDelivery`s to the inbox; on the main loop the session
/// emits each event through `EventEmitter.emit` (so routing, queues and the store behave as on
/// the node) and counts what the emitter refused beside what could not be decoded.
public struct StreamIntake: Sendable {
    /// The input's status as shown, counts included; nil until an input reports.
    public private(set) var status: StreamStatus?
    private var ingest = StreamIngest(recentLimit: StreamIntake.recentLimit)
    /// Where `e` writes its files; nil for the current directory.
    public var exportDirectory: String?
    /// Popped events kept for the pop-log export, oldest first.
    public private(set) var popped = BoundedRing<PeatEvent>(capacity: StreamIntake.poppedCapacity)

    /// Errors listed (the newest ones).
    public static let recentLimit = 8
    /// Popped events kept for export.
    public static let poppedCapacity = 50_000

    public init() {}

    /// Emits the delivery's events into `emitter`, counts its errors and takes its status.
    /// - Returns: the events the emitter accepted, the batch's last errors (oldest first) and
    ///   how many errors it had in all (folded ones included).
    mutating func apply(_ delivery: StreamDelivery, to emitter: EventEmitter) -> StreamIngest.Batch {
        // Only the events that raise alerts are listed: the others go into the emitter uncopied.
        let batch = ingest.apply(delivery.records, from: delivery.source, to: emitter, folded: delivery.foldedErrors,
                                 keep: LocalNodeSource.raisesAlert)
        var shown = delivery.status
        shown.events = ingest.events
        shown.errors = ingest.errors
        shown.recentErrors = ingest.recentErrors
        status = shown
        return batch
    }

    /// Keeps `events` (just popped) for the pop-log export, moved in.
    mutating func recordPopped(_ events: consuming [PeatEvent]) {
        popped.append(moving: events)
    }
}

extension LocalNodeSource {
    /// Emits a stream delivery's events (criticals raise alerts) and counts its errors.
    func ingest(_ delivery: StreamDelivery) {
        let batch = intake.apply(delivery, to: emitter)
        noteEmitted(count: batch.acceptedCount, alerting: batch.accepted)
        guard let last = batch.errors.last else { return }
        let others = batch.errorCount - 1
        let more = others > 0 ? " (+\(others) more, E lists them)" : " (E lists errors)"
        events.append(.report("bad input: \(last)\(more)", isError: true))
    }

    /// The node id as it goes into export file names: ASCII letters, digits, `-`, `_` and `.`
    /// only (anything else `_`), and at most `exportNameLimit` characters — a long id is cut
    /// and ends in `-` and 8 hex digits of its hash, so distinct long ids keep distinct names
    /// and the whole file name stays far below NAME_MAX (255 bytes).
    static func exportName(_ nodeID: String) -> String {
        let safe = String(nodeID.unicodeScalars.map { s -> Character in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "-_.".unicodeScalars.contains(s)) ? Character(s) : "_"
        })
        guard safe.count > exportNameLimit else { return safe }
        var hash: UInt32 = 2_166_136_261  // FNV-1a over the id's UTF-8
        for byte in nodeID.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let hex = String(hash, radix: 16)
        return String(safe.prefix(exportNameLimit - 9)) + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The longest node part of an export file name.
    static let exportNameLimit = 64

    /// Writes the local store, the kept popped events and the alerts to JSON Lines files in
    /// the export directory (the current directory by default).
    func exportFiles(alerts: AlertExport) {
        if exportOff {
            events.append(.report("export is off in snapshot (--export-dir DIR writes the files there)", isError: true))
            return
        }
        let store = emitter.queryLocal(eventType: nil)
        let popped = intake.popped.elements
        let directory = intake.exportDirectory ?? FileManager.default.currentDirectoryPath
        do {
            let paths = try EventExport.export(store: store, popLog: popped, nodeID: LocalNodeSource.exportName(emitter.nodeID),
                                               time: emitter.clock.now(), directory: directory)
            let stem = (paths.store as NSString).lastPathComponent.replacingOccurrences(of: "-store.jsonl", with: "")
            let alertsPath = (paths.store as NSString).deletingLastPathComponent + "/" + stem + "-alerts.jsonl"
            try AlertExportFile.write(alerts, to: alertsPath)
            try DelayExportFile.write(alerts.delays, to: (paths.store as NSString).deletingLastPathComponent + "/" + stem + "-delays.jsonl")
            let fell = alerts.received - alerts.alerts.count
            events.append(.report("exported \(InputText.escaped(stem))-{store,poplog,alerts,delays}.jsonl (\(store.count) stored, \(popped.count) popped, "
                                  + "\(alerts.alerts.count) of \(alerts.received) alerts\(fell > 0 ? ", \(fell) fell off the list" : ""))",
                                  isError: false))
        } catch {
            events.append(.report("export failed: \(error.localizedDescription)", isError: true))
        }
    }
}

/// The alerts file of an export: a first line accounting for every critical received
/// (`{"alertsReceived":N,"kept":K,"fellOff":F}`), then one line per kept alert, oldest first:
/// `{"alert":KEY,"acknowledged":…,"sent":…,"link":"waiting|transmitted|dropped|none","event":{…}}`,
/// the event in the proto3 JSON mapping.
enum AlertExportFile {
    static func write(_ export: AlertExport, to path: String) throws {
        var out = "{\"alertsReceived\":\(export.received),\"kept\":\(export.alerts.count),\"fellOff\":\(export.received - export.alerts.count)}\n"
        for a in export.alerts {
            let event = try a.event.jsonString()
            let link: String
            switch a.linkFate {
            case .none: link = "none"
            case .waiting?: link = "waiting"
            case .transmitted?: link = "transmitted"
            case .dropped?: link = "dropped"
            }
            out += "{\"alert\":\(a.key),\"acknowledged\":\(a.acknowledged),\"sent\":\(a.sent),\"link\":\"\(link)\",\"event\":\(event)}\n"
        }
        try Data(out.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
