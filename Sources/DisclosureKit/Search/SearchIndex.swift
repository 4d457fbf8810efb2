import Foundation

/// `search-index.js`: the search data of the public records, loaded by a `<script>` tag
/// because browsers refuse `fetch` and XHR of file:// URLs. Built from the plan (public
/// records only).
///
/// `window.DISCLOSE_SEARCH = {docs: [...], terms: {...}}`:
/// - `docs[i]` = `[path, title, type, year, date, index number, document number,
///   publisher, summary, excerpt]` in newest-first order, so a smaller id is newer;
/// - `terms[t]` = the ids of the documents containing term `t`, ascending, written as
///   base-36 gaps separated by `,`; a gap ending in `!` marks a title hit.
///   A one-character query is answered from the bigrams that contain the character.
public enum SearchIndex {
    public static let path = "search-index.js"
    static let excerptLength = 120

    /// A term as counted: a packed Han term or a word.
    enum Term: Hashable {
        case han(UInt64)
        case word(String)

        var text: String {
            switch self {
            case .han(let key): SearchTokenizer.hanTerm(key)
            case .word(let word): word
            }
        }
    }

    public static func script(_ plan: SitePlan) -> [UInt8] {
        let pages = plan.newestRecords
        let perDoc: [(terms: [Term: Bool], doc: String)] = parallelMap(Array(pages.enumerated())) { id, page in
            let r = page.record
            var documentNumber = ""
            if case .policy(let policy) = r.details { documentNumber = policy.documentNumber }
            let plain = SecretText.plainText(of: r.body)
            var terms: [Term: Bool] = [:]
            SearchTokenizer.visit(r.title, han: { terms[.han($0)] = true }, word: { terms[.word($0)] = true })
            for field in [r.indexNumber, documentNumber, r.publisher, r.summary ?? "", r.topic ?? "", plain] {
                SearchTokenizer.visit(field, han: { key in if terms[.han(key)] == nil { terms[.han(key)] = false } },
                                      word: { word in if terms[.word(word)] == nil { terms[.word(word)] = false } })
            }
            let fields = [page.path, r.title, r.type.rawValue, String(r.listDate.year), r.listDate.description, r.indexNumber,
                          documentNumber, r.publisher, r.summary ?? "", String(plain.prefix(excerptLength))]
            return (terms, "[" + fields.map(jsonString).joined(separator: ",") + "]")
        }
        // Postings: document id × 2, plus 1 for a title hit.
        var postings: [Term: [Int32]] = [:]
        for (id, entry) in perDoc.enumerated() {
            for (term, inTitle) in entry.terms { postings[term, default: []].append(Int32(id * 2 + (inTitle ? 1 : 0))) }
        }
        let ordered = postings.map { (text: $0.key.text, list: $0.value) }
            .sorted { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
        var out = "// Search data of the public records, written by disclose build.\nwindow.DISCLOSE_SEARCH={\"docs\":[\n"
        out += perDoc.map(\.doc).joined(separator: ",\n")
        out += "\n],\"terms\":{"
        for (index, term) in ordered.enumerated() {
            var previous = -1
            var encoded = ""
            for posting in term.list.sorted() {
                let doc = Int(posting >> 1)
                if !encoded.isEmpty { encoded += "," }
                encoded += String(doc - previous, radix: 36)
                if posting & 1 == 1 { encoded += "!" }
                previous = doc
            }
            out += (index == 0 ? "\n" : ",\n") + jsonString(term.text) + ":" + jsonString(encoded)
        }
        out += "\n}};\n"
        return Array(out.utf8)
    }
}
