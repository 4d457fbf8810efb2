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
        guard body.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xC2 }) else {
            return nil
        }
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
}
