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
        /// Texts end at every `<` and `>`: the elements of the feed and the sitemaps.
        case elements
    }

    static func format(of path: String) -> Format? {
        let lower = path.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".json") || lower.hasSuffix(".js") || lower.hasSuffix(".mjs") { return .strings }
        // The build's own XML files (an attachment's XML, in a folder, is read whole: an
        // author's document may cut a sentence with markup).
        if lower.hasSuffix(".xml"), !path.contains("/") { return .elements }
        return nil
    }

    /// `bytes` normalised text by text (`MatchText`), joined by NUL bytes, with the output
    /// length at each line feed as `MatchText.bytesAndLines` gives it. `inQuotes`: a CSV
    /// piece that starts inside a quoted cell.
    static func bytesAndLines(_ bytes: UnsafeBufferPointer<UInt8>, _ format: Format, inQuotes: Bool = false)
        -> (bytes: [UInt8], newlines: [Int]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var newlines: [Int] = []
        var start = 0
        var quoted = inQuotes
        func flush(_ end: Int) {
            if end > start {
                let (text, lines) = MatchText.bytesAndLines(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                let base = out.count
                newlines += lines.map { $0 + base }
                out += text
            }
            out.append(0)
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
        return (out, newlines)
    }

    /// Whether a CSV file read from its start is inside quotes after `bytes`.
    static func endsInQuotes(_ bytes: some Sequence<UInt8>, from inQuotes: Bool) -> Bool {
        var quoted = inQuotes
        for byte in bytes where byte == 0x22 { quoted.toggle() }
        return quoted
    }
}
