import Foundation
import PeatEvents
import Testing
@testable import Console
@testable import LocalNode
import PeatDemo
import PeatInputs
@testable import PeatSoak

// Golden frames: whole screens, text and styles, kept as files under `Golden/` and compared
// cell by cell. `PEAT_UPDATE_GOLDEN=1` rewrites them (scripts/update-goldens.sh).
//
// A golden file is the command that renders it, the frame's rows, one style letter per cell
// and the letters' legend:
//
//     $ peat-console snapshot --keys "?" --size 120x40
//     <height rows of text, full width>
//     styles:
//     <height rows of letters, one per column; "." is the plain style>
//     legend:
//     . plain
//     a fg=green bold
//
// Letters are given in order of first appearance, so a file reads the same for the same frame.

/// The golden files' folder, beside this source file.
let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// The repository's root (for README.md).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// True when the run should rewrite goldens (and README captures) instead of comparing.
let updatingGoldens: Bool = {
    let value = ProcessInfo.processInfo.environment["PEAT_UPDATE_GOLDEN"] ?? ""
    return !value.isEmpty && value != "0"
}()

/// What a golden failure tells the reader to run once the new frame is right.
let goldenUpdateHint = "if the new frame is right: scripts/update-goldens.sh (PEAT_UPDATE_GOLDEN=1 swift test --filter Golden)"

/// `peat-console snapshot` arguments read as the command line reads them, for the flags the
/// goldens use. An unknown flag is an error, so a golden never silently ignores one.
struct SnapshotCommandLine: Equatable {
    var options = ConsoleOptions()
    var keys: [Key] = []
    var size = Size(width: 120, height: 40)
    var capabilities = TerminalCapabilities(colors: .none, unicode: true)
    /// `--duration`: keys first, then this many seconds on the manual clock.
    var duration: Double?

    struct BadArgument: Error, CustomStringConvertible {
        var description: String
    }

    static func == (a: SnapshotCommandLine, b: SnapshotCommandLine) -> Bool {
        a.keys == b.keys && a.size == b.size && a.capabilities == b.capabilities
            && a.options.scenario == b.options.scenario && a.options.seed == b.options.seed
            && a.options.policy == b.options.policy && a.options.batchSize == b.options.batchSize
            && a.options.clipboard == b.options.clipboard && a.options.compare == b.options.compare
            && a.duration == b.duration
    }

    /// Parses the words after `peat-console snapshot`; double quotes group words.
    init(_ arguments: String) throws {
        var words = try Self.words(arguments)[...]
        func value(_ flag: String) throws -> String {
            guard let v = words.popFirst() else { throw BadArgument(description: "\(flag) needs a value") }
            return v
        }
        while let flag = words.popFirst() {
            switch flag {
            case "--keys": keys = try parseKeyScript(try value(flag))
            case "--size":
                let v = try value(flag)
                let parts = v.split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2 else { throw BadArgument(description: "--size \(v)") }
                size = Size(width: parts[0], height: parts[1])
            case "--color":
                let v = try value(flag)
                guard let depth = ["none": ColorDepth.none, "8": .ansi8, "16": .ansi16, "256": .xterm256][v] else {
                    throw BadArgument(description: "--color \(v)")
                }
                capabilities.colors = depth
            case "--ascii": capabilities.unicode = false
            case "--scenario":
                let v = try value(flag)
                guard let s = ScenarioChoice(rawValue: v) else { throw BadArgument(description: "--scenario \(v)") }
                options.scenario = s
            case "--seed":
                let v = try value(flag)
                guard let n = UInt64(v) else { throw BadArgument(description: "--seed \(v)") }
                options.seed = n
            case "--policy":
                let v = try value(flag)
                guard let p = SchedulingPolicy(name: v) else { throw BadArgument(description: "--policy \(v)") }
                options.policy = p
            case "--batch":
                let v = try value(flag)
                guard let n = Int(v) else { throw BadArgument(description: "--batch \(v)") }
                options.batchSize = n
            case "--duration":
                let v = try value(flag)
                guard let d = Double(v) else { throw BadArgument(description: "--duration \(v)") }
                duration = d
            case "--clipboard":
                let v = try value(flag)
                guard let c = ClipboardChoice(rawValue: v) else { throw BadArgument(description: "--clipboard \(v)") }
                options.clipboard = c
            case "--compare":
                let v = try value(flag)
                do { options.compare = try CompareState.policies(v) } catch { throw BadArgument(description: error.message) }
            default: throw BadArgument(description: "flag \(flag) is not known to the golden tests")
            }
        }
    }

    private static func words(_ text: String) throws -> [String] {
        var out: [String] = []
        var current = ""
        var inQuotes = false
        var started = false
        for ch in text {
            if ch == "\"" {
                inQuotes.toggle()
                started = true
            } else if ch == " ", !inQuotes {
                if started { out.append(current) }
                current = ""
                started = false
            } else {
                current.append(ch)
                started = true
            }
        }
        guard !inQuotes else { throw BadArgument(description: "unbalanced quotes in \(text)") }
        if started { out.append(current) }
        return out
    }

    /// The frame `peat-console snapshot` prints for these arguments, styles kept.
    func render() -> Buffer {
        // As `snapshot` runs it: no export directory, so `e` and a file copy write nothing.
        var options = options
        options.export = .off
        return ConsoleApp.snapshotBuffer(options: options, keys: keys, size: size, capabilities: capabilities, duration: duration)
    }
}

/// One golden frame: a file name and the snapshot command that renders it.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    /// The file's name without `.txt`.
    var name: String
    /// The words after `peat-console snapshot`.
    var arguments: String

    init(_ name: String, _ arguments: String) {
        self.name = name
        self.arguments = arguments
    }

    /// The command as a user types it (and as README captures name it).
    var command: String { "peat-console snapshot " + arguments }
    var file: URL { goldenDirectory.appendingPathComponent(name + ".txt") }
    var testDescription: String { name }
}

/// The golden file format: writing, reading back, and saying where two frames differ.
enum GoldenFrame {
    /// Letters for styles other than the plain one, in order of first appearance.
    static let letters: [Character] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&*+-/:;<=>?@^_~")
    static let plainLetter: Character = "."

    /// A golden file read back: rows of cells and their styles, by column.
    struct Parsed {
        var command: String
        /// The rows as printed.
        var lines: [String]
        /// Per row, per column: the grapheme ("" for the right half of a wide one).
        var symbols: [[String]]
        /// Per row, per column: the style as the legend describes it.
        var styles: [[String]]
        /// Per row: the letters as written.
        var styleLines: [String]
    }

    /// `buffer` in the golden format, headed by `command`.
    static func format(_ buffer: Buffer, command: String) -> String {
        var letterOf: [Style: Character] = [.plain: plainLetter]
        var legend: [(Character, Style)] = []
        var styleRows: [String] = []
        for y in 0..<buffer.size.height {
            var row = ""
            for x in 0..<buffer.size.width {
                let style = buffer[x, y].style
                if let l = letterOf[style] {
                    row.append(l)
                } else {
                    precondition(legend.count < letters.count, "more distinct styles than golden letters")
                    let l = letters[legend.count]
                    letterOf[style] = l
                    legend.append((l, style))
                    row.append(l)
                }
            }
            styleRows.append(row)
        }
        let plainUsed = styleRows.contains { $0.contains(plainLetter) }
        var out = ["$ " + command] + buffer.lines + ["styles:"] + styleRows + ["legend:"]
        if plainUsed { out.append("\(plainLetter) \(describe(.plain))") }
        out += legend.map { "\($0.0) \(describe($0.1))" }
        return out.joined(separator: "\n") + "\n"
    }

    /// A style in words: `plain`, or colours and attributes such as `fg=green bg=236 bold`.
    static func describe(_ style: Style) -> String {
        if style == .plain { return "plain" }
        var parts: [String] = []
        if style.foreground != .default { parts.append("fg=" + name(style.foreground)) }
        if style.background != .default { parts.append("bg=" + name(style.background)) }
        let attributes: [(Attributes, String)] = [(.bold, "bold"), (.dim, "dim"), (.reverse, "reverse"),
                                                  (.underline, "underline"), (.italic, "italic"), (.blink, "blink")]
        for (a, word) in attributes where style.attributes.contains(a) { parts.append(word) }
        return parts.joined(separator: " ")
    }

    private static let colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    private static func name(_ color: Color) -> String {
        switch color {
        case .default: return "default"
        case .palette(let n) where n < 8: return colorNames[Int(n)]
        case .palette(let n) where n < 16: return "bright-" + colorNames[Int(n) - 8]
        case .palette(let n): return String(n)
        }
    }

    /// The columns of a printed row: each grapheme, and "" after a wide one.
    static func cells(of line: String) -> [String] {
        var out: [String] = []
        for ch in line {
            out.append(String(ch))
            if TextWidth.of(ch) == 2 { out.append("") }
        }
        return out
    }

    /// Reads a golden file of a `size` frame; nil when it does not have that shape.
    static func parse(_ text: String, size: Size) -> Parsed? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let h = size.height
        guard lines.count >= 2 * h + 3, lines[0].hasPrefix("$ "), lines[h + 1] == "styles:",
              lines[2 * h + 2] == "legend:" else { return nil }
        var legend: [Character: String] = [:]
        for entry in lines[(2 * h + 3)...] where !entry.isEmpty {
            guard let letter = entry.first else { continue }
            legend[letter] = String(entry.dropFirst(2))
        }
        let rows = Array(lines[1...h])
        let styleLines = Array(lines[(h + 2)...(2 * h + 1)])
        return Parsed(command: String(lines[0].dropFirst(2)), lines: rows, symbols: rows.map(cells(of:)),
                      styles: styleLines.map { $0.map { legend[$0] ?? "unknown letter \($0)" } },
                      styleLines: styleLines)
    }

    /// Where `actual` differs from the golden `expected`: each differing cell (row, column,
    /// glyph and style on both sides), then the differing rows side by side. Nil when equal.
    static func differences(expected: Parsed, actual: Buffer, maxCells: Int = 24, maxRows: Int = 8) -> String? {
        let actualFormat = parse(format(actual, command: expected.command), size: actual.size)!
        var cellNotes: [String] = []
        var cellCount = 0
        var rows: [Int] = []
        for y in 0..<actual.size.height {
            var rowDiffers = false
            for x in 0..<actual.size.width {
                let es = x < expected.symbols[y].count ? expected.symbols[y][x] : "∅"
                let et = x < expected.styles[y].count ? expected.styles[y][x] : "∅"
                let a = actual[x, y]
                let at = describe(a.style)
                guard es != a.symbol || et != at else { continue }
                rowDiffers = true
                cellCount += 1
                if cellNotes.count < maxCells {
                    cellNotes.append("  row \(y), column \(x): expected \(show(es)) \(et) | actual \(show(a.symbol)) \(at)")
                }
            }
            if expected.symbols[y].count != actual.size.width {
                rowDiffers = true
                cellNotes.append("  row \(y): expected \(expected.symbols[y].count) columns, the frame has \(actual.size.width)")
            }
            if rowDiffers { rows.append(y) }
        }
        guard !rows.isEmpty else { return nil }
        var out = ["\(cellCount) cell(s) differ on \(rows.count) row(s) (rows and columns from 0):"]
        out += cellNotes
        if cellCount > cellNotes.count { out.append("  … and \(cellCount - cellNotes.count) more cells") }
        for y in rows.prefix(maxRows) {
            out.append("row \(y):")
            out.append("  expected |\(expected.lines[y])|")
            out.append("  actual   |\(actual.line(y))|")
            if expected.styles[y] != actualFormat.styles[y] {
                out.append("  expected styles |\(expected.styleLines[y])| (letters of the golden's legend)")
                out.append("  actual styles   |\(actualFormat.styleLines[y])| (letters of the new frame's legend)")
            }
        }
        if rows.count > maxRows { out.append("… and \(rows.count - maxRows) more rows") }
        return out.joined(separator: "\n")
    }

    private static func show(_ symbol: String) -> String {
        symbol.isEmpty ? "(right half of a wide glyph)" : "\"\(symbol)\""
    }
}

/// Compares `golden`'s rendering with its file, or rewrites the file under `PEAT_UPDATE_GOLDEN`.
func assertGolden(_ golden: GoldenCase, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let command = try SnapshotCommandLine(golden.arguments)
    let frame = command.render()
    let formatted = GoldenFrame.format(frame, command: golden.command)
    let stored = try? String(contentsOf: golden.file, encoding: .utf8)
    if updatingGoldens {
        if stored != formatted {
            try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true)
            try formatted.write(to: golden.file, atomically: true, encoding: .utf8)
        }
        return
    }
    guard let stored else {
        Issue.record("no golden file \(golden.file.path) for `\(golden.command)`; \(goldenUpdateHint)",
                     sourceLocation: sourceLocation)
        return
    }
    if stored == formatted { return }
    guard let parsed = GoldenFrame.parse(stored, size: frame.size) else {
        Issue.record("\(golden.file.lastPathComponent) is not a \(frame.size.width)x\(frame.size.height) golden frame; \(goldenUpdateHint)",
                     sourceLocation: sourceLocation)
        return
    }
    if parsed.command != golden.command {
        Issue.record("\(golden.file.lastPathComponent) was made by `\(parsed.command)`, the test runs `\(golden.command)`; \(goldenUpdateHint)",
                     sourceLocation: sourceLocation)
    }
    let differences = GoldenFrame.differences(expected: parsed, actual: frame)
        ?? "the cells agree but the file differs (legend or trailing lines)"
    Issue.record("`\(golden.command)` differs from \(golden.file.lastPathComponent):\n\(differences)\n\(goldenUpdateHint)",
                 sourceLocation: sourceLocation)
}
