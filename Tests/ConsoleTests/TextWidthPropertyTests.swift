#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PeatDemo
import PeatEvents
import Testing
@testable import Console

/// Issue 14.10: text is drawn as the terminal will measure it. A property test over random
/// strings (zero-width, bidi, combining, wide CJK and emoji, controls) drawn into random cell
/// ranges over a previous frame full of other characters, checked on a model terminal that
/// applies the frame diff the way ncurses does (each cell at its position, as wide as
/// `wcwidth` of its first scalar, nothing drawn for a zero-width one).
@Suite struct TextWidthPropertyTests {
    // MARK: The terminal's widths: glibc's own wcwidth, as ncurses calls it

    typealias WcwidthFunction = @convention(c) (Int32) -> Int32
    /// `wcwidth` from the C library (not importable from Swift: looked up by name).
    static let wcwidth = unsafeBitCast(dlsym(nil, "wcwidth")!, to: WcwidthFunction.self)
    /// A UTF-8 character type locale, used on the test's own thread only (`uselocale`).
    nonisolated(unsafe) static let utf8Locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)

    /// Runs `body` with wcwidth answering for UTF-8, on this thread only.
    static func withUTF8Widths<T>(_ body: () -> T) -> T {
        let previous = uselocale(utf8Locale)
        defer { uselocale(previous) }
        return body()
    }

    /// `wcwidth` of `v`: nil when the terminal would not draw it (-1).
    static func terminalWidth(_ v: UInt32) -> Int? {
        let w = wcwidth(Int32(bitPattern: v))
        return w < 0 ? nil : Int(w)
    }

    // MARK: Random text

    /// Scalars the strings are made of: a mix of everything that has bitten terminals.
    static let alphabet: [ClosedRange<UInt32>] = [
        0x20...0x7E, 0x20...0x7E, 0xC0...0xFF, 0x391...0x3C9, 0x410...0x44F,  // narrow text
        0x300...0x36F, 0x20D0...0x20F0,                                      // combining marks
        0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069,  // zero-width, bidi
        0xFEFF...0xFEFF, 0x61C...0x61C, 0xAD...0xAD, 0xFE0E...0xFE0F, 0xE0020...0xE007F, 0xE0100...0xE01EF,
        0x00...0x1F, 0x7F...0x9F, 0x2028...0x2029,                           // controls
        0x4E00...0x9FFF, 0xAC00...0xD7A3, 0x1100...0x115F, 0x1160...0x11FF, 0xFF01...0xFF60,  // wide, jamo
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1F3FB...0x1F3FF, 0x1F1E6...0x1F1FF,          // emoji
        0x2764...0x2764, 0x200D...0x200D, 0x2600...0x27BF, 0x2300...0x23FF,                  // symbols
        0x0900...0x097F, 0x0E00...0x0E7F, 0x0590...0x06FF,                                   // Indic, Thai, RTL
        0x0000...0x10FFFF, 0x0000...0xFFFF,                                                  // anything
    ]

    static func randomString(_ rng: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...24, using: &rng) {
            let range = alphabet.randomElement(using: &rng)!
            if let s = Unicode.Scalar(UInt32.random(in: range, using: &rng)) { scalars.append(s) }
        }
        return String(scalars)
    }

    /// A previous frame full of other characters (narrow and wide), in its own style.
    static func previousFrame(_ size: Size, _ rng: inout SplitMix64) -> Buffer {
        var b = Buffer(size: size)
        let old = Style(foreground: .red)
        for y in 0..<size.height {
            var x = 0
            while x < size.width {
                if x + 1 < size.width, Bool.random(using: &rng) {
                    b[x, y] = Cell("漢", style: old); b[x + 1, y] = Cell("", style: old); x += 2
                } else {
                    b[x, y] = Cell(["#", "W", "■", "A"].randomElement(using: &rng)!, style: old); x += 1
                }
            }
        }
        return b
    }

    // MARK: The property

    @Test func anyTextInAnyRangeOverwritesEveryCellOfItAndNothingElse() {
        #expect(Self.withUTF8Widths { Self.terminalWidth(0x4E00) } == 2, "the C.UTF-8 locale is there")
        Self.withUTF8Widths { Self.property() }
    }

    static func property() {
        var rng = SplitMix64(seed: 14_10)
        let drawn = Style(foreground: .green)
        for trial in 0..<3000 {
            let size = Size(width: Int.random(in: 1...30, using: &rng), height: Int.random(in: 1...3, using: &rng))
            let previous = Self.previousFrame(size, &rng)
            let y = Int.random(in: 0..<size.height, using: &rng)
            let x0 = Int.random(in: 0..<size.width, using: &rng)
            let width = Int.random(in: 1...(size.width - x0), using: &rng)
            let text = Self.randomString(&rng)
            let ascii = Bool.random(using: &rng)
            var frame = previous
            frame.asciiText = ascii
            // As the views do: the text padded (or cut) to the range, drawn clipped to it.
            frame.put(TextWidth.pad(text, to: width), x: x0, y: y, style: drawn, maxWidth: width,
                      clip: Rect(x: x0, y: y, width: width, height: 1))
            let what = "trial \(trial): \(text.unicodeScalars.map { String($0.value, radix: 16) }) into x \(x0)..<\(x0 + width) of \(size.width)"

            // Every cell of the range was written by this text; nothing outside it changed,
            // except the outer half of a wide character the range cut (no terminal can show
            // half of one: it becomes a space).
            for x in x0..<(x0 + width) {
                #expect(frame[x, y].style == drawn, "cell \(x) not overwritten: \(what)")
            }
            for yy in 0..<size.height {
                for x in 0..<size.width where yy != y || x < x0 || x >= x0 + width {
                    let cutHalf = yy == y && ((x == x0 - 1 && previous[x0, y].isContinuation)
                        || (x == x0 + width && previous[x, y].isContinuation))
                    if cutHalf {
                        #expect(frame[x, yy].symbol == " ", "the cut half of a wide character: \(what)")
                    } else {
                        #expect(frame[x, yy] == previous[x, yy], "cell \(x),\(yy) outside the range changed: \(what)")
                    }
                }
            }
            if ascii {
                #expect(!frame.line(y).contains("\u{27E8}") && !frame.line(y).contains("\u{FFFD}"),
                        "ASCII mode marks in ASCII: \(what)")
            }

            // The terminal shows exactly the new frame: no cell of the previous one survives.
            var screen = previous.cells.map(\.symbol)
            let w = size.width
            for change in Buffer.diff(previous, frame) where !change.cell.isContinuation {
                let scalars = change.cell.symbol.unicodeScalars
                guard let first = scalars.first, let tw = Self.terminalWidth(first.value), tw > 0 else {
                    Issue.record("the terminal draws nothing (or moves) for \(scalars.map { String($0.value, radix: 16) }): \(what)")
                    continue
                }
                #expect(scalars.dropFirst().allSatisfy { Self.terminalWidth($0.value) == 0 }, "a cell holds more than one spacing character: \(what)")
                let i = change.y * w + change.x
                if screen[i].isEmpty, change.x > 0 { screen[i - 1] = " " }  // overwrote a wide char's right half
                if tw == 1, change.x + 1 < w, screen[i + 1].isEmpty { screen[i + 1] = " " }
                screen[i] = change.cell.symbol
                if tw == 2, change.x + 1 < w {
                    if change.x + 2 < w, screen[i + 2].isEmpty { screen[i + 2] = " " }
                    screen[i + 1] = ""
                }
            }
            for x in x0..<(x0 + width) {
                #expect(screen[y * w + x] == frame[x, y].symbol, "the terminal shows '\(screen[y * w + x])' at \(x), the frame '\(frame[x, y].symbol)': \(what)")
            }
        }
    }

    // MARK: Examples

    @Test func invisibleAndBidiCharactersAreShownAsMarkers() {
        let spoof = "telemetry." + String(repeating: "\u{200B}", count: 8)
        #expect(TextWidth.of(spoof) == 10 + 8 * 6)
        let line = lines(40, 1) { $0.put(spoof, x: 0, y: 0) }[0]
        #expect(line.hasPrefix("telemetry.⟨200B⟩⟨200B⟩⟨200B⟩⟨200B⟩"))
        #expect(lines(12, 1) { $0.put("a\u{202E}b", x: 0, y: 0) }[0] == "a⟨202E⟩b    ")
        #expect(lines(10, 1) { $0.put("\u{301}x", x: 0, y: 0) }[0] == "⟨0301⟩x   ", "a lone combining mark")
        #expect(lines(10, 1) { $0.put("e\u{301}x", x: 0, y: 0) }[0] == "e\u{301}x        ", "a combining mark on its base")
        var b = Buffer(size: Size(width: 10, height: 1))
        b.asciiText = true
        b.put("a\u{200B}\u{7}", x: 0, y: 0)
        #expect(b.line(0) == "a<200B>?  ")
    }

    @Test func emojiWithAPresentationSelectorIsAsWideAsTheTerminalDrawsIt() {
        // U+2764 is one column to wcwidth whatever follows; measuring it as two left the
        // second cell to the previous frame.
        #expect(TextWidth.of(Character("\u{2764}\u{FE0F}")) == 1)
        #expect(TextWidth.cells(of: Character("\u{2764}\u{FE0F}"), ascii: false).map(\.symbol) == ["\u{2764}"])
        #expect(TextWidth.of(Character("\u{1F600}")) == 2)
    }

    @Test func theSpoofedRowOfTheIssueNoLongerShowsThePreviousRow() throws {
        // Row 1 showed "telemetry.AAAAAAAA"; the next frame draws "telemetry." + 8 × U+200B.
        var previous = Buffer(size: Size(width: 30, height: 1))
        previous.put(TextWidth.pad("telemetry.AAAAAAAA", to: 30), x: 0, y: 0)
        var frame = previous
        frame.put(TextWidth.pad("telemetry." + String(repeating: "\u{200B}", count: 8), to: 30), x: 0, y: 0)
        #expect(!frame.line(0).contains("AAAA"))
        #expect(frame.line(0).hasPrefix("telemetry.⟨200B⟩⟨200B⟩⟨200B⟩"))
    }
}
