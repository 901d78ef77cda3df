/// The `?` overlay: every binding of the key map, by group, centred over `area`, in two
/// columns when they fit; it scrolls (`j`/`k`) when it is taller than the area.
public struct HelpOverlay {
    public var keyMap: KeyMap
    static let keyWidth = 11
    /// Columns between the two columns, and the box's border and inner margin on both sides.
    static let gutter = 3, frame = 4

    public init(keyMap: KeyMap) { self.keyMap = keyMap }

    /// The lines of one group block: a heading, then "key  help" lines.
    func block(_ group: KeyGroup, theme: Theme) -> [[Span]] {
        let items = (keyMap.bindings + keyMap.filterBindings).filter { $0.group == group }
        guard !items.isEmpty else { return [] }
        var out: [[Span]] = [[Span(group.rawValue, theme.style(.emphasis))]]
        for b in items {
            out.append([Span("  " + TextWidth.pad(b.keyLabel, to: HelpOverlay.keyWidth), theme.style(.titleFocused)), Span(b.help)])
        }
        return out
    }

    /// What the panes' words and numbers mean.
    public static let glossaryEntries: [(term: String, meaning: String)] = [
        ("short pop", "got fewer than asked while more waited"),
        ("inversion", "a lower level served while a higher one"),
        ("", "waited beyond its share (coloured)"),
        ("⚠ H 6", "a step skipped H with 6 waiting"),
        ("run/recent", "shares over the run / last 50 steps,"),
        ("", "each level only while it had a backlog"),
        ("target", "its due share in those steps (by weight)"),
        ("age / net", "oldest queued event / in - out per s"),
        ("tokens ━━╸─", "link capacity left: idle room, full is"),
        ("", "good; a line, unlike load bars"),
        ("queue ██▌·", "events waiting: load, full is trouble"),
        ("drop/exp/bad", "link drops, TTL expiries, bad input"),
    ]

    static func glossary(theme: Theme) -> [[Span]] {
        var out: [[Span]] = [[Span("Glossary", theme.style(.emphasis))]]
        let g = theme.glyphs
        // The samples of the gauge and the bar in the glyphs the panes draw them with.
        let samples = ["━━╸─": g.gaugeFull + g.gaugeFull + g.gaugeHalf + g.gaugeEmpty,
                       "██▌·": g.barFull + g.barFull + (g.barPartials.count > 3 ? g.barPartials[3] : g.barFull) + g.barEmpty]
        for (term, meaning) in glossaryEntries {
            var shown = term
            for (sample, drawn) in samples where term.hasSuffix(" " + sample) { shown = String(term.dropLast(sample.count)) + drawn }
            out.append([Span("  " + TextWidth.pad(g.plain(shown), to: HelpOverlay.keyWidth + 2), theme.style(.titleFocused)),
                        Span(meaning)])
        }
        return out
    }

    /// The overlay's columns of lines for `area`.
    func columns(for area: Rect, theme: Theme) -> [[[Span]]] {
        var blocks = KeyGroup.allCases.map { block($0, theme: theme) }.filter { !$0.isEmpty }
        blocks.append([[Span("Levels ", theme.style(.muted)), Span("C", theme.style(.critical)), Span(" CRITICAL  "),
                        Span("H", theme.style(.high)), Span(" HIGH  "), Span("N", theme.style(.normal)), Span(" NORMAL  "),
                        Span("L", theme.style(.low)), Span(" LOW")]])
        blocks.append(HelpOverlay.glossary(theme: theme))
        return HelpOverlay.split(blocks, in: area)
    }

    /// The blocks in one column when they fit the area's height; else in two, cut between
    /// blocks where the taller column is shortest, among the cuts whose two columns (each as
    /// wide as its own widest line) fit the width; one column (scrolling) when none does.
    static func split(_ blocks: [[[Span]]], in area: Rect) -> [[[Span]]] {
        func stacked(_ part: ArraySlice<[[Span]]>) -> [[Span]] {
            var column: [[Span]] = []
            for b in part {
                if !column.isEmpty { column.append([]) }
                column += b
            }
            return column
        }
        let one = stacked(blocks[...])
        guard one.count + 2 > area.height, blocks.count > 1 else { return [one] }
        func width(_ column: [[Span]]) -> Int { column.map(\.width).max() ?? 0 }
        var best: (height: Int, columns: [[[Span]]])?
        for cut in 1..<blocks.count {
            let left = stacked(blocks[..<cut]), right = stacked(blocks[cut...])
            guard width(left) + width(right) + gutter + frame <= area.width else { continue }
            let height = max(left.count, right.count)
            if best == nil || height < best!.height { best = (height, [left, right]) }
        }
        return best?.columns ?? [one]
    }

    /// How far the help can scroll in `area` (0 when it fits).
    public func maxScroll(in area: Rect) -> Int {
        let cols = columns(for: area, theme: Theme(capabilities: .init(colors: .none, unicode: true)))
        let lines = cols.map(\.count).max() ?? 0
        return max(0, lines - max(0, area.height - 2))
    }

    public func render(into area: Rect, of buffer: inout Buffer, theme: Theme, scroll: Int = 0) {
        let columns = columns(for: area, theme: theme)
        let colWidths = columns.map { $0.map(\.width).max() ?? 0 }
        let lines = columns.map(\.count).max() ?? 0
        let width = min(area.width, colWidths.reduce(0, +) + HelpOverlay.gutter * (columns.count - 1) + HelpOverlay.frame)
        let height = min(area.height, lines + 2)
        let rect = Rect(x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width: width, height: height)
        let inner = Box(title: [Span("Keys")], trailing: [Span("q, ? or Esc closes", theme.style(.muted))], focused: true)
            .render(into: rect, of: &buffer, theme: theme)
        let first = min(max(0, scroll), max(0, lines - inner.height))
        var x = inner.x + 1
        for (i, column) in columns.enumerated() {
            let w = min(colWidths[i], inner.maxX - 1 - x)
            guard w > 0 else { break }
            for (row, line) in column.dropFirst(first).prefix(inner.height).enumerated() {
                buffer.put(line, x: x, y: inner.y + row, maxWidth: w, ellipsis: theme.glyphs.ellipsis)
            }
            x += colWidths[i] + HelpOverlay.gutter
        }
        let hidden = lines - inner.height
        if hidden > 0, rect.height >= 2 {
            let note = " j/k scroll \(theme.glyphs.dot) \(first)/\(hidden) "
            buffer.put(note, x: rect.maxX - 2 - TextWidth.of(note), y: rect.maxY - 1, style: theme.style(.muted))
        }
    }
}
