/// A key script token that names no key.
public struct KeyScriptError: Error, Equatable, CustomStringConvertible {
    /// The token as written.
    public var token: String
    /// Its position in the script, counting from 1.
    public var position: Int

    public var description: String {
        "unknown key \"\(token)\" (token \(position)); use single characters or names like "
            + "space enter esc tab stab up down left right pgup pgdn home end bksp del f1 ^c text:abc"
    }
}

/// Parses a whitespace-separated key script such as `"1 2 2 t space enter esc ?"`.
///
/// A token is a single character (`1`, `t`, `G`, `/`, `?`), a key name (`space`, `enter`,
/// `esc`, `tab`, `stab`, `up`, `down`, `left`, `right`, `pgup`, `pgdn`, `home`, `end`, `bksp`,
/// `del`, `f1`…`f12`), a control key (`^c`, `ctrl-c`), or `text:abc` for the characters a, b, c.
/// - Throws: `KeyScriptError` naming the first token that is none of these.
public func parseKeyScript(_ script: String) throws -> [Key] {
    var keys: [Key] = []
    for (n, token) in script.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "," }).enumerated() {
        let t = String(token)
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
