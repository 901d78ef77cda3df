import Foundation

/// How events are framed in a byte stream.
public enum StreamFormat: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// JSON Lines: one `PeatEvent` per line in the proto3 JSON mapping.
    case jsonl
    /// Varint-length-delimited protobuf (each frame is a varint byte count, then the event).
    case protobuf

    public var description: String { rawValue }

    /// Guesses the framing of a stream from its first bytes.
    ///
    /// A first byte that cannot start a JSON line (anything but `{` or JSON whitespace) means
    /// protobuf. Otherwise the byte might still be a frame length (10 is `\n`, 123 is `{`),
    /// so the first line and the first frame are both tried: whichever decodes wins, JSON
    /// Lines when both or neither do. A UTF-8 byte order mark (EF BB BF) announces text: JSON
    /// Lines (its decoder skips the mark).
    /// - Parameters:
    ///   - prefix: the stream's first bytes.
    ///   - isComplete: true when no more bytes will come (decide with what there is).
    /// - Returns: the framing, or nil when more bytes are needed to decide.
    public static func detect(_ prefix: some Collection<UInt8>, isComplete: Bool = false) -> StreamFormat? {
        let bytes = Array(prefix)
        guard let first = bytes.first else { return isComplete ? .jsonl : nil }
        if first == byteOrderMark[0] {
            let n = min(bytes.count, byteOrderMark.count)
            if bytes[..<n].elementsEqual(byteOrderMark[..<n]) {
                return n == byteOrderMark.count || isComplete ? .jsonl : nil
            }
        }
        guard first == UInt8(ascii: "{") || JSONLinesDecoder.isWhitespace(first) else { return .protobuf }

        // The first frame, if the first byte is its length.
        var frameDecodes: Bool? = nil
        if bytes.count >= 1 + Int(first) {
            let body = bytes[1..<(1 + Int(first))]
            frameDecodes = (try? PeatEvent(serializedBytes: Array(body))).map { !$0.eventID.isEmpty } ?? false
        }
        // The first non-blank line.
        var lineDecodes: Bool? = nil
        var start = 0
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: 10) else { break }
            let line = bytes[start..<newline]
            if line.allSatisfy(JSONLinesDecoder.isWhitespace) { start = newline + 1; continue }
            lineDecodes = (try? PeatEvent(jsonUTF8Bytes: Array(line))) != nil
            break
        }
        if lineDecodes == true { return .jsonl }
        if frameDecodes == true { return .protobuf }
        if lineDecodes == false && frameDecodes == false { return .jsonl }
        if isComplete || bytes.count >= detectionLimit { return .jsonl }
        return nil
    }

    /// The UTF-8 byte order mark some editors and Windows tools write first.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// How many bytes auto-detection looks at, at most, before it settles for JSON Lines.
    public static let detectionLimit = 64 * 1024
}

/// The framing asked for on the command line: one of the framings, or `auto`.
public enum StreamFormatChoice: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case jsonl, protobuf, auto

    public var description: String { rawValue }

    /// The fixed framing, or nil for `auto`.
    public var format: StreamFormat? {
        switch self {
        case .jsonl: .jsonl
        case .protobuf: .protobuf
        case .auto: nil
        }
    }
}
