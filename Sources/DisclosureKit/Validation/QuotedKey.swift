/// A key as messages quote it, from its English form (`Glossary.quoted`, a declaration's
/// `labels.quoted`): `'title' (标题)` in English, `'title'（标题）` in Chinese, whose text
/// takes full-width brackets. The key itself keeps its ASCII quotes in both.
enum QuotedKey {
    static func phrase(_ english: String) -> Phrase {
        guard english.hasSuffix(")"), let open = english.range(of: " (", options: .backwards) else {
            return Phrase(english, en: english)
        }
        let chinese = english[english.startIndex..<open.lowerBound] + "（" + english[open.upperBound..<english.index(before: english.endIndex)] + "）"
        return Phrase(String(chinese), en: english)
    }
}
