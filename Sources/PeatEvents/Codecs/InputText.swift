/// Text that came from input (a producer's bytes, a file name), made safe to show an operator.
public enum InputText {
    /// `text` with every control and format character written as an escape, so that input
    /// quoted in a message cannot drive the terminal it is printed on (ESC sequences, OSC 52
    /// clipboard writes, screen clears) or reorder and hide text (bidi controls, zero-width
    /// characters).
    ///
    /// Escaped: C0 controls (U+0000–U+001F), DEL (U+007F), C1 controls (U+0080–U+009F), format
    /// characters (general category Cf: U+200B–U+200F, bidi embeddings, overrides and isolates
    /// U+202A–U+202E and U+2066–U+2069, U+2060–U+2064, U+FEFF, the soft hyphen, …; not the
    /// joiners U+200C/U+200D that emoji sequences and some scripts need), and the line
    /// and paragraph separators U+2028/U+2029. `\n`, `\r` and `\t` become those two-character
    /// escapes; everything else `\u{1B}` style. Every message that quotes input goes through
    /// this one function.
    public static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return String(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// True for the characters `escaped` rewrites.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return true }
        if scalar.isASCII { return false }
        // The zero-width (non-)joiners shape emoji sequences and scripts and move nothing.
        if scalar.value == 0x200C || scalar.value == 0x200D { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
