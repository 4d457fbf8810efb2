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

    /// One document's terms: Han terms packed into integers (`SearchTokenizer.hanKey`),
    /// words as text; true when the term is in the title.
    struct DocumentTerms {
        var han: [UInt64: Bool] = [:]
        var words: [String: Bool] = [:]
        var doc: [UInt8] = []
    }

    /// Documents are tokenised a chunk at a time and merged into the postings at once, so
    /// only one chunk's term sets are held (at 100,000 records all of them would not fit
    /// the memory target).
    static let chunkSize = 2048

    public static func script(_ plan: SitePlan) throws(FileIO.Failure) -> [UInt8] {
        let pages = plan.newestRecords
        // Postings: document id × 2, plus 1 for a title hit; ids only grow, so every list
        // is built in ascending order.
        var hanPostings: [UInt64: [Int32]] = [:]
        var wordPostings: [String: [Int32]] = [:]
        var out = Array("// Search data of the public records, written by disclose build.\nwindow.DISCLOSE_SEARCH={\"docs\":[\n".utf8)
        for chunkStart in stride(from: 0, to: pages.count, by: chunkSize) {
            let ids = Array(chunkStart..<min(chunkStart + chunkSize, pages.count))
            let chunk = try parallelMap(ids) { id in Result { () throws(FileIO.Failure) in try terms(of: pages[id]) } }
                .map { result throws(FileIO.Failure) in try result.get() }
            for (id, entry) in zip(ids, chunk) {
                for (key, inTitle) in entry.han { hanPostings[key, default: []].append(Int32(id * 2 + (inTitle ? 1 : 0))) }
                for (word, inTitle) in entry.words { wordPostings[word, default: []].append(Int32(id * 2 + (inTitle ? 1 : 0))) }
                if id > 0 { out += Array(",\n".utf8) }
                out += entry.doc
            }
        }
        out += Array("\n],\"terms\":{".utf8)

        // Terms in the byte order of their text; their JSON never needs escaping (Han
        // characters, Latin letters and digits only).
        var ordered: [(text: [UInt8], list: [Int32])] = hanPostings.map { (Array(SearchTokenizer.hanTerm($0.key).utf8), $0.value) }
        hanPostings = [:]
        ordered += wordPostings.map { (Array($0.key.utf8), $0.value) }
        wordPostings = [:]
        ordered.sort { $0.text.lexicographicallyPrecedes($1.text) }
        let sorted = ordered
        ordered = []
        let chunks = stride(from: 0, to: sorted.count, by: 4096).map { $0..<min($0 + 4096, sorted.count) }
        let encoded = parallelMap(chunks) { range -> [UInt8] in
            var bytes: [UInt8] = []
            for index in range {
                bytes += index == 0 ? [0x0A] : [0x2C, 0x0A]
                bytes.append(0x22)
                bytes += sorted[index].text
                bytes += [0x22, 0x3A, 0x22]
                var previous = -1
                for (position, posting) in sorted[index].list.enumerated() {
                    let doc = Int(posting >> 1)
                    if position > 0 { bytes.append(0x2C) }
                    appendBase36(doc - previous, to: &bytes)
                    if posting & 1 == 1 { bytes.append(0x21) }
                    previous = doc
                }
                bytes.append(0x22)
            }
            return bytes
        }
        for part in encoded { out += part }
        out += Array("\n}};\n".utf8)
        return out
    }

    static func terms(of page: SitePlan.RecordPage) throws(FileIO.Failure) -> DocumentTerms {
        let r = page.record
        var documentNumber = ""
        if case .policy(let policy) = r.details { documentNumber = policy.documentNumber }
        let plain = SecretText.plainText(of: try r.bodyText())
        var terms = DocumentTerms()
        SearchTokenizer.visit(r.title, han: { terms.han[$0] = true }, word: { terms.words[$0] = true })
        for field in [r.indexNumber, documentNumber, r.publisher, r.summary ?? "", r.topic ?? "", plain] {
            SearchTokenizer.visit(field, han: { key in if terms.han[key] == nil { terms.han[key] = false } },
                                  word: { word in if terms.words[word] == nil { terms.words[word] = false } })
        }
        let fields = [page.path, r.title, r.type.rawValue, String(r.listDate.year), r.listDate.description, r.indexNumber,
                      documentNumber, r.publisher, r.summary ?? "", String(plain.prefix(excerptLength))]
        terms.doc = Array(("[" + fields.map(jsonString).joined(separator: ",") + "]").utf8)
        return terms
    }

    /// `String(value, radix: 36)`, written straight into the bytes.
    static func appendBase36(_ value: Int, to bytes: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                let digit = UInt8(rest % 36)
                buffer[count] = digit < 10 ? 0x30 + digit : 0x61 + digit - 10
                count += 1
                rest /= 36
            } while rest > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }
}
