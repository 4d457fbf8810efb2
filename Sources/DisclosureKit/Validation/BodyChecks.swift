/// What the renderer must never be handed, in any Markdown body (a record's or a fixed
/// page's): control characters, and Markdown past the bounds of `MarkdownComplexity`.
/// Reported in the file's lines.
enum BodyChecks {
    static func check(_ body: String, firstLine: Int, _ reader: inout FieldReader) {
        if let found = BodyControlCharacters.first(in: body) {
            let hex = String(found.scalar.value, radix: 16, uppercase: true)
            let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            reader.report(.recordControlCharacter, SourceLocation(line: firstLine + found.line - 1, column: found.column), field: nil,
                          Phrase("正文含有控制字符 U+\(code)；请删除", en: "the body holds the control character U+\(code); remove it"))
        }
        if let excess = MarkdownComplexity.firstExcess(in: body) {
            reader.report(.markdownTooComplex, SourceLocation(line: firstLine + excess.line - 1, column: 1), field: nil,
                          excess.message)
        }
    }
}
