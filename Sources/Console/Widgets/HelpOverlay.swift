/// The `?` overlay: every binding of the key map, by group, centred over `area`.
public struct HelpOverlay {
    public var keyMap: KeyMap

    public init(keyMap: KeyMap) { self.keyMap = keyMap }

    /// The lines of one group block: a heading, then "key  help" lines.
    func block(_ group: KeyGroup, theme: Theme, keyWidth: Int) -> [[Span]] {
        let all = keyMap.bindings + keyMap.filterBindings
        let items = all.filter { $0.group == group }
        guard !items.isEmpty else { return [] }
        var out: [[Span]] = [[Span(group.rawValue, theme.style(.emphasis))]]
        for b in items {
            out.append([Span("  " + TextWidth.pad(b.keyLabel, to: keyWidth), theme.style(.titleFocused)), Span(b.help)])
        }
        return out
    }

    public func render(into area: Rect, of buffer: inout Buffer, theme: Theme) {
        let keyWidth = 11
        var blocks = KeyGroup.allCases.map { block($0, theme: theme, keyWidth: keyWidth) }.filter { !$0.isEmpty }
        let legend: [[Span]] = [[Span("Levels ", theme.style(.muted)), Span("C", theme.style(.critical)), Span(" CRITICAL  "),
                                 Span("H", theme.style(.high)), Span(" HIGH  "), Span("N", theme.style(.normal)), Span(" NORMAL  "),
                                 Span("L", theme.style(.low)), Span(" LOW")]]
        blocks.append(legend)
        let contentWidth = blocks.flatMap { $0 }.map(\.width).max() ?? 0
        let oneColumnHeight = blocks.reduce(0) { $0 + $1.count + 1 } - 1
        let twoColumns = oneColumnHeight + 2 > area.height && area.width >= 2 * contentWidth / 2 + 8
        var columns: [[[Span]]] = [[]]
        if twoColumns {
            let half = (oneColumnHeight + 1) / 2
            for b in blocks {
                if !columns[columns.count - 1].isEmpty, columns.count == 1, columns[0].count + b.count > half { columns.append([]) }
                if !columns[columns.count - 1].isEmpty { columns[columns.count - 1].append([]) }
                columns[columns.count - 1] += b
            }
        } else {
            for b in blocks {
                if !columns[0].isEmpty { columns[0].append([]) }
                columns[0] += b
            }
        }
        let colWidths = columns.map { $0.map(\.width).max() ?? 0 }
        let width = min(area.width, colWidths.reduce(0, +) + 3 * (columns.count - 1) + 4)
        let height = min(area.height, (columns.map(\.count).max() ?? 0) + 2)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        let inner = Box(title: [Span("Keys")], trailing: [Span("? or Esc closes", theme.style(.muted))], focused: true)
            .render(into: rect, of: &buffer, theme: theme)
        var x = inner.x + 1
        for (i, column) in columns.enumerated() {
            let w = min(colWidths[i], inner.maxX - 1 - x)
            guard w > 0 else { break }
            for (row, line) in column.prefix(inner.height).enumerated() {
                buffer.put(line, x: x, y: inner.y + row, maxWidth: w, ellipsis: theme.glyphs.ellipsis)
            }
            x += colWidths[i] + 3
        }
    }
}
