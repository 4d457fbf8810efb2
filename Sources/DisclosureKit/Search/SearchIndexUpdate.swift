/// A search index made from the previous build's one: the documents whose records are
/// unchanged keep their entries and their postings (renumbered when documents came or
/// went), and only the changed ones are read and tokenised again. Tokenising every public
/// body was most of a one-record rebuild; the index file already holds, compactly, all
/// that the unchanged documents contribute.
///
/// The result is byte for byte the file `SearchIndex.write` makes from scratch: postings
/// stay ascending, a title hit keeps its `!`, terms stay in byte order, and a term no
/// document holds any more is dropped. Anything unexpected in the old file (it is checked
/// whole before a byte is written) means no update, and a full write instead.
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
    /// new, in id order, and the previous index (read only when there is enough to keep);
    /// nil when there is nothing to keep, too much to make again, or the old file is not
    /// one a build wrote.
    init?(previous: () -> [UInt8]?, previousKeys: [Digest], keys: [Digest]) {
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
        guard let bytes = previous(), let previous = PreviousSearchIndex(bytes, documentCount: previousKeys.count) else {
            return nil
        }
        self.previous = previous
        self.newID = newID
        self.oldID = oldID
        self.fresh = fresh
    }

    /// Writes the index of `pages` (`SearchDocument.all(plan)`, whose keys planned this).
    func write(_ pages: [SearchDocument], to out: inout FileWriter) throws(FileIO.Failure) {
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
        let freshTerms = freshPostings.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        freshPostings = [:]

        try out.write(SearchIndex.header)
        for id in oldID.indices {
            if id > 0 { try out.write(",\n") }
            if let entry = madeEntry[id] { try out.write(entry) } else { try out.write(previous.bytes[previous.documents[oldID[id]]]) }
        }
        try out.write(SearchIndex.betweenDocumentsAndTerms)

        var written = 0
        func emit(_ text: some Collection<UInt8>, _ postings: some Collection<UInt8>) throws(FileIO.Failure) {
            try SearchIndex.writeTerm(text, postings, first: written == 0, to: &out)
            written += 1
        }
        var entries: [(id: Int, inTitle: Bool)] = []
        var next = 0
        for term in previous.terms {
            let text = previous.bytes[term.text]
            while next < freshTerms.count, freshTerms[next].key.lexicographicallyPrecedes(text) {
                try emit(freshTerms[next].key, Self.encode(freshTerms[next].value))
                next += 1
            }
            // The old postings, renumbered; unchanged ones are copied as they are.
            var changed = false
            entries.removeAll(keepingCapacity: true)
            PreviousSearchIndex.decode(previous.bytes[term.postings]) { id, inTitle in
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
                try emit(text, previous.bytes[term.postings])
            } else if !entries.isEmpty {
                if !zip(entries, entries.dropFirst()).allSatisfy({ $0.id < $1.id }) { entries.sort { $0.id < $1.id } }
                try emit(text, Self.encode(entries))
            }
        }
        while next < freshTerms.count {
            try emit(freshTerms[next].key, Self.encode(freshTerms[next].value))
            next += 1
        }
        try out.write(SearchIndex.footer)
        try out.flush()
    }

    static func encode(_ entries: [(id: Int, inTitle: Bool)]) -> [UInt8] {
        var postings = SearchIndex.Postings()
        for entry in entries { postings.append(entry.id, inTitle: entry.inTitle) }
        return postings.bytes
    }
}

/// The parts of a search index file `SearchIndex.write` made: each document's entry and
/// each term's text and postings, as ranges of its bytes. Checked whole when read: the
/// layout line by line, terms in strictly ascending byte order, postings well formed
/// with ascending ids below the document count.
struct PreviousSearchIndex {
    let bytes: [UInt8]
    let documents: [Range<Int>]
    let terms: [(text: Range<Int>, postings: Range<Int>)]

    init?(_ bytes: [UInt8], documentCount: Int) {
        let header = Array(SearchIndex.header.utf8)
        guard bytes.starts(with: header), bytes.count > header.count else { return nil }
        var lines = Lines(bytes: bytes, position: header.count)
        // Documents: one a line, each but the last followed by a comma.
        var documents: [Range<Int>] = []
        documents.reserveCapacity(documentCount)
        // Without documents, the header's newline and the next part's meet in an empty line.
        if documentCount == 0 {
            guard let empty = lines.next(), empty.isEmpty else { return nil }
        }
        for index in 0..<documentCount {
            guard var line = lines.next(), !line.isEmpty else { return nil }
            if index < documentCount - 1 {
                guard bytes[line.upperBound - 1] == 0x2C else { return nil }
                line = line.lowerBound..<(line.upperBound - 1)
            }
            guard bytes[line.lowerBound] == 0x5B, bytes[line.upperBound - 1] == 0x5D else { return nil }
            documents.append(line)
        }
        guard let close = lines.next(), bytes[close].elementsEqual("],\"terms\":{".utf8) else { return nil }
        // Terms: `"text":"postings"`, each but the last followed by a comma, then `}};`.
        var terms: [(text: Range<Int>, postings: Range<Int>)] = []
        var previousText: Range<Int>?
        while let line = lines.next() {
            // Only an index without terms ends here; otherwise the last term reads the footer.
            if bytes[line].elementsEqual("}};".utf8), terms.isEmpty { break }
            var end = line.upperBound
            if bytes[end - 1] == 0x2C { end -= 1 }
            guard end - line.lowerBound >= 6, bytes[line.lowerBound] == 0x22, bytes[end - 1] == 0x22,
                  let colon = bytes[line.lowerBound..<end].firstIndex(of: 0x3A), colon > line.lowerBound + 1,
                  bytes[colon - 1] == 0x22, colon + 1 < end - 1, bytes[colon + 1] == 0x22 else { return nil }
            let text = (line.lowerBound + 1)..<(colon - 1)
            let postings = (colon + 2)..<(end - 1)
            if let previousText, !bytes[previousText].lexicographicallyPrecedes(bytes[text]) { return nil }
            guard Self.isValid(bytes[postings], documentCount: documentCount) else { return nil }
            // Only the last term goes without a comma.
            let last = end == line.upperBound
            terms.append((text, postings))
            previousText = text
            if last {
                guard let footer = lines.next(), bytes[footer].elementsEqual("}};".utf8) else { return nil }
                break
            }
        }
        // `}};` and its newline end the file.
        guard lines.position == bytes.count, bytes.last == 0x0A else { return nil }
        self.bytes = bytes
        self.documents = documents
        self.terms = terms
    }

    /// Calls `visit` with each posting's document id and title mark, in order.
    static func decode(_ postings: ArraySlice<UInt8>, _ visit: (Int, Bool) -> Void) {
        var id = -1
        var gap = 0
        var inTitle = false
        for byte in postings {
            switch byte {
            case 0x30...0x39: gap = gap * 36 + Int(byte - 0x30)
            case 0x61...0x7A: gap = gap * 36 + Int(byte - 0x61 + 10)
            case 0x21: inTitle = true
            default:
                id += gap
                visit(id, inTitle)
                gap = 0
                inTitle = false
            }
        }
        visit(id + gap, inTitle)
    }

    /// True when `postings` is gaps of base-36 digits (each at least 1), each maybe
    /// marked `!`, separated by commas, and the ids they add up to stay below `documentCount`.
    static func isValid(_ postings: ArraySlice<UInt8>, documentCount: Int) -> Bool {
        var id = -1
        var gap = 0
        var digits = 0
        var marked = false
        func close() -> Bool {
            guard digits > 0, digits <= 8, gap > 0 else { return false }
            id += gap
            gap = 0
            digits = 0
            marked = false
            return id < documentCount
        }
        for byte in postings {
            switch byte {
            case 0x30...0x39, 0x61...0x7A:
                guard !marked else { return false }
                gap = gap * 36 + Int(byte <= 0x39 ? byte - 0x30 : byte - 0x61 + 10)
                digits += 1
            case 0x21:
                guard digits > 0, !marked else { return false }
                marked = true
            case 0x2C:
                guard close() else { return false }
            default:
                return false
            }
        }
        return close()
    }

    /// The lines of the bytes after `position`, without their newlines.
    private struct Lines {
        let bytes: [UInt8]
        var position: Int

        mutating func next() -> Range<Int>? {
            guard position < bytes.count, let end = bytes[position...].firstIndex(of: 0x0A) else { return nil }
            defer { position = end + 1 }
            return position..<end
        }
    }
}
