/// Places the search index's shards (`SearchShards`) in the staged tree. `meta.js` carries
/// the key of the whole index (`OutputKeys.searchIndex`, which covers the documents and
/// their types and years): when it matches the previous build's, every shard is carried
/// over unread. Otherwise the shards are made again, updated from the previous build's
/// shards where few documents changed (`SearchIndexUpdate`), and a shard that came out as
/// the previous build's is carried over like any unchanged file.
enum SearchShardWriter {
    static func place(_ plan: SitePlan, reuse: OutputReuse, directory: String, key: Digest,
                      previousDocuments: [Digest], documents: [Digest])
        throws(FileIO.Failure) -> [(path: String, placement: OutputReuse.Placement)] {
        try FileIO.makeDirectories(directory + "/" + SearchShards.directory)
        let paths = SearchShards.paths(plan)
        var carried: [String: OutputReuse.Placement] = [:]
        if let meta = reuse.carry(SearchShards.metaPath, key: key) {
            carried[SearchShards.metaPath] = .carried(meta)
            for path in paths where path != SearchShards.metaPath {
                if let entry = reuse.carryPrevious(path) { carried[path] = .carried(entry) }
            }
            if carried.count == paths.count { return paths.map { ($0, carried[$0]!) } }
        }
        var placed: [(path: String, placement: OutputReuse.Placement)] = []
        func emit(_ path: String, _ bytes: [UInt8]) throws(FileIO.Failure) {
            // A shard carried above is the previous build's, from an index of the same key: kept.
            if let kept = carried[path] {
                placed.append((path, kept))
            } else if path == SearchShards.metaPath {
                placed.append((path, try reuse.place(path, key: key) { bytes }))
            } else {
                placed.append((path, try reuse.place(path, bytes: bytes)))
            }
        }
        if let update = SearchIndexUpdate(previous: { count in PreviousSearchIndex(documentCount: count, file: reuse.previousBytes) },
                                          previousKeys: previousDocuments, keys: documents) {
            // An unchanged term shard is the previous build's file, kept without being made
            // (and carried once: it may be already, above).
            func keep(_ path: String) -> Bool {
                guard let kept = carried[path] ?? reuse.carryPrevious(path).map(OutputReuse.Placement.carried) else { return false }
                placed.append((path, kept))
                return true
            }
            try update.writeShards(SearchDocument.all(plan), facets: SearchShards.facets(plan), keep: keep, emit)
        } else {
            try SearchIndex.writeShards(plan, emit)
        }
        return placed
    }
}
