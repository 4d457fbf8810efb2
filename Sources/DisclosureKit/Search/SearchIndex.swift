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

    public static func script(_ plan: SitePlan) -> [UInt8] {
        let pages = plan.newestRecords
        var postings: [String: [(doc: Int, title: Bool)]] = [:]
        var docs: [String] = []
        docs.reserveCapacity(pages.count)
        let perDoc: [(terms: [String: Bool], doc: String)] = parallelMap(Array(pages.enumerated())) { id, page in
            let r = page.record
            var documentNumber = ""
            if case .policy(let policy) = r.details { documentNumber = policy.documentNumber }
            let plain = SecretText.plainText(of: r.body)
            var terms: [String: Bool] = [:]
            for term in SearchTokenizer.terms(r.title) { terms[term] = true }
            for field in [r.indexNumber, documentNumber, r.publisher, r.summary ?? "", r.topic ?? "", plain] {
                for term in SearchTokenizer.terms(field) where terms[term] == nil { terms[term] = false }
            }
            let fields = [page.path, r.title, r.type.rawValue, String(r.listDate.year), r.listDate.description, r.indexNumber,
                          documentNumber, r.publisher, r.summary ?? "", String(plain.prefix(excerptLength))]
            return (terms, "[" + fields.map(jsonString).joined(separator: ",") + "]")
        }
        for (id, entry) in perDoc.enumerated() {
            docs.append(entry.doc)
            for (term, inTitle) in entry.terms { postings[term, default: []].append((id, inTitle)) }
        }
        var out = "// Search data of the public records, written by disclose build.\nwindow.DISCLOSE_SEARCH={\"docs\":[\n"
        out += docs.joined(separator: ",\n")
        out += "\n],\"terms\":{"
        var first = true
        for term in postings.keys.sorted() {
            var previous = -1
            var encoded = ""
            for posting in postings[term]! {
                if !encoded.isEmpty { encoded += "," }
                encoded += String(posting.doc - previous, radix: 36)
                if posting.title { encoded += "!" }
                previous = posting.doc
            }
            out += (first ? "\n" : ",\n") + jsonString(term) + ":" + jsonString(encoded)
            first = false
        }
        out += "\n}};\n"
        return Array(out.utf8)
    }
}
