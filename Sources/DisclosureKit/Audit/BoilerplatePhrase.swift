/// The way out of a false alarm, told with every leak finding: a run that is ordinary
/// wording (a legal formula, a department's name) is declared public in `site.yaml`'s
/// `leak_boilerplate`, and the message names the phrase to copy as the non-public
/// record's own text writes it (with its 《》 and capitals), not as the search normalised it.
enum BoilerplatePhrase {
    /// Strings longer than this (in characters) are not searched for the original
    /// spelling; the normalised run is named instead, which `leak_boilerplate` takes too.
    static let longestSearched = 20_000

    /// The shortest piece of one of `strings` that `MatchText` makes `run` (ends trimmed),
    /// or `run` itself when none does.
    static func original(of run: [UInt8], in strings: [String]) -> String {
        let wanted = Array(String(decoding: run, as: UTF8.self).trimmed.utf8)
        guard !wanted.isEmpty else { return "" }
        let wantedCharacters = String(decoding: wanted, as: UTF8.self).count
        for string in strings where string.count <= longestSearched {
            let normalised = MatchText.bytes(string)
            guard normalised.holdsRun(wanted) else { continue }
            let characters = Array(string)
            for start in characters.indices where !MatchText.bytes(String(characters[start])).isEmpty {
                let limit = min(characters.count, start + wantedCharacters * 3 + 16)
                guard MatchText.bytes(String(characters[start..<limit])).starts(with: wanted) else { continue }
                for end in (start + 1)...limit {
                    let piece = MatchText.bytes(String(characters[start..<end]))
                    if piece.count >= wanted.count, piece.starts(with: wanted) { return String(characters[start..<end]) }
                }
            }
        }
        return String(decoding: wanted, as: UTF8.self)
    }

    /// The hint a message ends with.
    static func hint(_ phrase: String) -> Phrase {
        let setting = "leak_boilerplate: [\"\(phrase.replacingOccurrences(of: "\"", with: "\\\""))\"]"
        return Phrase("；如果这是通用措辞，而不是该记录自己的文字，请在 'site.yaml' 中声明其可以公开：\(setting)",
                      en: "; if this is ordinary wording rather than the record's own, declare it public in site.yaml: \(setting)")
    }

    /// How a finding's shared run is quoted: whole, or its ends when it is long.
    static func excerpt(_ run: [UInt8]) -> String {
        let text = String(decoding: run, as: UTF8.self).replacingOccurrences(of: "\u{FFFD}", with: "").trimmed
        return text.count > 60 ? String(text.prefix(40)) + "…" + String(text.suffix(12)) : text
    }
}

extension LeakIndex.Finding {
    /// "text of the non-public record … ('the run')", and the way out for wording.
    func described(in text: [UInt8]) -> Phrase {
        let run = Array(text[offset..<(offset + length)])
        let excerpt = BoilerplatePhrase.excerpt(run)
        if isIdentifier {
            return Phrase("非主动公开的记录 \(record) 的标识 '\(excerpt)'（其索引号、文号、页面名，或其字段中的某个日期或数字，完整出现）",
                          en: "the identifier '\(excerpt)' of the non-public record \(record) (its 索引号, 文号, page name or a date or number of its fields, found whole)")
        }
        return Phrase("非主动公开的记录 \(record) 的文字（'\(excerpt)'）", en: "text of the non-public record \(record) ('\(excerpt)')")
            + BoilerplatePhrase.hint(phrase)
    }
}
