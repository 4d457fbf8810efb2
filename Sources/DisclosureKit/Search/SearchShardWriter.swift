/// Places the search index's shards (`SearchShards`) beside the whole index the writer
/// has just placed. The shards are a function of the whole index and the documents'
/// types and years, which its key covers: when the whole index was carried over, so are
/// the shards the previous build cut from it, unread. Otherwise they are cut from the
/// index read back from the staged tree, and a shard that came out as the previous
/// build's is carried over like any unchanged file.
enum SearchShardWriter {
    static func place(_ plan: SitePlan, reuse: OutputReuse, directory: String, indexCarried: Bool)
        throws(FileIO.Failure) -> [(path: String, placement: OutputReuse.Placement)] {
        try FileIO.makeDirectories(directory + "/" + SearchShards.directory)
        var carried: [String: OutputReuse.Placement] = [:]
        if indexCarried {
            for path in SearchShards.paths(plan) {
                if let key = reuse.previous[path]?.key, let entry = reuse.carry(path, key: key) { carried[path] = .carried(entry) }
            }
            if carried.count == SearchShards.paths(plan).count { return SearchShards.paths(plan).map { ($0, carried[$0]!) } }
        }
        let bytes = try FileIO.readBytes(directory + "/" + SearchIndex.path, followingLinks: false)
        let documents = plan.newestRecords.count + plan.fixedPages.count
        guard let index = PreviousSearchIndex(bytes, documentCount: documents) else {
            throw .system("\(SearchIndex.path): the index just written does not read back as one")
        }
        var placed: [(path: String, placement: OutputReuse.Placement)] = []
        try SearchShards.write(index, facets: SearchShards.facets(plan)) { (path, bytes) throws(FileIO.Failure) in
            // A shard carried above is the previous build's, from the same index: kept.
            if let kept = carried[path] {
                placed.append((path, kept))
            } else {
                placed.append((path, try reuse.place(path, bytes: bytes)))
            }
        }
        return placed
    }
}
