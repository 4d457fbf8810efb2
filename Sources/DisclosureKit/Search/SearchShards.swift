/// The search index as small scripts that the search page loads on demand, by `<script>`
/// elements (browsers refuse `fetch` of file:// URLs), so that what one query loads does
/// not grow with the site. They are the only form of the index the build writes: cut from
/// the postings as `SearchIndex` gathers them, or as `SearchIndexUpdate` merges them.
///
/// Under `search-index/`:
/// - `meta.js`: `DISCLOSE_SEARCH_META = {"documents": n, "termShards": t,
///   "documentsPerShard": d, "types": [...], "years": [...], "filters": "..."}`; `filters`
///   gives each document's type and year, for the filters, as base-36 numbers
///   `typeIndex * years.count + yearIndex` separated by `,`;
/// - `t-<k>.js` for k in 0..<t: `DISCLOSE_SEARCH_SHARD("t-<k>", {"t": {...}, "u": {...}})`,
///   the terms whose FNV-1a hash of their UTF-8 text is k modulo t, with their postings
///   (document ids ascending, as base-36 gaps separated by `,`, `!` after a title hit;
///   terms in the byte order of their text); `u` holds, for a one-unit (UTF-16) query term that is no term
///   itself, the union of the postings of the two-unit terms containing it (what the
///   whole-index script before the shards computed by scanning every term), title marks or-ed;
/// - `d-<k>.js`: `DISCLOSE_SEARCH_SHARD("d-<k>", [...])`, documents k·d ..< (k+1)·d, one
///   a line (`SearchIndex`'s entries).
///
/// Every file exists whatever the content (a term shard may be empty), so the set of
/// files follows from the number of documents alone: the audit expects exactly these.
enum SearchShards {
    static let directory = "search-index"
    static let metaPath = directory + "/meta.js"
    static let documentsPerShard = 32
    /// About this many documents per term shard: the postings of a document's terms are
    /// about a kilobyte in the index, so a shard holds about 128 KB whatever the site.
    static let documentsPerTermShard = 128

    /// The number of term shards: a power of two, so the hash picks one with a mask.
    static func termShardCount(documents: Int) -> Int {
        var count = 1
        while count * documentsPerTermShard < documents { count *= 2 }
        return count
    }

    static func documentShardCount(documents: Int) -> Int {
        max(1, (documents + documentsPerShard - 1) / documentsPerShard)
    }

    /// Every file of the shards, relative to the output.
    static func paths(documents: Int) -> [String] {
        [metaPath] + (0..<termShardCount(documents: documents)).map { "\(directory)/t-\($0).js" }
            + (0..<documentShardCount(documents: documents)).map { "\(directory)/d-\($0).js" }
    }

    static func paths(_ plan: SitePlan) -> [String] {
        paths(documents: plan.newestRecords.count + plan.fixedPages.count)
    }

    /// FNV-1a over the UTF-8 bytes of a term; `assets/search.js` computes the same.
    static func hash(_ text: some Sequence<UInt8>) -> UInt32 {
        var hash = FNV1a()
        for byte in text { hash.add(byte) }
        return hash.value
    }

    /// The 32-bit FNV-1a hash, a byte at a time.
    struct FNV1a {
        private(set) var value: UInt32 = 0x811C_9DC5

        mutating func add(_ byte: UInt8) {
            value ^= UInt32(byte)
            value = value &* 0x0100_0193
        }
    }

    /// Each document's type and year as the filters compare them, in id order: a fixed
    /// page is of type `page` and no year.
    static func facets(_ plan: SitePlan) -> [Facet] {
        SearchDocument.all(plan).map { document in
            switch document {
            case .record(let page): Facet(type: page.record.type.id, year: String(page.record.listDate.year))
            case .fixed: Facet(type: "page", year: "")
            }
        }
    }

    struct Facet {
        var type: String
        var year: String
    }

    /// One term of the index: its text and its postings (base-36 gaps, `!` after a title hit).
    typealias Term = (text: ArraySlice<UInt8>, postings: ArraySlice<UInt8>)

    /// The shard files of a whole index held in memory (`documents` in id order, `terms`
    /// in any order) whose documents have `facets`, path and bytes.
    static func files(documents: [ArraySlice<UInt8>], terms: [Term], facets: [Facet]) -> [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = []
        write(documents: documents, terms: terms, facets: facets) { path, bytes in files.append((path, bytes)) }
        return files
    }

    /// Hands `emit` every shard file of a whole index held in memory, one at a time.
    static func write<Failure: Error>(documents: [ArraySlice<UInt8>], terms: [Term], facets: [Facet],
                                      _ emit: (String, [UInt8]) throws(Failure) -> Void) throws(Failure) {
        try emit(metaPath, meta(facets, termShards: termShardCount(documents: documents.count)))
        var documentShards = DocumentShards(documents: documents.count)
        for document in documents { try documentShards.append(document, emit) }
        try documentShards.finish(emit)
        try writeTermShards(terms, documents: documents.count, emit)
    }

    /// The document shards, cut as the entries come in id order: only one shard is held.
    struct DocumentShards {
        let documents: Int
        private var next = 0
        private var bytes: [UInt8] = []

        init(documents: Int) {
            self.documents = documents
        }

        /// Adds the entry of the next document; emits its shard when it is the shard's last.
        mutating func append<Failure: Error>(_ entry: some Collection<UInt8>,
                                             _ emit: (String, [UInt8]) throws(Failure) -> Void) throws(Failure) {
            precondition(next < documents, "more search documents than planned")
            if next % documentsPerShard == 0 { bytes = Self.opening(next / documentsPerShard) }
            bytes.append(contentsOf: next % documentsPerShard == 0 ? [0x0A] : [0x2C, 0x0A])
            bytes.append(contentsOf: entry)
            next += 1
            if next % documentsPerShard == 0 || next == documents {
                bytes += Array("\n]);\n".utf8)
                try emit("\(directory)/d-\((next - 1) / documentsPerShard).js", bytes)
                bytes = []
            }
        }

        /// After the last document: a site without documents still has its one empty shard.
        mutating func finish<Failure: Error>(_ emit: (String, [UInt8]) throws(Failure) -> Void) throws(Failure) {
            precondition(next == documents, "fewer search documents than planned")
            if documents == 0 { try emit("\(directory)/d-0.js", Self.opening(0) + Array("\n]);\n".utf8)) }
        }

        static func opening(_ shard: Int) -> [UInt8] {
            Array("// Search data of the public records, written by disclose build.\nDISCLOSE_SEARCH_SHARD(\"d-\(shard)\",[".utf8)
        }
    }

    /// The term shards whose bytes a term's text and postings take part in: its own, and
    /// those of the one-unit unions it is part of.
    static func shards(touchedBy text: ArraySlice<UInt8>, termShards: Int) -> [Int] {
        var shards = [Int(hash(text)) & (termShards - 1)]
        forEachUnionUnit(of: text) { shards.append(unitShard($0, termShards: termShards)) }
        return shards
    }

    /// Calls `body` with each UTF-16 unit whose one-unit union a term is part of: each
    /// unit (not a surrogate) of a term of two units, once; none for any other term.
    /// Every term of an index passes here, most of them two Han characters: those are
    /// read from their bytes, without a string.
    static func forEachUnionUnit(of text: ArraySlice<UInt8>, _ body: (UInt16) -> Void) {
        // Two UTF-16 units take two to six bytes of UTF-8.
        guard text.count <= 6 else { return }
        if let (first, second) = twoBasicUnits(text) {
            body(first)
            if second != first { body(second) }
            return
        }
        // Anything else (a scalar above U+FFFF, bytes that are not UTF-8) as a string reads it.
        guard utf16Count(text) == 2 else { return }
        for unit in Set(String(decoding: text, as: UTF8.self).utf16)
        where !UTF16.isLeadSurrogate(unit) && !UTF16.isTrailSurrogate(unit) {
            body(unit)
        }
    }

    /// The two units of `text` when it is exactly two well-formed UTF-8 scalars of the
    /// basic plane, else nil.
    private static func twoBasicUnits(_ text: ArraySlice<UInt8>) -> (UInt16, UInt16)? {
        var bytes = text.makeIterator()
        var decoder = Unicode.UTF8()
        func next() -> UInt16?? {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar): scalar.value <= 0xFFFF ? UInt16(scalar.value) : nil
            case .emptyInput: .some(nil)
            case .error: nil
            }
        }
        // Two units of the basic plane, then the end: no array per term.
        guard let first = next() ?? nil, let second = next() ?? nil, case .some(.none) = next() else { return nil }
        return (first, second)
    }

    /// The term shard that holds the union of `unit` (not a surrogate): `hash` of its
    /// UTF-8 bytes, encoded one at a time (every two-character term asks, twice).
    static func unitShard(_ unit: UInt16, termShards: Int) -> Int {
        var hash = FNV1a()
        Unicode.UTF8.encode(Unicode.Scalar(unit)!) { hash.add($0) }
        return Int(hash.value) & (termShards - 1)
    }

    /// Hands `emit` each term shard of `terms` (the index's terms, each once, in any
    /// order) in turn, each shard's terms in byte order; one shard's bytes are held at a
    /// time: the unions' postings before they are merged were over a gigabyte at 100,000
    /// records. A shard for which `keep` returns true (it kept the previous build's file,
    /// whose bytes are the same) is not made, nor are the unions it would hold gathered:
    /// `keep` is asked for every shard before any is made.
    static func writeTermShards<Failure: Error>(_ terms: [Term], documents: Int,
                                                keep: (_ shard: Int) throws(Failure) -> Bool = { _ in false },
                                                _ emit: (String, [UInt8]) throws(Failure) -> Void) throws(Failure) {
        let termShards = termShardCount(documents: documents)
        var kept = [Bool](repeating: false, count: termShards)
        for k in 0..<termShards { kept[k] = try keep(k) }

        // Each shard's terms; the one-unit terms (a bit per UTF-16 unit), and for each unit
        // the two-unit terms that hold it (the unions' sources) where its shard is made.
        var termsOfShard = [[Int32]](repeating: [], count: termShards)
        var singles = [UInt64](repeating: 0, count: 65_536 / 64)
        var pairs: [(unit: UInt16, term: Int32)] = []
        for (i, term) in terms.enumerated() {
            let text = term.text
            let shard = Int(hash(text)) & (termShards - 1)
            if !kept[shard] { termsOfShard[shard].append(Int32(i)) }
            if text.count <= 3, utf16Count(text) == 1 {
                let unit = String(decoding: text, as: UTF8.self).utf16.first!
                singles[Int(unit) >> 6] |= 1 << UInt64(unit & 63)
            }
            forEachUnionUnit(of: text) { unit in
                if !kept[unitShard(unit, termShards: termShards)] { pairs.append((unit, Int32(i))) }
            }
        }
        var termsOfUnit = [[Int32]](repeating: [], count: 65_536)
        for pair in pairs where singles[Int(pair.unit) >> 6] & (1 << UInt64(pair.unit & 63)) == 0 {
            termsOfUnit[Int(pair.unit)].append(pair.term)
        }
        pairs = []
        var unitsOfShard = [[UInt16]](repeating: [], count: termShards)
        for unit in 0..<65_536 where !termsOfUnit[unit].isEmpty {
            unitsOfShard[unitShard(UInt16(unit), termShards: termShards)].append(UInt16(unit))
        }

        // Per document while a union is merged: 0 absent, 1 present, 2 present in the title.
        var mark = [UInt8](repeating: 0, count: documents)
        var touched: [Int32] = []
        for k in 0..<termShards where !kept[k] {
            let name = "t-\(k)"
            var bytes = Array("// Search data of the public records, written by disclose build.\nDISCLOSE_SEARCH_SHARD(\"\(name)\",{\"t\":{".utf8)
            termsOfShard[k].sort { bytesPrecede(terms[Int($0)].text, terms[Int($1)].text) }
            for (n, i) in termsOfShard[k].enumerated() {
                let term = terms[Int(i)]
                bytes += n == 0 ? [0x0A, 0x22] : [0x2C, 0x0A, 0x22]
                bytes += term.text
                bytes += [0x22, 0x3A, 0x22]
                bytes += term.postings
                bytes.append(0x22)
            }
            bytes += Array("},\"u\":{".utf8)
            for (n, unit) in unitsOfShard[k].enumerated() {
                for i in termsOfUnit[Int(unit)] {
                    PreviousSearchIndex.decode(terms[Int(i)].postings) { id, inTitle in
                        if mark[id] == 0 { touched.append(Int32(id)) }
                        mark[id] = max(mark[id], inTitle ? 2 : 1)
                    }
                }
                touched.sort()
                var postings = SearchIndex.Postings()
                for id in touched {
                    postings.append(Int(id), inTitle: mark[Int(id)] == 2)
                    mark[Int(id)] = 0
                }
                touched.removeAll(keepingCapacity: true)
                bytes += n == 0 ? [0x0A, 0x22] : [0x2C, 0x0A, 0x22]
                bytes += Array(String(Unicode.Scalar(unit)!).utf8)
                bytes += [0x22, 0x3A, 0x22]
                bytes += postings.bytes
                bytes.append(0x22)
            }
            bytes += Array("}});\n".utf8)
            try emit("\(directory)/\(name).js", bytes)
        }
    }

    /// The length of valid UTF-8 in UTF-16 units, as JavaScript's `length` counts: one a
    /// scalar, two for one above U+FFFF (a four-byte sequence).
    static func utf16Count(_ bytes: some Collection<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += byte >= 0xF0 ? 2 : 1 }
        return count
    }

    /// `meta.js`: what the search page needs before a query, the filters' values among it.
    static func meta(_ facets: [Facet], termShards: Int) -> [UInt8] {
        var types: [String] = []
        var typeIndex: [String: Int] = [:]
        for facet in facets where typeIndex[facet.type] == nil {
            typeIndex[facet.type] = types.count
            types.append(facet.type)
        }
        let years = Array(Set(facets.map(\.year))).sorted()
        let yearIndex = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0) })
        var filters: [UInt8] = []
        for (id, facet) in facets.enumerated() {
            if id > 0 { filters.append(0x2C) }
            SearchIndex.appendBase36(typeIndex[facet.type]! * years.count + yearIndex[facet.year]!, to: &filters)
        }
        var bytes = Array("// Search data of the public records, written by disclose build.\nwindow.DISCLOSE_SEARCH_META={".utf8)
        bytes += Array("\"documents\":\(facets.count),\"termShards\":\(termShards),\"documentsPerShard\":\(documentsPerShard),\n".utf8)
        bytes += Array("\"types\":[\(types.map(jsonString).joined(separator: ","))],\n".utf8)
        bytes += Array("\"years\":[\(years.map(jsonString).joined(separator: ","))],\n\"filters\":\"".utf8)
        bytes += filters
        bytes += Array("\"};\n".utf8)
        return bytes
    }
}
