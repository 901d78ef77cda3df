/// The footer: key hints generated from the key map, as many as fit (lowest rank kept first),
/// shown in key-map order.
public struct KeyHints {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// The bindings that fit in `width` columns, in key-map order.
    public func fitting(width: Int) -> [KeyBinding] {
        let ranked = bindings.enumerated().sorted { ($0.element.footerRank ?? .max, $0.offset) < ($1.element.footerRank ?? .max, $1.offset) }
        var chosen: Set<Int> = []
        var used = 0
        for (i, b) in ranked {
            let w = KeyHints.width(of: b) + (chosen.isEmpty ? 0 : 1)
            if used + w > width { continue }
            used += w
            chosen.insert(i)
        }
        return bindings.enumerated().filter { chosen.contains($0.offset) }.map(\.element)
    }

    /// "key label " → columns.
    static func width(of b: KeyBinding) -> Int { TextWidth.of(b.keyLabel) + TextWidth.of(b.label) + 2 }

    public func render(into rect: Rect, of buffer: inout Buffer, theme: Theme) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect)
        var x = rect.x
        for b in fitting(width: rect.width) {
            if x > rect.x { x += 1 }
            x += buffer.put(b.keyLabel, x: x, y: rect.y, style: theme.style(.footerKey), clip: rect)
            x += buffer.put(" " + b.label + " ", x: x, y: rect.y, style: theme.style(.footerText), clip: rect)
        }
    }
}
