/// A mouse button press or a wheel turn at a cell of the screen (0-based, from the top left).
///
/// The live terminal reports them when mouse reporting is on (`run`, unless `--no-mouse`);
/// key scripts write them `click:X,Y`, `wheelup:X,Y` and `wheeldown:X,Y`.
public struct MouseEvent: Hashable, Sendable, CustomStringConvertible {
    /// What the mouse did.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The (left) button went down.
        case press = "click"
        /// The wheel turned away from the user (scroll up).
        case wheelUp = "wheelup"
        /// The wheel turned towards the user (scroll down).
        case wheelDown = "wheeldown"
    }

    public var kind: Kind
    /// The column.
    public var x: Int
    /// The row.
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }

    /// As a key script writes it: `click:12,5`.
    public var description: String { "\(kind.rawValue):\(x),\(y)" }
}

/// What the app asks of the terminal besides drawing cells.
public enum TerminalRequest: Hashable, Sendable {
    /// Put `text` on the system clipboard through the terminal (OSC 52): the terminal, not
    /// this process, owns the clipboard, so it works over ssh too, where the terminal allows it.
    case setClipboard(String)
}

extension TerminalOutput {
    /// By default a terminal takes no requests.
    public func perform(_ request: TerminalRequest) {}
}

/// OSC 52, the escape sequence that sets the terminal's clipboard.
public enum OSC52 {
    /// `ESC ] 52 ; c ; <base64 of text> BEL`.
    public static func sequence(for text: String) -> String {
        "\u{1B}]52;c;" + base64(Array(text.utf8)) + "\u{07}"
    }

    /// Standard Base64 (RFC 4648, with padding).
    public static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = Int(bytes[i])
            let b1 = i + 1 < bytes.count ? Int(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? Int(bytes[i + 2]) : 0
            out.append(table[b0 >> 2])
            out.append(table[((b0 & 0x03) << 4) | (b1 >> 4)])
            out.append(i + 1 < bytes.count ? table[((b1 & 0x0F) << 2) | (b2 >> 6)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? table[b2 & 0x3F] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
