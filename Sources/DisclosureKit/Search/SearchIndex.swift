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

    /// A term's postings, encoded as they come: base-36 gaps between ascending document
    /// ids, `!` after a title hit. Two bytes or so a posting, not an integer plus an array's
    /// slack (the postings were a third of a gigabyte at 100,000 records).
    struct Postings {
        var last = -1
        var bytes: [UInt8] = []

        mutating func append(_ id: Int, inTitle: Bool) {
            if last >= 0 { bytes.append(0x2C) }
            appendBase36(id - last, to: &bytes)
            if inTitle { bytes.append(0x21) }
            last = id
        }
    }

    public static func script(_ plan: SitePlan) throws(FileIO.Failure) -> [UInt8] {
        let pages = plan.newestRecords
        var hanPostings: [UInt64: Postings] = [:]
        var wordPostings: [String: Postings] = [:]
        var out = Array("// Search data of the public records, written by disclose build.\nwindow.DISCLOSE_SEARCH={\"docs\":[\n".utf8)
        for chunkStart in stride(from: 0, to: pages.count, by: chunkSize) {
            let ids = Array(chunkStart..<min(chunkStart + chunkSize, pages.count))
            let chunk = try parallelMap(ids) { id in Result { () throws(FileIO.Failure) in try terms(of: pages[id]) } }
                .map { result throws(FileIO.Failure) in try result.get() }
            for (id, entry) in zip(ids, chunk) {
                for (key, inTitle) in entry.han { hanPostings[key, default: Postings()].append(id, inTitle: inTitle) }
                for (word, inTitle) in entry.words { wordPostings[word, default: Postings()].append(id, inTitle: inTitle) }
                if id > 0 { out += Array(",\n".utf8) }
                out += entry.doc
            }
        }
        out += Array("\n],\"terms\":{".utf8)

        // Terms in the byte order of their text; their JSON never needs escaping (Han
        // characters, Latin letters and digits only).
        var ordered: [(text: [UInt8], postings: [UInt8])] = []
        ordered.reserveCapacity(hanPostings.count + wordPostings.count)
        for (key, postings) in hanPostings { ordered.append((Array(SearchTokenizer.hanTerm(key).utf8), postings.bytes)) }
        hanPostings = [:]
        for (word, postings) in wordPostings { ordered.append((Array(word.utf8), postings.bytes)) }
        wordPostings = [:]
        ordered.sort { $0.text.lexicographicallyPrecedes($1.text) }
        out.reserveCapacity(out.count + ordered.reduce(0) { $0 + $1.text.count + $1.postings.count + 6 } + 8)
        for (index, term) in ordered.enumerated() {
            out += index == 0 ? [0x0A, 0x22] : [0x2C, 0x0A, 0x22]
            out += term.text
            out += [0x22, 0x3A, 0x22]
            out += term.postings
            out.append(0x22)
        }
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
