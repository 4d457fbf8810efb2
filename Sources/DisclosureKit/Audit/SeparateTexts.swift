/// Data files whose texts are separate: the cells of a CSV file (`catalog.csv`) and the
/// strings of a JSON or JavaScript file (`catalog.json`, `search-index.js`), the elements of
/// the XML files the build writes at the top (`feed.xml`, the sitemaps). The leak
/// search reads each one on its own (joined by NUL bytes, which no shared run crosses):
/// a run across two cells (`政策解读,明湖区政务服务中心` read as `政策解读 明湖区政务服务中心`)
/// is two texts side by side, not one a record wrote. Each cell or string is still read
/// whole, so every text the build wrote into one is searched as before; the bytes between
/// strings (keys' punctuation, numbers, a script's code) are searched too, as texts of
/// their own.
///
/// HTML pages are not split: a page shows adjacent table cells side by side as a reader
/// reads them, and markup with attributes can cut one sentence anywhere (`<span
/// class=…>`); reading a page whole is the side of the line that lets nothing through,
/// and what it over-reports has its way out in `leak_boilerplate`.
enum SeparateTexts {
    enum Format {
        /// Cells end at a comma or line break outside double quotes.
        case csv
        /// Texts end at every double quote that no backslash escapes.
        case strings
        /// Texts end at every `<` and `>`: the elements of the feed and the sitemaps. A
        /// text that is a tag URI (`tag:www.example.gov.cn,2000:feed`, the feed's ids) is
        /// read as its parts, split at `,` and `:`: the site's host, the fixed date and
        /// the entry's name are three texts the build put side by side, no sentence.
        case elements
        /// An HTML page, read whole but for its `<title>` and `<meta>` tags, whose parts
        /// between ' - ' (`HTMLPage.titleSeparator`) are separate texts: the build joins a
        /// value to the generated year, page number or label of a title that way, where
        /// no element can mark them (`HTMLPage.separateTextAttribute`).
        case page
    }

    static func format(of path: String) -> Format? {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".json") || lower.hasSuffix(".js") || lower.hasSuffix(".mjs") { return .strings }
        // The build's own XML files (an attachment's XML, in a folder, is read whole: an
        // author's document may cut a sentence with markup).
        if lower.hasSuffix(".xml"), !path.contains("/") { return .elements }
        if SiteAuditor.ContentCheck.Kind(path) == .page { return .page }
        return nil
    }

    /// `bytes` normalised text by text (`MatchText`), joined by NUL bytes, with the output
    /// length at each line feed as `MatchText.bytesAndLines` gives it. `inQuotes`: a CSV
    /// piece that starts inside a quoted cell.
    static func bytesAndLines(_ bytes: UnsafeBufferPointer<UInt8>, _ format: Format, inQuotes: Bool = false)
        -> (bytes: [UInt8], newlines: [Int]) {
        // One output for every text: a cell or string is a few bytes, and a buffer of its
        // own for each was a third of the cost of reading a catalog.
        var out = MatchText.Output(capacity: bytes.count + 16)
        var newlines: [Int] = []
        var start = 0
        var quoted = inQuotes
        var inTitle = false, inMeta = false
        func appendText(_ start: Int, _ end: Int) {
            if end > start {
                out.beginText(length: end - start)
                MatchText.normalise(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: &out, newlines: &newlines)
            }
            out.appendSeparator(0)
        }
        func flush(_ end: Int) {
            if format == .elements, end - start > Self.tagScheme.count,
               bytes[start..<(start + Self.tagScheme.count)].elementsEqual(Self.tagScheme) {
                var part = start
                for index in start..<end where bytes[index] == 0x2C || bytes[index] == 0x3A {
                    appendText(part, index)
                    part = index + 1
                }
                appendText(part, end)
                return
            }
            appendText(start, end)
        }
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch format {
            case .csv:
                if byte == 0x22 { quoted.toggle() }
                if !quoted, byte == 0x2C || byte == 0x0A || byte == 0x0D {
                    flush(i)
                    if byte == 0x0A { newlines.append(out.count) }
                    start = i + 1
                }
            case .elements:
                if byte == 0x3C || byte == 0x3E {
                    flush(i)
                    start = i + 1
                }
            case .page:
                if byte == 0x3C {
                    if Self.tag(bytes, at: i + 1, "title") { inTitle = true }
                    else if Self.tag(bytes, at: i + 1, "/title") { inTitle = false }
                    else if Self.tag(bytes, at: i + 1, "meta") { inMeta = true }
                } else if byte == 0x3E {
                    inMeta = false
                } else if byte == 0x20, inTitle || inMeta, i + 2 < bytes.count, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x20 {
                    flush(i)
                    start = i + 3
                    i += 3
                    continue
                }
            case .strings:
                if byte == 0x22 {
                    var backslashes = 0
                    while i - backslashes > 0, bytes[i - backslashes - 1] == 0x5C { backslashes += 1 }
                    if backslashes % 2 == 0 {
                        flush(i)
                        start = i + 1
                    }
                }
            }
            i += 1
        }
        flush(bytes.count)
        return (out.finish(), newlines)
    }

    /// True when `bytes` at `index` hold the tag name `name` (ASCII, lower case), in any
    /// case, followed by white space, `/` or `>`.
    static func tag(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard index + count < bytes.count else { return false }
        let matches = name.withUTF8Buffer { wanted in
            (0..<count).allSatisfy { bytes[index + $0] | 0x20 == wanted[$0] | 0x20 }
        }
        guard matches else { return false }
        let next = bytes[index + count]
        return next == 0x3E || next == 0x2F || next == 0x20 || (next >= 0x09 && next <= 0x0D)
    }

    /// How a tag URI (RFC 4151) begins.
    private static let tagScheme = Array("tag:".utf8)

    /// Whether a CSV file read from its start is inside quotes after `bytes`.
    static func endsInQuotes(_ bytes: some Sequence<UInt8>, from inQuotes: Bool) -> Bool {
        var quoted = inQuotes
        for byte in bytes where byte == 0x22 { quoted.toggle() }
        return quoted
    }
}
