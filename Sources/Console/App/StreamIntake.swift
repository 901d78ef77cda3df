import Foundation
import PeatEvents

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
    private var recent: [SourcedStreamError] = []
    /// Where `e` writes its files; nil for the current directory.
    public var exportDirectory: String?
    /// Popped events kept for the pop-log export, oldest first.
    public private(set) var popped = EventRing(capacity: StreamIntake.poppedCapacity)

    /// Errors listed (the newest ones).
    public static let recentLimit = 8
    /// Popped events kept for export.
    public static let poppedCapacity = 50_000

    public init() {}

    /// Emits the delivery's events into `emitter`, counts its errors and takes its status.
    /// - Returns: the events the emitter accepted and the batch's errors.
    mutating func apply(_ delivery: StreamDelivery, to emitter: EventEmitter) -> (accepted: [PeatEvent], errors: [SourcedStreamError]) {
        var accepted: [PeatEvent] = []
        var errors: [SourcedStreamError] = []
        for record in delivery.records {
            switch record {
            case .event(let event, let position):
                do {
                    try emitter.emit(event)
                    accepted.append(event)
                } catch {
                    errors.append(SourcedStreamError(source: delivery.source,
                                                     error: StreamError(.emitterRejected, at: position, detail: "\(error)")))
                }
            case .error(let error):
                errors.append(SourcedStreamError(source: delivery.source, error: error))
            }
        }
        ingest.countAccepted(accepted.count)
        for e in errors { ingest.note(e.error) }
        recent += errors
        if recent.count > StreamIntake.recentLimit { recent.removeFirst(recent.count - StreamIntake.recentLimit) }
        var shown = delivery.status
        shown.events = ingest.events
        shown.errors = ingest.errors
        shown.recentErrors = recent
        status = shown
        return (accepted, errors)
    }

    /// Keeps `events` (just popped) for the pop-log export.
    mutating func recordPopped(_ events: [PeatEvent]) {
        for e in events { popped.append(e) }
    }
}

/// A bounded first-in-first-out list of events: the oldest go when it is full.
public struct EventRing: Sendable, Equatable {
    public let capacity: Int
    private var storage: [PeatEvent] = []
    private var head = 0

    public init(capacity: Int) { self.capacity = max(1, capacity) }

    public var count: Int { storage.count }

    /// Adds `event`, dropping the oldest when full.
    public mutating func append(_ event: PeatEvent) {
        if storage.count < capacity {
            storage.append(event)
        } else {
            storage[head] = event
            head = (head + 1) % capacity
        }
    }

    /// The events, oldest first.
    public var elements: [PeatEvent] { Array(storage[head...] + storage[..<head]) }
}

extension Session {
    /// Emits a stream delivery's events (criticals become alerts) and counts its errors.
    /// - Returns: a status line for the newest error of the batch, if any.
    func ingest(_ delivery: StreamDelivery) -> (text: String, isError: Bool)? {
        let (accepted, errors) = intake.apply(delivery, to: emitter)
        emitted += accepted.count
        for event in accepted where event.priorityLevel == .critical && !event.isStoredLocally {
            addAlert(event)
        }
        version += 1
        guard let last = errors.last else { return nil }
        let more = errors.count > 1 ? " (+\(errors.count - 1) more, E lists them)" : " (E lists errors)"
        return ("bad input: \(last)\(more)", true)
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

    /// Writes the local store and the kept popped events to JSON Lines files in the current
    /// directory.
    /// - Returns: a status line naming the files, or the failure.
    func exportFiles() -> (text: String, isError: Bool) {
        if exportOff { return ("export is off in snapshot (--export-dir DIR writes the files there)", true) }
        let store = emitter.queryLocal(eventType: nil)
        let popped = intake.popped.elements
        do {
            let paths = try EventExport.export(store: store, popLog: popped, nodeID: Session.exportName(emitter.nodeID),
                                               time: emitter.clock.now(),
                                               directory: intake.exportDirectory ?? FileManager.default.currentDirectoryPath)
            let stem = (paths.store as NSString).lastPathComponent.replacingOccurrences(of: "-store.jsonl", with: "")
            return ("exported \(stem)-{store,poplog}.jsonl (\(store.count) stored, \(popped.count) popped)", false)
        } catch {
            return ("export failed: \(error.localizedDescription)", true)
        }
    }
}
