import Foundation

extension SiteTree {
    /// Every file of the search index (`search-index/`: meta.js and the term and document
    /// shards), in path order, as one text: what a search could ever load.
    var searchData: String {
        files.keys.filter { $0.hasPrefix("search-index/") }.sorted().map(text).joined(separator: "\n")
    }
}
