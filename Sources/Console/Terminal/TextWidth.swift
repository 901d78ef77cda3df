/// Display width of text in terminal columns, measured per grapheme cluster as the terminal
/// will draw it.
///
/// The backend draws a grapheme into one cell and the terminal (ncurses, `wcwidth`) gives it
/// the width of its first scalar: 2 when that is East Asian Wide/Fullwidth, else 1. A
/// grapheme the terminal would draw as nothing — a control character, a lone combining mark,
/// a zero-width, bidi or other invisible format character (U+200B, U+202E, U+FEFF…), an
/// unassigned code point — is never drawn as itself: it would leave the previous frame's
/// character in its cell, or move the cursor. Controls are shown as `�` (ASCII `?`), the
/// others as a visible marker with their code point, `⟨200B⟩` (ASCII `<200B>`), and measured
/// as that. `Buffer.put` draws exactly what is measured here (`cells(of:ascii:)`).
public enum TextWidth {
    /// Columns `character` occupies on screen.
    @inlinable
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x7F { return 1 }  // printable ASCII, or a control shown as one replacement cell
        if v < 0xA0 { return 1 }  // C1 controls and DEL: one replacement cell
        if isInvisible(first) { return marker(first, ascii: false).count }
        return isWide(v) ? 2 : 1
    }

    /// The replacement of a control character.
    public static func controlMarker(ascii: Bool) -> String { ascii ? "?" : "\u{FFFD}" }

    /// The visible stand-in of an invisible scalar: `⟨200B⟩`, or `<200B>` in ASCII (4 to 6
    /// hex digits, so the same width either way).
    public static func marker(_ scalar: Unicode.Scalar, ascii: Bool) -> String {
        var hex = String(scalar.value, radix: 16, uppercase: true)
        if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
        return ascii ? "<" + hex + ">" : "\u{27E8}" + hex + "\u{27E9}"
    }

    /// True for a scalar that, first in its grapheme, the terminal would draw as nothing or
    /// not at all: everything `wcwidth` gives 0 or -1 (`TerminalWidthTable.blank`: combining
    /// marks, zero-width and bidi format characters, Hangul medial and final jamo, controls,
    /// code points unassigned in the C library's Unicode), and whatever this Swift's Unicode
    /// calls a mark, a format or control character, default-ignorable (fillers, variation
    /// selectors), a line or paragraph separator, a surrogate or unassigned.
    @usableFromInline
    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        if contains(TerminalWidthTable.blank, s.value) { return true }
        let p = s.properties
        if p.isDefaultIgnorableCodePoint { return true }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .lineSeparator,
             .paragraphSeparator, .surrogate, .unassigned:
            return true
        default:
            return false
        }
    }

    /// The cells `character` is drawn as, each with its width: the grapheme itself (1 or 2
    /// columns; a narrow base keeps only the combining marks that ride on it, so nothing after
    /// it can widen it), or the cells of its replacement.
    public static func cells(of character: Character, ascii: Bool) -> [(symbol: String, width: Int)] {
        guard let first = character.unicodeScalars.first else { return [] }
        let v = first.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return [(controlMarker(ascii: ascii), 1)] }
        if v < 0x7F, character.unicodeScalars.count == 1 { return [(String(character), 1)] }
        if isInvisible(first) { return marker(first, ascii: ascii).map { (String($0), 1) } }
        // The terminal gives the cell the width of the first scalar and expects the rest to be
        // zero-width marks on it: keep those (up to what a cell holds), drop anything else
        // (variation selectors, joiners and the scalars they join, a second regional
        // indicator), which could make the terminal draw wider than measured.
        var kept = String.UnicodeScalarView()
        kept.append(first)
        for s in character.unicodeScalars.dropFirst() where kept.count < 4 {
            switch s.properties.generalCategory {
            case .nonspacingMark where !s.properties.isVariationSelector, .enclosingMark: kept.append(s)
            default: continue
            }
        }
        return [(String(kept), isWide(v) ? 2 : 1)]
    }

    /// Columns `text` occupies.
    @inlinable
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var w = 0
        for ch in text { w += of(ch) }
        return w
    }

    /// True when the terminal gives `v` two columns (`TerminalWidthTable.wide`).
    @usableFromInline
    static func isWide(_ v: UInt32) -> Bool {
        v >= 0x1100 && contains(TerminalWidthTable.wide, v)
    }

    /// Binary search of sorted, disjoint `ranges`.
    @usableFromInline
    static func contains(_ ranges: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
        var lo = 0, hi = ranges.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < ranges.count && ranges[lo].contains(v)
    }

    /// The longest prefix of `text` that fits in `columns`, with its width.
    public static func prefix(_ text: String, fitting columns: Int) -> (String, Int) {
        var w = 0
        var end = text.startIndex
        for i in text.indices {
            let cw = of(text[i])
            if w + cw > columns { break }
            w += cw
            end = text.index(after: i)
        }
        return (String(text[..<end]), w)
    }

    /// `text` cut to `columns`, ending in "…" when it had to be cut.
    public static func truncate(_ text: String, to columns: Int, ellipsis: String = "…") -> String {
        guard columns > 0 else { return "" }
        if of(text) <= columns { return text }
        let ew = of(ellipsis)
        if columns <= ew { return prefix(text, fitting: columns).0 }
        return prefix(text, fitting: columns - ew).0 + ellipsis
    }

    /// `text` padded with spaces (or cut) to exactly `columns`; `alignRight` pads on the left.
    public static func pad(_ text: String, to columns: Int, alignRight: Bool = false) -> String {
        let t = truncate(text, to: columns)
        let gap = max(0, columns - of(t))
        let spaces = String(repeating: " ", count: gap)
        return alignRight ? spaces + t : t + spaces
    }
}
