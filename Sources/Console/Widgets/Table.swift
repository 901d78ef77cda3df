/// A column of a `Table`.
public struct Column: Sendable {
    public enum Alignment: Sendable { case left, right }
    public var title: String
    /// Fixed width, or the minimum width for a flexible column.
    public var width: Int
    /// Flexible columns share what is left after the fixed ones.
    public var flexible: Bool
    public var alignment: Alignment
    /// Columns are dropped from the highest `dropOrder` first when the table is too narrow;
    /// 0 is never dropped.
    public var dropOrder: Int
    /// The width the column's content needs to be shown whole (the most telling column, e.g.
    /// an alert's type): the layout narrows the other flexible columns, and drops droppable
    /// ones (but not the last to go, `dropOrder` 1), before cutting it. Nil: the column is cut
    /// like any other.
    public var wholeWidth: Int?

    public init(_ title: String, width: Int, flexible: Bool = false, alignment: Alignment = .left, dropOrder: Int = 0,
                wholeWidth: Int? = nil) {
        self.title = title
        self.width = width
        self.flexible = flexible
        self.alignment = alignment
        self.dropOrder = dropOrder
        self.wholeWidth = wholeWidth
    }
}

/// One row of a `Table`: a cell (list of spans) per column.
public struct TableRow: Sendable {
    public var cells: [[Span]]
    public init(_ cells: [[Span]]) { self.cells = cells }
}

/// A table with a header line, scrolling and a highlighted selected row.
public struct Table {
    public var columns: [Column]
    /// The rows currently visible (the caller pages).
    public var rows: [TableRow]
    /// Index into `rows` of the selected row, if any.
    public var selected: Int?
    /// Focused tables highlight the selection in the focus colour.
    public var focused: Bool
    /// Shown when there are no rows.
    public var emptyText: String
    /// One space between columns.
    public static let gap = 1

    public init(columns: [Column], rows: [TableRow], selected: Int? = nil, focused: Bool = false, emptyText: String = "") {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.focused = focused
        self.emptyText = emptyText
    }

    /// The indexes of the columns kept and their widths for `width` cells.
    public static func layout(_ columns: [Column], width: Int) -> [(index: Int, width: Int)] {
        var kept = Array(columns.indices)
        func needed(_ idx: [Int]) -> Int { idx.reduce(0) { $0 + columns[$1].width } + max(0, idx.count - 1) * gap }
        while needed(kept) > width, let drop = kept.filter({ columns[$0].dropOrder > 0 }).max(by: { columns[$0].dropOrder < columns[$1].dropOrder }) {
            kept.removeAll { $0 == drop }
        }
        // What the columns to be shown whole need beyond their minimum width: room made by
        // dropping more columns, but not the last to go.
        func wanted(_ idx: [Int]) -> Int { idx.reduce(0) { $0 + max(0, (columns[$1].wholeWidth ?? 0) - columns[$1].width) } }
        while needed(kept) + wanted(kept) > width,
              let drop = kept.filter({ columns[$0].dropOrder > 1 }).max(by: { columns[$0].dropOrder < columns[$1].dropOrder }) {
            kept.removeAll { $0 == drop }
        }
        var spare = max(0, width - needed(kept))
        var widths = Dictionary(uniqueKeysWithValues: kept.map { ($0, columns[$0].width) })
        // The columns to be shown whole take their room first.
        for i in kept where spare > 0 {
            let extra = min(spare, max(0, (columns[i].wholeWidth ?? 0) - columns[i].width))
            widths[i]! += extra
            spare -= extra
        }
        let flex = kept.filter { columns[$0].flexible }
        if !flex.isEmpty {
            let share = spare / flex.count
            for (n, i) in flex.enumerated() {
                let extra = n == flex.count - 1 ? spare : share
                widths[i]! += extra
                spare -= extra
            }
        } else if let first = kept.first {
            widths[first]! += spare  // no flexible column left: the first one takes the room
        }
        // Clip to the width when even the never-dropped columns do not fit.
        var out: [(Int, Int)] = []
        var used = 0
        for i in kept {
            let room = width - used - (out.isEmpty ? 0 : gap)
            if room <= 0 { break }
            out.append((i, min(widths[i]!, room)))
            used += (out.count == 1 ? 0 : gap) + min(widths[i]!, room)
        }
        return out.map { (index: $0.0, width: $0.1) }
    }

    /// Draws the header and rows into `rect`.
    public func render(into rect: Rect, of buffer: inout Buffer, theme: Theme) {
        guard rect.height > 0, rect.width > 0 else { return }
        let cols = Table.layout(columns, width: rect.width)
        let headerStyle = theme.style(.columnHeader)
        var x = rect.x
        for c in cols {
            let text = TextWidth.pad(columns[c.index].title, to: c.width, alignRight: columns[c.index].alignment == .right)
            buffer.put(text, x: x, y: rect.y, style: headerStyle)
            x += c.width + Table.gap
        }
        let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1)
        if rows.isEmpty, !emptyText.isEmpty, body.height > 0 {
            buffer.put(TextWidth.truncate(emptyText, to: body.width, ellipsis: theme.glyphs.ellipsis),
                       x: body.x + 1, y: body.y, style: theme.style(.muted))
        }
        for (r, row) in rows.prefix(body.height).enumerated() {
            let y = body.y + r
            x = body.x
            for c in cols {
                let spans = c.index < row.cells.count ? row.cells[c.index] : []
                let w = spans.width
                let start = columns[c.index].alignment == .right && w < c.width ? x + c.width - w : x
                buffer.put(spans, x: start, y: y, maxWidth: c.width - (start - x), ellipsis: theme.glyphs.ellipsis)
                x += c.width + Table.gap
            }
            if r == selected {
                let sel = theme.style(focused ? .selection : .selectionUnfocused)
                let line = Rect(x: body.x, y: y, width: body.width, height: 1)
                for cx in line.x..<line.maxX {
                    var cell = buffer[cx, y]
                    let keepsFg = !focused && cell.style.foreground != .default && theme.depth != .none
                    cell.style = Style(foreground: keepsFg ? cell.style.foreground : sel.foreground,
                                       background: sel.background,
                                       attributes: sel.attributes.union(cell.style.attributes.intersection(.bold)))
                    buffer[cx, y] = cell
                }
            }
        }
    }
}
