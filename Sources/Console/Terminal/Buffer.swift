/// One screen cell: a grapheme and its style.
///
/// A wide grapheme occupies its own cell and a following *continuation* cell whose symbol
/// is empty; backends skip continuation cells when drawing.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown, `""` for the right half of a wide grapheme.
    public var symbol: String
    public var style: Style

    public init(_ symbol: String = " ", style: Style = .plain) {
        self.symbol = symbol
        self.style = style
    }

    /// A space in the default style.
    public static let blank = Cell()

    /// True for the right half of a wide grapheme.
    public var isContinuation: Bool { symbol.isEmpty }
}

/// A changed cell, as `Buffer.diff` reports it.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
}

/// A grid of cells that views draw into. Value type; drawing outside the grid is clipped.
public struct Buffer: Hashable, Sendable {
    /// The grid's size.
    public private(set) var size: Size
    /// Replacements for controls and invisible characters in ASCII (`?`, `<200B>`) instead
    /// of `�` and `⟨200B⟩`: set when the terminal is not UTF-8.
    public var asciiText = false
    /// Row-major cells, `size.width * size.height` of them.
    public private(set) var cells: [Cell]

    /// A buffer of `size` filled with `fill`.
    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    /// The whole area.
    public var area: Rect { Rect(size) }

    /// The cell at column `x`, row `y` (a blank outside the grid).
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
            return cells[y * size.width + x]
        }
        set {
            guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
            cells[y * size.width + x] = newValue
        }
    }

    /// Writes `text` from (`x`, `y`) in `style`, clipped to `clip` (default: the whole grid)
    /// and to at most `maxWidth` columns. Every grapheme is drawn as `TextWidth` measures it:
    /// controls as `�`, invisible characters (zero-width, bidi controls, lone combining marks)
    /// as a marker such as `⟨200B⟩`, so every cell written is a cell the terminal overwrites.
    /// A wide grapheme that would straddle the clip edge is replaced by a space.
    /// - Returns: the number of columns written.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain,
                             maxWidth: Int = .max, clip: Rect? = nil) -> Int {
        let bounds = (clip ?? area).intersection(area)
        guard y >= bounds.y, y < bounds.maxY else { return 0 }
        let limit = min(bounds.maxX, maxWidth == .max ? .max : x + maxWidth)
        var col = x
        outer: for ch in text {
            for (symbol, w) in TextWidth.cells(of: ch, ascii: asciiText) {
                if col + w > limit {
                    if w == 2, col < limit, col >= bounds.x { clearWide(at: col, y: y); self[col, y] = Cell(" ", style: style); col += 1 }
                    break outer
                }
                if col >= bounds.x {
                    clearWide(at: col, y: y)
                    self[col, y] = Cell(symbol, style: style)
                    if w == 2 {
                        clearWide(at: col + 1, y: y)
                        self[col + 1, y] = Cell("", style: style)
                    }
                } else if w == 2, col + 1 >= bounds.x {
                    // The right half of a wide grapheme cut by the clip's left edge: a space.
                    clearWide(at: col + 1, y: y)
                    self[col + 1, y] = Cell(" ", style: style)
                }
                col += w
            }
        }
        return max(0, col - x)
    }

    /// Keeps wide graphemes whole: overwriting one half of a wide grapheme blanks the other.
    private mutating func clearWide(at x: Int, y: Int) {
        let c = self[x, y]
        if c.isContinuation, x > 0 {
            self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
        } else if x + 1 < size.width, self[x + 1, y].isContinuation, TextWidth.of(c.symbol) == 2 {
            self[x + 1, y] = Cell(" ", style: self[x + 1, y].style)
        }
    }

    /// Fills `rect` (clipped) with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * size.width + x] = cell }
        }
    }

    /// Applies `style` to every cell of `rect` (clipped), keeping the symbols.
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * size.width + x].style = style }
        }
    }

    /// The text of row `y`, continuation cells dropped (so wide graphemes read naturally).
    public func line(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var s = ""
        s.reserveCapacity(size.width)
        for x in 0..<size.width {
            let c = cells[y * size.width + x]
            if !c.isContinuation { s += c.symbol }
        }
        return s
    }

    /// Every row as text.
    public var lines: [String] { (0..<size.height).map(line) }

    /// The whole grid as text, rows joined by newlines, trailing spaces kept.
    public var text: String { lines.joined(separator: "\n") }

    /// The cells that differ between `old` and `new`. A size change reports every cell of `new`.
    public static func diff(_ old: Buffer, _ new: Buffer) -> [CellChange] {
        var out: [CellChange] = []
        let w = new.size.width
        if old.size != new.size {
            out.reserveCapacity(new.cells.count)
            for (i, c) in new.cells.enumerated() { out.append(CellChange(x: i % w, y: i / w, cell: c)) }
            return out
        }
        new.cells.withUnsafeBufferPointer { n in
            old.cells.withUnsafeBufferPointer { o in
                for i in 0..<n.count where n[i] != o[i] {
                    out.append(CellChange(x: i % w, y: i / w, cell: n[i]))
                }
            }
        }
        return out
    }
}
