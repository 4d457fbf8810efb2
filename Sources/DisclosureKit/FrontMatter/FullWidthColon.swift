/// A key followed by a full-width colon (`title：…`), typed with a Chinese keyboard left in
/// Chinese punctuation. YAML sees no key there, and reports the failure where its parser
/// gives up (often the next line), or takes the whole front matter for one text. Looked for
/// only once the front matter has failed, so a `：` inside a value costs nothing.
enum FullWidthColon {
    /// The first line (1-based within `text`) whose first word is a key and is followed by
    /// `：` (U+FF1A), with the 1-based column of the `：` and the key.
    static func find(in text: String) -> (line: Int, column: Int, key: String)? {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var column = 1
            var key = ""
            var started = false
            for character in line {
                if !started, character == " " || character == "-" {
                    column += 1
                    continue
                }
                started = true
                if character == "：" {
                    if !key.isEmpty { return (lineNumber, column, key) }
                    break
                }
                guard character.isASCII, character.isLetter || character.isNumber || character == "_" else { break }
                key.append(character)
                column += 1
            }
        }
        return nil
    }

    /// The message for a key `key` whose colon is full-width.
    static func message(key: String) -> String {
        "'\(key)' is followed by a full-width colon '：' (Chinese punctuation); YAML needs the half-width ':' and a space: write '\(key): …'"
    }
}
