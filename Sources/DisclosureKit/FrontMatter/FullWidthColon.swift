/// A key followed by a full-width colon (`title：…`, `title ：…`, `标题：…`), typed with a
/// Chinese keyboard left in Chinese punctuation. YAML sees no key there, and reports the
/// failure where its parser gives up (often the next line), or takes the whole front
/// matter for one text. Looked for only once the front matter has failed, so a `：` inside
/// a value costs nothing.
enum FullWidthColon {
    /// The first line (1-based within `text`) whose first word is a key (ASCII, or Chinese
    /// as a label is) followed, after any spaces, by `：` (U+FF1A), with the 1-based column
    /// of the `：` and the key.
    static func find(in text: String) -> (line: Int, column: Int, key: String)? {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if let (column, key) = slip(in: line) { return (lineNumber, column, key) }
        }
        return nil
    }

    private static func slip(in line: Substring) -> (column: Int, key: String)? {
        var column = 1
        var key = ""
        var spacesAfterKey = 0
        var started = false
        for character in line {
            if !started, character == " " || character == "-" {
                column += 1
                continue
            }
            started = true
            if character == "：" { return key.isEmpty ? nil : (column, key) }
            if character == " " {
                guard !key.isEmpty else { return nil }
                spacesAfterKey += 1
                column += 1
                continue
            }
            // A word after the spaces: the line is text, not a key.
            guard spacesAfterKey == 0, isKeyCharacter(character) else { return nil }
            key.append(character)
            column += 1
        }
        return nil
    }

    /// ASCII letters, digits and `_` (the keys), or Chinese characters (a key written as
    /// its label, 标题).
    private static func isKeyCharacter(_ character: Character) -> Bool {
        if character.isASCII { return character.isLetter || character.isNumber || character == "_" }
        return character.unicodeScalars.allSatisfy { scalar in
            (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
        }
    }

    /// The message for a key `key` whose colon is full-width.
    static func message(key: String) -> Phrase {
        guard key.allSatisfy(\.isASCII) else {
            return Phrase("'\(key)' 后面是全角冒号 '：'（中文标点）；YAML 要求半角冒号 ':' 加一个空格，且字段名用英文（写 'title: …'，不写 '标题：…'）", en: "'\(key)' is followed by a full-width colon '：' (Chinese punctuation); YAML needs the half-width ':' and a space, and keys are the English names ('title: …', not '标题：…')")
        }
        return Phrase("'\(key)' 后面是全角冒号 '：'（中文标点）；YAML 要求半角冒号 ':' 加一个空格：请写作 '\(key): …'", en: "'\(key)' is followed by a full-width colon '：' (Chinese punctuation); YAML needs the half-width ':' and a space: write '\(key): …'")
    }
}
