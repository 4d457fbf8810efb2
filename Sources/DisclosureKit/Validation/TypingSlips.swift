/// Punctuation a Chinese keyboard puts where the national formats want another: the year
/// of a 文号 in square brackets or 【】 where GB/T 9704 wants 〔〕 (`明政办发[2012]8号`), and a
/// full-width solidus ／ in a 索引号 (`…/2024-00001`). Each is a warning at the character,
/// with the value corrected; the value is kept as written.
enum TypingSlips {
    /// Brackets typed around a 文号's year, with the pair to write instead.
    static let yearBrackets: [(open: Character, close: Character)] = [
        ("[", "]"), ("【", "】"), ("［", "］"), ("(", ")"), ("（", "）"), ("〖", "〗"), ("〈", "〉"),
    ]
    static let yearOpeners: [Unicode.Scalar] = yearBrackets.compactMap { $0.open.unicodeScalars.first }

    static func check(_ top: FieldMapping, _ reader: inout FieldReader) {
        // Most values hold none of the characters looked for: their scalars tell, without
        // comparing Characters (a Unicode comparison each).
        if let (text, location, plain) = scalar(top, "document_number"),
           text.unicodeScalars.contains(where: { scalar in yearOpeners.contains(scalar) }) {
            let characters = Array(text)
            for index in characters.indices {
                guard let pair = yearBrackets.first(where: { $0.open == characters[index] }),
                      index + 5 < characters.count, characters[index + 5] == pair.close,
                      characters[(index + 1)...(index + 4)].allSatisfy({ $0.isASCII && $0.isNumber }) else { continue }
                var corrected = characters
                corrected[index] = "〔"
                corrected[index + 5] = "〕"
                reader.report(.recordTyping, column(location, index, plain), field: "document_number",
                              Phrase("'document_number'（文号）'\(text)' 把年份写在 '\(pair.open)\(pair.close)' 中；文号的年份应使用六角括号 〔〕：请写作 \(String(corrected))", en: "'document_number' (文号) '\(text)' puts its year in '\(pair.open)\(pair.close)'; a 文号 writes it in 六角括号 〔〕: write \(String(corrected))"))
                break
            }
        }
        if let (text, location, plain) = scalar(top, "index_number"),
           text.unicodeScalars.contains(where: { $0 == "／" || $0 == "∕" || $0 == "⁄" }),
           let index = Array(text).firstIndex(where: { $0 == "／" || $0 == "∕" || $0 == "⁄" }) {
            let corrected = String(Array(text).map { $0 == "／" || $0 == "∕" || $0 == "⁄" ? "/" : $0 })
            reader.report(.recordTyping, column(location, index, plain), field: "index_number",
                          Phrase("'index_number'（索引号）'\(text)' 含有全角斜线 '\(Array(text)[index])'；索引号应使用半角 '/'：请写作 \(corrected)", en: "'index_number' (索引号) '\(text)' holds a full-width solidus '\(Array(text)[index])'; a 索引号 is written with the half-width '/': write \(corrected)"))
        }
    }

    private static func scalar(_ map: FieldMapping, _ key: String) -> (String, SourceLocation, Bool)? {
        guard let node = map.entry(key)?.value, case .scalar(let text, let plain) = node.value else { return nil }
        return (text, node.location, plain)
    }

    /// The column of character `index` of a value starting at `location` on one line (a
    /// quoted value starts one column later than its quote).
    private static func column(_ location: SourceLocation, _ index: Int, _ plain: Bool) -> SourceLocation {
        SourceLocation(line: location.line, column: location.column + index + (plain ? 0 : 1))
    }
}
