/// Columns as diagnostics give them: 1-based, counted in characters (Unicode scalars),
/// the way the front matter's columns are counted. Parsers that count bytes (cmark-gfm)
/// are converted here, so a link after Chinese text is reported where an editor shows it.
enum SourceColumn {
    /// The character column of byte column `byteColumn` (1-based) on 1-based `line` of
    /// `text`, where a line ends at LF, CR LF or a lone CR (as CommonMark counts lines).
    /// A column past the line's end counts on from its last character.
    static func characters(in text: String, line: Int, byteColumn: Int) -> Int {
        guard line >= 1, byteColumn > 1 else { return max(byteColumn, 1) }
        let bytes = text.utf8
        var index = bytes.startIndex
        var currentLine = 1
        while currentLine < line, index < bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            if byte == 0x0A {
                currentLine += 1
            } else if byte == 0x0D {
                if index < bytes.endIndex, bytes[index] == 0x0A { index = bytes.index(after: index) }
                currentLine += 1
            }
        }
        // One character starts at every byte that is not a continuation byte (10xxxxxx).
        var column = 1
        var bytesBefore = byteColumn - 1
        while bytesBefore > 0, index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D { return column + bytesBefore }
            if byte & 0xC0 != 0x80 { column += 1 }
            index = bytes.index(after: index)
            bytesBefore -= 1
        }
        return column
    }
}
