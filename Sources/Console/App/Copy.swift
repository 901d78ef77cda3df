import Foundation
import PeatEvents

/// How `y` copies the selected event, as asked on the command line (`--clipboard`).
public enum ClipboardChoice: String, Sendable, CaseIterable {
    /// OSC 52 where the terminal is likely to take it, else a file (see `resolved`).
    case auto
    /// Always OSC 52 (e.g. inside tmux with `set -g set-clipboard on`).
    case osc52
    /// Always a file.
    case file
    /// `y` copies nothing.
    case off

    /// The mode for a terminal described by `environment`. `auto` picks OSC 52 unless the
    /// terminal is known not to pass it on: inside tmux (`TMUX` set: tmux takes an
    /// application's OSC 52 only with `set-clipboard on`, and its default is `external`),
    /// GNU screen (`TERM` screen…, no `TMUX`), the Linux console and dumb terminals. A
    /// terminal can also refuse OSC 52 silently (xterm unless `allowWindowOps`), which no
    /// program can see: the status line says where the copy went, and `--clipboard file` is
    /// the way out.
    public func resolved(environment: [String: String]) -> ClipboardMode {
        switch self {
        case .osc52: return .osc52
        case .file: return .file
        case .off: return .off
        case .auto:
            if let tmux = environment["TMUX"], !tmux.isEmpty { return .file }
            let term = environment["TERM"] ?? ""
            if term.isEmpty || term == "dumb" || term == "linux" || term.hasPrefix("screen") || term.hasPrefix("vt") {
                return .file
            }
            return .osc52
        }
    }
}

/// Where `y` puts the selected event.
public enum ClipboardMode: String, Sendable, CaseIterable {
    /// The choice that always means this mode.
    public var choice: ClipboardChoice { ClipboardChoice(rawValue: rawValue)! }

    /// The terminal's clipboard, through OSC 52.
    case osc52
    /// A new JSON file in the export directory (or the working directory).
    case file
    /// Nowhere: `y` says copying is off.
    case off
}

/// Output the reducer asks for besides node commands; the app carries it out (the terminal,
/// a file) and reports the outcome in the status line.
public enum OutputRequest: Equatable, Sendable {
    /// Put `text` on the clipboard (OSC 52 through the terminal); `what` names it.
    case clipboard(text: String, what: String)
    /// Write `text` to a new file named `<stem>.json` (`<stem>-2.json`… when taken); `what` names it.
    case file(text: String, stem: String, what: String)
}

extension AppState {
    /// The longest JSON sent by OSC 52 (many terminals cap the sequence near 100 kB); a longer
    /// one goes to a file.
    public static let clipboardLimit = 64 * 1024

    /// `y`: the selected event (detail view, alert, telemetry row) or pop-log entry as JSON,
    /// to the clipboard or a file per `clipboard` — as a request for the app, not I/O.
    mutating func copySelection() {
        guard clipboard != .off else {
            setStatus("copy is off (--clipboard off)", isError: true)
            return
        }
        let selection: (json: String, what: String, stem: String)?
        do {
            selection = try selectedJSON()
        } catch {
            setStatus("cannot write the event as JSON: \(error)", isError: true)
            return
        }
        guard let selection else {
            setStatus("nothing to copy here: select an alert, a telemetry event or a pop-log entry", isError: true)
            return
        }
        if clipboard == .osc52, selection.json.utf8.count <= AppState.clipboardLimit {
            pendingOutput.append(.clipboard(text: selection.json, what: selection.what))
        } else {
            pendingOutput.append(.file(text: selection.json, stem: selection.stem, what: selection.what))
        }
    }

    /// The JSON of what `y` copies, how the status line names it, and a file name stem.
    func selectedJSON() throws -> (json: String, what: String, stem: String)? {
        func event(_ e: PeatEvent) throws -> (String, String, String) {
            var bytes = try EventStreamEncoder(.jsonl).encode(e)
            if bytes.last == 0x0A { bytes.removeLast() }
            let id = InputText.escaped(e.eventID)
            return (String(decoding: bytes, as: UTF8.self), "event \(id)", "peat-copy-" + AppState.fileSafe(e.eventID))
        }
        if let d = detail { return try event(d) }
        switch focus {
        case .queue: return nil
        case .alerts: return try selectedAlert.map { try event($0.event) }
        case .browser: return try selectedBrowserEvent.map(event)
        case .popLog:
            guard popLogList.selected < core.popLog.count else { return nil }
            let step = core.popLog[popLogList.selected]
            return (AppState.json(step, node: core.nodeID), "pop step #\(step.number)",
                    "peat-copy-\(AppState.fileSafe(core.nodeID))-step-\(step.number)")
        }
    }

    /// A pop-log entry as one JSON object.
    static func json(_ s: PopStep, node: String) -> String {
        func string(_ t: String) -> String {
            var out = "\""
            for u in t.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where u.value < 0x20:
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        }
        var fields = [
            "\"nodeId\":\(string(node))", "\"step\":\(s.number)", "\"time\":\(s.time)",
            "\"automatic\":\(s.automatic)", "\"asked\":\(s.asked)", "\"got\":\(s.got)",
            "\"levels\":[" + s.levels.map { string($0.name) }.joined(separator: ",") + "]",
            "\"short\":\(s.short)", "\"inversion\":\(s.inversion)", "\"repeats\":\(s.repeats)",
        ]
        if let skipped = s.skipped { fields += ["\"skipped\":\(string(skipped.name))", "\"skippedWaiting\":\(s.skippedWaiting)"] }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// `text` with anything but ASCII letters, digits, `-`, `_` and `.` as `_`, at most 64
    /// characters (a file name from an id that came from the input).
    static func fileSafe(_ text: String) -> String {
        let safe = String(text.unicodeScalars.map { u -> Character in
            u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "-" || u == "_" || u == ".")
                ? Character(u) : "_"
        }.prefix(64))
        return safe.isEmpty || safe.hasPrefix(".") ? "_" + safe : safe
    }
}

extension ConsoleApp {
    /// Carries out the output the reducer asked for (`AppState.pendingOutput`): the clipboard
    /// through `backend`, a file in the export directory (or the working directory; never
    /// over an existing file), and says in the status line where the copy went.
    func carryOutOutput(on backend: any TerminalOutput) {
        while !state.pendingOutput.isEmpty {
            let request = takeOutputRequest()
            switch request {
            case .clipboard(let text, let what):
                backend.perform(.setClipboard(text))
                dispatch(.report("copied \(what) as JSON to the clipboard (OSC 52)", isError: false))
            case .file(let text, let stem, let what):
                let directory: String?
                switch exportTarget {
                case .off:
                    dispatch(.report("copy to a file is off in snapshot (--export-dir DIR writes it there)", isError: true))
                    continue
                case .currentDirectory: directory = nil
                case .directory(let d): directory = d
                }
                guard let writeNewFile else {
                    dispatch(.report("copy to a file is not available here", isError: true))
                    continue
                }
                do {
                    // The file's name first: a long directory is what the status line cuts.
                    let path = try writeNewFile(text, stem, directory)
                    let name = (path as NSString).lastPathComponent
                    let folder = (path as NSString).deletingLastPathComponent
                    dispatch(.report("copied \(what) as JSON to \(InputText.escaped(name)) in \(InputText.escaped(folder))", isError: false))
                } catch {
                    dispatch(.report("could not copy \(what) to a file in \(InputText.escaped(directory ?? ".")): \(error)", isError: true))
                }
            }
        }
    }
}
