#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@preconcurrency import CNcursesw

/// Putting text on the user's clipboard through the terminal: OSC 52, which xterm, tmux,
/// kitty, iTerm2 and others take, but only where the terminal description says so (the
/// `Ms` capability), so no other terminal is sent bytes it would show as garbage.
public enum Clipboard {
    /// The OSC 52 sequence that sets the clipboard to `text`.
    public static func sequence(for text: String) -> String {
        "\u{1B}]52;c;" + base64(Array(text.utf8)) + "\u{07}"
    }

    /// Base64 (RFC 4648) by hand: the Terminal module does without Foundation.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(n & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension TerminalScreen {
    /// Sends `text` to the terminal's clipboard when the terminal declares it takes OSC 52
    /// (terminfo `Ms`); returns whether it was sent.
    public func copyToClipboard(_ text: String) -> Bool {
        guard shim_tigetstr("Ms") != nil else { return false }
        let bytes = Array(Clipboard.sequence(for: text).utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n <= 0 { return false }
            written += n
        }
        return true
    }
}
