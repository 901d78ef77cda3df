import Console
import Foundation
import PeatEvents

/// The recording format (assets/proto/cap/recording/v1/recording.proto): its magic, its
/// version, and the conversions between the console's inputs and options and the records.
public enum RecordingFormat {
    /// The first 8 bytes of every recording.
    public static let magic: [UInt8] = Array("PEATREC\n".utf8)
    /// The newest format this build reads: 2 (watched nodes). It writes 1 for a recording
    /// of the in-process node, 2 for one of watched nodes (`version(connect:)`).
    public static let version: UInt32 = 2
    /// The largest header or record a reader accepts (a length prefix beyond it is damage, not
    /// an allocation): 256 MiB, above any stream delivery a reader hands over.
    public static let maxMessageBytes = 256 << 20
    /// What writes recordings, in the header.
    public static let producer = "peat-console (recording format 2)"

    /// The header for a run with `options` starting at `start`, watching the nodes at the
    /// addresses `connect` (none: the in-process node).
    public static func header(options: ConsoleOptions, start: PeatTimestamp, input: String? = nil,
                              connect: [String] = []) -> Cap_Recording_V1_RecordingHeader {
        var h = Cap_Recording_V1_RecordingHeader()
        h.formatVersion = version(connect: connect)
        h.producer = producer
        h.start = start
        var o = Cap_Recording_V1_RunOptions()
        o.scenario = options.scenario.rawValue
        o.seed = options.seed
        o.nodeID = options.nodeID
        o.formationID = options.formationID
        o.policy = SchedulingPolicy.named.first { $0.policy == options.policy }?.name ?? "reference"
        o.refreshMs = UInt32(clamping: options.refreshMs)
        o.linkRate = UInt64(clamping: options.linkRate)
        o.linkBytesPerSecond = UInt64(clamping: options.linkBytesPerSecond)
        o.linkQueueCapacities = options.linkQueueLimits.capacities.map { UInt64(clamping: $0) }
        o.linkOverflow = options.linkQueueLimits.overflow.rawValue
        o.batchSize = UInt32(clamping: options.batchSize)
        o.streaming = options.streaming
        o.inject = options.allowInject.map { $0 ? .allowed : .refused } ?? .default
        o.storeCapacity = UInt64(clamping: options.storeLimits.capacity)
        o.input = input ?? ""
        o.compare = (options.compare ?? []).map { policy in SchedulingPolicy.named.first { $0.policy == policy }?.name ?? "reference" }
        var w = Cap_Recording_V1_WarningOptions()
        let settings = options.warnings
        w.enabled = LintName.allCases.filter { settings.enabled.contains($0) }.map(\.rawValue)
        w.starvationSeconds = UInt32(clamping: settings.starvationSeconds)
        w.shareDriftPoints = UInt32(clamping: settings.shareDriftPoints)
        w.shareDriftWindowSeconds = UInt32(clamping: settings.shareDriftWindowSeconds)
        w.growthSeconds = UInt32(clamping: settings.growthSeconds)
        w.unacknowledgedSeconds = UInt32(clamping: settings.unacknowledgedSeconds)
        w.holdSeconds = UInt32(clamping: settings.holdSeconds)
        o.warnings = w
        o.clipboard = options.clipboard.rawValue
        o.connect = connect
        h.options = o
        return h
    }

    /// The console's options from a header (export as given: a replay decides where `e` writes).
    /// - Throws: `RecordingError.badHeader` for a value no console runs with.
    public static func options(from header: Cap_Recording_V1_RecordingHeader,
                               export: ConsoleOptions.ExportTarget) throws -> ConsoleOptions {
        let o = header.options
        var options = ConsoleOptions()
        guard let scenario = ScenarioChoice(rawValue: o.scenario) else { throw RecordingError.badHeader("unknown scenario \"\(o.scenario)\"") }
        options.scenario = scenario
        options.seed = o.seed
        options.nodeID = o.nodeID
        options.formationID = o.formationID
        guard let policy = SchedulingPolicy(name: o.policy) else { throw RecordingError.badHeader("unknown policy \"\(o.policy)\"") }
        options.policy = policy
        guard (1...3_600_000).contains(o.refreshMs) else { throw RecordingError.badHeader("refresh \(o.refreshMs) ms") }
        options.refreshMs = Int(o.refreshMs)
        options.linkRate = Int(clamping: min(o.linkRate, 10_000_000))
        guard (1...1_000_000_000).contains(o.linkBytesPerSecond) else { throw RecordingError.badHeader("link \(o.linkBytesPerSecond) B/s") }
        options.linkBytesPerSecond = Int(o.linkBytesPerSecond)
        let caps = o.linkQueueCapacities.map { Int(clamping: min($0, 1 << 30)) }
        guard caps.count == 4 else { throw RecordingError.badHeader("\(caps.count) link queue capacities, not 4") }
        guard let overflow = OverflowPolicy(rawValue: o.linkOverflow) else { throw RecordingError.badHeader("unknown link overflow \"\(o.linkOverflow)\"") }
        options.linkQueueLimits = LinkQueueLimits(critical: caps[0], high: caps[1], normal: caps[2], low: caps[3], overflow: overflow)
        guard (1...10_000).contains(o.batchSize) else { throw RecordingError.badHeader("batch \(o.batchSize)") }
        options.batchSize = Int(o.batchSize)
        options.streaming = o.streaming
        switch o.inject {
        case .allowed: options.allowInject = true
        case .refused: options.allowInject = false
        default: options.allowInject = nil
        }
        guard (1...(1 << 30)).contains(o.storeCapacity) else { throw RecordingError.badHeader("store capacity \(o.storeCapacity)") }
        options.storeLimits = StoreLimits(capacity: Int(o.storeCapacity))
        if !o.compare.isEmpty {
            let policies = o.compare.compactMap { SchedulingPolicy(name: $0) }
            guard o.compare.count == 2, policies.count == 2 else {
                throw RecordingError.badHeader("compare \(o.compare.joined(separator: ","))")
            }
            options.compare = policies
        }
        if o.hasWarnings {
            let w = o.warnings
            var settings = WarningSettings()
            settings.enabled = Set(try w.enabled.map { name in
                guard let lint = LintName(rawValue: name) else { throw RecordingError.badHeader("unknown warning \"\(name)\"") }
                return lint
            })
            for (value, what) in [(w.starvationSeconds, "starvation"), (w.shareDriftPoints, "share-drift points"),
                                  (w.shareDriftWindowSeconds, "share-drift window"), (w.growthSeconds, "growth"),
                                  (w.unacknowledgedSeconds, "unacknowledged"), (w.holdSeconds, "hold")]
            where value > 86_400 {
                throw RecordingError.badHeader("\(what) threshold \(value)")
            }
            settings.starvationSeconds = Int(w.starvationSeconds)
            settings.shareDriftPoints = Int(w.shareDriftPoints)
            settings.shareDriftWindowSeconds = Int(w.shareDriftWindowSeconds)
            settings.growthSeconds = Int(w.growthSeconds)
            settings.unacknowledgedSeconds = Int(w.unacknowledgedSeconds)
            settings.holdSeconds = Int(w.holdSeconds)
            options.warnings = settings
        }
        if !o.clipboard.isEmpty {
            guard let clipboard = ClipboardChoice(rawValue: o.clipboard) else { throw RecordingError.badHeader("unknown clipboard \"\(o.clipboard)\"") }
            options.clipboard = clipboard
        }
        options.export = export
        return options
    }

    // MARK: Time

    /// `time - start` in nanoseconds (negative when the clock went back).
    public static func offset(of time: PeatTimestamp, from start: PeatTimestamp) -> Int64 {
        let seconds = Int64(clamping: time.seconds) &- Int64(clamping: start.seconds)
        let (n, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min / 2 : .max / 2 }
        return n &+ (Int64(time.nanos) - Int64(start.nanos))
    }

    /// `start + offset` (never before the epoch).
    public static func time(at offset: Int64, from start: PeatTimestamp) -> PeatTimestamp {
        let startNanos = Int64(start.nanos)
        var total = startNanos + offset % 1_000_000_000
        var seconds = Int64(clamping: start.seconds) + offset / 1_000_000_000
        if total < 0 { total += 1_000_000_000; seconds -= 1 }
        if total >= 1_000_000_000 { total -= 1_000_000_000; seconds += 1 }
        guard seconds >= 0 else { return PeatTimestamp(seconds: 0) }
        return PeatTimestamp(seconds: UInt64(seconds), nanos: UInt32(total))
    }

    // MARK: Inputs

    /// The record of `input` at `offset`, or nil for an input a recording does not keep
    /// (a background action other than a stream delivery).
    public static func record(_ input: ConsoleInput, offset: Int64, commands: [NodeCommand]) -> Cap_Recording_V1_Record? {
        var r = Cap_Recording_V1_Record()
        r.offsetNanos = offset
        switch input {
        case .key(let key):
            r.key = message(key)
            r.commands = commands.map(text)
        case .resize(let size):
            var s = Cap_Recording_V1_ScreenSize()
            s.width = UInt32(clamping: size.width)
            s.height = UInt32(clamping: size.height)
            r.resize = s
        case .capabilities(let c):
            var m = Cap_Recording_V1_Capabilities()
            m.colors = UInt32(c.colors.rawValue)
            m.unicode = c.unicode
            r.capabilities = m
        case .tick:
            r.tick = Cap_Recording_V1_Tick()
        case .background(let action):
            guard case .stream(let delivery) = action else { return nil }
            r.stream = message(delivery)
        }
        return r
    }

    /// The input a record holds.
    /// - Throws: `RecordingError.badRecord` when it holds none or a value out of range.
    public static func input(of record: Cap_Recording_V1_Record) throws -> ConsoleInput {
        switch record.input {
        case .key(let k)?: return .key(try key(k))
        case .resize(let s)?:
            guard (1...1_000).contains(s.width), (1...1_000).contains(s.height) else {
                throw RecordingError.badRecord("screen size \(s.width)x\(s.height)")
            }
            return .resize(Size(width: Int(s.width), height: Int(s.height)))
        case .capabilities(let c)?:
            guard let depth = ColorDepth(rawValue: Int(c.colors)) else { throw RecordingError.badRecord("colour depth \(c.colors)") }
            return .capabilities(TerminalCapabilities(colors: depth, unicode: c.unicode))
        case .tick?: return .tick
        case .stream(let d)?: return .background(.stream(try delivery(d)))
        case nil: throw RecordingError.badRecord("a record with no input (from a newer format?)")
        }
    }

    static func message(_ key: Key) -> Cap_Recording_V1_Key {
        var k = Cap_Recording_V1_Key()
        switch key {
        case .character(let c): k.character = String(c)
        case .enter: k.named = .enter
        case .escape: k.named = .escape
        case .tab: k.named = .tab
        case .backTab: k.named = .backTab
        case .backspace: k.named = .backspace
        case .delete: k.named = .delete
        case .up: k.named = .up
        case .down: k.named = .down
        case .left: k.named = .left
        case .right: k.named = .right
        case .home: k.named = .home
        case .end: k.named = .end
        case .pageUp: k.named = .pageUp
        case .pageDown: k.named = .pageDown
        case .function(let n): k.function = UInt32(clamping: n)
        case .control(let c): k.control = String(c)
        case .unknown(let code): k.unknown = code
        case .mouse(let m):
            var mouse = Cap_Recording_V1_Mouse()
            mouse.kind = m.kind.rawValue
            mouse.x = UInt32(clamping: m.x)
            mouse.y = UInt32(clamping: m.y)
            k.mouse = mouse
        }
        return k
    }

    static func key(_ k: Cap_Recording_V1_Key) throws -> Key {
        switch k.kind {
        case .character(let s)?:
            guard s.count == 1, let c = s.first else { throw RecordingError.badRecord("key character of \(s.count) graphemes") }
            return .character(c)
        case .named(let n)?:
            switch n {
            case .enter: return .enter
            case .escape: return .escape
            case .tab: return .tab
            case .backTab: return .backTab
            case .backspace: return .backspace
            case .delete: return .delete
            case .up: return .up
            case .down: return .down
            case .left: return .left
            case .right: return .right
            case .home: return .home
            case .end: return .end
            case .pageUp: return .pageUp
            case .pageDown: return .pageDown
            default: throw RecordingError.badRecord("unknown named key \(n.rawValue)")
            }
        case .function(let n)?:
            guard (1...64).contains(n) else { throw RecordingError.badRecord("function key F\(n)") }
            return .function(Int(n))
        case .control(let s)?:
            guard s.count == 1, let c = s.first else { throw RecordingError.badRecord("control key of \(s.count) graphemes") }
            return .control(c)
        case .unknown(let code)?: return .unknown(code)
        case .mouse(let m)?:
            guard let kind = MouseEvent.Kind(rawValue: m.kind) else { throw RecordingError.badRecord("mouse \"\(m.kind)\"") }
            guard m.x < 1_000, m.y < 1_000 else { throw RecordingError.badRecord("mouse at \(m.x),\(m.y)") }
            return .mouse(MouseEvent(kind, x: Int(m.x), y: Int(m.y)))
        case nil: throw RecordingError.badRecord("a key of no kind")
        }
    }

    static func message(_ d: StreamDelivery) -> Cap_Recording_V1_StreamDelivery {
        var m = Cap_Recording_V1_StreamDelivery()
        m.source = d.source
        m.bytes = UInt64(clamping: d.bytes)
        for (reason, count) in d.foldedErrors.nonZero { m.foldedErrors[reason.rawValue] = UInt64(clamping: count) }
        m.records = d.records.map { record in
            var r = Cap_Recording_V1_StreamRecord()
            switch record {
            case .event(let e, let position):
                var s = Cap_Recording_V1_StreamEvent()
                s.event = e
                s.offset = UInt64(clamping: position.offset)
                s.line = UInt64(clamping: position.line ?? 0)
                r.event = s
            case .error(let error):
                var s = Cap_Recording_V1_StreamError()
                s.reason = error.reason.rawValue
                s.offset = UInt64(clamping: error.position.offset)
                s.line = UInt64(clamping: error.position.line ?? 0)
                s.detail = error.detail
                r.error = s
            }
            return r
        }
        var s = Cap_Recording_V1_StreamStatus()
        let status = d.status
        s.label = status.label
        switch status.phase {
        case .waiting: s.phase = "waiting"
        case .receiving: s.phase = "receiving"
        case .stalled: s.phase = "stalled"
        case .ended: s.phase = "ended"
        case .failed(let why): s.phase = "failed"; s.failure = why
        }
        s.format = status.format?.rawValue ?? ""
        s.producers = UInt64(clamping: status.producers)
        s.producersSeen = UInt64(clamping: status.producersSeen)
        s.bytes = UInt64(clamping: status.bytes)
        s.unknownFieldRecords = UInt64(clamping: status.unknownFields.records)
        s.unknownFieldNames = status.unknownFields.names
        s.stallSeconds = status.stallSeconds
        m.status = s
        return m
    }

    static func delivery(_ m: Cap_Recording_V1_StreamDelivery) throws -> StreamDelivery {
        func position(_ offset: UInt64, _ line: UInt64) -> StreamPosition {
            StreamPosition(offset: Int(clamping: offset), line: line == 0 ? nil : Int(clamping: line))
        }
        let records: [StreamRecord] = try m.records.map { r in
            switch r.record {
            case .event(let e)?: return .event(e.event, position(e.offset, e.line))
            case .error(let e)?:
                guard let reason = StreamErrorReason(rawValue: e.reason) else { throw RecordingError.badRecord("unknown stream error reason \"\(e.reason)\"") }
                return .error(StreamError(reason, at: position(e.offset, e.line), detail: e.detail))
            case nil: throw RecordingError.badRecord("a stream record of no kind")
            }
        }
        let s = m.status
        var status = StreamStatus(label: s.label)
        switch s.phase {
        case "waiting": status.phase = .waiting
        case "receiving": status.phase = .receiving
        case "stalled": status.phase = .stalled
        case "ended": status.phase = .ended
        case "failed": status.phase = .failed(s.failure)
        default: throw RecordingError.badRecord("unknown stream phase \"\(s.phase)\"")
        }
        status.format = s.format.isEmpty ? nil : StreamFormat(rawValue: s.format)
        status.producers = Int(clamping: s.producers)
        status.producersSeen = Int(clamping: s.producersSeen)
        status.bytes = Int(clamping: s.bytes)
        status.unknownFields = UnknownFieldTally(records: Int(clamping: s.unknownFieldRecords), names: s.unknownFieldNames)
        status.stallSeconds = s.stallSeconds.isFinite ? s.stallSeconds : 5
        var delivery = StreamDelivery(source: m.source, records: records, status: status, bytes: Int(clamping: m.bytes))
        for (name, count) in m.foldedErrors {
            guard let reason = StreamErrorReason(rawValue: name) else { throw RecordingError.badRecord("unknown stream error reason \"\(name)\"") }
            delivery.foldedErrors[reason] = Int(clamping: count)
        }
        return delivery
    }

    /// A command as a record lists it: `pop(8)`, `setPolicy(fair)`, `inject(CRITICAL)`.
    public static func text(_ command: NodeCommand) -> String {
        switch command {
        case .inject(let level): return "inject(\(level.name))"
        case .injectTelemetry: return "injectTelemetry"
        case .burst(let count): return "burst(\(count))"
        case .pop(let max): return "pop(\(max))"
        case .setPolicy(let policy): return "setPolicy(\(SchedulingPolicy.named.first { $0.policy == policy }?.name ?? policy.description))"
        case .advance: return "advance"
        case .ingest(let d): return "ingest(\(d.records.count))"
        case .acknowledge(let key): return "acknowledge(\(key.map(String.init) ?? "newest"))"
        case .export: return "export"
        }
    }
}

/// Why a recording cannot be replayed at all, or why one record cannot.
public enum RecordingError: Error, Equatable, CustomStringConvertible {
    /// The file does not start with the recording magic.
    case notARecording
    /// The header is cut short or does not parse.
    case damagedHeader(String)
    /// The header names a format newer than this build reads.
    case newerVersion(found: UInt32, newest: UInt32)
    /// The header holds a value no console runs with.
    case badHeader(String)
    /// A record holds no input, or a value out of range.
    case badRecord(String)

    public var description: String {
        switch self {
        case .notARecording: "not a PeatConsole recording (it does not start with \"PEATREC\")"
        case .damagedHeader(let why): "the recording's header is damaged: \(why)"
        case .newerVersion(let found, let newest):
            "the recording is format version \(found), newer than this peat-console reads (version \(newest) at most): replay it with a newer build"
        case .badHeader(let why): "the recording's header is not usable: \(why)"
        case .badRecord(let why): why
        }
    }
}
