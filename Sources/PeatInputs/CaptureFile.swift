import Foundation
import PeatEvents

/// A capture file read whole, for commands that print rather than watch (`snapshot --source`):
/// the same deliveries a live reader would hand over for it, read on the calling thread.
public enum CaptureFile {
    /// Reads `path` and decodes it as `format`: deliveries of at most
    /// `StreamDelivery.recordLimit` records, the last one with the input `ended`.
    /// - Throws: the file's read error.
    public static func deliveries(path: String, format: StreamFormatChoice = .auto,
                                  maxRecordBytes: Int = EventStreamDecoder.defaultMaxRecordBytes,
                                  stallSeconds: Double = 5) throws -> [StreamDelivery] {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let label = StreamSource.file(path).description
        var decoder = EventStreamDecoder(format, maxRecordBytes: maxRecordBytes)
        let records = decoder.feed(bytes) + decoder.finish()
        var status = StreamStatus(label: label)
        status.phase = .ended
        status.format = decoder.format
        status.producers = 0
        status.producersSeen = 1
        status.bytes = bytes.count
        status.stallSeconds = stallSeconds
        status.unknownFields = decoder.takeUnknownFields()
        return StreamDelivery.batches(source: label, records: records, status: status, bytes: bytes.count)
    }
}
