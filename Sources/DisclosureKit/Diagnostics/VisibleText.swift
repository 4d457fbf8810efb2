/// Characters from content that a terminal or a log viewer would act on rather than show
/// (escape sequences, carriage returns, bidirectional overrides), shown escaped in every
/// diagnostic format: content is printed, never allowed to drive the reader's terminal.
public enum VisibleText {
    /// C0 controls, DEL, C1 controls (U+009B is a one-byte CSI to some terminals), and the
    /// bidirectional embeddings, overrides and isolates that reorder what is shown.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// True when `text` may hold a hidden character: a byte no such character lacks
    /// (C0, DEL, the lead byte of U+0080–U+00BF, of U+2000–U+2FFF).
    static func mayHoldHidden(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }
    }

    /// `text` with every hidden character written out: `\n`, `\t`, `\x1B`, `\u{202E}`;
    /// with `keepingLineBreaks`, LF and CR are left for the format's own escaping.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard mayHoldHidden(text) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            guard isHidden(scalar), !(keepingLineBreaks && (scalar == "\n" || scalar == "\r")) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            out += escape(scalar)
        }
        return out
    }

    /// How one hidden character is written in a message.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return scalar.value < 0x100
                ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                : "\\u{" + hex + "}"
        }
    }

    /// A JSON string literal whose hidden characters are all `\u` escapes (JSON requires
    /// it of C0 only; DEL, C1 and the bidirectional controls are escaped too, which reads
    /// back as the same string).
    static func jsonLiteral(_ text: String) -> String {
        let literal = jsonString(text)
        guard mayHoldHidden(literal) else { return literal }
        var out = ""
        for scalar in literal.unicodeScalars {
            if isHidden(scalar) {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
