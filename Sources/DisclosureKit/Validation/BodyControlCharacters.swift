/// Control characters in a body: cmark-gfm passes them into the page, where the audit
/// refuses the HTML, so `check` must refuse them first, at their place.
enum BodyControlCharacters {
    struct Found: Equatable {
        /// 1-based line within the body, and column in characters.
        var line: Int
        var column: Int
        var scalar: Unicode.Scalar
    }

    /// The first C0 control but tab, line feed and carriage return (line ends), DEL or C1.
    static func first(in body: String) -> Found? {
        guard mayHoldOne(body) else { return nil }
        var line = 1
        var column = 1
        for scalar in body.unicodeScalars {
            switch scalar.value {
            case 0x0A:
                line += 1
                column = 1
                continue
            case 0x09, 0x0D:
                break
            case 0x00..<0x20, 0x7F...0x9F:
                return Found(line: line, column: column, scalar: scalar)
            default:
                break
            }
            column += 1
        }
        return nil
    }

    /// False when no byte of `body` can start such a character: C0 but tab and line ends,
    /// DEL, or C2 (the lead byte of U+0080–U+00BF, C1 among them). A loop over the bytes
    /// in place: every public body comes here.
    private static func mayHoldOne(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            for byte in bytes where (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2 {
                return true
            }
            return false
        }
    }
}
