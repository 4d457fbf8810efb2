/// A search index made from the previous build's shards: the documents whose records are
/// unchanged keep their entries and their postings (renumbered when documents came or
/// went), and only the changed ones are read and tokenised again. Tokenising every public
/// body was most of a one-record rebuild; the shards already hold, compactly, all that
/// the unchanged documents contribute.
///
/// The result is byte for byte the shards `SearchIndex.writeShards` makes from scratch:
/// postings stay ascending, a title hit keeps its `!`, and a term no document holds any
/// more is dropped. Anything unexpected in the old shards (they are checked whole before
/// a byte is written, `PreviousSearchIndex`) means no update, and a full write instead.
struct SearchIndexUpdate {
    let previous: PreviousSearchIndex
    /// For each old document id, its new id, or -1 when its entry is not kept.
    let newID: [Int]
    /// For each new document id, the old id whose entry it keeps, or -1 when it is made again.
    let oldID: [Int]
    /// The new ids made again, ascending.
    let fresh: [Int]

    /// How many documents an update makes again at most: their terms are held until the
    /// postings are merged (a document holds thousands), and past this a full write is
    /// about as fast.
    static let maximumFresh = 1024

    /// Plans an update from the documents' keys (`OutputKeys.searchDocument`), old and
    /// new, in id order, and the previous index of that many documents (read only when
    /// there is enough to keep); nil when there is nothing to keep, too much to make
    /// again, or the old shards are not ones a build wrote.
    init?(previous: (_ documentCount: Int) -> PreviousSearchIndex?, previousKeys: [Digest], keys: [Digest]) {
        guard !previousKeys.isEmpty else { return nil }
        var oldByKey: [Digest: Int] = [:]
        oldByKey.reserveCapacity(previousKeys.count)
        for (id, key) in previousKeys.enumerated() { oldByKey[key] = id }
        guard oldByKey.count == previousKeys.count else { return nil }
        var newID = [Int](repeating: -1, count: previousKeys.count)
        var oldID = [Int](repeating: -1, count: keys.count)
        var fresh: [Int] = []
        for (id, key) in keys.enumerated() {
            if let old = oldByKey[key], newID[old] < 0 {
                newID[old] = id
                oldID[id] = old
            } else {
                fresh.append(id)
                guard fresh.count <= Self.maximumFresh, fresh.count * 2 <= keys.count else { return nil }
            }
        }
        guard let previous = previous(previousKeys.count), previous.documents.count == previousKeys.count else { return nil }
        self.previous = previous
        self.newID = newID
        self.oldID = oldID
        self.fresh = fresh
    }

    /// Hands `emit` the shard files of the index of `pages` (`SearchDocument.all(plan)`,
    /// whose keys planned this) with `facets` (`SearchShards.facets(plan)`). A term shard
    /// none of whose terms changed, with as many documents as before, is offered to
    /// `keep` (by its path) first: when it keeps the previous build's file, that shard is
    /// not made again.
    func writeShards(_ pages: [SearchDocument], facets: [SearchShards.Facet],
                     keep: (String) throws(FileIO.Failure) -> Bool = { _ in false },
                     _ emit: (String, [UInt8]) throws(FileIO.Failure) -> Void) throws(FileIO.Failure) {
        let made = try parallelMap(fresh) { id in Result { () throws(FileIO.Failure) in try SearchIndex.terms(of: pages[id]) } }
            .map { result throws(FileIO.Failure) in try result.get() }
        var madeEntry: [Int: [UInt8]] = [:]
        // The fresh documents' terms, as text, each with its (new id, in title) in id order.
        var freshPostings: [[UInt8]: [(id: Int, inTitle: Bool)]] = [:]
        for (id, terms) in zip(fresh, made) {
            madeEntry[id] = terms.doc
            for value in terms.han {
                freshPostings[Array(SearchTokenizer.hanTerm(value >> 1).utf8), default: []].append((id, value & 1 == 0))
            }
            for (word, inTitle) in terms.words { freshPostings[Array(word.utf8), default: []].append((id, inTitle)) }
        }
        // In the previous terms' order: by their shard in the previous index, then by bytes
        // (the same text has the same shard, so equal texts meet).
        let previousShards = previous.termShards
        let freshTerms = freshPostings.map { (shard: Int(SearchShards.hash($0.key)) & (previousShards - 1), key: $0.key, value: $0.value) }
            .sorted { $0.shard != $1.shard ? $0.shard < $1.shard : bytesPrecede($0.key, $1.key) }
        freshPostings = [:]

        let documents = oldID.count
        try emit(SearchShards.metaPath, SearchShards.meta(facets, termShards: SearchShards.termShardCount(documents: documents)))
        var documentShards = SearchShards.DocumentShards(documents: documents)
        for id in oldID.indices {
            if let entry = madeEntry[id] {
                try documentShards.append(entry, emit)
            } else {
                try documentShards.append(previous.documents[oldID[id]], emit)
            }
        }
        try documentShards.finish(emit)

        // The previous terms in their order, the fresh ones merged in; the texts of those
        // whose postings are not the previous ones (new, changed or gone) in `changedTexts`.
        var changedTexts: [ArraySlice<UInt8>] = []
        var terms: [SearchShards.Term] = []
        terms.reserveCapacity(previous.terms.count + freshTerms.count)
        var entries: [(id: Int, inTitle: Bool)] = []
        var next = 0
        for shard in 0..<previousShards {
            for term in previous.terms[previous.shardStarts[shard]..<previous.shardStarts[shard + 1]] {
                let text = term.text
                while next < freshTerms.count,
                      freshTerms[next].shard < shard || freshTerms[next].shard == shard && bytesPrecede(freshTerms[next].key[...], text) {
                    terms.append((freshTerms[next].key[...], Self.encode(freshTerms[next].value)[...]))
                    changedTexts.append(freshTerms[next].key[...])
                    next += 1
                }
                // The old postings, renumbered; unchanged ones are kept as they are.
                var changed = false
                entries.removeAll(keepingCapacity: true)
                PreviousSearchIndex.decode(term.postings) { id, inTitle in
                    let moved = newID[id]
                    if moved != id { changed = true }
                    if moved >= 0 { entries.append((moved, inTitle)) }
                }
                if next < freshTerms.count, freshTerms[next].key.elementsEqual(text) {
                    entries += freshTerms[next].value
                    changed = true
                    next += 1
                }
                if !changed {
                    terms.append(term)
                    continue
                }
                if !entries.isEmpty {
                    if !zip(entries, entries.dropFirst()).allSatisfy({ $0.id < $1.id }) { entries.sort { $0.id < $1.id } }
                    let postings = Self.encode(entries)[...]
                    terms.append((text, postings))
                    if postings.elementsEqual(term.postings) { continue }
                }
                changedTexts.append(text)
            }
        }
        while next < freshTerms.count {
            terms.append((freshTerms[next].key[...], Self.encode(freshTerms[next].value)[...]))
            changedTexts.append(freshTerms[next].key[...])
            next += 1
        }
        // With as many documents, a shard holds the same terms, and only those the changed
        // texts touch differ.
        let termShards = SearchShards.termShardCount(documents: documents)
        var touched = [Bool](repeating: documents != previous.documents.count, count: termShards)
        for text in changedTexts {
            for shard in SearchShards.shards(touchedBy: text, termShards: termShards) { touched[shard] = true }
        }
        try SearchShards.writeTermShards(terms, documents: documents, keep: { (shard: Int) throws(FileIO.Failure) -> Bool in
            if touched[shard] { return false }
            return try keep("\(SearchShards.directory)/t-\(shard).js")
        }, emit)
    }

    static func encode(_ entries: [(id: Int, inTitle: Bool)]) -> [UInt8] {
        var postings = SearchIndex.Postings()
        for entry in entries { postings.append(entry.id, inTitle: entry.inTitle) }
        return postings.bytes
    }
}
