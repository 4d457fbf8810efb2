/// Columns as diagnostics give them: 1-based, counted in characters (Unicode scalars),
/// the way the front matter's columns are counted. Parsers that count bytes (cmark-gfm)
/// are converted here, so a link after Chinese text is reported where an editor shows it.
///
/// Made once per text for all of its findings: where each line starts is found once, so
/// that a body with thousands of findings is not walked from its start for each.
struct SourceColumns {
    private let bytes: [UInt8]
    /// Where each line starts, a line ending at LF, CR LF or a lone CR (as CommonMark
    /// counts lines).
    private let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0A {
                starts.append(index)
            } else if byte == 0x0D {
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                starts.append(index)
            }
        }
        lineStarts = starts
    }

    /// The character column of byte column `byteColumn` (1-based) on 1-based `line`. A
    /// column past the line's end counts on from its last character.
    func characters(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, byteColumn > 1 else { return max(byteColumn, 1) }
        var index = line <= lineStarts.count ? lineStarts[line - 1] : bytes.count
        // One character starts at every byte that is not a continuation byte (10xxxxxx).
        var column = 1
        var bytesBefore = byteColumn - 1
        while bytesBefore > 0, index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D { return column + bytesBefore }
            if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
            bytesBefore -= 1
        }
        return column
    }

    /// The bytes of 1-based `line`, without its line end; nil past the end.
    func line(_ line: Int) -> ArraySlice<UInt8>? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        guard line < lineStarts.count else { return bytes[start...] }
        var end = lineStarts[line] - 1  // the LF, or a lone CR
        if bytes[end] == 0x0A, end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }
}
