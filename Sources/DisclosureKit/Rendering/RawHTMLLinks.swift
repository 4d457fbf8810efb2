/// The link targets written in a body's raw HTML (with `allow_raw_html`): each `href`
/// and `src` attribute of each tag, so that `check` judges them as it judges Markdown
/// links (a record's `.md` rewritten to its page, a missing file an error at its line)
/// instead of the build's audit finding them broken in the output page.
///
/// A scanner of tags and attributes as HTML writes them (quoted, single-quoted or bare
/// values; comments skipped), not an HTML parser: a target it misses is still checked
/// by the audit of the page.
enum RawHTMLLinks {
    struct Target {
        /// The value's bytes in the literal, quotes excluded.
        var range: Range<Int>
        /// The value with `&amp;`, `&quot;`, `&#39;` and `&apos;` decoded.
        var value: String
        /// True for `src` (an image or other embedded file), false for `href`.
        var isEmbedded: Bool
    }

    static func targets(in literal: [UInt8]) -> [Target] {
        var found: [Target] = []
        let n = literal.count
        var i = 0
        while i < n {
            guard literal[i] == UInt8(ascii: "<") else { i += 1; continue }
            if literal[i...].starts(with: Array("<!--".utf8)) {
                i = end(of: Array("-->".utf8), in: literal, from: i + 4)
                continue
            }
            i += 1
            guard i < n, isNameByte(literal[i]) else { continue }
            while i < n, isNameByte(literal[i]) { i += 1 }
            // Attributes, up to the tag's `>`.
            while i < n, literal[i] != UInt8(ascii: ">") {
                guard isNameByte(literal[i]) else { i += 1; continue }
                let nameStart = i
                while i < n, isNameByte(literal[i]) || literal[i] == UInt8(ascii: "-") || literal[i] == UInt8(ascii: ":") { i += 1 }
                let name = String(decoding: literal[nameStart..<i], as: UTF8.self).lowercased()
                while i < n, isSpace(literal[i]) { i += 1 }
                guard i < n, literal[i] == UInt8(ascii: "=") else { continue }
                i += 1
                while i < n, isSpace(literal[i]) { i += 1 }
                guard i < n else { break }
                let range: Range<Int>
                if literal[i] == UInt8(ascii: "\"") || literal[i] == UInt8(ascii: "'") {
                    let quote = literal[i]
                    var j = i + 1
                    while j < n, literal[j] != quote { j += 1 }
                    range = (i + 1)..<j
                    i = min(j + 1, n)
                } else {
                    var j = i
                    while j < n, !isSpace(literal[j]), literal[j] != UInt8(ascii: ">") { j += 1 }
                    range = i..<j
                    i = j
                }
                if name == "href" || name == "src" {
                    found.append(Target(range: range, value: decoded(String(decoding: literal[range], as: UTF8.self)),
                                        isEmbedded: name == "src"))
                }
            }
        }
        return found
    }

    /// `literal` with the values at the given ranges (in increasing order, not
    /// overlapping) replaced, each escaped for a double-quoted or bare attribute value.
    static func replacing(_ literal: [UInt8], _ replacements: [(range: Range<Int>, value: String)]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(literal.count)
        var at = 0
        for (range, value) in replacements {
            out += literal[at..<range.lowerBound]
            out += Array(value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: " ", with: "%20").utf8)
            at = range.upperBound
        }
        out += literal[at...]
        return String(decoding: out, as: UTF8.self)
    }

    private static func decoded(_ value: String) -> String {
        guard value.contains("&") else { return value }
        return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func end(of marker: [UInt8], in bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i + marker.count <= bytes.count {
            if bytes[i..<(i + marker.count)].elementsEqual(marker) { return i + marker.count }
            i += 1
        }
        return bytes.count
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
