import Console

/// Fits the app's colours to what the terminal can show: xterm palette indices above the
/// terminal's colour count are replaced by the nearest colour it has (256 → 16 → 8).
enum ColorMapping {
    /// The curses colour number for `color` at `depth`; -1 is the terminal's default colour.
    static func cursesColor(_ color: Color, depth: ColorDepth) -> Int16 {
        switch color {
        case .default:
            return -1
        case .palette(let index):
            return Int16(degrade(index, to: depth))
        }
    }

    /// `index` if the depth has it, else the nearest palette colour the depth has.
    static func degrade(_ index: UInt8, to depth: ColorDepth) -> UInt8 {
        switch depth {
        case .xterm256, .none:
            return index
        case .ansi16:
            return index < 16 ? index : nearest(index, among: 0..<16)
        case .ansi8:
            if index < 8 { return index }
            if index == 8 { return 7 }          // "bright black" is a grey: white, not invisible black
            if index < 16 { return index - 8 }  // bright colours lose their brightness
            return nearest(index, among: 0..<8)
        }
    }

    /// The colour in `candidates` closest to `index` by RGB distance.
    private static func nearest(_ index: UInt8, among candidates: Range<UInt8>) -> UInt8 {
        let target = rgb(index)
        var best = candidates.lowerBound
        var bestDistance = Int.max
        for c in candidates {
            let v = rgb(c)
            let d = (v.0 - target.0) * (v.0 - target.0) + (v.1 - target.1) * (v.1 - target.1)
                + (v.2 - target.2) * (v.2 - target.2)
            if d < bestDistance { bestDistance = d; best = c }
        }
        return best
    }

    /// xterm's RGB for a palette index.
    static func rgb(_ index: UInt8) -> (Int, Int, Int) {
        let ansi: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
            (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
            (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        let i = Int(index)
        if i < 16 { return ansi[i] }
        if i < 232 {
            let levels = [0, 95, 135, 175, 215, 255]
            let c = i - 16
            return (levels[c / 36], levels[(c / 6) % 6], levels[c % 6])
        }
        let grey = 8 + 10 * (i - 232)
        return (grey, grey, grey)
    }
}
