import Foundation
import PeatEvents

/// Writes captured events to JSON Lines files, e.g. the console's export of the local store
/// and the pop log.
public enum EventExport {
    /// The names of one export's two files for `nodeID` at `time`:
    /// `peat-export-<node>-<yyyyMMdd-HHmmss>-store.jsonl` and `…-poplog.jsonl` (UTC). Characters
    /// of the node id that are unsafe in a file name become `_`.
    public static func fileNames(nodeID: String, time: PeatTimestamp) -> (store: String, popLog: String) {
        let stem = "peat-export-\(safe(nodeID))-\(stamp(time.seconds))"
        return (stem + "-store.jsonl", stem + "-poplog.jsonl")
    }

    /// Writes the store's and the pop log's events into `directory` under `fileNames`, adding
    /// `-2`, `-3`, … before `-store` when an export of the same second exists.
    /// - Returns: the two paths written.
    public static func export(store: some Sequence<PeatEvent>, popLog: some Sequence<PeatEvent>,
                              nodeID: String, time: PeatTimestamp,
                              directory: String = FileManager.default.currentDirectoryPath) throws -> (store: String, popLog: String) {
        var names = fileNames(nodeID: nodeID, time: time)
        let fm = FileManager.default
        var n = 2
        func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }
        while fm.fileExists(atPath: path(names.store)) || fm.fileExists(atPath: path(names.popLog)) {
            let stem = "peat-export-\(safe(nodeID))-\(stamp(time.seconds))-\(n)"
            names = (stem + "-store.jsonl", stem + "-poplog.jsonl")
            n += 1
        }
        try write(store, to: path(names.store))
        try write(popLog, to: path(names.popLog))
        return (path(names.store), path(names.popLog))
    }

    /// Writes `events` as JSON Lines to `path` (replacing it).
    public static func write(_ events: some Sequence<PeatEvent>, to path: String) throws {
        let bytes = try EventStreamEncoder(.jsonl).encode(events)
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private static func safe(_ s: String) -> String {
        String(s.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" })
    }

    /// `yyyyMMdd-HHmmss` in UTC.
    private static func stamp(_ seconds: UInt64) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))-\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))"
    }
}
