import Console
import Foundation
import PeatEvents

/// One input of a recording, with its time.
public struct RecordedInput: Equatable, Sendable {
    /// Nanoseconds since the recording's start.
    public var offset: Int64
    public var input: ConsoleInput
    /// For a key: the commands it caused in the original run, as text.
    public var commands: [String]
    /// Where the record starts in the file.
    public var byteOffset: Int
    /// What watched nodes' connections brought while the input was applied (version 2).
    public var remote: [RemoteBatch] = []
}

/// Where a recording stops being readable, and why.
public struct RecordingDamage: Equatable, Sendable, CustomStringConvertible {
    /// Byte offset of the record that could not be read.
    public var byteOffset: Int
    /// Its number, counting records from 1.
    public var record: Int
    /// Why.
    public var reason: String
    /// The time of the last good record, nanoseconds since the start.
    public var after: Int64

    public var description: String {
        "recording damaged at byte \(byteOffset) (record \(record), after \(ReplayTime.text(after))): \(reason); replayed up to there"
    }
}

/// A recording read into memory: its header, the inputs up to the end or to the first damage,
/// and the damage if any.
public struct Recording: Sendable {
    public var header: Cap_Recording_V1_RecordingHeader
    public var inputs: [RecordedInput]
    public var damage: RecordingDamage?
    /// The file's size in bytes.
    public var size: Int

    /// The start time.
    public var start: PeatTimestamp { header.start }
    /// The time of the last input, nanoseconds since the start.
    public var length: Int64 { inputs.last?.offset ?? 0 }

    /// Reads a recording's bytes.
    /// - Throws: `RecordingError` when nothing can be replayed: not a recording, a damaged
    ///   header, a newer format. A damaged record is not thrown: the inputs before it are
    ///   kept and `damage` says where and why.
    public init(bytes: [UInt8]) throws {
        size = bytes.count
        let magic = RecordingFormat.magic
        guard bytes.count >= magic.count else {
            if bytes.elementsEqual(magic.prefix(bytes.count)) {
                throw RecordingError.damagedHeader("the file ends after \(bytes.count) of the magic's \(magic.count) bytes")
            }
            throw RecordingError.notARecording
        }
        guard bytes[0..<magic.count].elementsEqual(magic) else { throw RecordingError.notARecording }
        var at = magic.count
        let header: Cap_Recording_V1_RecordingHeader
        switch Recording.frame(in: bytes, at: at) {
        case .end: throw RecordingError.damagedHeader("the file ends before the header")
        case .bad(let why): throw RecordingError.damagedHeader(why)
        case .frame(let body, let next):
            do { header = try Cap_Recording_V1_RecordingHeader(serializedBytes: Array(body)) } catch {
                throw RecordingError.damagedHeader("it does not parse (\(error))")
            }
            at = next
        }
        guard header.formatVersion <= RecordingFormat.version else {
            throw RecordingError.newerVersion(found: header.formatVersion, newest: RecordingFormat.version)
        }
        guard header.formatVersion >= 1 else { throw RecordingError.damagedHeader("format version 0") }
        let watched = header.options.connect.count
        // Each watched node's last store read (a read is recorded as what changed since).
        var stores: [Int: [PeatEvent]] = [:]
        guard watched == 0 || header.formatVersion >= 2 else {
            throw RecordingError.damagedHeader("watched nodes in a version-1 recording")
        }
        self.header = header
        inputs = []
        damage = nil
        while true {
            let recordStart = at
            func damaged(_ why: String) -> RecordingDamage {
                RecordingDamage(byteOffset: recordStart, record: inputs.count + 1, reason: why, after: inputs.last?.offset ?? 0)
            }
            switch Recording.frame(in: bytes, at: at) {
            case .end: return
            case .bad(let why):
                damage = damaged(why)
                return
            case .frame(let body, let next):
                do {
                    let record = try Cap_Recording_V1_Record(serializedBytes: Array(body))
                    let input = try RecordingFormat.input(of: record)
                    let remote = try record.remote.map { try RecordingFormat.batch($0, nodes: watched, stores: &stores) }
                    inputs.append(RecordedInput(offset: record.offsetNanos, input: input, commands: record.commands,
                                                byteOffset: recordStart, remote: remote))
                } catch let error as RecordingError {
                    damage = damaged("\(error)")
                    return
                } catch {
                    damage = damaged("the record does not parse (\(error))")
                    return
                }
                at = next
            }
        }
    }

    /// Reads the recording at `path`.
    /// - Throws: `RecordingError`, or the file's read error.
    public init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try self.init(bytes: [UInt8](data))
    }

    private enum Frame {
        case end
        case bad(String)
        case frame(ArraySlice<UInt8>, next: Int)
    }

    /// The varint-delimited message at `at`.
    private static func frame(in bytes: [UInt8], at start: Int) -> Frame {
        guard start < bytes.count else { return .end }
        var length: UInt64 = 0
        var shift: UInt64 = 0
        var at = start
        while true {
            guard at < bytes.count else { return .bad("the file ends inside a record's length") }
            let b = bytes[at]
            at += 1
            guard shift < 64 else { return .bad("a record length that is not a varint") }
            length |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { break }
            shift += 7
        }
        guard length <= UInt64(RecordingFormat.maxMessageBytes) else {
            return .bad("a record of \(length) bytes, more than the \(RecordingFormat.maxMessageBytes) accepted")
        }
        let n = Int(length)
        guard bytes.count - at >= n else {
            return .bad("the file ends inside a record (\(n) bytes announced, \(bytes.count - at) left)")
        }
        return .frame(bytes[at..<(at + n)], next: at + n)
    }
}

/// Times in a replay, as shown and as typed.
public enum ReplayTime {
    /// `1:30.0`, `12.5s`, `1:02:03.4`.
    public static func text(_ nanos: Int64) -> String {
        let negative = nanos < 0
        let tenths = (nanos.magnitude + 50_000_000) / 100_000_000
        let s = tenths / 10, t = tenths % 10
        let h = s / 3600, m = (s / 60) % 60, sec = s % 60
        let body: String
        if h > 0 { body = "\(h):\(m < 10 ? "0" : "")\(m):\(sec < 10 ? "0" : "")\(sec).\(t)" }
        else if m > 0 { body = "\(m):\(sec < 10 ? "0" : "")\(sec).\(t)" }
        else { body = "\(sec).\(t)s" }
        return (negative ? "-" : "") + body
    }

    /// Parses `12.5`, `90`, `1m30s`, `1m30.5s`, `2h`, `1:30`, `1:02:03.5` into nanoseconds.
    /// - Returns: nil for anything else (or a negative or absurd time).
    public static func parse(_ text: String) -> Int64? {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !s.isEmpty else { return nil }
        var seconds: Double = 0
        if s.contains(":") {
            let parts = s.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 3 else { return nil }
            for part in parts {
                guard let v = Double(part), v >= 0, v.isFinite else { return nil }
                seconds = seconds * 60 + v
            }
        } else if let v = Double(s) {
            seconds = v
        } else {
            var number = ""
            var any = false
            for c in s {
                if c.isNumber || c == "." { number.append(c); continue }
                guard let v = Double(number), v.isFinite else { return nil }
                switch c {
                case "h": seconds += v * 3600
                case "m": seconds += v * 60
                case "s": seconds += v
                default: return nil
                }
                number = ""
                any = true
            }
            guard any, number.isEmpty else { return nil }
        }
        guard seconds >= 0, seconds <= 1e7 else { return nil }
        return Int64((seconds * 1e9).rounded())
    }
}
