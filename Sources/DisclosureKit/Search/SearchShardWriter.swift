/// Places the search index's shards (`SearchShards`) beside the whole index the writer
/// has just placed, read back from the staged tree; a shard that came out as the previous
/// build's is carried over like any unchanged file.
enum SearchShardWriter {
    static func place(_ plan: SitePlan, reuse: OutputReuse, directory: String)
        throws(FileIO.Failure) -> [(path: String, placement: OutputReuse.Placement)] {
        let bytes = try FileIO.readBytes(directory + "/" + SearchIndex.path, followingLinks: false)
        let documents = plan.newestRecords.count + plan.fixedPages.count
        guard let index = PreviousSearchIndex(bytes, documentCount: documents) else {
            throw .system("\(SearchIndex.path): the index just written does not read back as one")
        }
        try FileIO.makeDirectories(directory + "/" + SearchShards.directory)
        var placed: [(path: String, placement: OutputReuse.Placement)] = []
        for file in SearchShards.files(index, facets: SearchShards.facets(plan)) {
            placed.append((file.path, try reuse.place(file.path, bytes: file.bytes)))
        }
        return placed
    }
}
