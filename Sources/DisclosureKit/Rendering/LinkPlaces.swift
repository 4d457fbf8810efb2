import CCmarkGFM

/// Where each link found in a body is written, for its diagnostic: cmark-gfm's place
/// where it gives a right one, else where the target's text is, looked for in the lines
/// of its paragraph (or cell, or heading) after the link placed before it.
///
/// cmark-gfm gives a bare `https://…` autolink no place at all, a bare `www.…` one a
/// byte early, and after a lone CR (a line end CommonMark knows) columns counted from
/// the paragraph's start. Findings come in document order, so looking on from the last
/// one places a target written twice at each of its places in turn, and keeps the
/// search over a paragraph with thousands of broken links linear.
struct LinkPlaces {
    private let columns: SourceColumns
    /// The block of the last finding placed by a search, and the byte after its target.
    private var cursor: (block: OpaquePointer, line: Int, byteColumn: Int)?
    /// Searches of the cursor's block that found nothing (a target cmark wrote otherwise
    /// than the text): after a few, the block is not searched again, so a paragraph of
    /// thousands of such links is not read whole for each.
    private var misses = 0
    private static let missesPerBlock = 8

    init(_ columns: SourceColumns) {
        self.columns = columns
    }

    /// The 1-based line and character column of `node`, whose target is `target`.
    /// `inside`: the target is inside the node's text (an attribute of raw HTML), so its
    /// place is searched for from the node's start, never taken as the node's.
    mutating func place(of node: OpaquePointer, target: String, inside: Bool = false) -> (line: Int, column: Int) {
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        if !inside, line > 0, startsLinkSyntax(line: line, byteColumn: byteColumn) {
            return (line, columns.characters(line: line, byteColumn: byteColumn))
        }
        // The nearest block with a place: the lines the target may be on.
        var block = cmark_node_parent(node)
        while let current = block, cmark_node_get_start_line(current) == 0 { block = cmark_node_parent(current) }
        let first = max(1, Int(block.map(cmark_node_get_start_line) ?? 1))
        let last = max(first, Int(block.map(cmark_node_get_end_line) ?? 0))
        let unplaced = line > 0 ? (line, columns.characters(line: line, byteColumn: byteColumn)) : (first, 1)
        guard let block else { return unplaced }
        var from = (line: line > 0 ? min(max(line, first), last) : first, byteColumn: 1)
        if let cursor, cursor.block == block {
            guard misses < Self.missesPerBlock else { return unplaced }
            if (cursor.line, cursor.byteColumn) > from { from = (cursor.line, cursor.byteColumn) }
        } else {
            cursor = (block, first, 1)
            misses = 0
        }
        for candidate in from.line...last {
            guard let found = targetBytes(target, inLine: candidate, from: candidate == from.line ? from.byteColumn : 1) else { continue }
            cursor = (block, candidate, found.end)
            return (candidate, columns.characters(line: candidate, byteColumn: found.start))
        }
        misses += 1
        return unplaced
    }

    /// True when line `line` has `[`, `!` or `<` at `byteColumn`: where a link, an image
    /// or an autolink in angle brackets starts.
    private func startsLinkSyntax(line: Int, byteColumn: Int) -> Bool {
        guard let text = columns.line(line), byteColumn >= 1, byteColumn <= text.count else { return false }
        return [UInt8(ascii: "["), UInt8(ascii: "!"), UInt8(ascii: "<")].contains(text[text.startIndex + byteColumn - 1])
    }

    /// The 1-based byte columns where `target` (or, for `www.` autolinks, whose target
    /// cmark writes with `http://` in front, its text) first starts and ends on line
    /// `line`, at or after byte column `from`.
    private func targetBytes(_ target: String, inLine line: Int, from: Int) -> (start: Int, end: Int)? {
        guard let text = columns.line(line) else { return nil }
        for candidate in [target, target.hasPrefix("http://") ? String(target.dropFirst(7)) : target] {
            let needle = Array(candidate.utf8)
            guard !needle.isEmpty, let start = text.firstRun(needle, from: text.startIndex + from - 1) else { continue }
            let column = start - text.startIndex + 1
            return (column, column + needle.count)
        }
        return nil
    }
}
