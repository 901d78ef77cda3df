/// Shown instead of the panes when the screen is below `ScreenLayout.minimumSize`.
public enum TooSmallView {
    public static func render(_ state: AppState, into rect: Rect, of buffer: inout Buffer) {
        let theme = Theme(capabilities: state.capabilities)
        let need = ScreenLayout.minimumSize
        let lines: [(String, Role)] = [
            ("terminal too small", .error),
            ("need \(need.width)×\(need.height), have \(state.size.width)×\(state.size.height)", .text),
            ("enlarge the window, or press q to quit", .muted),
        ]
        let top = rect.y + max(0, (rect.height - lines.count) / 2)
        for (i, (text, role)) in lines.enumerated() where top + i < rect.maxY {
            let t = TextWidth.truncate(theme.glyphs.plain(text), to: rect.width, ellipsis: theme.glyphs.ellipsis)
            let x = rect.x + max(0, (rect.width - TextWidth.of(t)) / 2)
            buffer.put(t, x: x, y: top + i, style: theme.style(role))
        }
    }
}
