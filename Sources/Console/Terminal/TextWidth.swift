/// Display width of text in terminal columns, measured per grapheme cluster.
///
/// A grapheme is 2 columns wide when its first scalar is East Asian Wide/Fullwidth or an
/// emoji shown as a picture, 0 when it is a control character, else 1. Combining marks
/// ride on their base character's grapheme and add nothing.
public enum TextWidth {
    /// Columns `character` occupies.
    @inlinable
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if v < 0xA0 { return 0 }  // C1 controls and DEL
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }  // emoji presentation
        return isWide(v) ? 2 : 1
    }

    /// Columns `text` occupies.
    @inlinable
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var w = 0
        for ch in text { w += of(ch) }
        return w
    }

    @usableFromInline
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
             0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F004, 0x1F0CF, 0x1F18E,
             0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
             0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
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
