import Console
import PeatEvents

/// `peat-console replay`: a replay played in the live console, with its own keys (the
/// recorded keys drive the replayed console; the operator's keys drive the playback).
///
/// Keys: space pause/resume · `.` one record · `→`/`l` one second on, `←`/`h` one second
/// back · `+`/`-` speed ×¼…×64 · `a` as fast as possible · `]`/`[` next/previous alert or
/// warning · `:` seek to a time (`12.5`, `1m30s`, `1:30`) · `g`/`G` start/end · `e` export
/// the store and pop log as of now · `q`/Esc quit.
///
/// The screen is the recorded frame (at the recorded size, top left, clipped to the
/// terminal) with the timeline strip on the terminal's last row.
public final class ReplayPlayer {
    public let replay: Replay
    /// Playing or paused.
    public private(set) var paused = false
    /// Index into `speeds`; `nil` is as fast as possible.
    public private(set) var speedIndex: Int? = ReplayPlayer.speeds.firstIndex(of: 1)
    /// The seek prompt being typed (after `:`), nil otherwise.
    public private(set) var prompt: String?
    /// The last message (a seek, an export, the end, the damage).
    public private(set) var message: (text: String, isError: Bool)?
    /// True once the operator quit.
    public private(set) var quitRequested = false
    /// Where playback is, nanoseconds since the start (may run ahead of the last record).
    private var playhead: Int64 = 0

    /// Playback speeds offered by `+` and `-`.
    public static let speeds: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64]
    /// Records applied per wake-up as fast as possible (keys stay answered between batches).
    public static let recordsPerWakeAsFastAsPossible = 2_000

    public init(_ replay: Replay) {
        self.replay = replay
        if let damage = replay.recording.damage { message = (damage.description, true) }
    }

    /// `×1`, `×¼`, `max`.
    public var speedText: String {
        guard let i = speedIndex else { return "max" }
        switch ReplayPlayer.speeds[i] {
        case 0.25: return "×¼"
        case 0.5: return "×½"
        case let s: return "×\(Int(s))"
        }
    }

    /// Lets `seconds` of wall time pass: plays on at the speed unless paused.
    public func advance(wallSeconds seconds: Double) {
        guard !paused, prompt == nil else { return }
        if let i = speedIndex {
            playhead = playhead &+ Int64(max(0, seconds) * ReplayPlayer.speeds[i] * 1e9)
            replay.play(until: playhead)
        } else {
            replay.play(records: ReplayPlayer.recordsPerWakeAsFastAsPossible)
            playhead = replay.offset
        }
        if replay.atEnd { reachedEnd() }
    }

    private func reachedEnd() {
        paused = true
        playhead = replay.offset
        message = replay.recording.damage.map { ($0.description, true) } ?? ("end of the recording (\(ReplayTime.text(replay.recording.length)))", false)
    }

    /// How long the loop may wait for a key before the next record is due, milliseconds.
    public func timeoutMs(refreshMs: Int) -> Int {
        if paused || prompt != nil { return 1_000 }
        if speedIndex == nil { return 0 }
        return max(1, min(refreshMs, 100))
    }

    /// Handles one operator key.
    public func handle(_ key: Key) {
        if var text = prompt {
            switch key {
            case .enter:
                prompt = nil
                if let t = ReplayTime.parse(text) { seek(to: t) } else { message = ("not a time: \"\(text)\" (try 12.5, 90s, 1m30s or 1:30)", true) }
            case .escape: prompt = nil
            case .backspace, .delete:
                if !text.isEmpty { text.removeLast() }
                prompt = text
            case .character(let c) where text.count < 24: text.append(c); prompt = text
            default: break
            }
            return
        }
        switch key {
        case .character(" "):
            if replay.atEnd && paused { message = ("at the end: g goes back to the start", false); return }
            paused.toggle()
            playhead = replay.offset
            message = nil
        case .character("."):
            paused = true
            if replay.step() { playhead = replay.offset; message = (describe(replay.inputs[replay.position - 1]), false) }
            else { reachedEnd() }
        case .character("l"), .right:
            seek(to: replay.offset &+ 1_000_000_000)
        case .character("h"), .left:
            seek(to: max(0, replay.offset &- 1_000_000_000))
        case .character("+"), .character("="):
            speedIndex = min(ReplayPlayer.speeds.count - 1, (speedIndex ?? ReplayPlayer.speeds.count - 1) + (speedIndex == nil ? 0 : 1))
            message = ("speed \(speedText)", false)
        case .character("-"):
            speedIndex = max(0, (speedIndex ?? ReplayPlayer.speeds.count) - 1)
            message = ("speed \(speedText)", false)
        case .character("a"):
            speedIndex = speedIndex == nil ? ReplayPlayer.speeds.firstIndex(of: 1) : nil
            message = ("speed \(speedText)", false)
        case .character("]"):
            if let mark = replay.marks.first(where: { $0.position > replay.position }) {
                jump(to: mark)
            } else {
                // Alerts beyond what has been replayed are found by replaying on.
                let before = replay.marks.count
                while replay.marks.count == before, replay.step() {}
                if replay.marks.count > before { jump(to: replay.marks[before]) } else { reachedEnd(); message = ("no alert or warning after this point", false) }
            }
        case .character("["):
            if let mark = replay.marks.last(where: { $0.position < replay.position }) { jump(to: mark) }
            else { message = ("no alert or warning before this point", false) }
        case .character(":"):
            prompt = ""
        case .character("g"), .home:
            seek(to: 0)  // the start's records (terminal, size, first tick) applied
        case .character("G"), .end:
            replay.seek(toPosition: replay.inputs.count)
            reachedEnd()
        case .character("e"):
            if let report = replay.export() { message = ("at \(ReplayTime.text(replay.offset)): \(report.text)", report.isError) }
        case .character("q"), .escape, .control("c"):
            quitRequested = true
        default:
            message = ("replay keys: space . ←/→ +/- a [ ] : g/G e q", false)
        }
    }

    private func jump(to mark: ReplayMark) {
        replay.seek(toPosition: mark.position)
        playhead = replay.offset
        paused = true
        message = ("\(mark.kind == .alert ? "alert" : "warning") at \(ReplayTime.text(mark.offset)): \(mark.text)", mark.kind == .warning)
    }

    /// Seeks to `offset` (clamped to the recording) and pauses there.
    public func seek(to offset: Int64) {
        let t = min(max(0, offset), replay.recording.length)
        replay.seek(to: t)
        playhead = t
        paused = true
        message = ("at \(ReplayTime.text(t))", false)
    }

    private func describe(_ r: RecordedInput) -> String {
        let what: String
        switch r.input {
        case .key(let k): what = "key \(k)" + (r.commands.isEmpty ? "" : " → " + r.commands.joined(separator: ", "))
        case .resize(let s): what = "screen \(s.width)x\(s.height)"
        case .capabilities(let c): what = "terminal: \(c.colors.rawValue) colours\(c.unicode ? ", UTF-8" : ", ASCII")"
        case .tick: what = "tick"
        case .background(.stream(let d)): what = "stream \(d.source): \(d.records.count) records"
        case .background: what = "inbox action"
        }
        return "record \(replay.position)/\(replay.inputs.count) at \(ReplayTime.text(r.offset)): \(what)"
    }

    /// The screen at `size`: the recorded frame, then the timeline strip on the last row.
    public func render(size: Size, unicode: Bool = true) -> Buffer {
        var out = Buffer(size: size)
        let frame = replay.frame()
        out.asciiText = frame.asciiText
        let rows = min(frame.size.height, max(0, size.height - 1))
        let cols = min(frame.size.width, size.width)
        for y in 0..<rows {
            for x in 0..<cols { out[x, y] = frame[x, y] }
        }
        guard size.height > 0 else { return out }
        ReplayPlayer.drawStrip(self, into: &out, row: size.height - 1, unicode: unicode)
        return out
    }

    static func drawStrip(_ p: ReplayPlayer, into out: inout Buffer, row y: Int, unicode: Bool) {
        let width = out.size.width
        out.fill(Rect(x: 0, y: y, width: width, height: 1), with: Cell(" ", style: Style(attributes: .reverse)))
        let bar = Style(attributes: .reverse)
        let state = p.replay.atEnd && p.paused ? "end" : (p.paused ? (unicode ? "⏸" : "||") : (unicode ? "▶" : ">"))
        let left = " REPLAY \(state) \(p.speedText) \(ReplayTime.text(p.replay.offset)) / \(ReplayTime.text(p.replay.recording.length)) "
        var x = out.put(left, x: 0, y: y, style: bar)
        let right: String
        if let prompt = p.prompt { right = " seek to: \(prompt)_ (Enter, Esc) " }
        else if let m = p.message { right = " " + m.text + " " }
        else { right = " space . ←→ +- a [ ] : e q " }
        // The track keeps its width whatever the message says (half of what is left; a
        // quarter while an error is said, so more of it shows).
        let isError = p.message?.isError == true && p.prompt == nil
        let trackWidth = max(0, (width - x) / (isError ? 4 : 2))
        // The track: where we are, and a mark for each alert (!) and warning (?).
        if trackWidth >= 4 {
            let inner = trackWidth - 2
            let length = max(1, p.replay.recording.length)
            func column(_ offset: Int64) -> Int { min(inner - 1, max(0, Int(Double(offset) / Double(length) * Double(inner - 1) + 0.5))) }
            var cells = Array(repeating: unicode ? "─" : "-", count: inner)
            for mark in p.replay.marks where mark.kind == .warning { cells[column(mark.offset)] = "?" }
            for mark in p.replay.marks where mark.kind == .alert { cells[column(mark.offset)] = "!" }
            let here = column(p.replay.offset)
            cells[here] = unicode ? "●" : "o"
            x += out.put(unicode ? "├" : "[", x: x, y: y, style: bar)
            for (i, c) in cells.enumerated() {
                let style: Style = c == "!" ? Style(foreground: .red, attributes: [.bold, .reverse]) : (i == here ? Style(attributes: [.bold, .reverse]) : bar)
                out.put(c, x: x + i, y: y, style: style)
            }
            x += inner
            x += out.put(unicode ? "┤" : "]", x: x, y: y, style: bar)
        }
        out.put(right, x: x, y: y, style: isError ? Style(foreground: .red, attributes: [.bold, .reverse]) : bar, maxWidth: max(0, width - x))
    }

    /// The loop: wait for a key at most until the next record is due, play on, draw the
    /// changes. Returns when the operator quits or `stopRequested()` turns true.
    /// - Parameter monotonicSeconds: a clock that only goes forward, in seconds.
    public func run(on backend: any Backend, stopRequested: () -> Bool, monotonicSeconds: () -> Double) -> Int32 {
        var shown = Buffer(size: Size(width: 0, height: 0))
        var last = monotonicSeconds()
        backend.invalidate()
        let refresh = Int(replay.recording.header.options.refreshMs)
        while !quitRequested, !stopRequested() {
            let frame = render(size: backend.size, unicode: backend.capabilities.unicode)
            let changes = Buffer.diff(shown, frame)
            if !changes.isEmpty {
                backend.draw(changes)
                backend.flush()
            }
            shown = frame
            if let event = backend.nextEvent(timeoutMs: timeoutMs(refreshMs: refresh)) {
                switch event {
                case .key(let key): handle(key)
                case .resized, .resumed:
                    backend.invalidate()
                    shown = Buffer(size: Size(width: 0, height: 0))
                }
            }
            let now = monotonicSeconds()
            advance(wallSeconds: now - last)
            last = now
        }
        return 0
    }
}
