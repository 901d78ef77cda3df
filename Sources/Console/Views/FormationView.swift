import PeatEvents

/// The formation overview (several nodes): a row per node with its connection state, pending
/// events per level, unacknowledged criticals, link drops, rates and the age of its last
/// update. Enter opens the selected node's panes; Esc there comes back here.
public enum FormationView {
    static let columns = [
        Column("NODE", width: 12, flexible: true),
        Column("ADDRESS", width: 15, flexible: true, dropOrder: 4),
        Column("STATE", width: 12),
        Column("CRIT", width: 5, alignment: .right),
        Column("HIGH", width: 6, alignment: .right, dropOrder: 2),
        Column("NORM", width: 6, alignment: .right, dropOrder: 2),
        Column("LOW", width: 6, alignment: .right, dropOrder: 2),
        Column("UNACK", width: 5, alignment: .right),
        Column("DROPS", width: 6, alignment: .right, dropOrder: 3),
        Column("IN/s", width: 7, alignment: .right, dropOrder: 1),
        Column("OUT/s", width: 7, alignment: .right, dropOrder: 1),
        Column("AGE", width: 5, alignment: .right),
    ]

    public static func render(_ state: AppState, into rect: Rect, of buffer: inout Buffer) {
        let theme = Theme(capabilities: state.capabilities)
        let live = state.nodeOrder.filter { state.nodes[$0]?.connection.map { $0.phase == .live } ?? true }.count
        let box = Box(title: [Span("Formation · \(Names.count(state.nodeOrder.count)) nodes")],
                      trailing: [Span("\(live) live", theme.style(live == state.nodeOrder.count ? .good : .warning))],
                      focused: true)
        let inner = box.render(into: rect, of: &buffer, theme: theme)
        guard inner.height > 0 else { return }
        let list = state.overviewList
        let rows = state.nodeOrder.dropFirst(list.scroll).prefix(max(0, inner.height - 2)).map { key in
            row(key, state.nodes[key] ?? NodeModel(nodeID: key.rawValue), state: state, theme: theme)
        }
        // The selected node's connection, in words, on the pane's last line.
        var tableHeight = inner.height
        if inner.height > 3, list.selected < state.nodeOrder.count, let c = state.nodes[state.nodeOrder[list.selected]]?.connection {
            var why = "\(c.address): \(c.label)"
            if let reason = c.reason { why += " — \(reason)" }
            if c.gaps > 0 || c.droppedUpdates > 0 { why += " · \(c.gaps) gaps, \(c.droppedUpdates) updates dropped by the node" }
            if c.unusableFigures > 0 { why += " · \(Names.count(c.unusableFigures)) figures left out (not a number or out of range)" }
            buffer.put(TextWidth.truncate(why, to: inner.width - 2, ellipsis: theme.glyphs.ellipsis),
                       x: inner.x + 1, y: inner.maxY - 1, style: theme.style(c.phase == .live && c.unusableFigures == 0 ? .muted : .warning))
            tableHeight -= 1
        }
        let area = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: tableHeight)
        Table(columns: columns, rows: Array(rows), selected: list.selected - list.scroll, focused: true, emptyText: "no nodes")
            .render(into: area, of: &buffer, theme: theme)
    }

    static func row(_ key: NodeKey, _ node: NodeModel, state: AppState, theme: Theme) -> TableRow {
        let g = theme.glyphs
        let c = node.connection
        let shown = c?.hasState ?? true
        let text = theme.style(c?.isStale == true ? .muted : .text)
        func count(_ n: Int) -> [Span] { [Span(shown ? Names.count(n) : g.unknown, text)] }
        func rate(_ r: Double?) -> [Span] { [Span(shown ? r.map(Format.rate) ?? g.unknown : g.unknown, text)] }
        let stateCell: [Span]
        if let c {
            let role: Role
            switch c.phase {
            case .live: role = .good
            case .connecting, .stale, .reconnecting: role = .warning
            case .refused, .unreachable, .unauthorised, .notGRPC, .failed: role = .error
            }
            stateCell = [Span(c.label, theme.style(role))]
        } else {
            stateCell = [Span("local", theme.style(.good))]
        }
        let age: String
        if let c {
            age = c.lastUpdate.map { Format.age(Int64(state.now >= $0 ? state.now - $0 : 0)) } ?? g.unknown
        } else {
            age = Format.age(0)
        }
        let unacked = node.unacknowledged + node.alertsDroppedUnacknowledged
        let drops = node.link.stats.reduce(0) { $0 + $1.dropped + $1.rejected }
        let name = node.nodeID == key.rawValue || !shown ? key.rawValue : node.nodeID
        return TableRow([
            [Span(name, theme.style(.emphasis))],
            [Span(c?.address ?? "in process", theme.style(.muted))],
            stateCell,
            count(node.pendingCounts[0]),
            count(node.pendingCounts[1]),
            count(node.pendingCounts[2]),
            count(node.pendingCounts[3]),
            [Span(shown ? Names.count(unacked) : g.unknown, theme.style(unacked > 0 && shown ? .alertUnacked : .text))],
            [Span(shown ? Names.count(drops) : g.unknown, theme.style(drops > 0 && shown ? .warning : .text))],
            rate(node.emittedRate),
            rate(node.poppedRate),
            [Span(age, text)],
        ])
    }
}
