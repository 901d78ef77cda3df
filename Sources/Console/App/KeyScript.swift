/// A key script token that names no key.
public struct KeyScriptError: Error, Equatable, CustomStringConvertible {
    /// The token as written.
    public var token: String
    /// Its position in the script, counting from 1.
    public var position: Int

    public var description: String {
        "unknown key \"\(token)\" (token \(position)); use single characters or names like "
            + "space enter esc tab stab up down left right pgup pgdn home end bksp del f1 ^c text:abc"
            + " click:X,Y wheelup:X,Y wheeldown:X,Y"
    }
}

/// Parses a whitespace-separated key script such as `"1 2 2 t space enter esc ?"`.
///
/// A token is a single character (`1`, `t`, `G`, `/`, `?`), a key name (`space`, `enter`,
/// `esc`, `tab`, `stab`, `up`, `down`, `left`, `right`, `pgup`, `pgdn`, `home`, `end`, `bksp`,
/// `del`, `f1`…`f12`), a control key (`^c`, `ctrl-c`), `text:abc` for the characters a, b, c,
/// or a mouse event at a cell (0-based column and row): `click:X,Y`, `wheelup:X,Y`,
/// `wheeldown:X,Y`.
/// - Throws: `KeyScriptError` naming the first token that is none of these.
public func parseKeyScript(_ script: String) throws -> [Key] {
    var keys: [Key] = []
    // Tokens are separated by blanks or commas; a mouse token keeps the comma of its X,Y.
    var tokens: [String] = []
    for word in script.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
        if MouseEvent.Kind.allCases.contains(where: { word.lowercased().hasPrefix($0.rawValue + ":") }) {
            tokens.append(String(word))
        } else {
            tokens += word.split(separator: ",").map(String.init)
        }
    }
    for (n, t) in tokens.enumerated() {
        if let mouse = mouseToken(t) {
            guard let m = mouse else { throw KeyScriptError(token: t, position: n + 1) }
            keys.append(.mouse(m))
            continue
        }
        if t.count == 1 { keys.append(.character(t.first!)); continue }
        if t.lowercased().hasPrefix("text:") {
            keys += t.dropFirst(5).map { .character($0) }
            continue
        }
        if let k = namedKey(t.lowercased()) { keys.append(k); continue }
        throw KeyScriptError(token: t, position: n + 1)
    }
    return keys
}

/// A mouse token: nil when `token` is not one, `.some(nil)` when it is one with a bad cell.
private func mouseToken(_ token: String) -> MouseEvent?? {
    let lower = token.lowercased()
    guard let kind = MouseEvent.Kind.allCases.first(where: { lower.hasPrefix($0.rawValue + ":") }) else { return nil }
    let cell = lower.dropFirst(kind.rawValue.count + 1).split(separator: ",", omittingEmptySubsequences: false)
    guard cell.count == 2, let x = Int(cell[0]), let y = Int(cell[1]), (0...9_999).contains(x), (0...9_999).contains(y) else {
        return .some(nil)
    }
    return .some(MouseEvent(kind, x: x, y: y))
}

private func namedKey(_ name: String) -> Key? {
    switch name {
    case "space", "spc": return .character(" ")
    case "enter", "return", "ret", "cr": return .enter
    case "esc", "escape": return .escape
    case "tab": return .tab
    case "stab", "s-tab", "backtab", "shift-tab": return .backTab
    case "up": return .up
    case "down": return .down
    case "left": return .left
    case "right": return .right
    case "pgup", "pageup": return .pageUp
    case "pgdn", "pagedown", "pgdown": return .pageDown
    case "home": return .home
    case "end": return .end
    case "bksp", "backspace", "bs": return .backspace
    case "del", "delete": return .delete
    case "plus": return .character("+")
    case "minus": return .character("-")
    case "slash": return .character("/")
    default: break
    }
    if name.hasPrefix("f"), let n = Int(name.dropFirst()), (1...24).contains(n) { return .function(n) }
    for prefix in ["^", "ctrl-", "c-"] where name.hasPrefix(prefix) {
        let rest = name.dropFirst(prefix.count)
        if rest.count == 1, let c = rest.first, c.isLetter { return .control(c) }
    }
    return nil
}
