import Foundation

/// The search index of the public records (built from the plan, public records only),
/// written as the shards the search page loads (`SearchShards`); no whole-index file is
/// written, so nothing holds the whole index but its postings.
///
/// - A document's entry is `[path, title, type, year, date, index number, document
///   number, publisher, summary, excerpt]`, in newest-first order, so a smaller id is
///   newer; the fixed pages follow the records, with type `page`, no year, date or
///   numbers, and an eleventh field: the name shown for their kind (页面, or their role's:
///   政府信息公开指南);
/// - a term's postings are the ids of the documents containing it, ascending, written as
///   base-36 gaps separated by `,`; a gap ending in `!` marks a title hit.
///   A one-character query is answered from the bigrams that contain the character.
public enum SearchIndex {
    static let excerptLength = 120

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

    /// Hands `emit` every shard file of the index of `plan`'s public documents: the
    /// document shards a chunk at a time as they are tokenised, then the term shards from
    /// the postings, the only part held whole.
    static func writeShards(_ plan: SitePlan,
                            _ emit: (String, [UInt8]) throws(FileIO.Failure) -> Void) throws(FileIO.Failure) {
        let pages = SearchDocument.all(plan)
        // Han terms (tens of millions of postings at 100,000 records, appended by one
        // thread while the others tokenise) found through an open-addressed table of
        // their keys, not a Dictionary hashing each with SipHash: that fold was the
        // index's serial part, a core idle beside it. Term order is free: shards sort.
        var hanSlots = FingerprintMap()
        var hanKeys: [UInt64] = []
        var hanPostings: [Postings] = []
        var wordPostings: [String: Postings] = [:]
        try emit(SearchShards.metaPath, SearchShards.meta(SearchShards.facets(plan),
                                                          termShards: SearchShards.termShardCount(documents: pages.count)))
        var documentShards = SearchShards.DocumentShards(documents: pages.count)
        try parallelChunks(count: pages.count, { id in Result { () throws(FileIO.Failure) in try terms(of: pages[id]) } })
        { (ids, chunk) throws(FileIO.Failure) in
            for (id, result) in zip(ids, chunk) {
                let entry = try result.get()
                for value in entry.han {
                    let key = value >> 1
                    let slot: Int
                    if let known = hanSlots[key] {
                        slot = Int(known)
                    } else {
                        slot = hanPostings.count
                        hanSlots[key] = Int32(slot)
                        hanKeys.append(key)
                        hanPostings.append(Postings())
                    }
                    hanPostings[slot].append(id, inTitle: value & 1 == 0)
                }
                for (word, inTitle) in entry.words { wordPostings[word, default: Postings()].append(id, inTitle: inTitle) }
                try documentShards.append(entry.doc, emit)
            }
        }
        try documentShards.finish(emit)

        // Terms as text; their JSON never needs escaping (Han characters, Latin letters
        // and digits only). The postings move out of the tables, not copied.
        var index: [SearchShards.Term] = []
        index.reserveCapacity(hanPostings.count + wordPostings.count)
        for (key, postings) in zip(hanKeys, hanPostings) { index.append((Array(SearchTokenizer.hanTerm(key).utf8)[...], postings.bytes[...])) }
        hanSlots = FingerprintMap()
        hanKeys = []
        hanPostings = []
        for (word, postings) in wordPostings { index.append((Array(word.utf8)[...], postings.bytes[...])) }
        wordPostings = [:]
        try SearchShards.writeTermShards(index, documents: pages.count, emit)
    }

    /// Writes the shards of `plan`'s index under `directory` (as the output's root), for
    /// tools that time the index alone; the build places them through `SearchShardWriter`.
    public static func writeShards(_ plan: SitePlan, toDirectory directory: String) throws(FileIO.Failure) {
        try FileIO.makeDirectories(directory + "/" + SearchShards.directory)
        try writeShards(plan) { (path, bytes) throws(FileIO.Failure) in try FileIO.write(bytes, to: directory + "/" + path) }
    }

    /// The shard files of `plan`'s index, path and bytes, held together (for tests).
    static func shardFiles(_ plan: SitePlan) throws(FileIO.Failure) -> [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = []
        try writeShards(plan) { (path, bytes) throws(FileIO.Failure) in files.append((path, bytes)) }
        return files
    }

    static func terms(of document: SearchDocument) throws(FileIO.Failure) -> DocumentTerms {
        switch document {
        case .record(let page): try terms(of: page)
        case .fixed(let fixed): terms(of: fixed)
        }
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
