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
    /// The script's fixed parts: before the documents, between them and the terms, after the terms.
    static let header = "// Search data of the public records, written by disclose build.\nwindow.DISCLOSE_SEARCH={\"docs\":[\n"
    static let betweenDocumentsAndTerms = "\n],\"terms\":{"
    static let footer = "\n}};\n"

    /// One document's terms: Han terms packed into integers (`SearchTokenizer.hanKey`),
    /// words as text; true when the term is in the title.
    struct DocumentTerms {
        /// Each distinct Han term once, as `key << 1`, plus 1 unless it is in the title;
        /// sorted. A body has thousands of bigrams, and a sorted array dedupes them for a
        /// fraction of what a dictionary's hashing cost.
        var han: [UInt64] = []
        var words: [String: Bool] = [:]
        var doc: [UInt8] = []

        /// Sorts and dedupes `han`: a term in the title sorts first and is the one kept.
        mutating func finishHan() {
            han.sort()
            var kept = 0
            for value in han where kept == 0 || han[kept - 1] >> 1 != value >> 1 {
                han[kept] = value
                kept += 1
            }
            han.removeLast(han.count - kept)
        }
    }

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

    /// Writes the script for the public records of `plan` to the file at `path`.
    public static func write(_ plan: SitePlan, toFile path: String) throws(FileIO.Failure) {
        var out = try FileWriter(creating: path)
        try write(plan, to: &out)
    }

    /// Writes the script for the public records of `plan` into `out`: the documents a
    /// chunk at a time as they are tokenised, then the terms. Only the postings are held
    /// whole (the finished script was a second copy of them).
    static func write(_ plan: SitePlan, to out: inout FileWriter) throws(FileIO.Failure) {
        let pages = plan.newestRecords
        var hanPostings: [UInt64: Postings] = [:]
        var wordPostings: [String: Postings] = [:]
        try out.write(header)
        try parallelChunks(count: pages.count, { id in Result { () throws(FileIO.Failure) in try terms(of: pages[id]) } })
        { (ids, chunk) throws(FileIO.Failure) in
            for (id, result) in zip(ids, chunk) {
                let entry = try result.get()
                for value in entry.han { hanPostings[value >> 1, default: Postings()].append(id, inTitle: value & 1 == 0) }
                for (word, inTitle) in entry.words { wordPostings[word, default: Postings()].append(id, inTitle: inTitle) }
                if id > 0 { try out.write(",\n") }
                try out.write(entry.doc)
            }
        }
        try out.write(betweenDocumentsAndTerms)

        // Terms in the byte order of their text; their JSON never needs escaping (Han
        // characters, Latin letters and digits only).
        var ordered: [(text: [UInt8], postings: [UInt8])] = []
        ordered.reserveCapacity(hanPostings.count + wordPostings.count)
        for (key, postings) in hanPostings { ordered.append((Array(SearchTokenizer.hanTerm(key).utf8), postings.bytes)) }
        hanPostings = [:]
        for (word, postings) in wordPostings { ordered.append((Array(word.utf8), postings.bytes)) }
        wordPostings = [:]
        ordered.sort { bytesPrecede($0.text, $1.text) }
        for index in ordered.indices {
            try writeTerm(ordered[index].text, ordered[index].postings, first: index == 0, to: &out)
            ordered[index].postings = []
        }
        try out.write(footer)
        try out.flush()
    }

    /// One line of `terms`: `"text":"postings"`, after a comma unless it is the first.
    static func writeTerm(_ text: some Sequence<UInt8>, _ postings: some Sequence<UInt8>, first: Bool,
                          to out: inout FileWriter) throws(FileIO.Failure) {
        try out.write(first ? [0x0A, 0x22] : [0x2C, 0x0A, 0x22])
        try out.write(text)
        try out.write([0x22, 0x3A, 0x22])
        try out.write(postings)
        try out.write([0x22])
    }

    static func terms(of page: SitePlan.RecordPage) throws(FileIO.Failure) -> DocumentTerms {
        let r = page.record
        let documentNumber = r.value("document_number").text ?? ""
        let plain = SecretText.plainText(of: try r.bodyText())
        var terms = DocumentTerms()
        SearchTokenizer.visit(r.title, han: { terms.han.append($0 << 1) }, word: { terms.words[$0] = true })
        func visit(_ field: String) {
            SearchTokenizer.visit(field, han: { terms.han.append($0 << 1 | 1) },
                                  word: { word in if terms.words[word] == nil { terms.words[word] = false } })
        }
        for field in [r.indexNumber, r.publisher, r.summary ?? "", r.topic ?? "", plain] { visit(field) }
        // Every text of every type field (文号 among them), as the declarations give them.
        for (field, value) in zip(r.type.declaration.fields, r.fields) { value.visitTexts(field, visit) }
        terms.finishHan()
        let fields = [URLPath.encoded(page.path), r.title, r.type.id, String(r.listDate.year), r.listDate.description, r.indexNumber,
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
