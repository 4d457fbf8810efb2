/// A key whose `:` is not followed by a space (`title:明湖区…`): YAML reads the whole line
/// as one text, and reports the failure where its parser gives up, usually a line later.
/// Looked for only once the front matter has failed.
enum MissingSpaceAfterColon {
    /// The first line (1-based within `text`) that starts, after any indentation and `- `,
    /// with an ASCII key, a `:`, and then neither a space nor the end of the line, with the
    /// 1-based column of the `:` and the key. `key://` is left alone: a URL on a line of
    /// its own is text.
    static func find(in text: String) -> (line: Int, column: Int, key: String, fullWidthSpace: Bool)? {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var column = 1
            var key = ""
            var rest = line[...]
            while let first = rest.first, key.isEmpty, first == " " || first == "-" {
                rest = rest.dropFirst()
                column += 1
            }
            while let first = rest.first, first.isASCII, first.isLetter || first.isNumber || first == "_" {
                key.append(first)
                rest = rest.dropFirst()
                column += 1
            }
            guard !key.isEmpty, rest.first == ":" else { continue }
            let after = rest.dropFirst().first
            guard let after, after != " ", after != "/", after != ":" else { continue }
            return (lineNumber, column, key, after == "\u{3000}")
        }
        return nil
    }

    /// What to say; a full-width space (U+3000, which a Chinese keyboard types) is named
    /// as such, since the line does have a space to the eye.
    static func message(key: String, fullWidthSpace: Bool = false) -> Phrase {
        if fullWidthSpace {
            return Phrase("'\(key):' 的冒号后是全角空格（U+3000）；YAML 要求半角空格，会把整行读作一段文字而不是字段：请写作 '\(key): …'",
                          en: "'\(key):' is followed by a full-width space (U+3000); YAML needs an ASCII space and reads the line as one text, not a key: write '\(key): …'")
        }
        return Phrase("'\(key):' 的冒号后缺少空格；YAML 会把整行读作一段文字而不是字段：请写作 '\(key): …'", en: "'\(key):' has no space after its colon; YAML reads the line as one text, not a key: write '\(key): …'")
    }
}
