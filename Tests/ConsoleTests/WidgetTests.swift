import Testing
@testable import Console

@Suite struct WidgetTests {
    @Test func boxDrawsTitleAndTrailingInUnicode() {
        let theme = Theme(capabilities: mono)
        let out = lines(30, 4) { b in
            Box(title: [Span("Queue")], trailing: [Span("3 total")]).render(into: Rect(x: 0, y: 0, width: 30, height: 4), of: &b, theme: theme)
        }
        #expect(out == [
            "╭─ Queue ────────── 3 total ─╮",
            "│                            │",
            "│                            │",
            "╰────────────────────────────╯",
        ])
    }

    @Test func focusedBoxIsHeavyAndStyled() {
        let theme = Theme(capabilities: color)
        var b = Buffer(size: Size(width: 12, height: 3))
        let inner = Box(title: [Span("Log")], focused: true).render(into: Rect(x: 0, y: 0, width: 12, height: 3), of: &b, theme: theme)
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 1))
        #expect(b.lines == ["┏━ Log ━━━━┓", "┃          ┃", "┗━━━━━━━━━━┛"])
        #expect(b[0, 0].style == theme.style(.borderFocused))
        #expect(b[3, 0].style == theme.style(.titleFocused))
        #expect(theme.style(.borderFocused) != theme.style(.border))
    }

    @Test func boxInASCII() {
        let theme = Theme(capabilities: ascii)
        let plain = lines(16, 3) { b in Box(title: [Span("Alerts")]).render(into: Rect(x: 0, y: 0, width: 16, height: 3), of: &b, theme: theme) }
        #expect(plain == ["+- Alerts -----+", "|              |", "+--------------+"])
        let focused = lines(16, 3) { b in Box(title: [Span("Alerts")], focused: true).render(into: Rect(x: 0, y: 0, width: 16, height: 3), of: &b, theme: theme) }
        #expect(focused == ["#= Alerts =====#", "#              #", "#==============#"])
    }

    @Test func boxDropsTrailingBeforeCuttingTheTitle() {
        let theme = Theme(capabilities: mono)
        let out = lines(20, 2) { b in
            Box(title: [Span("Outbound queue")], trailing: [Span("scale 10")]).render(into: Rect(x: 0, y: 0, width: 20, height: 2), of: &b, theme: theme)
        }
        #expect(out == ["╭─ Outbound queue ─╮", "╰──────────────────╯"])
        let tiny = lines(10, 1) { b in Box(title: [Span("Outbound queue")]).render(into: Rect(x: 0, y: 0, width: 10, height: 1), of: &b, theme: theme) }
        #expect(tiny == ["╭─ Outb…─╮"])
    }

    @Test func barsUseEighthsInUnicodeAndWholeCellsInASCII() {
        let u = Theme(capabilities: mono), a = Theme(capabilities: ascii)
        let out = lines(10, 4) { b in
            Bar(value: 5, maximum: 10, style: .plain).render(x: 0, y: 0, width: 10, of: &b, theme: u)
            Bar(value: 1, maximum: 16, style: .plain).render(x: 0, y: 1, width: 10, of: &b, theme: u)
            Bar(value: 30, maximum: 10, style: .plain).render(x: 0, y: 2, width: 10, of: &b, theme: u)
            Bar(value: 1, maximum: 100, style: .plain).render(x: 0, y: 3, width: 10, of: &b, theme: a)
        }
        #expect(out == ["█████·····", "▋·········", "██████████", "#........."])
        #expect(Bar(value: 0, maximum: 10, style: .plain).eighths(width: 10) == 0)
    }

    @Test func sparklineScalesToMaximumAndRightAligns() {
        let s = Sparkline(values: [0, 1, 2, 4, 8], maximum: 8, style: .plain)
        #expect(s.text(width: 8, glyphs: Glyphs(unicode: true)) == "   ▁▂▃▅█")
        #expect(s.text(width: 3, glyphs: Glyphs(unicode: true)) == "▃▅█")
        #expect(s.text(width: 5, glyphs: Glyphs(unicode: false)) == ".:-=#")
    }

    @Test func tableDropsColumnsByOrderAndSharesFlexibleWidth() {
        let cols = [Column("A", width: 4), Column("B", width: 6, dropOrder: 1), Column("C", width: 3, flexible: true), Column("D", width: 5, dropOrder: 2)]
        #expect(Table.layout(cols, width: 30).map(\.width) == [4, 6, 12, 5])
        #expect(Table.layout(cols, width: 18).map(\.index) == [0, 1, 2])
        #expect(Table.layout(cols, width: 10).map(\.index) == [0, 2])
        #expect(Table.layout(cols, width: 10).map(\.width) == [4, 5])
    }

    @Test func tableRendersHeaderRowsAndSelection() {
        let theme = Theme(capabilities: mono)
        let cols = [Column("NAME", width: 6, flexible: true), Column("N", width: 3, alignment: .right)]
        let rows = [TableRow([[Span("alpha")], [Span("1")]]), TableRow([[Span("a-very-long-name")], [Span("22")]])]
        var b = Buffer(size: Size(width: 14, height: 4))
        Table(columns: cols, rows: rows, selected: 1, focused: true).render(into: Rect(x: 0, y: 0, width: 14, height: 4), of: &b, theme: theme)
        #expect(b.lines == ["NAME         N", "alpha        1", "a-very-lo…  22", "              "])
        #expect(b[0, 2].style.attributes.contains(.reverse))
        #expect(!b[0, 1].style.attributes.contains(.reverse))
        #expect(b[0, 0].style.attributes.contains(.underline))
    }

    @Test func keyHintsKeepLowRanksAndKeyMapOrder() {
        let map = KeyMap.standard
        let hints = KeyHints(bindings: map.bindings.filter { $0.footerRank != nil })
        let narrow = hints.fitting(width: 30).map(\.keyLabel)
        #expect(narrow == ["1-4", "?", "q"])
        let out = lines(30, 1) { b in hints.render(into: Rect(x: 0, y: 0, width: 30, height: 1), of: &b, theme: Theme(capabilities: mono)) }
        #expect(out == ["1-4 inject  ? help  q quit    "])
    }

    @Test func spansAreCutWithEllipsis() {
        let out = lines(10, 1) { b in b.put([Span("abc"), Span("defghijk")], x: 0, y: 0, maxWidth: 8, ellipsis: "…") }
        #expect(out == ["abcdefg…  "])
    }
}
