/// The search index split into small scripts that the search page loads on demand, by
/// `<script>` elements (browsers refuse `fetch` of file:// URLs), so that what one query
/// loads does not grow with the site. Made from the whole index (`SearchIndex`), which
/// stays the one source of the documents and postings.
///
/// Under `search-index/`:
/// - `meta.js`: `DISCLOSE_SEARCH_META = {"documents": n, "termShards": t,
///   "documentsPerShard": d, "types": [...], "years": [...], "filters": "..."}`; `filters`
///   gives each document's type and year, for the filters, as base-36 numbers
///   `typeIndex * years.count + yearIndex` separated by `,`;
/// - `t-<k>.js` for k in 0..<t: `DISCLOSE_SEARCH_SHARD("t-<k>", {"t": {...}, "u": {...}})`,
///   the terms whose FNV-1a hash of their UTF-8 text is k modulo t, with their postings
///   as in `search-index.js`; `u` holds, for a one-unit (UTF-16) query term that is no term
///   itself, the union of the postings of the two-unit terms containing it (what the
///   whole index's script computed by scanning every term), title marks or-ed;
/// - `d-<k>.js`: `DISCLOSE_SEARCH_SHARD("d-<k>", [...])`, documents k·d ..< (k+1)·d as
///   in `search-index.js`.
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
        var hash: UInt32 = 0x811C_9DC5
        for byte in text {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
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

    /// The shard files of `index` (a whole index checked by `PreviousSearchIndex`) whose
    /// documents have `facets`, path and bytes.
    static func files(_ index: PreviousSearchIndex, facets: [Facet]) -> [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = []
        write(index, facets: facets) { path, bytes in files.append((path, bytes)) }
        return files
    }

    /// Hands `emit` each shard file of `index` in turn, one held at a time: at 100,000
    /// records the shards are 200 MB, and the unions' postings before they are merged
    /// were over a gigabyte.
    static func write<Failure: Error>(_ index: PreviousSearchIndex, facets: [Facet],
                                      _ emit: (String, [UInt8]) throws(Failure) -> Void) throws(Failure) {
        let documents = index.documents.count
        let termShards = termShardCount(documents: documents)
        try emit(metaPath, meta(facets, termShards: termShards))

        // Each shard's terms, in the index's byte order; the terms of one UTF-16 unit, and
        // for each unit the terms of two that hold it (the unions' sources).
        var termsOfShard = [[Int32]](repeating: [], count: termShards)
        var singles = Set<UInt16>()
        var pairs: [(unit: UInt16, term: Int32)] = []
        for (i, term) in index.terms.enumerated() {
            let text = index.bytes[term.text]
            termsOfShard[Int(hash(text)) & (termShards - 1)].append(Int32(i))
            // Two UTF-16 units take two to six bytes of UTF-8.
            guard text.count <= 6 else { continue }
            switch utf16Count(text) {
            case 1: singles.insert(String(decoding: text, as: UTF8.self).utf16.first!)
            case 2:
                let units = Array(String(decoding: text, as: UTF8.self).utf16)
                for unit in Set(units) where !UTF16.isLeadSurrogate(unit) && !UTF16.isTrailSurrogate(unit) {
                    pairs.append((unit, Int32(i)))
                }
            default: break
            }
        }
        var termsOfUnit: [UInt16: [Int32]] = [:]
        for pair in pairs where !singles.contains(pair.unit) { termsOfUnit[pair.unit, default: []].append(pair.term) }
        pairs = []
        var unitsOfShard = [[UInt16]](repeating: [], count: termShards)
        for unit in termsOfUnit.keys.sorted() {
            unitsOfShard[Int(hash(String(Unicode.Scalar(unit)!).utf8)) & (termShards - 1)].append(unit)
        }

        // Per document while a union is merged: 0 absent, 1 present, 2 present in the title.
        var mark = [UInt8](repeating: 0, count: documents)
        var touched: [Int32] = []
        for k in 0..<termShards {
            let name = "t-\(k)"
            var bytes = Array("// Search data of the public records, written by disclose build.\nDISCLOSE_SEARCH_SHARD(\"\(name)\",{\"t\":{".utf8)
            for (n, i) in termsOfShard[k].enumerated() {
                let term = index.terms[Int(i)]
                bytes += n == 0 ? [0x0A, 0x22] : [0x2C, 0x0A, 0x22]
                bytes += index.bytes[term.text]
                bytes += [0x22, 0x3A, 0x22]
                bytes += index.bytes[term.postings]
                bytes.append(0x22)
            }
            bytes += Array("},\"u\":{".utf8)
            for (n, unit) in unitsOfShard[k].enumerated() {
                for i in termsOfUnit[unit]! {
                    PreviousSearchIndex.decode(index.bytes[index.terms[Int(i)].postings]) { id, inTitle in
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

        // Documents, a fixed number a shard.
        for k in 0..<documentShardCount(documents: documents) {
            let name = "d-\(k)"
            var bytes = Array("// Search data of the public records, written by disclose build.\nDISCLOSE_SEARCH_SHARD(\"\(name)\",[".utf8)
            let range = (k * documentsPerShard)..<min(documents, (k + 1) * documentsPerShard)
            for id in range {
                bytes.append(contentsOf: id == range.lowerBound ? [0x0A] : [0x2C, 0x0A])
                bytes += index.bytes[index.documents[id]]
            }
            bytes += Array("\n]);\n".utf8)
            try emit("\(directory)/\(name).js", bytes)
        }
    }

    /// The length of valid UTF-8 in UTF-16 units, as JavaScript's `length` counts: one a
    /// scalar, two for one above U+FFFF (a four-byte sequence).
    static func utf16Count(_ bytes: ArraySlice<UInt8>) -> Int {
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
