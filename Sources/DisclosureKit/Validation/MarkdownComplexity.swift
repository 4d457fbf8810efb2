/// Bounds on what a body's Markdown makes cmark-gfm build, checked on the text before
/// any record reaches the renderer, so every record within the size limit checks and
/// renders in bounded time and memory (measured in the README: under 2 s and 200 MB).
///
/// cmark-gfm's cost follows the nodes it builds, not the bytes: 3.9 MB of `a\n\n` is a
/// million paragraphs (620 MB), of `[` four million text nodes (940 MB); a table row is
/// padded to its header's width, so one wide header and a few thousand one-letter lines
/// make billions of cells; some inline patterns are quadratic within one paragraph
/// (`![[]()` repeated) and open containers are walked on every line (a thousand nested
/// quotes with lazy lines: 8 s). The scan counts, line by line, an upper estimate of each.
public enum MarkdownComplexity {
    /// Block starts, lines, container markers, inline markup characters and table cells
    /// (padded to the header's width) of a whole body.
    public static let maximumElements = 200_000
    /// Inline markup characters in one paragraph (or one table row): the bound on the
    /// inline parser's quadratic cases.
    public static let maximumMarkupPerBlock = 5_000
    /// Cells of one table row (or columns of a table). A cell costs the table extension
    /// several microseconds, more in wide rows; each counts two elements.
    public static let maximumCellsPerRow = 500
    /// Quotes and list items nested in each other.
    public static let maximumNesting = 32

    public struct Excess: Sendable, Equatable {
        /// 1-based line within the body.
        public var line: Int
        public var message: Phrase
    }

    /// The first limit `body` passes, at the line that passes it; nil within every limit.
    public static func firstExcess(in body: String) -> Excess? {
        var text = body
        return text.withUTF8 { scan($0) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Excess? {
        var elements = 0
        var markupInBlock = 0
        var previousBlank = true
        var previousHasPipe = false
        var tableColumns = 0
        var line = 0
        var start = 0
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let row = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end + 1

            guard !isBlank(row) else {
                previousBlank = true
                previousHasPipe = false
                tableColumns = 0
                markupInBlock = 0
                continue
            }
            let (nesting, markers, contentStart) = containers(row)
            if nesting > maximumNesting {
                return Excess(line: line, message: Phrase(
                    "引用和列表在此处嵌套了 \(nesting) 层；最多呈现 \(maximumNesting) 层",
                    en: "quotes and lists are nested \(nesting) deep here; at most \(maximumNesting) levels are rendered"))
            }
            elements += markers + 1 + (previousBlank ? 1 : 0)
            let content = UnsafeBufferPointer(rebasing: row[contentStart...])
            let pipes = countPipes(row)
            if tableColumns > 0 {
                // Up to the next blank line, every line is charged as a row of the table above,
                // padded to the header's width (a table inside a quote or list goes on in
                // lines without a pipe). Only a line that is surely a row alone (a pipe, no
                // container marker, no other block's start) is an inline parse of its own.
                let cells = pipes + 1
                if cells > maximumCellsPerRow {
                    return Excess(line: line, message: Phrase(
                        "该表格行有 \(cells) 个单元格；最多呈现 \(maximumCellsPerRow) 个（请拆分表格，或改为电子表格附件）",
                        en: "this table row has \(cells) cells; at most \(maximumCellsPerRow) are rendered (split the table, or attach it as a spreadsheet)"))
                }
                elements += 2 * max(cells, tableColumns)
                if pipes > 0 && markers == 0 && !startsAnotherBlock(content) { markupInBlock = 0 }
            } else if previousHasPipe, let columns = delimiterRowColumns(content) {
                if columns > maximumCellsPerRow {
                    return Excess(line: line, message: Phrase(
                        "该表格有 \(columns) 列；最多呈现 \(maximumCellsPerRow) 列（请拆分表格，或改为电子表格附件）",
                        en: "this table has \(columns) columns; at most \(maximumCellsPerRow) are rendered (split the table, or attach it as a spreadsheet)"))
                }
                tableColumns = columns
                elements += 2 * columns
                markupInBlock = 0
            }
            let markup = countMarkup(row, countingPipes: tableColumns == 0)
            markupInBlock += markup
            elements += markup
            if markupInBlock > maximumMarkupPerBlock {
                return Excess(line: line, message: Phrase(
                    "该段落中的 Markdown 标记字符（[ ] ! * _ ~ ` < & \\ : @ | www.）超过 \(maximumMarkupPerBlock) 个，不予处理（请拆分段落，或转义这些字符）",
                    en: "this paragraph has more than \(maximumMarkupPerBlock) Markdown markup characters ([ ] ! * _ ~ ` < & \\ : @ | www.); refused (break it into paragraphs, or escape the characters)"))
            }
            if elements > maximumElements {
                return Excess(line: line, message: Phrase(
                    "到此行为止，正文中的 Markdown 元素（块、行、表格单元格、标记字符）超过 \(maximumElements) 个，不予处理（请拆分该记录，或将材料作为附件）",
                    en: "the body has more than \(maximumElements) Markdown elements (blocks, lines, table cells, markup characters) by this line; refused (split the record, or attach the material)"))
            }
            previousBlank = false
            previousHasPipe = pipes > 0
        }
        return nil
    }

    private static func isBlank(_ row: UnsafeBufferPointer<UInt8>) -> Bool {
        row.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// The quote and list markers opening `row`, the nesting they reach (indentation
    /// before them counts a level for every two columns) and where the content after
    /// them starts.
    private static func containers(_ row: UnsafeBufferPointer<UInt8>) -> (nesting: Int, markers: Int, contentStart: Int) {
        var index = 0
        var indent = 0
        while index < row.count && (row[index] == 0x20 || row[index] == 0x09) {
            indent += row[index] == 0x09 ? 4 : 1
            index += 1
        }
        var markers = 0
        while index < row.count {
            let byte = row[index]
            var next = index
            if byte == UInt8(ascii: ">") {
                next = index + 1
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
                guard index + 1 >= row.count || row[index + 1] == 0x20 || row[index + 1] == 0x09 else { break }
                next = index + 1
            } else if byte >= 0x30 && byte <= 0x39 {
                var digit = index
                while digit < row.count && digit - index < 9 && row[digit] >= 0x30 && row[digit] <= 0x39 { digit += 1 }
                guard digit < row.count, row[digit] == UInt8(ascii: ".") || row[digit] == UInt8(ascii: ")"),
                      digit + 1 >= row.count || row[digit + 1] == 0x20 || row[digit + 1] == 0x09 else { break }
                next = digit + 1
            } else {
                break
            }
            markers += 1
            index = next
            while index < row.count && (row[index] == 0x20 || row[index] == 0x09) { index += 1 }
        }
        return (markers + (markers > 0 ? indent / 2 : 0), markers, index)
    }

    /// True when `content` opens a block that ends a table: a heading, a fence, HTML, a
    /// footnote or link definition.
    private static func startsAnotherBlock(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = content.first else { return false }
        return first == UInt8(ascii: "#") || first == UInt8(ascii: "`") || first == UInt8(ascii: "~")
            || first == UInt8(ascii: "<") || first == UInt8(ascii: "[")
    }

    /// `|` not escaped by a backslash.
    private static func countPipes(_ row: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var escaped = false
        for byte in row {
            if byte == UInt8(ascii: "|") && !escaped { count += 1 }
            escaped = byte == UInt8(ascii: "\\") && !escaped
        }
        return count
    }

    /// The columns of a GFM delimiter row (`| --- | :-: |`), or nil when `row` is not one.
    private static func delimiterRowColumns(_ row: UnsafeBufferPointer<UInt8>) -> Int? {
        var columns = 0
        var inDashes = false
        var hasPipe = false
        for byte in row {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: ":"):
                if !inDashes { columns += 1; inDashes = true }
            case UInt8(ascii: "|"):
                hasPipe = true
                inDashes = false
            case 0x20, 0x09, 0x0D:
                continue
            default:
                return nil
            }
        }
        return hasPipe && columns > 0 ? columns : nil
    }

    /// Characters that may start or end an inline element, each of which cmark-gfm may
    /// turn into a node of its own (autolinks make `:`, `@` and `www.` such characters;
    /// an autolink costs about twice a node, so `www.` and `@` count two).
    private static func countMarkup(_ row: UnsafeBufferPointer<UInt8>, countingPipes: Bool) -> Int {
        var count = 0
        for (index, byte) in row.enumerated() {
            switch byte {
            case UInt8(ascii: "w"), UInt8(ascii: "W"):
                // `www.` starts an autolink of its own, without a `:`.
                if index + 3 < row.count, row[index + 3] == UInt8(ascii: "."),
                   row[index + 1] | 0x20 == UInt8(ascii: "w"), row[index + 2] | 0x20 == UInt8(ascii: "w") {
                    count += 2
                }
            case UInt8(ascii: "@"):
                // An email autolink is looked for around every `@`: twice the work of the others.
                count += 2
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "`"), UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\\"),
                 UInt8(ascii: ":"):
                count += 1
            case UInt8(ascii: "|"):
                if countingPipes { count += 1 }
            default:
                continue
            }
        }
        return count
    }
}
