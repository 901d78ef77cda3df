/// A run of text in one style; a line of a view is a list of spans.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Columns the text occupies.
    public var width: Int { TextWidth.of(text) }
}

extension Array where Element == Span {
    /// Columns all spans occupy.
    public var width: Int { reduce(0) { $0 + $1.width } }
}

extension Buffer {
    /// Writes `spans` one after another from (`x`, `y`), cut at `maxWidth` columns (the last
    /// span that does not fit ends in `ellipsis` when one is given).
    /// - Returns: the number of columns written.
    @discardableResult
    public mutating func put(_ spans: [Span], x: Int, y: Int, maxWidth: Int, ellipsis: String? = nil, clip: Rect? = nil) -> Int {
        var col = x
        let limit = x + max(0, maxWidth)
        for span in spans {
            let room = limit - col
            if room <= 0 { break }
            if let e = ellipsis, TextWidth.of(span.text) > room {
                col += put(TextWidth.truncate(span.text, to: room, ellipsis: e), x: col, y: y, style: span.style, maxWidth: room, clip: clip)
                break
            }
            col += put(span.text, x: col, y: y, style: span.style, maxWidth: room, clip: clip)
        }
        return col - x
    }
}
