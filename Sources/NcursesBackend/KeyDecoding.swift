import CNcurses
import Console

/// Turns what `wget_wch` returns into the app's `Key` (or, for `KEY_RESIZE`, a terminal event).
enum KeyDecoding {
    /// A function/special key (`wget_wch` returned KEY_CODE_YES); `KEY_RESIZE` is `.resized`.
    static func special(_ code: Int32) -> TerminalEvent {
        code == peat_key_resize() ? .resized : .key(specialKey(code))
    }

    private static func specialKey(_ code: Int32) -> Key {
        switch code {
        case peat_key_up(): return .up
        case peat_key_down(): return .down
        case peat_key_left(): return .left
        case peat_key_right(): return .right
        case peat_key_npage(): return .pageDown
        case peat_key_ppage(): return .pageUp
        case peat_key_home(): return .home
        case peat_key_end(): return .end
        case peat_key_btab(): return .backTab
        case peat_key_enter(): return .enter
        case peat_key_backspace(): return .backspace
        case peat_key_dc(): return .delete
        default:
            let f0 = peat_key_f(0)
            if code > f0, code <= f0 + 63 { return .function(Int(code - f0)) }
            return .unknown(code)
        }
    }

    /// A character (`wget_wch` returned OK).
    static func character(_ code: Int32) -> Key {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 127, 8: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 0..<32: return .unknown(code)
        case 0x80..<0xA0: return .unknown(code)
        default:
            guard code > 0, let scalar = Unicode.Scalar(UInt32(code)) else { return .unknown(code) }
            return .character(Character(scalar))
        }
    }
}
